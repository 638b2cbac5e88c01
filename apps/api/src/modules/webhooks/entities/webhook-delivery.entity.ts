import type { WebhookDeliveryStatus } from '@zhaoshang/shared/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { WebhookEvent } from './webhook-event.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

/** One event for one subscription: the queue's row and the delivery log's line. */
@Entity({ name: 'webhook_deliveries' })
@Check('chk_webhook_deliveries_status', `"status" IN ('PENDING', 'SUCCEEDED', 'FAILED')`)
@Index('uq_webhook_deliveries_event', ['subscriptionId', 'eventId'], { unique: true })
@Index('idx_webhook_deliveries_due', ['nextAttemptAt'], { where: `"status" = 'PENDING'` })
@Index('idx_webhook_deliveries_order', ['subscriptionId', 'orderKey', 'eventId'], { where: `"status" = 'PENDING'` })
@Index('idx_webhook_deliveries_log', ['subscriptionId', 'id'])
export class WebhookDelivery {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: WebhookSubscription;

  @Column({ type: 'bigint' })
  eventId: string;

  @ManyToOne(() => WebhookEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: WebhookEvent;

  /** the event's, copied so that the order check is one index lookup */
  @Column({ type: 'varchar', length: 80, nullable: true })
  orderKey: string | null;

  @Column({ type: 'varchar', length: 10, default: 'PENDING' })
  status: WebhookDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  /** a worker holds the delivery until then (its HTTP request is in flight); a crashed worker's lease runs out */
  @Column({ type: 'timestamptz', nullable: true })
  leasedUntil: Date | null;

  /** which claim holds it: a worker whose lease ran out cannot overwrite the next worker's result */
  @Column({ type: 'uuid', nullable: true })
  leaseToken: string | null;

  /** the retry day is counted from here (reset on resume and replay) */
  @Column({ type: 'timestamptz', nullable: true })
  firstAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'integer', nullable: true })
  responseCode: number | null;

  @Column({ type: 'integer', nullable: true })
  durationMs: number | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
