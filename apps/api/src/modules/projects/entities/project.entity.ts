import { INVESTOR_ORIGINS, type InvestorOrigin, PROJECT_STAGES, type ProjectStage } from '@zhaoshang/shared/domain';
import { Leader } from '../../responsibility/entities/leader.entity.js';
import { Unit } from '../../responsibility/entities/unit.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Industry } from '../../dictionaries/entities/industry.entity.js';
import { Region } from '../../dictionaries/entities/region.entity.js';

/**
 * 招商引资项目 (DOMAIN.md §2, §5). Money in 万元 as numeric(14,2), read as decimal strings; dates
 * as `date`, read as 'YYYY-MM-DD' strings. The list's filters and sorts each have an index; the
 * descending signing-date index (nulls last) is written by hand in the migration.
 */
@Entity({ name: 'projects' })
// the amount rides along in the filter indexes: the list's totals (count and Σ 签约额) become index-only scans
@Index('idx_projects_region_code', ['regionCode', 'contractAmountWan'])
@Index('idx_projects_industry_code', ['industryCode', 'contractAmountWan'])
@Index('idx_projects_stage', ['stage', 'contractAmountWan'])
@Index('idx_projects_signed_at', ['signedAt', 'id'])
@Index('idx_projects_signed_at_desc', { synchronize: false })
// the text search's GIN index over project_search_grams(…), written by hand in AddProjectTextSearch
@Index('idx_projects_search', { synchronize: false })
// (signed_at, terminated_at, production_started_at) INCLUDE (id), which TypeORM cannot declare: migration ObligationDatesIndex
@Index('idx_projects_obligation_dates', { synchronize: false })
// key projects only, with what the key-project drill's sums read: migration KeyProjectDatesIndex
@Index('idx_projects_key_dates', { synchronize: false })
@Index('idx_projects_contract_amount', ['contractAmountWan', 'id'])
@Index('idx_projects_updated_at', ['updatedAt', 'id'])
@Index('idx_projects_change_xid', ['changeXid', 'id'])
@Index('idx_projects_investor_uscc', ['investorUscc'])
@Index('idx_projects_parent_project_no', ['parentProjectNo'])
@Check('chk_projects_money', `"contract_amount_wan" >= 0 AND ("planned_investment_wan" IS NULL OR "planned_investment_wan" >= 0)`)
@Check('chk_projects_terminated', `"stage" <> 'TERMINATED' OR ("terminated_at" IS NOT NULL AND "termination_reason" IS NOT NULL)`)
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `{regionCode}-{year}-{seq:04}` when generated; legacy numbers are kept as imported */
  @Column({ type: 'varchar', length: 40, unique: true })
  projectNo: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 12 })
  regionCode: string;

  @ManyToOne(() => Region, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'region_code' })
  region?: Region;

  @Column({ type: 'varchar', length: 8 })
  industryCode: string;

  @ManyToOne(() => Industry, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'industry_code' })
  industry?: Industry;

  @Column({ type: 'varchar', length: 200 })
  investorName: string;

  @Column({ type: 'varchar', length: 18, nullable: true })
  investorUscc: string | null;

  @Column({ type: 'enum', enum: INVESTOR_ORIGINS, enumName: 'investor_origin' })
  investorOrigin: InvestorOrigin;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  contractAmountWan: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  plannedInvestmentWan: string | null;

  @Column({ type: 'enum', enum: PROJECT_STAGES, enumName: 'project_stage' })
  stage: ProjectStage;

  @Column({ type: 'date', nullable: true })
  signedAt: string | null;

  @Column({ type: 'date', nullable: true })
  registeredAt: string | null;

  @Column({ type: 'date', nullable: true })
  constructionStartedAt: string | null;

  @Column({ type: 'date', nullable: true })
  productionStartedAt: string | null;

  @Column({ type: 'date', nullable: true })
  terminatedAt: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  terminationReason: string | null;

  @Column({ type: 'char', length: 7, nullable: true })
  plannedStartMonth: string | null;

  @Column({ type: 'boolean', default: false })
  isKeyProject: boolean;

  /** 包联领导: a name of the leaders' list (DOMAIN.md §9); renaming an entry renames it here too */
  @Column({ type: 'varchar', length: 50, nullable: true })
  leadOfficial: string | null;

  @ManyToOne(() => Leader, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'lead_official', referencedColumnName: 'name', foreignKeyConstraintName: 'fk_projects_lead_official' })
  leader?: Leader;

  /** 责任单位: a name of the units' list */
  @Column({ type: 'varchar', length: 100, nullable: true })
  leadDepartment: string | null;

  @ManyToOne(() => Unit, { nullable: true, onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn({ name: 'lead_department', referencedColumnName: 'name', foreignKeyConstraintName: 'fk_projects_lead_department' })
  unit?: Unit;

  /** 旗县联系人: a district staff account of the project's region */
  @Column({ type: 'uuid', nullable: true })
  districtContactId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'district_contact_id', foreignKeyConstraintName: 'fk_projects_district_contact' })
  districtContact?: User;

  @Column({ type: 'varchar', length: 24, nullable: true })
  nationalCode: string | null;

  @Column({ type: 'boolean', default: false })
  statsRegistered: boolean;

  @Column({ type: 'char', length: 7, nullable: true })
  statsRegisteredMonth: string | null;

  @Column({ type: 'varchar', length: 50, nullable: true })
  statsCode: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** 增资: the project this one increases the capital of; its contract amount is the increment only */
  @Column({ type: 'varchar', length: 40, nullable: true })
  parentProjectNo: string | null;

  @ManyToOne(() => Project, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_project_no', referencedColumnName: 'projectNo' })
  parent?: Project | null;

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
