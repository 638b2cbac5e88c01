import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CreateWebhookSubscriptionResponse,
  type Page,
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryDto,
  type WebhookSubscriptionDto,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { Conflict, NotFound, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateWebhookSubscriptionDto, UpdateWebhookSubscriptionDto, WebhookDeliveryQueryDto } from './dto/webhook.dto.js';
import { WebhookSubscription } from './entities/webhook-subscription.entity.js';
import { newWebhookSecret } from './webhook-signature.js';
import { DELIVERY_COLUMNS, type DeliveryRow, deliveryDto } from './webhook-sql.js';
import { WebhookWorker } from './webhook-worker.js';

/** `whsec_` and four characters: enough to tell secrets apart, nothing to sign with. */
const SECRET_PREFIX_LENGTH = 10;

interface SubscriptionStats {
  pending: number;
  lastSuccessAt: Date | null;
  lastFailureAt: Date | null;
}

function toDto(s: WebhookSubscription, stats: SubscriptionStats = { pending: 0, lastSuccessAt: null, lastFailureAt: null }): WebhookSubscriptionDto {
  return {
    id: s.id,
    name: s.name,
    url: s.url,
    events: s.events,
    status: s.status,
    pausedReason: s.pausedReason,
    pausedAt: s.pausedAt?.toISOString() ?? null,
    autoPaused: s.autoPaused,
    secretPrefix: s.secret.slice(0, SECRET_PREFIX_LENGTH),
    version: s.version,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.creator ? s.creator.displayName : s.createdBy,
    pending: stats.pending,
    lastSuccessAt: stats.lastSuccessAt?.toISOString() ?? null,
    lastFailureAt: stats.lastFailureAt?.toISOString() ?? null,
  };
}

/** What the audit log keeps of a subscription: everything but the secret and the live counters. */
function auditSnapshot(s: WebhookSubscription): Record<string, unknown> {
  const { pending: _p, lastSuccessAt: _s, lastFailureAt: _f, ...rest } = toDto(s);
  return rest;
}

/** Webhook subscriptions (DOMAIN.md §10), admin only: each change audited in its own transaction. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly worker: WebhookWorker,
  ) {}

  async list(): Promise<WebhookSubscriptionDto[]> {
    const subscriptions = await this.dataSource.getRepository(WebhookSubscription).find({ relations: { creator: true }, order: { createdAt: 'DESC' } });
    const stats = await this.stats(subscriptions.map((s) => s.id));
    // paused ones first: they are what an admin comes here for (the 工作台 links here)
    return subscriptions.map((s) => toDto(s, stats.get(s.id))).sort((a, b) => Number(b.status === 'PAUSED') - Number(a.status === 'PAUSED'));
  }

  async get(id: string): Promise<WebhookSubscriptionDto> {
    const found = await this.dataSource.getRepository(WebhookSubscription).findOne({ where: { id }, relations: { creator: true } });
    if (!found) throw new NotFound('Webhook 订阅', id);
    return toDto(found, (await this.stats([id])).get(id));
  }

  async create(actor: UserActor, dto: CreateWebhookSubscriptionDto): Promise<CreateWebhookSubscriptionResponse> {
    const secret = newWebhookSecret();
    const id = await this.dataSource.transaction(async (em) => {
      const saved = await em.save(em.create(WebhookSubscription, { name: dto.name, url: dto.url, events: dto.events, secret, status: 'ACTIVE', createdBy: actor.id, pausedReason: null, pausedAt: null, autoPaused: false }));
      await this.audit.record(em, actor, { entity: 'webhook', entityId: saved.id, action: 'CREATE', before: null, after: auditSnapshot(saved) });
      return saved.id;
    });
    return { subscription: await this.get(id), secret };
  }

  async update(actor: UserActor, id: string, dto: UpdateWebhookSubscriptionDto): Promise<WebhookSubscriptionDto> {
    await this.dataSource.transaction(async (em) => {
      const s = await this.lock(em, id, dto.version);
      const before = auditSnapshot(s);
      if (dto.name !== undefined) s.name = dto.name;
      if (dto.url !== undefined) s.url = dto.url;
      if (dto.events !== undefined) s.events = dto.events;
      if (dto.paused === true && s.status === 'ACTIVE') Object.assign(s, { status: 'PAUSED', pausedAt: new Date(), pausedReason: `由${actor.displayName}暂停`, autoPaused: false });
      if (dto.paused === false && s.status === 'PAUSED') {
        Object.assign(s, { status: 'ACTIVE', pausedAt: null, pausedReason: null, autoPaused: false });
        // the backlog gets a fresh day of retries: the pause, not the receiver, held it back
        await runSql(em, sql`UPDATE webhook_deliveries SET first_attempt_at = NULL, next_attempt_at = now() WHERE subscription_id = ${id} AND status = 'PENDING'`);
      }
      const after = { ...auditSnapshot(s) };
      if (JSON.stringify(before) === JSON.stringify(after)) return;
      await em.save(s);
      await this.audit.record(em, actor, { entity: 'webhook', entityId: id, action: 'UPDATE', before, after: auditSnapshot(s) });
    });
    this.worker.wake();
    return this.get(id);
  }

  async remove(actor: UserActor, id: string, version: number): Promise<WebhookSubscriptionDto> {
    const removed = await this.get(id);
    await this.dataSource.transaction(async (em) => {
      const s = await this.lock(em, id, version);
      await this.audit.record(em, actor, { entity: 'webhook', entityId: id, action: 'DELETE', before: auditSnapshot(s), after: null });
      // its deliveries go with it (ON DELETE CASCADE); the events stay for the other subscriptions
      await em.remove(s);
    });
    return removed;
  }

  async deliveries(id: string, query: WebhookDeliveryQueryDto): Promise<Page<WebhookDeliveryDto>> {
    await this.get(id);
    const limit = query.limit ?? 50;
    const rows = await runSql<DeliveryRow>(
      this.dataSource,
      sql`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
       WHERE d.subscription_id = ${id} ${query.status ? sql`AND d.status = ${query.status}` : sql.empty} ${query.before ? sql`AND d.id < ${query.before}::bigint` : sql.empty}
       ORDER BY d.id DESC LIMIT ${limit + 1}`,
    );
    const page = rows.slice(0, limit);
    return { items: page.map(deliveryDto), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** Sends one delivery again (same webhook-id, so a receiver that has it can tell). */
  async replay(actor: UserActor, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.dataSource.transaction(async (em) => {
      const [row] = await runSql<{ status: string }>(em, sql`SELECT status FROM webhook_deliveries WHERE id = ${deliveryId}::bigint AND subscription_id = ${id} FOR UPDATE`);
      if (!row) throw new NotFound('投递记录', deliveryId);
      if (row.status === 'PENDING') throw new Conflict('该投递尚在排队或重试中，无需重发');
      await runSql(em, sql`UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = now(), first_attempt_at = NULL, leased_until = NULL, lease_token = NULL WHERE id = ${deliveryId}::bigint`);
      await this.audit.record(em, actor, { entity: 'webhook', entityId: id, action: 'UPDATE', before: { replay: null }, after: { replay: `msg_${deliveryId}` } });
    });
    this.worker.wake();
    return this.delivery(id, deliveryId);
  }

  /**
   * The `webhook.test` ping, sent now (also to a paused subscription: that is where one checks the
   * receiver before resuming) and kept in the log like any delivery.
   */
  async test(actor: UserActor, id: string): Promise<WebhookDeliveryDto> {
    await this.get(id);
    const deliveryId = await this.dataSource.transaction(async (em) => {
      const payload = { type: WEBHOOK_TEST_EVENT, timestamp: new Date().toISOString(), data: { subscriptionId: id, requestedBy: actor.displayName } };
      // webhook.test is not subscribable, so the fan-out trigger gives it to nobody: its one delivery is written here
      const [event] = await runSql<{ id: string }>(em, sql`INSERT INTO webhook_events (type, entity_id, payload) VALUES (${WEBHOOK_TEST_EVENT}, ${id}, ${JSON.stringify(payload)}::jsonb) RETURNING id::text`);
      const [delivery] = await runSql<{ id: string }>(
        em,
        sql`INSERT INTO webhook_deliveries (subscription_id, event_id, order_key, next_attempt_at) VALUES (${id}, ${event.id}::bigint, NULL, 'infinity') RETURNING id::text`,
      );
      return delivery.id;
    });
    await this.worker.deliverNow(deliveryId);
    return this.delivery(id, deliveryId);
  }

  /** Auto-paused subscriptions, for the admins' 工作台. */
  async autoPausedCount(): Promise<number> {
    const [row] = await runSql<{ count: number }>(this.dataSource, sql`SELECT count(*)::int AS count FROM webhook_subscriptions WHERE status = 'PAUSED' AND auto_paused`);
    return row.count;
  }

  private async delivery(id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const [row] = await runSql<DeliveryRow>(
      this.dataSource,
      sql`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.id = ${deliveryId}::bigint AND d.subscription_id = ${id}`,
    );
    if (!row) throw new NotFound('投递记录', deliveryId);
    return deliveryDto(row);
  }

  private async lock(em: EntityManager, id: string, version: number): Promise<WebhookSubscription> {
    const s = await em.findOne(WebhookSubscription, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!s) throw new NotFound('Webhook 订阅', id);
    if (s.version !== version) throw new VersionConflict('Webhook 订阅', s.version, version);
    return s;
  }

  private async stats(ids: string[]): Promise<Map<string, SubscriptionStats>> {
    if (ids.length === 0) return new Map();
    const rows = await runSql<SubscriptionStats & { id: string }>(
      this.dataSource,
      sql`SELECT s.id, count(d.id) FILTER (WHERE d.status = 'PENDING')::int AS pending,
         max(d.delivered_at) AS "lastSuccessAt", max(d.last_attempt_at) FILTER (WHERE d.status <> 'SUCCEEDED' AND d.attempts > 0) AS "lastFailureAt"
       FROM unnest(${ids}::uuid[]) AS s(id) LEFT JOIN webhook_deliveries d ON d.subscription_id = s.id GROUP BY s.id`,
    );
    return new Map(rows.map(({ id, ...stats }) => [id, stats]));
  }
}
