import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox: one row per event, written by the transaction of the change that causes it (a
 * trigger on audit_log, see the AddWebhooks migration), so an event exists exactly when its change
 * committed. Its id is the order of events.
 */
@Entity({ name: 'webhook_events' })
@Index('uq_webhook_events_notice_overdue', ['entityId'], { unique: true, where: `"type" = 'notice.overdue'` })
export class WebhookEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'uuid', nullable: true })
  projectId: string | null;

  /** events with the same key reach a subscription in order (a project's id; 'month'; 'fai:<region>'); null: no order */
  @Column({ type: 'varchar', length: 80, nullable: true })
  orderKey: string | null;

  /** the id of what changed (a project, a report, a month, a notice…), for the once-only overdue event */
  @Column({ type: 'varchar', length: 100, nullable: true })
  entityId: string | null;

  /** the body as sent: {type, timestamp, data} */
  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
