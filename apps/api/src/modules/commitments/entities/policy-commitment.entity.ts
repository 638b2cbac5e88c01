import { COMMITMENT_STATUSES, COMMITMENT_TYPES, type CommitmentStatus, type CommitmentType } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { Project } from '../../projects/entities/project.entity.js';
import { Unit } from '../../responsibility/entities/unit.entity.js';

/**
 * 优惠政策兑现 (DOMAIN.md §9): an incentive promised to a project's investor, the unit answering for it,
 * its due date and how far it was honoured. The dates of honouring and withdrawal are kept so the POLICY
 * warning can judge a past day on what was true then.
 */
@Entity({ name: 'policy_commitments' })
@Index('idx_policy_commitments_project', ['projectId'])
@Index('idx_policy_commitments_unit', ['unitId'])
@Index('idx_policy_commitments_status_due', ['status', 'dueAt'])
@Check('chk_policy_commitments_withdrawn', `("status" = 'WITHDRAWN') = ("withdrawn_reason" IS NOT NULL AND "withdrawn_at" IS NOT NULL)`)
@Check('chk_policy_commitments_honoured', `"honoured_amount_wan" >= 0 AND ("status" <> 'HONOURED' OR "honoured_at" IS NOT NULL)`)
@Check('chk_policy_commitments_promised', `"promised_amount_wan" IS NULL OR "promised_amount_wan" >= 0`)
export class PolicyCommitment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  projectId: string;

  @ManyToOne(() => Project, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'project_id' })
  project?: Project;

  @Column({ type: 'enum', enum: COMMITMENT_TYPES, enumName: 'commitment_type' })
  type: CommitmentType;

  @Column({ type: 'varchar', length: 1000 })
  content: string;

  @Column({ type: 'numeric', precision: 18, scale: 2, nullable: true })
  promisedAmountWan: string | null;

  @Column({ type: 'date' })
  dueAt: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => Unit, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: Unit;

  @Column({ type: 'enum', enum: COMMITMENT_STATUSES, enumName: 'commitment_status', default: 'PENDING' })
  status: CommitmentStatus;

  /** cumulative */
  @Column({ type: 'numeric', precision: 18, scale: 2, default: 0 })
  honouredAmountWan: string;

  @Column({ type: 'date', nullable: true })
  honouredAt: string | null;

  @Column({ type: 'date', nullable: true })
  withdrawnAt: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  withdrawnReason: string | null;

  /** the day it entered the ledger (Asia/Shanghai): the POLICY warning of a past day counts it from then */
  @Column({ type: 'date' })
  recordedAt: string;

  @VersionColumn({ type: 'integer' })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
