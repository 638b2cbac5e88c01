import { ISSUE_CATEGORIES, ISSUE_STATUSES, type IssueCategory, type IssueStatus } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Project } from '../../projects/entities/project.entity.js';
import { Unit } from '../../responsibility/entities/unit.entity.js';

/** 问题诉求 (DOMAIN.md §9): a problem a project meets, the unit that handles it, by when, and how it ended. */
@Entity({ name: 'project_issues' })
@Index('idx_project_issues_project', ['projectId'])
@Index('idx_project_issues_unit', ['unitId'])
@Index('idx_project_issues_status_due', ['status', 'dueAt'])
@Check('chk_project_issues_closed', `("status" IN ('RESOLVED', 'UNRESOLVABLE')) = ("resolution" IS NOT NULL AND "closed_at" IS NOT NULL)`)
@Check('chk_project_issues_due', `"due_at" >= "raised_at"`)
export class ProjectIssue {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'enum', enum: ISSUE_CATEGORIES, enumName: 'issue_category' })
  category: IssueCategory;

  @Column({ type: 'varchar', length: 1000 })
  description: string;

  @Column({ type: 'date' })
  raisedAt: string;

  /** who raised it, as their name read then (accounts are renamed and disabled; the record stays) */
  @Column({ type: 'varchar', length: 50 })
  raisedByName: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'date' })
  dueAt: string;

  @Column({ type: 'enum', enum: ISSUE_STATUSES, enumName: 'issue_status', default: 'OPEN' })
  status: IssueStatus;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  resolution: string | null;

  @Column({ type: 'date', nullable: true })
  closedAt: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
