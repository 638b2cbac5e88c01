// Throughput under load (issue 12 item 8): autocannon at concurrency 32 against the built API and,
// in the same run, against a bare Fastify + pg server (bare-server.mjs) running the same SQL with a pool
// of the API's size: (a) the signed-in list read GET /api/v1/projects/search (run.mjs's first scenario,
// a page of 50) and (b) the indicators of one month (GET /api/v1/indicators, city scope, by district;
// indicators-sql.mjs on the bare side). Both sides' answers are checked equal once before timing.
// The two sides alternate in rounds (5 × 3 s each by default) so that both meet the same machine load.
// Prints requests/s, p50, p99, errors and non-2xx, the ratio ours/bare and the target (≥ 60%, no errors);
// writes dist/bench/throughput.json. A benchmark, not a test. Build the API first (npm run bench does).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { mainFigures } from './indicators-sql.mjs';
import { loadMonthlyWorld } from './load-monthly.mjs';
import { percentile, SCENARIOS } from './scenarios.mjs';
import { findPostmasterPid, postgresCpuMs, procStat } from './proc-cpu.mjs';
import { freePort, printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distRoot = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
const apiDist = join(distRoot, 'apps/api/src');
// the demo's size (SEED_DEMO loads 600 projects): the SQL stays cheap, so the ratio shows what the API
// adds per request (HTTP, Nest, sign-in check, validation, serialisation)
const PROJECTS = Number(process.env.BENCH_THROUGHPUT_PROJECTS ?? 600);
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_THROUGHPUT_WARMUP ?? 3);
// each side's seconds are split into alternating rounds (see measurePair)
const ROUNDS = Number(process.env.BENCH_THROUGHPUT_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_THROUGHPUT_CONNECTIONS ?? 32);
// the API's pool: apps/api/src/database/data-source.ts (extra.max)
const POOL_MAX = 10;
const TARGET_RATIO = 0.6;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/throughput.json');

const step = (text) => console.log(`▸ ${text}`);
const round = (x, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const load = () => loadavg().map((x) => round(x));

/** Last month (Asia/Shanghai): a month of verified reports in the demo data, and the dashboard's usual question. */
function lastMonth() {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).split('-').map(Number);
  return m === 1 ? { year: y - 1, month: 12 } : { year: y, month: m - 1 };
}

async function startBare(databaseUrl, logFile) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'tools/bench/bare-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), BARE_POOL_MAX: String(POOL_MAX) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`对照服务启动失败（退出码 ${child.exitCode}），见 ${logFile}`);
    try {
      await fetch(`${baseUrl}/list`);
      return { child, baseUrl, exited: new Promise((r) => child.once('exit', r)) };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('对照服务 30 秒内未就绪');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`GET ${url} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** The list: the same page (every field of every row) and the same totals. */
function sameList(api, bare) {
  if (api.items.length !== bare.items.length || api.total.count !== bare.total.count || api.total.contractAmountWan !== bare.total.contractAmountWan) {
    throw new Error(`列表：API 与对照服务不一致\nAPI total ${JSON.stringify(api.total)} (${api.items.length} 行)\n对照 total ${JSON.stringify(bare.total)} (${bare.items.length} 行)`);
  }
  const differing = [];
  api.items.forEach((item, i) => {
    for (const [key, value] of Object.entries(item)) {
      if (JSON.stringify(value) !== JSON.stringify(bare.items[i][key])) differing.push(`${i + 1} 行 ${key}: API ${JSON.stringify(value)} ≠ 对照 ${JSON.stringify(bare.items[i][key])}`);
    }
  });
  if (differing.length > 0) throw new Error(`列表：API 与对照服务不一致\n${differing.slice(0, 10).join('\n')}`);
}

/** The indicators: the 24 figures of each district row and of the city total (as indicators.mjs checks). */
function sameIndicators(api, bare) {
  const problems = [];
  const pairs = [['total', api.total, bare.total], ...bare.rows.map((row) => [row.key, api.rows.find((r) => r.key === row.key), row])];
  for (const [name, a, b] of pairs) {
    if (!a) {
      problems.push(`${name}: API 无此行`);
      continue;
    }
    const left = mainFigures(a);
    const right = mainFigures(b);
    left.forEach((line, i) => line !== right[i] && problems.push(`${name} ${right[i]} ≠ API ${line.split(': ')[1]}`));
  }
  if (problems.length > 0) throw new Error(`指标：API 与对照服务不一致：\n${problems.join('\n')}`);
}


/** One autocannon run; every response's latency goes to `times` (so that rounds can be pooled). */
function cannon(url, headers, duration, times = null) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, headers, connections: CONNECTIONS, duration, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
    if (times) instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

/**
 * The API and the bare server in alternating rounds (API first in odd rounds, the bare server in even
 * ones), so that both see the same share of whatever else the machine is doing; each side's figures
 * are pooled over its rounds: requests ÷ seconds, percentiles of every response's latency.
 */
async function measurePair(label, sides, postmasterPid) {
  for (const side of sides) await cannon(side.url, side.headers, WARMUP_SECONDS);
  const loadBefore = load();
  const pooled = sides.map(() => ({ requests: 0, seconds: 0, errors: 0, timeouts: 0, non2xx: 0, bytes: 0, times: [], serverCpuMs: 0, postgresCpuMs: 0 }));
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    const order = round_ % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      const serverBefore = procStat(sides[i].pid).cpuMs;
      const postgresBefore = postgresCpuMs(postmasterPid);
      const r = await cannon(sides[i].url, sides[i].headers, SECONDS / ROUNDS, pooled[i].times);
      pooled[i].serverCpuMs += procStat(sides[i].pid).cpuMs - serverBefore;
      pooled[i].postgresCpuMs += postgresCpuMs(postmasterPid) - postgresBefore;
      Object.assign(pooled[i], {
        requests: pooled[i].requests + r.requests.total,
        seconds: pooled[i].seconds + r.duration,
        errors: pooled[i].errors + r.errors,
        timeouts: pooled[i].timeouts + r.timeouts,
        non2xx: pooled[i].non2xx + r.non2xx,
        bytes: pooled[i].bytes + r.throughput.total,
      });
    }
  }
  const loadAfter = load();
  return sides.map((side, i) => {
    const p = pooled[i];
    const times = p.times.sort((a, b) => a - b);
    const figures = {
      label: `${label} — ${side.name}`,
      url: side.url.replace(/^http:\/\/[^/]+/, ''),
      requests: p.requests,
      requestsPerSecond: round(p.requests / p.seconds, 1),
      latencyMs: { p50: round(percentile(times, 0.5)), p90: round(percentile(times, 0.9)), p99: round(percentile(times, 0.99)), max: round(times.at(-1) ?? 0) },
      errors: p.errors,
      timeouts: p.timeouts,
      non2xx: p.non2xx,
      bytesPerResponse: p.requests > 0 ? Math.round(p.bytes / p.requests) : 0,
      cpuMsPerRequest: {
        server: round(p.serverCpuMs / p.requests, 3),
        postgres: round(p.postgresCpuMs / p.requests, 3),
        total: round((p.serverCpuMs + p.postgresCpuMs) / p.requests, 3),
      },
      loadAverage: { before: loadBefore, after: loadAfter },
    };
    console.log(`    ${figures.label}：${figures.requestsPerSecond} 次/s，p50 ${figures.latencyMs.p50} ms，p99 ${figures.latencyMs.p99} ms，错误 ${figures.errors + figures.timeouts}，非 2xx ${figures.non2xx}，CPU ${figures.cpuMsPerRequest.total} ms/次（服务 ${figures.cpuMsPerRequest.server} + PostgreSQL ${figures.cpuMsPerRequest.postgres}）`);
    return figures;
  });
}

const scratch = new Scratch(apiDist);
let bare = null;
// Ctrl-C: Scratch stops the API and PostgreSQL and exits; the reference server goes with it
process.on('exit', () => bare?.child.kill('SIGTERM'));

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  try {
    const { databaseUrl, baseUrl } = await scratch.startDatabaseAndApi(ADMIN_PASSWORD, step);
    const loaded = await loadMonthlyWorld(databaseUrl, {
      distRoot,
      projects: PROJECTS,
      step,
      extra: async (client) => (await client.query('SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM monthly_reports)::int AS reports')).rows[0],
    });
    step(`数据：项目 ${loaded.extra.projects.toLocaleString('en')}，月报 ${loaded.extra.reports.toLocaleString('en')}`);
    step(`启动对照服务（Fastify + pg，连接池 ${POOL_MAX}）`);
    bare = await startBare(databaseUrl, join(scratch.dir, 'bare.log'));
    const postmasterPid = findPostmasterPid(scratch.dir);
    const token = await signIn(baseUrl, ADMIN_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };

    const { year, month } = lastMonth();
    const ym = `${year}-${String(month).padStart(2, '0')}`;
    const [scenario] = SCENARIOS;
    const targets = [
      { name: 'list', label: `(a) 项目列表 ${scenario.label}，每页 50`, ours: `${baseUrl}/api/v1/projects/search?${scenario.query}`, bare: `${bare.baseUrl}/list`, same: sameList },
      { name: 'indicators', label: `(b) 指标 ${ym}，全市按旗县`, ours: `${baseUrl}/api/v1/indicators?from=${ym}&to=${ym}&groupBy=region`, bare: `${bare.baseUrl}/indicators?year=${year}&month=${month}`, same: sameIndicators },
    ];

    // BENCH_THROUGHPUT_ONLY=list|indicators: one of the two (e.g. for a profile of the API, BENCH_API_NODE_ARGS=--cpu-prof)
    const only = process.env.BENCH_THROUGHPUT_ONLY;
    if (only) targets.splice(0, targets.length, ...targets.filter((t) => t.name === only));
    step('核对：API 与对照服务的回答一致');
    for (const t of targets) {
      t.same(await getJson(t.ours, auth), await getJson(t.bare));
      console.log(`    ${t.label}：一致`);
    }

    step(`测量：并发 ${CONNECTIONS}，各预热 ${WARMUP_SECONDS} s 后计时 ${SECONDS} s，分 ${ROUNDS} 轮与对照服务交替（同一台机器）`);
    const results = [];
    for (const t of targets) {
      const [ours, reference] = await measurePair(
        t.label,
        [
          { name: 'API', url: t.ours, headers: auth, pid: scratch.api.child.pid },
          { name: '对照', url: t.bare, headers: {}, pid: bare.child.pid },
        ],
        postmasterPid,
      );
      const ratio = round(ours.requestsPerSecond / reference.requestsPerSecond, 3);
      // what the ratio would be with the CPU to themselves: the bare side's CPU per request ÷ ours
      const cpuRatio = round(reference.cpuMsPerRequest.total / ours.cpuMsPerRequest.total, 3);
      const clean = ours.errors + ours.timeouts + ours.non2xx === 0;
      results.push({ name: t.name, label: t.label, ours, bare: reference, ratio, cpuRatio, targetMet: ratio >= TARGET_RATIO && clean });
    }

    console.log(`\n并发 ${CONNECTIONS}，计时 ${SECONDS} s；目标：API 吞吐 ≥ 对照的 ${TARGET_RATIO * 100}%，且无错误与非 2xx\n`);
    const header = ['', '次/s', 'p50 ms', 'p99 ms', '错误', '非 2xx', '字节/次', 'CPU ms/次', 'API/对照', '按 CPU', '达标'];
    const rows = [];
    for (const r of results) {
      for (const [side, f] of [['API', r.ours], ['对照', r.bare]]) {
        const ours = side === 'API';
        rows.push([`${r.label} — ${side}`, String(f.requestsPerSecond), String(f.latencyMs.p50), String(f.latencyMs.p99), String(f.errors + f.timeouts), String(f.non2xx), String(f.bytesPerResponse), String(f.cpuMsPerRequest.total), ours ? `${round(r.ratio * 100, 1)}%` : '', ours ? `${round(r.cpuRatio * 100, 1)}%` : '', ours ? (r.targetMet ? 'yes' : 'no') : '']);
      }
    }
    printTable(header, rows);
    console.log('\nAPI/对照：吞吐之比（目标所指）；按 CPU：对照每次请求的 CPU（服务进程 + PostgreSQL）÷ API 的，即独占 CPU 时的预期吞吐比，受机器上其他负载的影响小得多');
    console.log(`\n负载（1/5/15 分钟平均）：${load().join(' / ')}，CPU ${cpus().length} 核\n`);

    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'throughput',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadAverageAtEnd: load() },
      data: { ...loaded.extra, loadMs: loaded.ms },
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      warmupSeconds: WARMUP_SECONDS,
      poolMax: POOL_MAX,
      target: { minRatio: TARGET_RATIO, errors: 0, non2xx: 0 },
      scenarios: results,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.totalSeconds} s）`);
  } finally {
    if (bare && bare.child.exitCode === null) {
      bare.child.kill('SIGTERM');
      await Promise.race([bare.exited, new Promise((r) => setTimeout(r, 5_000))]);
    }
    await scratch.cleanup();
  }
}

main().catch((error) => {
  if (scratch.interrupted) return;
  console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
