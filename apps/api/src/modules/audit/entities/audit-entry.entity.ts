import type { AuditAction, AuditActorType, AuditEntity } from '@zhaoshang/shared/domain';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One change to data: who, when, what, before and after. Written in the change's transaction. */
@Entity({ name: 'audit_log' })
@Index('idx_audit_log_entity', ['entity', 'entityId', 'id'])
export class AuditEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 10 })
  actorType: AuditActorType;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 100 })
  actorName: string;

  @Column({ type: 'varchar', length: 50 })
  entity: AuditEntity;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'varchar', length: 20 })
  action: AuditAction;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
