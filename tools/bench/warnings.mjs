// Benchmark of the warnings (issues 6 and 17): 100,000 projects and ~3,000,000 monthly reports generated
// in SQL on a scratch embedded PostgreSQL, the built API on it; times GET /api/v1/warnings (today's first
// page with counts: the issue 17 target, p50 ≤ 300 ms), a filtered page, a past day, the counts alone (GET /warnings/counts), by-projects and one
// project's warnings; checks the answers against the plain reference statement (engine 'reference' of
// warning-sql.ts, which probes every project's reports) and writes dist/bench/warnings.json.
// Usage: NX_DAEMON=false npx nx run api:build && node tools/bench/warnings.mjs
// Settings: BENCH_PROJECTS (100000), BENCH_WARNINGS_RUNS (25), BENCH_REFERENCE_RUNS (3), BENCH_EXPLAIN=1,
// BENCH_WARNINGS_SNAPSHOT=<dir> (keep the loaded world: made on the first run, copied on the next ones),
// BENCH_WARNINGS_OUT (another path for the JSON).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = join(root, 'dist/apps/api/apps/api/src');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const RUNS = Number(process.env.BENCH_WARNINGS_RUNS ?? 25);
const REFERENCE_RUNS = Number(process.env.BENCH_REFERENCE_RUNS ?? 3);
const TARGET_MS = 300;
const out = process.env.BENCH_WARNINGS_OUT ?? join(root, 'dist/bench/warnings.json');
const ADMIN_PASSWORD = 'Bench#Warnings2026';
const REGIONS = ['150502', '150521', '150522', '150523', '150524', '150525', '150526', '150581', '150571'];

// this world is not the indicators' one: its own snapshot variable (the shared BENCH_WORLD_SNAPSHOT is ignored)
if (process.env.BENCH_WARNINGS_SNAPSHOT) process.env.BENCH_WORLD_SNAPSHOT = process.env.BENCH_WARNINGS_SNAPSHOT;
else delete process.env.BENCH_WORLD_SNAPSHOT;
// dates as the API gives them (YYYY-MM-DD), so the reference's rows compare with the API's
pg.types.setTypeParser(1082, (value) => value);
const scratch = new Scratch(apiDist);
process.once('SIGINT', () => void scratch.cleanup().finally(() => process.exit(130)));
const ms = (start) => Math.round(performance.now() - start);
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

try {
  const databaseUrl = await scratch.startDatabase();
  const baseUrl = await scratch.startApi(databaseUrl, ADMIN_PASSWORD, 'warn');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let t = performance.now();
  const loaded = scratch.fromSnapshot;
  if (loaded) console.log(`world from the snapshot: ${(await client.query('SELECT count(*)::int AS n FROM projects')).rows[0].n} projects`);
  else {
  // stages by i % 10: 在谈, 3× 已签约, 已注册, 3× 开工在建, 投产, 终止
  await client.query(
    `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, planned_investment_wan, stage,
       signed_at, construction_started_at, production_started_at, terminated_at, termination_reason, planned_start_month, stats_registered, version)
     SELECT 'B-' || i, '基准项目' || i, ($2::text[])[1 + i % 9], 'NE', '基准投资方', 'OUT_OF_REGION', 1000, CASE WHEN i % 3 = 0 THEN 800 END, s.stage::project_stage,
       CASE WHEN s.stage <> 'NEGOTIATING' THEN d.signed END,
       CASE WHEN s.stage IN ('UNDER_CONSTRUCTION', 'IN_PRODUCTION') THEN d.signed + 60 END,
       CASE WHEN s.stage = 'IN_PRODUCTION' THEN d.signed + 200 END,
       CASE WHEN s.stage = 'TERMINATED' THEN d.signed + 30 END, CASE WHEN s.stage = 'TERMINATED' THEN '基准' END,
       CASE WHEN i % 4 = 0 THEN to_char(d.signed + 90, 'YYYY-MM') END, i % 5 = 0, 1
     FROM generate_series(1, $1::int) i
     CROSS JOIN LATERAL (SELECT (ARRAY['NEGOTIATING','SIGNED','SIGNED','SIGNED','REGISTERED','UNDER_CONSTRUCTION','UNDER_CONSTRUCTION','UNDER_CONSTRUCTION','IN_PRODUCTION','TERMINATED'])[1 + i % 10] AS stage) s
     CROSS JOIN LATERAL (SELECT date '2021-11-01' + (i * 7919 % 1500) AS signed) d`,
    [PROJECTS, REGIONS],
  );
  console.log(`projects: ${PROJECTS} in ${ms(t)} ms`);
  t = performance.now();
  // every month from signing to last month; about 3% missing, 2% drafts, arrivals in a third
  await client.query(
    `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, status, version)
     SELECT p.id, to_char(m, 'YYYY-MM'), CASE WHEN h % 3 = 0 THEN 12.5 ELSE 0 END, CASE WHEN h % 50 = 7 THEN 'DRAFT' ELSE 'VERIFIED' END::report_status, 1
     FROM projects p
     CROSS JOIN LATERAL generate_series(date_trunc('month', p.signed_at), date_trunc('month', now()) - interval '1 month', interval '1 month') m
     CROSS JOIN LATERAL (SELECT abs(hashtext(p.id::text || m::text)) AS h) x
     WHERE p.signed_at IS NOT NULL AND h % 33 <> 5`,
  );
  const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM monthly_reports')).rows;
  console.log(`monthly reports: ${n} in ${ms(t)} ms`);
  t = performance.now();
  await client.query('VACUUM ANALYZE');
  console.log(`VACUUM ANALYZE in ${ms(t)} ms`);
  // a complete world only (an error while loading leaves no snapshot)
  scratch.saveSnapshotOnCleanup();
  }

  const accessToken = await signIn(baseUrl, ADMIN_PASSWORD);
  const get = async (path) => {
    const start = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - start, body };
  };
  const { warningCte, withReportCounts, HIT_ORDER } = await import(pathToFileURL(join(apiDist, 'modules/warnings/warning-sql.js')).href);
  const { sql } = await import(pathToFileURL(join(apiDist, 'common/sql/sql.js')).href);
  const { DEFAULT_WARNING_SETTINGS, shanghaiToday } = await import(pathToFileURL(join(root, 'dist/apps/api/libs/shared/domain/src/index.js')).href);
  const today = shanghaiToday();
  const PAST = '2025-06-15';
  /** every hit of the day, in the list's order, with REPORT's count: the whole answer of an engine */
  const allHits = (engine, day) => {
    const statement = sql`${warningCte(day, DEFAULT_WARNING_SETTINGS, { projects: sql`TRUE` }, engine)} ${withReportCounts(sql`SELECT * FROM hit h`, HIT_ORDER)}`;
    return client.query(statement.text, statement.values).then((r) => r.rows);
  };
  const key = (w) => `${w.projectId} ${w.rule} ${w.level} ${w.since}`;

  // 1. agreement: the whole day's hits of both engines, and the API's first page and counts against the reference's
  const agreement = {};
  const referenceMs = {};
  for (const [label, day] of [['today', today], ['pastDay', PAST]]) {
    const times = [];
    let reference;
    for (let i = 0; i < REFERENCE_RUNS; i += 1) {
      const start = performance.now();
      reference = await allHits('reference', day);
      times.push(ms(start));
    }
    times.sort((a, b) => a - b);
    referenceMs[label] = quantile(times, 0.5);
    const state = await allHits('state', day);
    const sameHits = JSON.stringify(state) === JSON.stringify(reference);
    const api = (await get(`/api/v1/warnings?pageSize=50${day === today ? '' : `&date=${day}`}`)).body;
    const samePage = JSON.stringify(api.items.map(key)) === JSON.stringify(reference.slice(0, 50).map(key)) && api.total === reference.length;
    const byRule = {};
    for (const w of reference) (byRule[w.rule] ??= { RED: 0, YELLOW: 0 })[w.level] += 1;
    const countsAgree = (counts) => Object.entries(counts.byRule).every(([rule, c]) => c.RED === (byRule[rule]?.RED ?? 0) && c.YELLOW === (byRule[rule]?.YELLOW ?? 0))
      && counts.byRegion.reduce((n, r) => n + r.RED + r.YELLOW, 0) === reference.length;
    const sameCounts = countsAgree(api.counts);
    // GET /warnings/counts (the 驾驶舱's and the 工作台's): no threshold per project, the same counts (and the list's by region)
    const countsOnly = (await get(`/api/v1/warnings/counts${day === today ? '' : `?date=${day}`}`)).body;
    const sameCountsOnly = countsAgree(countsOnly.counts) && JSON.stringify(countsOnly.counts.byRegion) === JSON.stringify(api.counts.byRegion);
    // other pages (the list computes the thresholds of the hits a page needs only): filtered, further on, the last
    const pages = [
      ['page 20', '', () => true, 20],
      ['a district and REPORT', '&regionCode=150525&rule=REPORT', (w) => w.regionCode === '150525' && w.rule === 'REPORT', 2],
      ['YELLOW', '&level=YELLOW', (w) => w.level === 'YELLOW', 3],
      ['the last page', '', () => true, Math.ceil(reference.length / 50)],
    ];
    let samePages = true;
    for (const [, query, matches, page] of pages) {
      const expected = reference.filter(matches);
      const body = (await get(`/api/v1/warnings?pageSize=50&page=${page}${query}${day === today ? '' : `&date=${day}`}`)).body;
      samePages &&= JSON.stringify(body.items.map(key)) === JSON.stringify(expected.slice((page - 1) * 50, page * 50).map(key)) && body.total === expected.length;
    }
    agreement[label] = { hits: reference.length, sameHits, samePage, samePages, sameCounts, sameCountsOnly };
    console.log(`${label} (${day}): ${reference.length} warnings; state engine = reference: ${sameHits ? 'yes' : 'NO'}; API page 1 = reference: ${samePage ? 'yes' : 'NO'}; ${pages.map(([name]) => name).join(', ')} = reference: ${samePages ? 'yes' : 'NO'}; counts = reference: ${sameCounts ? 'yes' : 'NO'}; GET /warnings/counts = reference: ${sameCountsOnly ? 'yes' : 'NO'}; the reference statement alone: p50 ${referenceMs[label]} ms`);
  }
  const agreesWithReference = Object.values(agreement).every((a) => a.sameHits && a.samePage && a.samePages && a.sameCounts && a.sameCountsOnly);

  // 2. the reads over HTTP, body read and parsed: warm-up, then RUNS each, interleaved
  const ids = (await client.query('SELECT id FROM projects ORDER BY project_no LIMIT 50')).rows.map((r) => r.id);
  const reads = [
    ['listToday', 'GET /warnings (today, page 1 with counts)', '/api/v1/warnings?pageSize=50'],
    ['listFiltered', 'GET /warnings (region + rule filter)', '/api/v1/warnings?regionCode=150525&rule=REPORT&pageSize=50'],
    ['listPastDay', 'GET /warnings (a past day)', `/api/v1/warnings?date=${PAST}&pageSize=50`],
    ['listPage20', 'GET /warnings (today, page 20)', '/api/v1/warnings?pageSize=50&page=20'],
    ['countsToday', 'GET /warnings/counts (today: the 驾驶舱, the 工作台)', '/api/v1/warnings/counts'],
    ['byProjects', 'GET /warnings/by-projects (50 ids)', `/api/v1/warnings/by-projects?ids=${ids.join(',')}`],
    ['oneProject', 'GET /projects/:id/warnings', `/api/v1/projects/${ids[0]}/warnings`],
  ];
  for (const [, , path] of reads) for (let i = 0; i < 3; i += 1) await get(path);
  const times = Object.fromEntries(reads.map(([name]) => [name, []]));
  for (let i = 0; i < RUNS; i += 1) for (const [name, , path] of reads) times[name].push((await get(path)).ms);
  // halfway through the list: the thresholds of half the hits computed (a first page needs a few), so timed
  // apart — interleaved, its ~1 s of work slowed the reads after it
  const deep = ['listPage1200', 'GET /warnings (today, page 1,200 of ~2,400: timed apart)', '/api/v1/warnings?pageSize=50&page=1200'];
  await get(deep[2]);
  times[deep[0]] = [];
  for (let i = 0; i < Math.min(RUNS, 7); i += 1) times[deep[0]].push((await get(deep[2])).ms);
  reads.push(deep);
  const results = {};
  for (const [name, label] of reads) {
    const sorted = times[name].sort((a, b) => a - b);
    results[name] = { p50Ms: Math.round(quantile(sorted, 0.5)), p95Ms: Math.round(quantile(sorted, 0.95)), minMs: Math.round(sorted[0]), maxMs: Math.round(sorted[sorted.length - 1]) };
    console.log(`${label}: p50 ${results[name].p50Ms} ms, p95 ${results[name].p95Ms} ms (min ${results[name].minMs}, max ${results[name].maxMs}, ${sorted.length} runs)`);
  }
  const p50Ms = results.listToday.p50Ms;
  const met = p50Ms <= TARGET_MS;
  const load = loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`target: today's first page with counts p50 ≤ ${TARGET_MS} ms: ${met ? 'met' : 'MISSED'} (p50 ${p50Ms} ms; the reference statement alone ${referenceMs.today} ms); agrees with the reference: ${agreesWithReference ? 'yes' : 'NO'}; load average ${load}`);
  mkdirSync(dirname(out), { recursive: true });
  const counts = (await client.query('SELECT (SELECT count(*)::int FROM projects) AS projects, (SELECT count(*)::int FROM monthly_reports) AS reports')).rows[0];
  writeFileSync(out, JSON.stringify({ p50Ms, targetMs: TARGET_MS, met, agreesWithReference, agreement, referenceMs, reads: results, world: counts, loadAverage: load, runs: RUNS }, null, 2) + '\n');
  console.log(`written: ${out}`);

  // 3. what the warn_ triggers cost on the write path: one statement writing a month for every project
  // (what a 100,000-row monthly import's upsert does), with the triggers and with them disabled,
  // alternating, each in a transaction rolled back; same run, same data
  const writes = {};
  const WRITE_RUNS = Number(process.env.BENCH_WRITE_RUNS ?? 3);
  const month = today.slice(0, 7);
  const statements = {
    insertMonth: `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, status, version) SELECT id, '${month}', 10, 'SUBMITTED', 1 FROM projects WHERE signed_at IS NOT NULL`,
    verifyMonth: `UPDATE monthly_reports SET status = CASE status WHEN 'VERIFIED' THEN 'SUBMITTED' ELSE 'VERIFIED' END::report_status, version = version + 1 WHERE month = (SELECT max(month) FROM monthly_reports)`,
    returnMonth: `UPDATE monthly_reports SET status = 'RETURNED', return_reason = '基准', version = version + 1 WHERE month = (SELECT max(month) FROM monthly_reports) AND status IN ('SUBMITTED', 'VERIFIED')`,
  };
  const warnTriggers = ['warn_reports_insert', 'warn_reports_update', 'warn_reports_delete'];
  for (const [name, text] of Object.entries(statements)) {
    const timesOf = { with: [], without: [] };
    let rows = 0;
    for (let i = 0; i < WRITE_RUNS; i += 1) {
      for (const mode of ['with', 'without']) {
        await client.query('BEGIN');
        if (mode === 'without') for (const trigger of warnTriggers) await client.query(`ALTER TABLE monthly_reports DISABLE TRIGGER ${trigger}`);
        const start = performance.now();
        rows = (await client.query(text)).rowCount;
        timesOf[mode].push(ms(start));
        await client.query('ROLLBACK');
      }
    }
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    writes[name] = { rows, withTriggersMs: median(timesOf.with), withoutTriggersMs: median(timesOf.without) };
    console.log(`write path, ${name} (${rows} rows in one statement): with the warn_ triggers ${writes[name].withTriggersMs} ms, without ${writes[name].withoutTriggersMs} ms (medians of ${WRITE_RUNS}: ${timesOf.with.join('/')} vs ${timesOf.without.join('/')})`);
  }
  writeFileSync(out, JSON.stringify({ p50Ms, targetMs: TARGET_MS, met, agreesWithReference, agreement, referenceMs, reads: results, writes, world: counts, loadAverage: load, runs: RUNS }, null, 2) + '\n');

  if (process.env.BENCH_EXPLAIN === '1') {
    for (const engine of ['state', 'reference']) {
      const cte = warningCte(today, DEFAULT_WARNING_SETTINGS, { projects: sql`TRUE` }, engine);
      const statement = sql`EXPLAIN (ANALYZE, BUFFERS) ${cte} SELECT h.rule, h.level, count(*) FROM hit h GROUP BY 1, 2`;
      const plan = await client.query(statement.text, statement.values);
      console.log(`— EXPLAIN (ANALYZE, BUFFERS), engine ${engine}:\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  await client.end();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await scratch.cleanup();
}
