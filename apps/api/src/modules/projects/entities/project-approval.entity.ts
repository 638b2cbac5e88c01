import { APPROVAL_KINDS, APPROVAL_STATUSES, type ApprovalKind, type ApprovalStatus } from '@zhaoshang/shared/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Project } from './project.entity.js';

/** One item of a project's approvals checklist (手续, DOMAIN.md §5); every project has all six. */
@Entity({ name: 'project_approvals' })
@Check('chk_project_approvals_done_at', `("status" = 'DONE') = ("done_at" IS NOT NULL)`)
export class ProjectApproval {
  @PrimaryColumn({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** an enum: sorting by it follows the checklist's order */
  @PrimaryColumn({ type: 'enum', enum: APPROVAL_KINDS, enumName: 'approval_kind' })
  kind: ApprovalKind;

  @Column({ type: 'enum', enum: APPROVAL_STATUSES, enumName: 'approval_status', default: 'NOT_STARTED' })
  status: ApprovalStatus;

  @Column({ type: 'date', nullable: true })
  doneAt: string | null;
}
