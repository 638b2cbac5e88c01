import { COMMITMENT_STATUSES, type CommitmentStatus } from '@zhaoshang/shared/domain';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PolicyCommitment } from './policy-commitment.entity.js';

/** One status change of a commitment (兑现记录): the ledger shows how a promise was honoured step by step. Never edited. */
@Entity({ name: 'commitment_events' })
@Index('idx_commitment_events_commitment', ['commitmentId', 'at'])
export class CommitmentEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  commitmentId: string;

  @ManyToOne(() => PolicyCommitment, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commitment_id' })
  commitment?: PolicyCommitment;

  @Column({ type: 'enum', enum: COMMITMENT_STATUSES, enumName: 'commitment_status' })
  status: CommitmentStatus;

  @Column({ type: 'date' })
  at: string;

  /** cumulative, after the change */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  honouredAmountWan: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 50 })
  authorName: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
