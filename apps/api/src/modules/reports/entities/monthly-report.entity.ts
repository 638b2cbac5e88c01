import { REPORT_STATUSES, type ReportStatus } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Project } from '../../projects/entities/project.entity.js';

/**
 * 月报 (DOMAIN.md §2, issue 5): one project's figures for one month. Money in 万元 as numeric(14,2),
 * empty = 0. The project's region is the report's region (a project never changes region).
 */
@Entity({ name: 'monthly_reports' })
@Unique('uq_monthly_reports_project_month', ['projectId', 'month'])
@Index('idx_monthly_reports_change_xid', ['changeXid', 'id'])
// the warning rules' partial indexes (submitted months; months with arrived funds), written by hand in AddWarningSettings
@Index('idx_monthly_reports_submitted', { synchronize: false })
@Index('idx_monthly_reports_arrived', { synchronize: false })
// (month, status) INCLUDE (project_id), which TypeORM cannot declare: migration CoverMonthStatusIndex
@Index('idx_monthly_reports_month_status', { synchronize: false })
@Check('chk_monthly_reports_money', `"arrived_equity_wan" >= 0 AND "arrived_loan_wan" >= 0 AND "arrived_other_wan" >= 0 AND "completed_investment_wan" >= 0`)
@Check('chk_monthly_reports_returned', `"status" <> 'RETURNED' OR "return_reason" IS NOT NULL`)
export class MonthlyReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  arrivedEquityWan: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  arrivedLoanWan: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  arrivedOtherWan: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, default: 0 })
  completedInvestmentWan: string;

  /** 形象进度 */
  @Column({ type: 'varchar', length: 500, nullable: true })
  progress: string | null;

  @Column({ type: 'enum', enum: REPORT_STATUSES, enumName: 'report_status', default: 'DRAFT' })
  status: ReportStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  returnReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  verifiedBy: string | null;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  /**
   * The id of the transaction that last wrote the row (xid8 as bigint), set by the trigger of
   * AddCommitOrderedFeeds on every write: the statistics feeds' commit order (issue 11). Never
   * written or read through the entity.
   */
  @Column({ type: 'bigint', select: false, insert: false, update: false })
  changeXid?: string;
}
