import { API_KEY_RATE_LIMIT_MIN, type CreateWebhookSubscriptionResponse, monthOf, type ProjectDetailDto, shanghaiToday, WEBHOOK_EVENT_TYPES } from '@zhaoshang/shared/domain';
import { build } from 'esbuild';
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StatisticsSync, type SyncState, verifyStandardWebhook, type WebhookReceiverHandle } from '@zhaoshang/examples';
import { signWebhook } from '../src/modules/webhooks/webhook-signature.js';
import { WebhookWorker } from '../src/modules/webhooks/webhook-worker.js';
import { MONTHLY_HEADER, upload, xlsx } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 16 item 2: tools/examples/statistics-sync.ts — what a statistics system runs, written with the
 * typed client only — against the real API on the demo data, while people edit, import, close a month
 * and correct a closed one. It must end with its copy equal to the database, as the feeds define it:
 * every project, and every report whose status is VERIFIED.
 */
describe('the statistics sync example against the real API', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let key: string;
  let sync: StatisticsSync;
  let receiver: WebhookReceiverHandle | undefined;
  const thisMonth = monthOf(shanghaiToday());

  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: true });
    // deliveries retried within a second (the defaults are for a day): the test waits for them
    Object.assign(t.app.get(WebhookWorker).options, { pollMs: 50, firstRetryMs: 200, maxDelayMs: 1_000, timeoutMs: 2_000 });
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    const created = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '市统计局固投系统', scopes: ['read', 'fai:write'] } });
    expect(created.status).toBe(201);
    key = created.body.key;
    sync = new StatisticsSync({ baseUrl: t.baseUrl, apiKey: key });
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.stop();
  });

  /** The database as the feeds define it, one line per row, sorted: all projects, VERIFIED reports. */
  const database = async () => ({
    projects: (
      await t.query<{ line: string }>(`SELECT concat_ws('|', id, version, project_no, stage, contract_amount_wan::text, coalesce(signed_at::text, '')) AS line FROM projects ORDER BY 1`)
    ).map((r) => r.line),
    reports: (
      await t.query<{ line: string }>(
        `SELECT concat_ws('|', id, version, project_id, month, completed_investment_wan::text, arrived_equity_wan::text) AS line FROM monthly_reports WHERE status = 'VERIFIED' ORDER BY 1`,
      )
    ).map((r) => r.line),
  });
  /** The example's copy in the same form. */
  const copy = (s: StatisticsSync) => ({
    projects: [...s.projects.values()].map((p) => [p.id, p.version, p.projectNo, p.stage, p.contractAmountWan, p.signedAt ?? ''].join('|')).sort(),
    reports: [...s.reports.values()].map((r) => [r.id, r.version, r.projectId, r.month, r.completedInvestmentWan, r.arrivedEquityWan].join('|')).sort(),
  });

  it('checks Standard Webhooks signatures as the API makes them, and refuses tampered, stale or foreign ones', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    const body = '{"type":"project.updated","timestamp":"2026-07-08T02:00:00.000Z","data":{"projectId":"p","version":3}}';
    const signature = signWebhook(secret, 'msg_1', ts, body);
    const headers = { id: 'msg_1', timestamp: String(ts), signature };
    expect(verifyStandardWebhook(secret, headers, body, 300, now)).toBe(true);
    // several signatures while a secret is rotated: any one may match
    expect(verifyStandardWebhook(secret, { ...headers, signature: `v1,AAAA ${signature}` }, body, 300, now)).toBe(true);
    expect(verifyStandardWebhook(secret, headers, body.replace('3}', '4}'), 300, now)).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, id: 'msg_2' }, body, 300, now)).toBe(false);
    expect(verifyStandardWebhook('whsec_' + Buffer.from('another secret').toString('base64'), headers, body, 300, now)).toBe(false);
    expect(verifyStandardWebhook(secret, headers, body, 300, now + 301_000)).toBe(false);
    expect(verifyStandardWebhook(secret, { ...headers, signature: signature.replace('v1,', 'v2,') }, body, 300, now)).toBe(false);
  });

  it('pulls the demo data in full: the copy equals the database (run time measured)', async () => {
    const stats = await sync.fullPull();
    const db = await database();
    expect(copy(sync)).toEqual(db);
    expect(stats.projects).toBe(db.projects.length);
    expect(db.projects.length).toBeGreaterThanOrEqual(600);
    expect(db.reports.length).toBeGreaterThan(5_000);
    console.log(`statistics-sync full pull at demo size: ${db.projects.length} projects, ${stats.reports} reports (${db.reports.length} verified), ${stats.pages} pages, ${stats.ms} ms`);
  });

  it('follows edits, an import, a month close and a correction through webhooks and incremental pulls, pushes FAI, and ends equal to the database', async () => {
    const pullsBefore = sync.pulls.length;
    receiver = await sync.startReceiver();
    const subscribed = await t.request<CreateWebhookSubscriptionResponse>('POST', '/api/v1/webhooks', { token: admin, body: { name: '市统计局', url: receiver.url, events: WEBHOOK_EVENT_TYPES } });
    expect(subscribed.status).toBe(201);
    receiver.secret = subscribed.body.secret;

    // the newest open month with verified reports, as the demo left it
    const [{ openMonth }] = await t.query<{ openMonth: string }>(
      `SELECT max(m.month) AS "openMonth" FROM monthly_reports m WHERE m.status = 'VERIFIED' AND m.month NOT IN (SELECT month FROM month_closes WHERE closed)`,
    );
    expect(openMonth).toMatch(/^\d{4}-\d{2}$/);

    // 1. edits of projects
    const demo = await t.query<{ id: string; version: number }>(`SELECT id, version FROM projects WHERE stage = 'SIGNED' ORDER BY project_no LIMIT 3`);
    for (const p of demo) {
      const patched = await t.request<ProjectDetailDto>('PATCH', `/api/v1/projects/${p.id}`, { token: city, body: { version: p.version, notes: '统计对接测试：修改备注' } });
      expect(patched.status).toBe(200);
    }
    // 2. a new project, its report filed and verified, its stage moved; a second one's report filed and returned
    const fresh = await createProject(t, city, { signedAt: `${openMonth}-01` });
    await fileReport(t, city, fresh, openMonth, { completedInvestmentWan: '321.00' });
    const [{ version: freshVersion }] = await t.query<{ version: number }>(`SELECT version FROM projects WHERE id = $1`, [fresh.id]);
    const moved = await t.request('POST', `/api/v1/projects/${fresh.id}/stage`, { token: city, body: { version: freshVersion, to: 'REGISTERED', dates: { registeredAt: shanghaiToday() } } });
    expect(moved.status).toBe(200);
    const other = await createProject(t, city, { signedAt: `${openMonth}-02` });
    await fileReport(t, city, other, openMonth, { completedInvestmentWan: '99.00' }, false);
    const [waiting] = await t.query<{ id: string; version: number }>(`SELECT id, version FROM monthly_reports WHERE project_id = $1`, [other.id]);
    expect((await t.request('POST', '/api/v1/monthly-reports/return', { token: city, body: { items: [waiting], reason: '数字有误' } })).status).toBe(200);
    // 3. an import by city staff: a new verified report, and a verified demo report with other figures,
    //    which makes it 待核实 again — it must leave the copy
    const [deverified] = await t.query<{ id: string; project_no: string; completed: string }>(
      `SELECT m.id, p.project_no, m.completed_investment_wan::text AS completed FROM monthly_reports m JOIN projects p ON p.id = m.project_id
       WHERE m.status = 'VERIFIED' AND m.month = $1 ORDER BY p.project_no LIMIT 1`,
      [openMonth],
    );
    const imported = await upload<{ created: number; updated: number }>(
      t,
      city,
      await xlsx([MONTHLY_HEADER, [other.projectNo, openMonth, 1, 0, 0, 88, '主体施工', null], [deverified.project_no, openMonth, 1, 0, 0, Number(deverified.completed) + 1, null, null]]),
      '月报.xlsx',
      { kind: 'monthly' },
    );
    expect(imported.status).toBe(200);
    expect((await t.query<{ status: string }>(`SELECT status FROM monthly_reports WHERE id = $1`, [deverified.id]))[0].status).toBe('SUBMITTED');
    // 4. the month closes (its waiting reports confirmed with a reason)
    const [{ version: closeVersion }] = await t.query<{ version: number }>(`SELECT coalesce((SELECT version FROM month_closes WHERE month = $1), 0) AS version`, [openMonth]);
    const closed = await t.request('POST', `/api/v1/months/${openMonth}/close`, { token: city, body: { version: closeVersion, reason: '统计对接测试：确认月结' } });
    expect(closed.status).toBe(200);
    // 5. a correction of a closed month: re-dating a signing, with the reason, by city staff
    //    into this (open) month, which changes the closed month's published figures
    const [signedInClosed] = await t.query<{ id: string; version: number }>(
      `SELECT id, version FROM projects WHERE to_char(signed_at, 'YYYY-MM') IN (SELECT month FROM month_closes WHERE closed) AND stage = 'SIGNED'
       ORDER BY signed_at DESC, project_no LIMIT 1`,
    );
    const corrected = await t.request<ProjectDetailDto>('PATCH', `/api/v1/projects/${signedInClosed.id}`, {
      token: city,
      body: { version: signedInClosed.version, signedAt: `${thisMonth}-01`, correctionReason: '合同实际签订日期有误' },
    });
    expect(corrected.status).toBe(200);
    expect((await t.query(`SELECT 1 FROM corrections WHERE project_id = $1`, [signedInClosed.id])).length).toBe(1);

    // 6. the FAI push, as the month's figure and as 1–N月累计
    const month = thisMonth;
    expect(await sync.pushFai('MONTH', [{ regionCode: '150502', month, amountWan: '52310.00' }])).toMatchObject({ unchanged: 0 });
    const [{ ytd }] = await t.query<{ ytd: string }>(
      `SELECT (coalesce(sum(amount_wan), 0) + 1234.56)::numeric(16, 2)::text AS ytd FROM fai_totals WHERE region_code = '150525' AND month >= $1 AND month < $2`,
      [`${month.slice(0, 4)}-01`, month],
    );
    expect(await sync.pushFai('YTD', [{ regionCode: '150525', month, amountWan: ytd }])).toMatchObject({ unchanged: 0 });
    const fai = await t.query<{ region_code: string; amount: string }>(`SELECT region_code, amount_wan::text AS amount FROM fai_totals WHERE month = $1 AND region_code IN ('150502', '150525') ORDER BY 1`, [month]);
    expect(fai).toEqual([
      { region_code: '150502', amount: '52310.00' },
      { region_code: '150525', amount: '1234.56' },
    ]);
    // the same again changes nothing
    expect(await sync.pushFai('YTD', [{ regionCode: '150525', month, amountWan: ytd }])).toEqual({ created: 0, updated: 0, unchanged: 1 });

    // the webhooks alone bring the copy up to date: no pull is asked for here
    const until = Date.now() + 30_000;
    let last = copy(sync);
    let db = await database();
    while (JSON.stringify(last) !== JSON.stringify(db)) {
      if (Date.now() > until) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sync.idle();
      last = copy(sync);
      db = await database();
    }
    expect(last).toEqual(db);
    expect(sync.reports.has(deverified.id)).toBe(false);
    expect(receiver.received).toBeGreaterThan(0);
    expect(receiver.refused).toBe(0);

    // incremental pulls read what changed, not everything again (they start from the saved cursors)
    const incremental = sync.pulls.slice(pullsBefore);
    expect(incremental.length).toBeGreaterThan(0);
    expect(incremental.every((p) => p.kind === 'incremental')).toBe(true);
    const rowsRead = incremental.reduce((n, p) => n + p.projects + p.reports, 0);
    expect(rowsRead).toBeLessThan(100);
    console.log(`statistics-sync: ${receiver.received} webhooks, ${incremental.length} incremental pulls reading ${rowsRead} rows`);
  });

  it('runs as a program on this Node: bundled with esbuild, a first sync pulls in full and saves, the next one is incremental, `listen` pulls on webhooks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-sync-example-'));
    const bundle = join(dir, 'statistics-sync.mjs');
    const root = join(__dirname, '../../..');
    // the command of docs/integration.md §10
    await build({ entryPoints: [join(root, 'tools/examples/statistics-sync.main.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const env = { ...process.env, ZS_BASE_URL: t.baseUrl, ZS_API_KEY: key, ZS_STATE: join(dir, 'copy.json') };
    // asynchronously: the API answering it runs in this very process
    const run = async () => (await promisify(execFile)(process.execPath, [bundle, 'sync'], { env, cwd: dir })).stdout;
    const first = await run();
    expect(first).toMatch(/^全量同步：项目 \d+ 行/m);
    console.log(`statistics-sync as a program, first run: ${/^全量同步.*$/m.exec(first)?.[0]}`);
    const second = await run();
    expect(second).toMatch(/^增量同步：项目 0 行、月报 0 行/m);
    const saved = JSON.parse(readFileSync(join(dir, 'copy.json'), 'utf8')) as SyncState;
    const db = await database();
    expect(saved.projects).toHaveLength(db.projects.length);
    expect(saved.reports).toHaveLength(db.reports.length);
    expect(saved.projectsCursor).toEqual(expect.any(String));

    // `listen`: receives webhooks on its port, pulls on each, and saves the copy on Ctrl-C
    const port = await new Promise<number>((resolve) => {
      const probe = createNetServer().listen(0, '127.0.0.1', () => {
        const free = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}/webhooks`;
    const subscribed = await t.request<CreateWebhookSubscriptionResponse>('POST', '/api/v1/webhooks', { token: admin, body: { name: '统计局（程序）', url, events: ['project.updated'] } });
    expect(subscribed.status).toBe(201);
    const child = spawn(process.execPath, [bundle, 'listen'], { env: { ...env, ZS_WEBHOOK_SECRET: subscribed.body.secret, ZS_WEBHOOK_PORT: String(port) }, cwd: dir });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const waitFor = async (pattern: RegExp) => {
        const until = Date.now() + 20_000;
        while (!pattern.test(out)) {
          if (Date.now() > until) throw new Error(`the program did not print ${pattern}: ${out}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await waitFor(new RegExp(`接收 webhook：${url}`));
      const [p] = await t.query<{ id: string; version: number }>(`SELECT id, version FROM projects WHERE stage = 'SIGNED' ORDER BY project_no DESC LIMIT 1`);
      expect((await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: city, body: { version: p.version, notes: '程序接收 webhook' } })).status).toBe(200);
      await waitFor(/webhook msg_\d+ project\.updated[\s\S]*增量同步：项目 1 行/);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    const listened = JSON.parse(readFileSync(join(dir, 'copy.json'), 'utf8')) as SyncState;
    expect(listened.projects.map((x) => `${x.id}|${x.version}`).sort()).toEqual((await database()).projects.map((line) => line.split('|').slice(0, 2).join('|')));
  });

  it('waits out 429 for Retry-After seconds and still ends with the full copy', async () => {
    const created = await t.request<{ key: string; id: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '限额很小的对端', scopes: ['read'], rateLimitPerMinute: API_KEY_RATE_LIMIT_MIN } });
    expect(created.status).toBe(201);
    const asked: number[] = [];
    // the minute passing, without waiting for it: the budget's window starts afresh in the database
    const sleep = async (ms: number) => {
      asked.push(ms);
      await t.query(`UPDATE api_key_usage SET requests = 0 WHERE key_id = $1`, [created.body.id]);
    };
    const small = new StatisticsSync({ baseUrl: t.baseUrl, apiKey: created.body.key, projectsPageSize: 20, reportsPageSize: 5000, sleep });
    await small.fullPull();
    expect(copy(small)).toEqual(await database());
    expect(asked.length).toBeGreaterThan(0);
    // as long as the server said: the seconds to the end of the minute
    for (const ms of asked) expect(ms >= 1_000 && ms <= 60_000).toBe(true);
    expect(small.waits.map((s) => s * 1000)).toEqual(asked);
  });
});
