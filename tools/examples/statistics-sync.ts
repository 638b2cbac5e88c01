/**
 * What a statistics system (统计局的固投系统) would run against this API — an example for the people who
 * write the other side (docs/integration.md §10), written with the typed client `@zhaoshang/api-client`
 * only, and run by apps/api/test/statistics-sync.integration-spec.ts against the real API.
 *
 * 1. a full pull of the projects and of the verified monthly reports into a local copy;
 * 2. incremental pulls from the saved cursors (`resumeCursor` of the last page → `cursor` next time);
 * 3. a FAI push (全社会固定资产投资), as monthly figures (MONTH) or as 1–N月累计 (YTD);
 * 4. a webhook receiver (node:http) that checks each Standard Webhooks signature and pulls on events;
 * and everywhere: a 429 (or 503) is waited out for `Retry-After` seconds, never retried at once.
 *
 * The local copy is two maps keyed by id plus the two cursors; `toJSON`/`fromJSON` write it to a file
 * (statistics-sync.main.ts) — a real system keeps it in its own database, cursors in the same transaction.
 */
import {
  type ApiErrorResponse,
  createClient,
  type Client,
  type FaiItemDto,
  type FaiWriteResult,
  faiWrite,
  type MonthlyReportDto,
  type ProjectResponse,
  projectsFeed,
  reportsFeed,
  type ReportsFeedData,
} from '@zhaoshang/api-client';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandardWebhook } from './webhook-verify';

/**
 * The feed of reports is asked for EVERY status, and the copy keeps only the VERIFIED ones: a verified
 * report can leave VERIFIED (a city clerk re-imports changed figures: it is 待核实 again), and a feed
 * filtered on VERIFIED would never return it — the copy would keep a figure that no longer counts.
 */
const ALL_REPORT_STATUSES: NonNullable<ReportsFeedData['query']['status']> = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'];

export interface StatisticsSyncOptions {
  /** e.g. https://zhaoshang.example.gov.cn */
  baseUrl: string;
  /** an API key with scope `read` (and `fai:write` to push FAI) */
  apiKey: string;
  /** the months of reports to keep (YYYY-MM); defaults cover every report there is */
  reportsFrom?: string;
  reportsTo?: string;
  /** page sizes: big pages spend the per-key budget slowly (max 1000 and 5000) */
  projectsPageSize?: number;
  reportsPageSize?: number;
  /** how a wait is done (the test may stand in for the passing minute); default setTimeout */
  sleep?: (ms: number) => Promise<void>;
  /** give up after this many refusals in a row (429/503) of one request */
  maxRetries?: number;
  log?: (line: string) => void;
}

/** What one pull brought (kept so that the run can be measured and checked). */
export interface PullStats {
  kind: 'full' | 'incremental';
  projects: number;
  reports: number;
  pages: number;
  ms: number;
}

/** An answer other than 2xx that waiting does not cure (400, 401, 403, 409 …): the body says why. */
export class SyncError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorResponse | undefined,
    what: string,
  ) {
    super(`${what}：HTTP ${status} ${body?.error ?? ''} ${body?.message ?? ''}`.trim());
  }
}

/** The local copy, as kept between runs. */
export interface SyncState {
  projectsCursor: string | null;
  reportsCursor: string | null;
  projects: ProjectResponse[];
  reports: MonthlyReportDto[];
}

export class StatisticsSync {
  readonly projects = new Map<string, ProjectResponse>();
  /** only VERIFIED reports (see ALL_REPORT_STATUSES) */
  readonly reports = new Map<string, MonthlyReportDto>();
  /** where the next incremental pull starts; null: never pulled (a pull from null is a full pull) */
  projectsCursor: string | null = null;
  reportsCursor: string | null = null;
  readonly pulls: PullStats[] = [];
  /** how often a 429/503 made us wait, and how long the server asked for (seconds) */
  readonly waits: number[] = [];

  private readonly client: Client;
  private readonly sleep: (ms: number) => Promise<void>;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: StatisticsSyncOptions) {
    this.client = createClient({ baseUrl: options.baseUrl, headers: { 'X-Api-Key': options.apiKey } });
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Restores a copy written by `toJSON` (cursors included): the next pull is incremental. */
  static fromJSON(options: StatisticsSyncOptions, state: SyncState): StatisticsSync {
    const sync = new StatisticsSync(options);
    for (const p of state.projects) sync.projects.set(p.id, p);
    for (const r of state.reports) sync.reports.set(r.id, r);
    sync.projectsCursor = state.projectsCursor;
    sync.reportsCursor = state.reportsCursor;
    return sync;
  }

  toJSON(): SyncState {
    return { projectsCursor: this.projectsCursor, reportsCursor: this.reportsCursor, projects: [...this.projects.values()], reports: [...this.reports.values()] };
  }

  /** First run: forget everything and read both feeds from the start. */
  async fullPull(): Promise<PullStats> {
    this.projects.clear();
    this.reports.clear();
    this.projectsCursor = null;
    this.reportsCursor = null;
    return this.pull('full');
  }

  /** Every later run (on a timer, or when a webhook arrives): only what changed since the saved cursors. */
  incrementalPull(): Promise<PullStats> {
    return this.pull('incremental');
  }

  /**
   * Pulls requested while one runs are folded into ONE more pull after it (the cursors must not be
   * read and written by two pulls at once); resolves when the copy has caught up with the request.
   */
  requestPull(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          await this.incrementalPull();
        } while (this.again);
      } finally {
        this.running = null;
      }
    };
    this.running = run();
    return this.running;
  }

  /** Resolves once no pull is running (nor asked for). */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  /**
   * 全社会固定资产投资: `MONTH` items are the month's own figures; `YTD` items are 1–N月累计 as the
   * bureau publishes them (the API turns them into monthly ones). Money as decimal strings in 万元.
   * Pushing the same figures again changes nothing (`unchanged`).
   */
  pushFai(basis: 'MONTH' | 'YTD', items: FaiItemDto[]): Promise<FaiWriteResult> {
    return this.send('推送全社会固定资产投资', () => faiWrite({ client: this.client, body: { basis, items } }));
  }

  /**
   * The webhook receiver: POST <path> with a valid signature is answered 204 at once (the sender
   * waits at most 10 s and retries what is not answered), remembered by `webhook-id` (a delivery may
   * come twice: at least once), and starts an incremental pull — the event carries ids and versions
   * only, the feed carries the data. A bad signature or an old timestamp: 401, nothing pulled.
   * The secret may be set on the handle later: the admin registers the URL first and only then sees
   * the secret (once); deliveries refused meanwhile are retried by the sender.
   */
  async startReceiver(options: { secret?: string; port?: number; host?: string; path?: string } = {}): Promise<WebhookReceiverHandle> {
    const path = options.path ?? '/webhooks';
    const seen = new Set<string>();
    const handle: WebhookReceiverHandle = { url: '', secret: options.secret ?? '', received: 0, refused: 0, duplicates: 0, close: () => Promise.resolve() };
    const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void (async () => {
        if (req.method !== 'POST' || req.url !== path) {
          res.writeHead(404).end();
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const rawBody = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => String(req.headers[name] ?? '');
        const delivery = { id: header('webhook-id'), timestamp: header('webhook-timestamp'), signature: header('webhook-signature') };
        if (!handle.secret || !verifyStandardWebhook(handle.secret, delivery, rawBody)) {
          handle.refused += 1;
          res.writeHead(401).end();
          return;
        }
        res.writeHead(204).end();
        if (seen.has(delivery.id)) {
          handle.duplicates += 1;
          return;
        }
        seen.add(delivery.id);
        handle.received += 1;
        const event = JSON.parse(rawBody) as { type: string; data: Record<string, unknown> };
        this.log(`webhook ${delivery.id} ${event.type}`);
        // a failed pull is not lost: the cursor stays where it was and the next event (or the timer) pulls again
        this.requestPull().catch((error: unknown) => this.log(`增量同步失败：${error instanceof Error ? error.message : String(error)}`));
      })().catch(() => {
        if (!res.headersSent) res.writeHead(400).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = server.address() as AddressInfo;
    handle.url = `http://${address.address}:${address.port}${path}`;
    handle.close = async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await this.idle();
    };
    return handle;
  }

  /** Both feeds, each paged until `nextCursor` is null; the last page's `resumeCursor` is saved. */
  private async pull(kind: PullStats['kind']): Promise<PullStats> {
    const started = performance.now();
    const stats: PullStats = { kind, projects: 0, reports: 0, pages: 0, ms: 0 };
    let cursor = this.projectsCursor ?? undefined;
    for (;;) {
      const page = await this.send('取项目增量', () => projectsFeed({ client: this.client, query: { limit: this.options.projectsPageSize ?? 1000, cursor } }));
      stats.pages += 1;
      stats.projects += page.items.length;
      // a project changed twice comes twice: the later one (higher version) wins
      for (const p of page.items) if ((this.projects.get(p.id)?.version ?? 0) <= p.version) this.projects.set(p.id, p);
      // saved after every page: a pull that fails half-way resumes from the last page it applied
      this.projectsCursor = page.resumeCursor;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    cursor = this.reportsCursor ?? undefined;
    for (;;) {
      const query = { from: this.options.reportsFrom ?? '2000-01', to: this.options.reportsTo ?? '2099-12', status: ALL_REPORT_STATUSES, limit: this.options.reportsPageSize ?? 5000, cursor };
      const page = await this.send('取月报增量', () => reportsFeed({ client: this.client, query }));
      stats.pages += 1;
      stats.reports += page.items.length;
      for (const r of page.items) {
        if ((this.reports.get(r.id)?.version ?? 0) > r.version) continue;
        if (r.status === 'VERIFIED') this.reports.set(r.id, r);
        else this.reports.delete(r.id); // returned, re-submitted or a draft again: not a figure any more
      }
      this.reportsCursor = page.resumeCursor;
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    stats.ms = Math.round(performance.now() - started);
    this.pulls.push(stats);
    this.log(`${kind === 'full' ? '全量' : '增量'}同步：项目 ${stats.projects} 行、月报 ${stats.reports} 行、${stats.pages} 页、${stats.ms} 毫秒`);
    return stats;
  }

  /**
   * One call of the typed client. 429 (the key's budget for this minute is spent) and 503 (the
   * database is briefly away) carry `Retry-After` in seconds: wait that long, then ask again.
   * Anything else that is not 2xx is the caller's mistake or a conflict: thrown with the API's message.
   */
  private async send<T>(what: string, call: () => Promise<{ data?: T; error?: unknown; response?: Response }>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const { data, error, response } = await call();
      const status = response?.status ?? 0;
      if ((status === 429 || status === 503) && attempt < (this.options.maxRetries ?? 5)) {
        const seconds = Math.max(1, Number(response?.headers.get('retry-after')) || 1);
        this.waits.push(seconds);
        this.log(`${what}：HTTP ${status}，按 Retry-After 等待 ${seconds} 秒`);
        await this.sleep(seconds * 1000);
        continue;
      }
      if (error === undefined && data !== undefined) return data;
      throw new SyncError(status, error as ApiErrorResponse | undefined, what);
    }
  }

  private log(line: string): void {
    this.options.log?.(line);
  }
}

export interface WebhookReceiverHandle {
  /** where the subscription must point (ask the admin to register it) */
  url: string;
  /** the subscription's `whsec_…` secret, shown to the admin once */
  secret: string;
  /** deliveries accepted (each webhook-id once), refused (bad signature), and repeated ids */
  received: number;
  refused: number;
  duplicates: number;
  close(): Promise<void>;
}
