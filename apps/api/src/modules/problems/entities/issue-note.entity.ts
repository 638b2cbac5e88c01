import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectIssue } from './project-issue.entity.js';

/** A progress note or a comment on a problem (办理进展; leaders comment too). Notes are never edited. */
@Entity({ name: 'issue_notes' })
@Index('idx_issue_notes_issue', ['issueId', 'at'])
export class IssueNote {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  issueId: string;

  @ManyToOne(() => ProjectIssue, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'issue_id' })
  issue?: ProjectIssue;

  @Column({ type: 'date' })
  at: string;

  @Column({ type: 'varchar', length: 1000 })
  text: string;

  @Column({ type: 'varchar', length: 50 })
  authorName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
