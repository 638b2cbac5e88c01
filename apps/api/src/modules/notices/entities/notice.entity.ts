import { NOTICE_KINDS, NOTICE_STATUSES, NOTICE_SUBJECTS, type NoticeKind, type NoticeStatus, type NoticeSubject, type WarningRule } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ProjectIssue } from '../../problems/entities/project-issue.entity.js';
import { Project } from '../../projects/entities/project.entity.js';
import { Leader } from '../../responsibility/entities/leader.entity.js';
import { Unit } from '../../responsibility/entities/unit.entity.js';
import { PolicyCommitment } from '../../commitments/entities/policy-commitment.entity.js';

/**
 * 三单一函 (DOMAIN.md §9): a 提醒单, 催办单, 督办单 or 移交函 about a problem, a red warning or a
 * commitment of a project. Numbered (`seq` per kind and year of issue) only when issued.
 */
@Entity({ name: 'notices' })
@Index('idx_notices_project', ['projectId'])
@Index('idx_notices_issue', ['issueId'])
@Index('idx_notices_status_deadline', ['status', 'deadline'])
@Index('uq_notices_number', ['kind', 'year', 'seq'], { unique: true })
@Check('chk_notices_subject', `("subject_type" = 'ISSUE') = ("issue_id" IS NOT NULL) AND ("subject_type" = 'WARNING') = ("warning_rule" IS NOT NULL) AND ("subject_type" = 'COMMITMENT') = ("commitment_id" IS NOT NULL)`)
@Check('chk_notices_numbered', `("status" IN ('ISSUED', 'ANSWERED', 'CLOSED')) = ("seq" IS NOT NULL AND "year" IS NOT NULL AND "number" IS NOT NULL AND "issued_at" IS NOT NULL)`)
@Check('chk_notices_signer', `"kind" NOT IN ('SUPERVISE', 'TRANSFER') OR "signer_leader_id" IS NOT NULL`)
export class Notice {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: NOTICE_KINDS, enumName: 'notice_kind' })
  kind: NoticeKind;

  @Column({ type: 'enum', enum: NOTICE_STATUSES, enumName: 'notice_status' })
  status: NoticeStatus;

  @Column({ type: 'integer', nullable: true })
  year: number | null;

  @Column({ type: 'integer', nullable: true })
  seq: number | null;

  /** 通招督〔2026〕7号, as printed (the prefix of the day of issue kept even if the setting changes later) */
  @Column({ type: 'varchar', length: 50, nullable: true })
  number: string | null;

  @Column({ type: 'enum', enum: NOTICE_SUBJECTS, enumName: 'notice_subject' })
  subjectType: NoticeSubject;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'uuid', nullable: true })
  issueId: string | null;

  @ManyToOne(() => ProjectIssue, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issue_id' })
  issue?: ProjectIssue;

  /** a rule of the warnings (START, FUNDS…): text, as the rules grow with the follow-through issues */
  @Column({ type: 'varchar', length: 20, nullable: true })
  warningRule: WarningRule | null;

  /** the commitment (issue 15) */
  @Column({ type: 'uuid', nullable: true })
  commitmentId: string | null;

  @ManyToOne(() => PolicyCommitment, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: PolicyCommitment;

  @Column({ type: 'uuid', nullable: true })
  previousNoticeId: string | null;

  @ManyToOne(() => Notice, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'previous_notice_id' })
  previousNotice?: Notice;

  @Column({ type: 'uuid' })
  recipientUnitId: string;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recipient_unit_id' })
  recipientUnit?: Unit;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 4000 })
  facts: string;

  @Column({ type: 'varchar', length: 2000 })
  requirement: string;

  @Column({ type: 'date' })
  deadline: string;

  /** the drafter set the deadline (kept at signing); otherwise a draft's deadline is provisional, computed again when signed */
  @Column({ type: 'boolean', default: false })
  deadlineChosen: boolean;

  @Column({ type: 'varchar', length: 50 })
  draftedByName: string;

  @Column({ type: 'uuid', nullable: true })
  signerLeaderId: string | null;

  @ManyToOne(() => Leader, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'signer_leader_id' })
  signerLeader?: Leader;

  @Column({ type: 'date', nullable: true })
  signedAt: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  signComment: string | null;

  @Column({ type: 'date', nullable: true })
  issuedAt: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  issuedByName: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  feedback: string | null;

  @Column({ type: 'date', nullable: true })
  feedbackAt: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  feedbackByName: string | null;

  @Column({ type: 'date', nullable: true })
  closedAt: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  closeNote: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
