import type { WebhookEventType, WebhookSubscriptionStatus } from '@zhaoshang/shared/domain';
import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';

/** A receiver of events (DOMAIN.md §10): an admin's, with the secret the deliveries are signed with. */
@Entity({ name: 'webhook_subscriptions' })
@Check('chk_webhook_subscriptions_status', `"status" IN ('ACTIVE', 'PAUSED')`)
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'text', array: true })
  events: WebhookEventType[];

  /**
   * `whsec_…`: kept readable, unlike an API key's hash, because every delivery is signed with it
   * (HMAC needs the key itself); the API shows it once and never again.
   */
  @Column({ type: 'varchar', length: 100 })
  secret: string;

  @Column({ type: 'varchar', length: 10 })
  status: WebhookSubscriptionStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  pausedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  pausedAt: Date | null;

  /** paused by the server after a day of failures: the admins' 工作台 shows it */
  @Column({ type: 'boolean', default: false })
  autoPaused: boolean;

  @VersionColumn({ type: 'integer' })
  version: number;

  @Column({ type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
