// What the lossless feeds cost (issue 11): GET /api/v1/monthly-reports and GET /api/v1/projects, the
// statistics feeds, over HTTP against a built API on ~116,000 generated projects and ~3.0M monthly
// reports (the loader of indicators.mjs). Times the first page, pages deep in the feed, an incremental
// call after 100 rows changed (updatedSince; resumeCursor where the build has it) and the full pull
// of the whole feed; with BENCH_EXPLAIN=1 the EXPLAIN (ANALYZE, BUFFERS) of the page statements and,
// on a commit-ordered build, of the watermark statement. Runs against any build (BENCH_API_DIST): the
// build before commit-ordered feeds (updated_at order) and after, for a before/after comparison.
// Writes dist/bench/feeds.json (or BENCH_FEEDS_OUT). A benchmark, not a test. See README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadMonthlyWorld, seconds } from './load-monthly.mjs';
import { percentile, timed } from './scenarios.mjs';
import { printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distRoot = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
const apiDist = join(distRoot, 'apps/api/src');
const PROJECTS = Number(process.env.BENCH_FEED_PROJECTS ?? 116_000);
const LIMIT = Number(process.env.BENCH_FEED_LIMIT ?? 500);
const RUNS = Number(process.env.BENCH_FEED_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_FEED_WARMUP ?? 3);
const DEEP_PAGES = Number(process.env.BENCH_FEED_DEEP_PAGES ?? 50);
const CHANGED = Number(process.env.BENCH_FEED_CHANGED ?? 100);
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = resolve(root, process.env.BENCH_FEEDS_OUT ?? 'dist/bench/feeds.json');

const round = (ms) => Math.round(ms * 100) / 100;
const step = (text) => console.log(`▸ ${text}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);

function stats(times) {
  const t = [...times].sort((a, b) => a - b);
  return { n: t.length, p50: round(percentile(t, 0.5)), p95: round(percentile(t, 0.95)), min: round(t[0]), max: round(t[t.length - 1]) };
}

/**
 * The two feeds with the query parameters both builds understand: the month range is required by
 * both; status=VERIFIED is the new build's default and must be asked of the old one (which served all
 * statuses by default), so both serve the same rows.
 */
const FEEDS = [
  { name: 'reports', path: '/api/v1/monthly-reports', query: `from=2000-01&to=2099-12&status=VERIFIED&limit=${LIMIT}`, table: 'monthly_reports', fed: `status = 'VERIFIED'` },
  { name: 'projects', path: '/api/v1/projects', query: `limit=${LIMIT}`, table: 'projects', fed: 'true' },
];


/** A statistics client reads with an API key of scope `read` (an admin token would expire during the full pull). */
async function createReadKey(baseUrl, token) {
  const response = await fetch(`${baseUrl}/api/v1/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ name: '基准测试 统计接口', scopes: ['read'] }),
  });
  if (response.status !== 201 && response.status !== 200) throw new Error(`创建 API 密钥失败：${response.status} ${await response.text()}`);
  return (await response.json()).key;
}

function client(baseUrl, key) {
  /** One feed call, body read and parsed (what a client pays). */
  return async (feed, extra = '') => {
    const response = await fetch(`${baseUrl}${feed.path}?${feed.query}${extra}`, { headers: { 'x-api-key': key } });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET ${feed.path} → ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
}

const cursorParam = (cursor) => `&cursor=${encodeURIComponent(cursor)}`;

async function measureFeed(get, pool, feed, commitOrdered) {
  const result = { name: feed.name, request: `GET ${feed.path}?${feed.query}` };
  result.rowsInTable = (await pool.query(`SELECT count(*)::int AS n FROM ${feed.table} WHERE ${feed.fed}`)).rows[0].n;

  step(`${feed.name}：第一页，预热 ${WARMUP} 次，测 ${RUNS} 次`);
  for (let i = 0; i < WARMUP; i++) await get(feed);
  const first = [];
  let firstPage = null;
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(() => get(feed));
    first.push(r.ms);
    firstPage = r.result;
  }
  result.firstPage = { ...stats(first), rows: firstPage.items.length };

  step(`${feed.name}：沿 nextCursor 连续翻 ${DEEP_PAGES} 页`);
  const deep = [];
  let cursor = firstPage.nextCursor;
  for (let i = 0; i < DEEP_PAGES && cursor; i++) {
    const r = await timed(() => get(feed, cursorParam(cursor)));
    deep.push(r.ms);
    cursor = r.result.nextCursor;
  }
  result.nextPages = stats(deep);
  result.deepCursor = firstPage.nextCursor ? cursor : null; // for EXPLAIN: the position after page DEEP_PAGES + 1

  step(`${feed.name}：全量拉取（到 nextCursor 为 null）`);
  const pages = [];
  let rows = 0;
  let last = null;
  cursor = null;
  const pullStarted = performance.now();
  for (;;) {
    const r = await timed(() => get(feed, cursor ? cursorParam(cursor) : ''));
    pages.push(r.ms);
    rows += r.result.items.length;
    last = r.result;
    cursor = r.result.nextCursor;
    if (!cursor) break;
    if (pages.length % 1000 === 0) console.log(`    ${pages.length} 页，${rows.toLocaleString('en')} 行，${seconds(performance.now() - pullStarted)}`);
  }
  const pullMs = performance.now() - pullStarted;
  // the last full pages (the final page may be short): the deepest part of the feed
  const deepest = pages.slice(Math.max(0, pages.length - 1 - DEEP_PAGES), pages.length - 1);
  result.fullPull = {
    seconds: Math.round(pullMs / 100) / 10,
    rows,
    pages: pages.length,
    rowsPerSecond: Math.round(rows / (pullMs / 1000)),
    everyPage: stats(pages),
    deepestPages: deepest.length ? stats(deepest) : null,
    complete: rows === result.rowsInTable,
  };
  if (!result.fullPull.complete) console.log(`    注意：全量拉取 ${rows} 行，表中 ${result.rowsInTable} 行`);

  step(`${feed.name}：改动 ${CHANGED} 行后增量调用`);
  // a watermark recorded before the change (new build: at most one a second), then the change in one transaction
  await get(feed, cursorParam(last.resumeCursor ?? firstPage.nextCursor ?? ''));
  await sleep(1_100);
  const since = (await pool.query(`SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`)).rows[0].at;
  await sleep(20);
  // what the API's writes do (version + 1, updated_at = now()); the trigger of the new build sets change_xid
  const changed = (
    await pool.query(`UPDATE ${feed.table} SET version = version + 1, updated_at = now()
      WHERE id IN (SELECT id FROM ${feed.table} WHERE ${feed.fed} ORDER BY random() LIMIT ${CHANGED}) RETURNING id`)
  ).rows.map((r) => r.id);
  const incremental = {};
  const modes = [['updatedSince', `&updatedSince=${encodeURIComponent(since)}`]];
  if (commitOrdered && last.resumeCursor) modes.push(['resumeCursor', cursorParam(last.resumeCursor)]);
  for (const [mode, extra] of modes) {
    const check = await get(feed, extra);
    const ids = new Set(check.items.map((i) => i.id));
    const missing = changed.filter((id) => !ids.has(id)).length;
    for (let i = 0; i < WARMUP; i++) await get(feed, extra);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(() => get(feed, extra))).ms);
    incremental[mode] = { ...stats(times), rows: check.items.length, missing, more: check.nextCursor !== null };
    if (missing > 0) console.log(`    注意：${mode} 增量调用漏了 ${missing} 行`);
  }
  result.incremental = incremental;
  return result;
}

/** The statement feed-page.ts runs before every page (copied from it: not exported): the watermark and, for updatedSince, its bound. */
const WATERMARK_SQL = `WITH snap AS (SELECT pg_current_snapshot() AS s),
      local_xids AS (
        SELECT DISTINCT l.transactionid::text::bigint AS xid32 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted AND a.datname = current_database()),
      mark AS MATERIALIZED (
        SELECT LEAST(pg_snapshot_xmax(snap.s)::text::bigint,
            (SELECT min(x::text::bigint) FROM pg_snapshot_xip(snap.s) AS x WHERE x::text::bigint % 4294967296 IN (SELECT xid32 FROM local_xids))) AS xmin
        FROM snap),
      w AS (SELECT clock_timestamp() AS at, xmin FROM mark),
      recorded AS (INSERT INTO feed_watermarks (at, snapshot_xmin) SELECT at, xmin FROM w
        WHERE NOT EXISTS (SELECT 1 FROM feed_watermarks f WHERE f.at > w.at - interval '1 second') ON CONFLICT DO NOTHING RETURNING at),
      pruned AS (DELETE FROM feed_watermarks WHERE at > '-infinity' AND at < now() - interval '30 days' AND EXISTS (SELECT 1 FROM recorded))
    SELECT w.xmin::text AS xmin, (SELECT snapshot_xmin FROM feed_watermarks WHERE at <= GREATEST($1::timestamptz) ORDER BY at DESC LIMIT 1)::text AS since FROM w`;

/**
 * The watermark statement alone on a pg connection: with no other transaction of the database running
 * (pg_locks is then not even read), and while one holds a transaction id (an import or an edit in
 * flight: the snapshot lists it, so pg_locks and pg_stat_activity are read).
 */
async function watermarkCost(pool) {
  const at = new Date(Date.now() - 60_000).toISOString();
  const time = async () => {
    for (let i = 0; i < WARMUP; i++) await pool.query(WATERMARK_SQL, [at]);
    const times = [];
    for (let i = 0; i < RUNS; i++) times.push((await timed(() => pool.query(WATERMARK_SQL, [at]))).ms);
    return stats(times);
  };
  const idle = await time();
  const other = await pool.connect();
  try {
    await other.query('BEGIN');
    await other.query('SELECT pg_current_xact_id()'); // takes a transaction id, as a writer does
    const inFlight = await time();
    return { idle, inFlight };
  } finally {
    await other.query('ROLLBACK').catch(() => undefined);
    other.release();
  }
}

async function explain(pool, text, values) {
  // ANALYZE runs the statement: the watermark's INSERT is rolled back
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const rows = (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows;
    await c.query('ROLLBACK');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    c.release();
  }
}

/** The reports page statement as the build under test writes it (its own sql tag and column list), for EXPLAIN. */
async function reportPageStatement(pool, commitOrdered, cursor) {
  const { sql } = await import(pathToFileURL(join(apiDist, 'common/sql/sql.js')).href);
  const { FROM_REPORTS, REPORT_COLUMNS } = await import(pathToFileURL(join(apiDist, 'modules/reports/report-sql.js')).href);
  const where = [sql`m.month >= ${'2000-01'}`, sql`m.month <= ${'2099-12'}`];
  const decoded = cursor ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : null;
  if (commitOrdered) {
    where.push(sql`m.status = ANY(${['VERIFIED']}::report_status[])`);
    const xmin = (await pool.query(WATERMARK_SQL, [null])).rows[0].xmin;
    where.push(sql`m.change_xid < ${xmin}::bigint`);
    if (decoded) where.push(sql`(m.change_xid, m.id) > (${decoded[1]}::bigint, ${decoded[2]}::uuid)`);
    return sql`SELECT ${REPORT_COLUMNS}, m.change_xid::text AS "feedXid" ${FROM_REPORTS} WHERE ${sql.join(where, sql` AND `)} ORDER BY m.change_xid, m.id LIMIT ${LIMIT + 1}`;
  }
  where.push(sql`m.status = ${'VERIFIED'}`);
  if (decoded) where.push(sql`(m.updated_at, m.id) > (${decoded[0]}::timestamptz, ${decoded[1]}::uuid)`);
  return sql`SELECT ${REPORT_COLUMNS}, to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
     ${FROM_REPORTS} WHERE ${sql.join(where, sql` AND `)} ORDER BY m.updated_at, m.id LIMIT ${LIMIT + 1}`;
}

function printResults(build, results, watermark) {
  const header = ['接口', '场景', 'p50', 'p95', 'min', 'max', '行数'];
  const cells = [];
  for (const r of results) {
    const f = r.fullPull;
    cells.push([r.name, `第一页（${r.firstPage.n} 次）`, ...[r.firstPage.p50, r.firstPage.p95, r.firstPage.min, r.firstPage.max, r.firstPage.rows].map(String)]);
    cells.push([r.name, `第 2–${r.nextPages.n + 1} 页（各 1 次）`, ...[r.nextPages.p50, r.nextPages.p95, r.nextPages.min, r.nextPages.max, ''].map(String)]);
    cells.push([r.name, `全量拉取每页（${f.pages} 页）`, ...[f.everyPage.p50, f.everyPage.p95, f.everyPage.min, f.everyPage.max, ''].map(String)]);
    if (f.deepestPages) cells.push([r.name, `最深 ${f.deepestPages.n} 页`, ...[f.deepestPages.p50, f.deepestPages.p95, f.deepestPages.min, f.deepestPages.max, ''].map(String)]);
    for (const [mode, s] of Object.entries(r.incremental)) {
      cells.push([r.name, `改 ${CHANGED} 行后增量 ${mode}`, ...[s.p50, s.p95, s.min, s.max, `${s.rows}${s.missing ? `（漏 ${s.missing}）` : ''}`].map(String)]);
    }
  }
  if (watermark) {
    for (const [label, w] of [['无其他事务', watermark.idle], ['另有事务进行中', watermark.inFlight]]) {
      cells.push(['(SQL)', `水位线语句单独，${label}`, ...[w.p50, w.p95, w.min, w.max, ''].map(String)]);
    }
  }
  console.log(`\n${build}；毫秒（ms），每页 limit=${LIMIT}，HTTP 请求含读取并解析响应体\n`);
  printTable(header, cells);
  for (const r of results) {
    const f = r.fullPull;
    console.log(`\n${r.name} 全量拉取：${f.rows.toLocaleString('en')} 行（表中 ${r.rowsInTable.toLocaleString('en')}），${f.pages} 页，${f.seconds} s，${f.rowsPerSecond.toLocaleString('en')} 行/s`);
  }
  console.log('');
}

const scratch = new Scratch(apiDist);

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  let pool = null;
  try {
    const loadBefore = load();
    step(`负载（1/5/15 分钟）：${loadBefore.join(' / ')}，${cpus().length} 核`);
    step('启动临时内置 PostgreSQL');
    const databaseUrl = await scratch.startDatabase();
    step(`启动 API（${distRoot.slice(root.length + 1) || distRoot}，执行数据库迁移）`);
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const baseUrl = await scratch.startApi(databaseUrl, ADMIN_PASSWORD, process.env.BENCH_LOG_LEVEL ?? 'warn', nodeArgs);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    // an idle connection is cut when PostgreSQL stops (Ctrl-C): not a reason to crash before cleaning up
    pool.on('error', () => undefined);
    const commitOrdered = (await pool.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'monthly_reports' AND column_name = 'change_xid'`)).rowCount === 1;
    const build = commitOrdered ? '提交顺序版（change_xid + 水位线）' : '旧版（updated_at 顺序）';
    step(`被测构建：${build}`);
    const loaded = await loadMonthlyWorld(databaseUrl, { distRoot, projects: PROJECTS, step });
    const token = await signIn(baseUrl, ADMIN_PASSWORD);
    const get = client(baseUrl, await createReadKey(baseUrl, token));
    const loadAtMeasure = load();
    step(`负载（开始测量时）：${loadAtMeasure.join(' / ')}`);

    const results = [];
    for (const feed of FEEDS) results.push(await measureFeed(get, pool, feed, commitOrdered));
    const watermark = commitOrdered ? await watermarkCost(pool) : null;
    const loadAfter = load();
    printResults(build, results, watermark);

    let explains = null;
    if (process.env.BENCH_EXPLAIN) {
      const reports = results.find((r) => r.name === 'reports');
      explains = {};
      const first = await reportPageStatement(pool, commitOrdered, null);
      explains.firstPage = await explain(pool, first.text, first.values);
      if (reports.deepCursor) {
        const deep = await reportPageStatement(pool, commitOrdered, reports.deepCursor);
        explains.deepPage = await explain(pool, deep.text, deep.values);
      }
      if (commitOrdered) explains.watermark = await explain(pool, WATERMARK_SQL, [new Date(Date.now() - 60_000).toISOString()]);
      for (const [name, plan] of Object.entries(explains)) console.log(`EXPLAIN (ANALYZE, BUFFERS) — monthly-reports ${name}\n${plan}\n`);
    }

    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'feeds',
      at: new Date().toISOString(),
      build,
      commitOrdered,
      apiDist: distRoot,
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadavg: { before: loadBefore, atMeasure: loadAtMeasure, after: loadAfter } },
      data: { projects: PROJECTS, reports: loaded.reports, faiTotals: loaded.faiTotals },
      load: loaded.ms,
      settings: { limit: LIMIT, runs: RUNS, warmup: WARMUP, deepPages: DEEP_PAGES, changed: CHANGED },
      feeds: results.map((r) => {
        const copy = { ...r };
        delete copy.deepCursor; // an opaque position, only for EXPLAIN
        return copy;
      }),
      watermarkStatement: watermark,
      explains,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.startsWith(root) ? out.slice(root.length + 1) : out}（用时 ${report.seconds} s）`);
  } finally {
    await pool?.end().catch(() => undefined);
    await scratch.cleanup();
  }
}

main().catch((error) => {
  if (scratch.interrupted) return;
  console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
