import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../common/access/actor.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { writeAudit } from '../audit/audit.service.js';
import { sendWebhook, type SendResult } from './webhook-signature.js';

/** The channel the fan-out trigger notifies when deliveries are queued (see the AddWebhooks migration). */
export const WEBHOOKS_CHANNEL = 'zhaoshang_webhooks';

export interface WebhookWorkerOptions {
  /** false: no loop (tests drive `runOnce` themselves) */
  enabled: boolean;
  /** how often to look for due deliveries when no notification came (retries fall due without one) */
  pollMs: number;
  /** deliveries one process sends at once (each receiver's slow answer holds one slot) */
  batchSize: number;
  /** a receiver that has not answered by then has failed this attempt */
  timeoutMs: number;
  /** the first retry's delay; each next one is three times longer, up to `maxDelayMs`, ±20 % jitter */
  firstRetryMs: number;
  maxDelayMs: number;
  /** retries stop (the delivery FAILED) once the first attempt is this old: a day (DOMAIN.md §10) */
  giveUpAfterMs: number;
  /** a claim is held for the request's timeout plus this: a live worker always records before its lease runs out */
  leaseMarginMs: number;
  /** how often notices are checked for a deadline that has passed (notice.overdue) */
  overdueCheckMs: number;
}

export const DEFAULT_WEBHOOK_WORKER_OPTIONS: WebhookWorkerOptions = {
  enabled: true,
  pollMs: 1_000,
  batchSize: 16,
  timeoutMs: 10_000,
  firstRetryMs: 5_000,
  maxDelayMs: 2 * 3_600_000,
  giveUpAfterMs: 24 * 3_600_000,
  leaseMarginMs: 10_000,
  overdueCheckMs: 60_000,
};

/** The delay before retry number `attempts` (1 = after the first failure). */
export function retryDelayMs(attempts: number, options: Pick<WebhookWorkerOptions, 'firstRetryMs' | 'maxDelayMs'>, random = Math.random): number {
  const base = Math.min(options.firstRetryMs * 3 ** Math.max(0, attempts - 1), options.maxDelayMs);
  // jitter: receivers that come back are not hit by every subscription's retries in the same second
  return Math.round(base * (0.8 + 0.4 * random()));
}

interface Claimed {
  id: string;
  subscriptionId: string;
  url: string;
  secret: string;
  body: string;
  attempts: number;
  firstAttemptAt: Date | null;
}

/**
 * Delivers the queue (DOMAIN.md §10) from inside each API process. Deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease, so several processes share the work and a killed process's
 * claims run out and are taken again (at least once). A delivery is claimed only when no earlier
 * delivery of the same subscription and order key (a project) is still pending: in order per project.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  options: WebhookWorkerOptions = { ...DEFAULT_WEBHOOK_WORKER_OPTIONS };
  private running = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private listener: pg.Client | null = null;
  private lastOverdueCheck = 0;
  /** set by `halt`: results of the deliveries in flight are dropped, as a killed process would */
  private halted = false;
  private woken = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    if (this.options.enabled && process.env['WEBHOOK_WORKER'] !== 'off') this.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.halted = false;
    void this.listen();
    this.loop = this.run();
  }

  /** Stops after the deliveries in flight have been recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    this.loop = null;
    await this.drain();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
  }

  /**
   * Stops as a killed process would: the deliveries in flight are sent but their results are never
   * written, so their leases run out and another worker sends them again.
   */
  async halt(): Promise<void> {
    this.halted = true;
    await this.stop();
  }

  wake(): void {
    // a notification that comes while the loop is busy is kept for its next sleep, not lost
    if (this.wakeUp) this.wakeUp();
    else this.woken = true;
  }

  /**
   * Claims due deliveries for the free slots and starts sending them; how many it claimed. Each is
   * recorded when its answer comes, independently: a slow receiver holds its own slot, not the others'.
   */
  async runOnce(): Promise<number> {
    await this.checkOverdueNotices();
    const free = this.options.batchSize - this.inFlight.size;
    if (free <= 0) return 0;
    const leaseToken = randomUUID();
    const leaseMs = this.options.timeoutMs + this.options.leaseMarginMs;
    const claimed = await runSql<Claimed>(
      this.dataSource,
      sql`WITH due AS (
        SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
        WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.leased_until IS NULL OR d.leased_until < now())
          AND (d.order_key IS NULL OR NOT EXISTS (
            SELECT 1 FROM webhook_deliveries p WHERE p.subscription_id = d.subscription_id AND p.order_key = d.order_key AND p.status = 'PENDING' AND p.event_id < d.event_id))
        ORDER BY d.event_id LIMIT ${free}
        FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE webhook_deliveries d SET leased_until = now() + ${leaseMs} * interval '1 millisecond', lease_token = ${leaseToken}
      FROM due, webhook_subscriptions s, webhook_events e
      WHERE d.id = due.id AND s.id = d.subscription_id AND e.id = d.event_id
      RETURNING d.id::text, d.subscription_id AS "subscriptionId", s.url, s.secret, e.payload::text AS body, d.attempts, d.first_attempt_at AS "firstAttemptAt"`,
    );
    for (const delivery of claimed) {
      const sending: Promise<void> = this.deliver(delivery, leaseToken, false).finally(() => {
        this.inFlight.delete(sending);
        // a slot is free, and the project's next delivery may be due now
        this.wake();
      });
      this.inFlight.add(sending);
    }
    return claimed.length;
  }

  /** Waits for the deliveries being sent now. */
  async drain(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  /** The admin's test ping: one attempt now, whatever the subscription's state; no retries. */
  async deliverNow(deliveryId: string): Promise<void> {
    const leaseToken = randomUUID();
    const [delivery] = await runSql<Claimed>(
      this.dataSource,
      sql`UPDATE webhook_deliveries d SET leased_until = now() + interval '1 minute', lease_token = ${leaseToken}
       FROM webhook_subscriptions s, webhook_events e WHERE d.id = ${deliveryId}::bigint AND s.id = d.subscription_id AND e.id = d.event_id
       RETURNING d.id::text, d.subscription_id AS "subscriptionId", s.url, s.secret, e.payload::text AS body, d.attempts, d.first_attempt_at AS "firstAttemptAt"`,
    );
    if (delivery) await this.deliver(delivery, leaseToken, true);
  }

  private async deliver(delivery: Claimed, leaseToken: string, once: boolean): Promise<void> {
    const result = await sendWebhook(delivery.url, delivery.secret, `msg_${delivery.id}`, delivery.body, this.options.timeoutMs);
    if (this.halted) return;
    await this.record(delivery, leaseToken, result, once).catch((error: unknown) => {
      // the lease runs out and the delivery is sent again: at least once, never lost
      this.logger.warn(`未能记录投递 ${delivery.id} 的结果：${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async record(delivery: Claimed, leaseToken: string, result: SendResult, once: boolean): Promise<void> {
    const firstAttemptAt = delivery.firstAttemptAt ?? new Date();
    const givingUp = !result.ok && (once || Date.now() - firstAttemptAt.getTime() >= this.options.giveUpAfterMs);
    const status = result.ok ? 'SUCCEEDED' : givingUp ? 'FAILED' : 'PENDING';
    const delay = retryDelayMs(delivery.attempts + 1, this.options);
    await this.dataSource.transaction(async (em) => {
      // only the claim that holds the lease writes: a worker whose lease ran out finds nothing to update
      const updated = await runSql<{ id: string }>(
        em,
        sql`UPDATE webhook_deliveries SET status = ${status}, attempts = attempts + 1, last_attempt_at = now(), first_attempt_at = coalesce(first_attempt_at, now()),
           response_code = ${result.responseCode}, duration_ms = ${result.durationMs}, error = ${result.error},
           delivered_at = CASE WHEN ${result.ok} THEN now() END, next_attempt_at = now() + ${delay} * interval '1 millisecond',
           leased_until = NULL, lease_token = NULL
         WHERE id = ${delivery.id}::bigint AND lease_token = ${leaseToken} RETURNING id::text`,
      );
      if (updated.length === 0 || !givingUp || once) return;
      // a day of failures and no success since it began: the subscription keeps failing, pause it and tell the admins
      const paused = await runSql<{ id: string; name: string; version: number }>(
        em,
        sql`UPDATE webhook_subscriptions s SET status = 'PAUSED', auto_paused = true, paused_at = now(),
           paused_reason = '连续一天投递失败，系统已自动暂停', version = version + 1, updated_at = now()
         WHERE s.id = ${delivery.subscriptionId} AND s.status = 'ACTIVE'
           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'SUCCEEDED' AND d.delivered_at >= ${firstAttemptAt})
         RETURNING s.id, s.name, s.version`,
      );
      if (paused.length > 0) {
        this.logger.warn(`Webhook 订阅“${paused[0].name}”连续一天投递失败，已自动暂停`);
        await writeAudit(em, SYSTEM_ACTOR, [
          { entity: 'webhook', entityId: paused[0].id, action: 'UPDATE', before: { status: 'ACTIVE' }, after: { status: 'PAUSED', autoPaused: true, pausedReason: '连续一天投递失败，系统已自动暂停', version: paused[0].version } },
        ]);
      }
    });
  }

  /**
   * notice.overdue: a notice still open (ISSUED or ANSWERED) the day after its deadline (Asia/
   * Shanghai), emitted once per notice (a unique index on the event) by whichever process looks first.
   */
  async checkOverdueNotices(force = false): Promise<void> {
    if (!force && Date.now() - this.lastOverdueCheck < this.options.overdueCheckMs) return;
    this.lastOverdueCheck = Date.now();
    await runSql(
      this.dataSource,
      sql`INSERT INTO webhook_events (type, project_id, order_key, entity_id, payload)
       SELECT 'notice.overdue', n.project_id, n.project_id::text, n.id::text,
         jsonb_build_object('type', 'notice.overdue', 'timestamp', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
           'data', jsonb_build_object('noticeId', n.id, 'projectId', n.project_id, 'kind', n.kind, 'number', n.number, 'deadline', n.deadline, 'version', n.version))
       FROM notices n
       WHERE n.status IN ('ISSUED', 'ANSWERED') AND n.deadline < (now() AT TIME ZONE 'Asia/Shanghai')::date
         AND EXISTS (SELECT 1 FROM webhook_subscriptions s WHERE 'notice.overdue' = ANY(s.events))
       ORDER BY n.deadline, n.id
       ON CONFLICT (entity_id) WHERE type = 'notice.overdue' DO NOTHING`,
    );
  }

  private async run(): Promise<void> {
    while (this.running) {
      let sent = 0;
      try {
        sent = await this.runOnce();
      } catch (error) {
        this.logger.warn(`投递队列读取失败（稍后重试）：${error instanceof Error ? error.message : String(error)}`);
      }
      // something was sent: the next delivery of the same project may be due now, look again at once
      if (sent === 0) await this.sleep(this.options.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || !this.running) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  /** LISTEN on a connection of its own: a queued delivery wakes the loop at once instead of at the next poll. */
  private async listen(): Promise<void> {
    const { url } = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: url, application_name: 'zhaoshang-api-webhooks' });
    client.on('notification', () => this.wake());
    // polling carries on without it
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query(`LISTEN ${WEBHOOKS_CHANNEL}`);
    } catch {
      await client.end().catch(() => undefined);
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
  }
}
