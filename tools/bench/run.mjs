// npm run bench: the project list (issue 4) with 100,000 generated projects. The API's
// GET /api/v1/projects/search against the same page + totals in hand-written SQL: p50 and p95 of
// each, their ratio, and whether the target (API p50 ≤ 20 ms and ≤ 2× the SQL) is met.
// A benchmark, not a test: it prints figures and writes dist/bench/projects-list.json.
// The npm script builds the API first; this script builds nothing. See tools/bench/README.md.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { callApi, callSql, explain, percentile, SCENARIOS, timed } from './scenarios.mjs';
import { printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'apps/api/src');
// the demo generator is a library of its own (libs/api/demo), built beside the API
const demoLib = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'libs/api/demo/src/index.js');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 30);
const TARGET_P50_MS = 20;
const TARGET_RATIO = 2;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/projects-list.json');

const round = (ms) => Math.round(ms * 100) / 100;
const step = (text) => console.log(`▸ ${text}`);

async function load(databaseUrl) {
  const { generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // reported through the failing query
  await client.connect();
  try {
    const generated = await timed(() => generateDemoProjects({ count: PROJECTS }));
    step(`生成 ${PROJECTS.toLocaleString('en')} 个项目：${(generated.ms / 1000).toFixed(1)} s`);
    const inserted = await timed(async () => {
      await client.query('BEGIN');
      await loadDemoProjects(client, generated.result, { chunkSize: 10_000, audit: false });
      await client.query('COMMIT');
    });
    step(`写入数据库（项目 + 手续 + 编号序列，分批 unnest）：${(inserted.ms / 1000).toFixed(1)} s`);
    const analyzed = await timed(() => client.query('VACUUM ANALYZE projects, project_approvals, project_sequences'));
    step(`VACUUM ANALYZE：${(analyzed.ms / 1000).toFixed(1)} s`);
    return { generateMs: round(generated.ms), insertMs: round(inserted.ms), analyzeMs: round(analyzed.ms) };
  } finally {
    await client.end();
  }
}


/** The API and the SQL must give the same page and totals, or the comparison means nothing. */
function assertSame(scenario, api, sql) {
  const apiNos = api.items.map((i) => i.projectNo).join(',');
  const sqlNos = sql.items.map((i) => i.projectNo).join(',');
  if (apiNos !== sqlNos || api.total.count !== sql.total.count || api.total.contractAmountWan !== sql.total.contractAmountWan) {
    throw new Error(`场景 ${scenario.name}：API 与 SQL 结果不一致\nAPI total ${JSON.stringify(api.total)}\nSQL total ${JSON.stringify(sql.total)}`);
  }
  if (api.items.length !== Math.min(50, api.total.count)) throw new Error(`场景 ${scenario.name}：应返回 50 行，实际 ${api.items.length}`);
}

async function measure(baseUrl, token, pool, scenario) {
  assertSame(scenario, await callApi(baseUrl, token, scenario), await callSql(pool, scenario));
  for (let i = 0; i < WARMUP; i++) {
    await callApi(baseUrl, token, scenario);
    await callSql(pool, scenario);
  }
  const api = [];
  const sql = [];
  // interleaved, so that both sides see the same machine state
  for (let i = 0; i < REQUESTS; i++) {
    api.push((await timed(() => callApi(baseUrl, token, scenario))).ms);
    sql.push((await timed(() => callSql(pool, scenario))).ms);
  }
  api.sort((a, b) => a - b);
  sql.sort((a, b) => a - b);
  const result = {
    name: scenario.name,
    label: scenario.label,
    request: `GET /api/v1/projects/search?${decodeURIComponent(scenario.query)}`,
    matching: (await callSql(pool, scenario)).total.count,
    api: { p50: round(percentile(api, 0.5)), p95: round(percentile(api, 0.95)), min: round(api[0]), max: round(api[api.length - 1]) },
    sql: { p50: round(percentile(sql, 0.5)), p95: round(percentile(sql, 0.95)), min: round(sql[0]), max: round(sql[sql.length - 1]) },
  };
  result.ratioP50 = round(result.api.p50 / result.sql.p50);
  result.targetMet = result.api.p50 <= TARGET_P50_MS && result.ratioP50 <= TARGET_RATIO;
  result.explain = await explain(pool, scenario);
  return result;
}

/**
 * What every request pays before the list's own work: HTTP and Nest alone (the public health check,
 * one `SELECT 1`), and with a signed-in user (the regions dictionary: token check, user lookup, one
 * small query). Not part of the target; it tells how much of the API's time is fixed overhead.
 */
async function floor(baseUrl, token) {
  const probes = [
    ['GET /api/health（无需登录，SELECT 1）', () => fetch(`${baseUrl}/api/health`).then((r) => r.json())],
    ['GET /api/v1/regions（登录用户，小字典）', () => fetch(`${baseUrl}/api/v1/regions`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json())],
  ];
  const results = [];
  for (const [label, call] of probes) {
    for (let i = 0; i < WARMUP; i++) await call();
    const times = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await timed(call)).ms);
    times.sort((a, b) => a - b);
    results.push({ label, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) });
  }
  return results;
}

function printResults(results) {
  const header = ['场景', '命中行数', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'p50 比值', '达标'];
  const rows = results.map((r) => [r.label, r.matching.toLocaleString('en'), r.api.p50, r.api.p95, r.sql.p50, r.sql.p95, `${r.ratioP50}×`, r.targetMet ? 'yes' : 'no'].map(String));
  console.log(`\n毫秒（ms），各 ${REQUESTS} 次顺序请求；目标：API p50 ≤ ${TARGET_P50_MS} ms 且 ≤ ${TARGET_RATIO}× SQL\n`);
  printTable(header, rows);
  console.log('');
}

const scratch = new Scratch(apiDist);

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  let pool = null;
  try {
    const { databaseUrl, baseUrl } = await scratch.startDatabaseAndApi(ADMIN_PASSWORD, step);
    const loadTimes = await load(databaseUrl);
    const token = await signIn(baseUrl, ADMIN_PASSWORD);
    pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    // an idle connection is cut when PostgreSQL stops (Ctrl-C): not a reason to crash before cleaning up
    pool.on('error', () => undefined);
    const results = [];
    for (const scenario of SCENARIOS) {
      step(`测量：${scenario.label}`);
      results.push(await measure(baseUrl, token, pool, scenario));
    }
    step('测量：API 固定开销（参考）');
    const overhead = await floor(baseUrl, token);
    printResults(results);
    for (const o of overhead) console.log(`参考 ${o.label}：p50 ${o.p50} ms，p95 ${o.p95} ms`);
    console.log('');
    for (const r of results.filter((x) => !x.targetMet || process.env.BENCH_EXPLAIN)) {
      console.log(`EXPLAIN ANALYZE — ${r.label}\n-- 本页\n${r.explain.page}\n-- 合计\n${r.explain.total}\n`);
    }
    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'projects-list',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
      projects: PROJECTS,
      requests: REQUESTS,
      warmup: WARMUP,
      target: { apiP50Ms: TARGET_P50_MS, maxRatioP50: TARGET_RATIO },
      load: loadTimes,
      scenarios: results,
      overhead,
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
  // after Ctrl-C the failure is only the interrupted work: the signal handler ends the process
  if (scratch.interrupted) return;
  console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
