// Benchmark of the indicator engine (issue 6): GET /api/v1/indicators?from=Y-01&to=Y-12&groupBy=region
// (the city, a full past year) over HTTP against the built API, on ~100k generated projects and ~3M
// monthly reports, beside the best hand-written SQL for the same figures (indicators-sql.mjs). Checks
// that both agree first, then p50/p95 of interleaved runs and their ratio (target ≤ 2×); with a miss
// (or BENCH_EXPLAIN=1) the EXPLAIN ANALYZE of the engine's slowest statement. Writes
// dist/bench/indicators.json. Run `npx nx run api:build` first (npm run bench does). See README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadMonthlyWorld } from './load-monthly.mjs';
import { bind, handWritten, mainFigures, STATEMENTS } from './indicators-sql.mjs';
import { percentile, timed } from './scenarios.mjs';
import { printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distRoot = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
const apiDist = join(distRoot, 'apps/api/src');
// the demo generator gives ~25.8 reports per project (signings 2021 → today): 116,000 projects make ~3M reports
const PROJECTS = Number(process.env.BENCH_INDICATOR_PROJECTS ?? 116_000);
const RUNS = Number(process.env.BENCH_INDICATOR_RUNS ?? 30);
const WARMUP = Number(process.env.BENCH_INDICATOR_WARMUP ?? 3);
const YEAR = Number(process.env.BENCH_INDICATOR_YEAR ?? new Date().getFullYear() - 1);
const CHUNK = 20_000;
const TARGET_RATIO = 2;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/indicators.json');

const round = (ms) => Math.round(ms * 100) / 100;
const step = (text) => console.log(`▸ ${text}`);
const query = `from=${YEAR}-01&to=${YEAR}-12&groupBy=region`;

async function load(databaseUrl) {
  const loaded = await loadMonthlyWorld(databaseUrl, {
    distRoot,
    projects: PROJECTS,
    chunk: CHUNK,
    step,
    extra: async (client) =>
      (
        await client.query(`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM monthly_reports)::int AS reports,
      (SELECT count(*) FROM monthly_reports WHERE month BETWEEN $1 AND $2)::int AS "reportsInYear",
      (SELECT count(*) FROM monthly_reports WHERE month BETWEEN $1 AND $2 AND status = 'VERIFIED')::int AS "verifiedInYear",
      (SELECT count(*) FROM projects WHERE signed_at BETWEEN $3 AND $4)::int AS "signedInYear"`, [`${YEAR}-01`, `${YEAR}-12`, `${YEAR}-01-01`, `${YEAR}-12-31`])
      ).rows[0],
  });
  return { counts: loaded.extra, ms: loaded.ms, faiTotals: loaded.faiTotals };
}


async function callApi(baseUrl, token) {
  const response = await fetch(`${baseUrl}/api/v1/indicators?${query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`GET /indicators → ${response.status} ${JSON.stringify(body)}`);
  return body;
}

/** Both sides must give the same figures, or the comparison means nothing. */
function compare(api, sql) {
  const problems = [];
  const pairs = [['total', api.total, sql.total], ...sql.rows.map((row) => [row.key, api.rows.find((r) => r.key === row.key), row])];
  for (const [name, a, s] of pairs) {
    if (!a) {
      problems.push(`${name}: API 无此行`);
      continue;
    }
    const left = mainFigures(a);
    const right = mainFigures(s);
    left.forEach((line, i) => line !== right[i] && problems.push(`${name} ${right[i]} ≠ API ${line.split(': ')[1]}`));
  }
  if (problems.length > 0) throw new Error(`API 与手写 SQL 结果不一致：\n${problems.join('\n')}`);
}

/** Each of the engine's statements of the year's pass (and last year's) on its own, a few times: the slowest, explained. */
async function engineStatements(pool, districts) {
  const { passStatements } = await import(pathToFileURL(join(apiDist, 'modules/indicators/indicator-sql.js')).href);
  const results = [];
  for (const [label, from, to] of [['本期', `${YEAR}-01`, `${YEAR}-12`], ['上年同期', `${YEAR - 1}-01`, `${YEAR - 1}-12`]]) {
    const statements = passStatements({ regions: districts, from, to, group: 'region', statuses: ['VERIFIED'] });
    for (const [name, statement] of Object.entries(statements)) {
      const { text, values } = statement;
      await pool.query(text, values);
      const times = [];
      for (let i = 0; i < 5; i++) times.push((await timed(() => pool.query(text, values))).ms);
      times.sort((a, b) => a - b);
      results.push({ name: `${label} ${name}`, p50: round(percentile(times, 0.5)), text, values });
    }
  }
  results.sort((a, b) => b.p50 - a.p50);
  return results;
}

async function explain(pool, text, values) {
  const rows = (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows;
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

const scratch = new Scratch(apiDist);

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  let pool = null;
  try {
    const { databaseUrl, baseUrl } = await scratch.startDatabaseAndApi(ADMIN_PASSWORD, step);
    const loaded = await load(databaseUrl);
    scratch.saveSnapshotOnCleanup(); // BENCH_WORLD_SNAPSHOT: keep the loaded world (this benchmark only reads)
    const c = loaded.counts;
    step(`数据：项目 ${c.projects.toLocaleString('en')}，月报 ${c.reports.toLocaleString('en')}（${YEAR} 年 ${c.reportsInYear.toLocaleString('en')}，其中已核实 ${c.verifiedInYear.toLocaleString('en')}），${YEAR} 年签约 ${c.signedInYear.toLocaleString('en')}`);
    const token = await signIn(baseUrl, ADMIN_PASSWORD);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 8 });
    // an idle connection is cut when PostgreSQL stops (Ctrl-C): not a reason to crash before cleaning up
    pool.on('error', () => undefined);
    const regions = (await pool.query('SELECT code, parent_code FROM regions ORDER BY sort_order, code')).rows;
    const city = regions.find((r) => r.parent_code === null).code;
    const districts = regions.filter((r) => r.parent_code === city).map((r) => r.code);

    step(`核对：GET /api/v1/indicators?${query} 与手写 SQL`);
    compare(await callApi(baseUrl, token), await handWritten(pool, YEAR, districts, city));
    console.log(`    一致（${districts.length} 个旗县 + 全市合计，各 ${mainFigures({}).length} 项）`);

    step(`预热 ${WARMUP} 次，再交替测量 ${RUNS} 次`);
    for (let i = 0; i < WARMUP; i++) {
      await callApi(baseUrl, token);
      await handWritten(pool, YEAR, districts, city);
    }
    const api = [];
    const sql = [];
    for (let i = 0; i < RUNS; i++) {
      api.push((await timed(() => callApi(baseUrl, token))).ms);
      sql.push((await timed(() => handWritten(pool, YEAR, districts, city))).ms);
    }
    api.sort((a, b) => a - b);
    sql.sort((a, b) => a - b);
    const stats = (t) => ({ p50: round(percentile(t, 0.5)), p95: round(percentile(t, 0.95)), min: round(t[0]), max: round(t[t.length - 1]) });
    const result = { api: stats(api), sql: stats(sql) };
    result.ratioP50 = round(result.api.p50 / result.sql.p50);
    result.ratioP95 = round(result.api.p95 / result.sql.p95);
    result.targetMet = result.ratioP50 <= TARGET_RATIO;

    step('引擎各语句单独计时（本期与上年同期，各 5 次 p50）');
    const statements = await engineStatements(pool, districts);
    for (const s of statements) console.log(`    ${s.name.padEnd(24)} ${s.p50} ms`);
    const own = [];
    for (const [name, text] of Object.entries(STATEMENTS)) {
      const [sqlText, values] = bind(text, YEAR, districts);
      await pool.query(sqlText, values);
      const times = [];
      for (let i = 0; i < 5; i++) times.push((await timed(() => pool.query(sqlText, values))).ms);
      times.sort((a, b) => a - b);
      own.push({ name, p50: round(percentile(times, 0.5)) });
    }
    console.log(`    手写 SQL：${own.map((s) => `${s.name} ${s.p50} ms`).join('，')}`);

    const header = ['', 'p50', 'p95', 'min', 'max'];
    const rows = [
      [`API GET /api/v1/indicators?${query}`, result.api],
      [`手写 SQL（${Object.keys(STATEMENTS).length} 条语句并行 + 组装）`, result.sql],
    ];
    console.log(`\n毫秒（ms），各 ${RUNS} 次交替顺序请求，预热 ${WARMUP} 次；目标：API p50 ≤ ${TARGET_RATIO}× 手写 SQL\n`);
    printTable(header, rows.map(([label, s]) => [label, String(s.p50), String(s.p95), String(s.min), String(s.max)]));
    console.log(`\np50 比值 ${result.ratioP50}×，p95 比值 ${result.ratioP95}×：${result.targetMet ? '达标' : '未达标'}\n`);

    let slowestExplain = null;
    if (!result.targetMet || process.env.BENCH_EXPLAIN) {
      const slowest = statements[0];
      slowestExplain = { name: slowest.name, plan: await explain(pool, slowest.text, slowest.values) };
      console.log(`EXPLAIN ANALYZE — 引擎最慢的语句：${slowest.name}\n${slowestExplain.plan}\n`);
    }

    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'indicators',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
      request: `GET /api/v1/indicators?${query}`,
      data: { ...loaded.counts, faiTotals: loaded.faiTotals },
      load: loaded.ms,
      runs: RUNS,
      warmup: WARMUP,
      target: { maxRatioP50: TARGET_RATIO },
      ...result,
      engineStatements: statements.map(({ name, p50 }) => ({ name, p50 })),
      handWrittenStatements: own,
      slowestExplain,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.seconds} s）`);
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
