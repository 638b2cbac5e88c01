// npm run bench:soak (issue 12 item 8): a bounded soak of the built API on loopback. For
// BENCH_SOAK_SECONDS (600) a few clients send mixed reads and writes — the project list, one month's
// indicators, dashboard-like reads (the year by month and today's warnings), project PATCH with its
// version, monthly report draft saves — while the API process's RSS is read from /proc/<pid>/status
// every 10 s. Prints start/end/max RSS and "flat" when the last minute's mean is within 10% (or 30 MB)
// of the second minute's; counts every answer by status (5xx must be 0; each client edits its own
// projects and reports, so no 409 is provoked). Writes dist/bench/soak.json. Build the API first.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadMonthlyWorld } from './load-monthly.mjs';
import { percentile } from './scenarios.mjs';
import { printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distRoot = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
const apiDist = join(distRoot, 'apps/api/src');
const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const CLIENTS = Number(process.env.BENCH_SOAK_CONCURRENCY ?? 8);
const PROJECTS = Number(process.env.BENCH_SOAK_PROJECTS ?? 600);
const SAMPLE_MS = 10_000;
const FLAT_SHARE = 0.1;
const FLAT_MB = 30;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/soak.json');

const step = (text) => console.log(`▸ ${text}`);
const round = (x, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const pick = (items) => items[Math.floor(Math.random() * items.length)];
const money = () => (Math.random() * 500).toFixed(2);

function shanghai(date = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
const addMonths = (ym, n) => {
  const [y, m] = ym.split('-').map(Number);
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};

/** VmRSS of a process in MB (Linux). */
function rssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return round(Number(line.split(/\s+/)[1]) / 1024);
}

/** Answers by operation: status classes, 409s, network failures and latencies. */
class Tally {
  ops = new Map();
  record(op, status, ms) {
    const t = this.ops.get(op) ?? { count: 0, ok: 0, conflict: 0, clientError: 0, serverError: 0, failed: 0, times: [], samples: [] };
    t.count++;
    if (status === 0) t.failed++;
    else if (status >= 500) t.serverError++;
    else if (status === 409) t.conflict++;
    else if (status >= 400) t.clientError++;
    else t.ok++;
    if (status >= 400 && t.samples.length < 3) t.samples.push(status);
    t.times.push(ms);
    this.ops.set(op, t);
  }
}

const scratch = new Scratch(apiDist);

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  try {
    const { databaseUrl, baseUrl } = await scratch.startDatabaseAndApi(ADMIN_PASSWORD, step);
    const pid = scratch.api.child.pid;
    await loadMonthlyWorld(databaseUrl, { distRoot, projects: PROJECTS, step });

    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    await client.connect();
    const regions = (await client.query('SELECT code, parent_code FROM regions ORDER BY sort_order, code')).rows;
    const city = regions.find((r) => r.parent_code === null).code;
    const districts = regions.filter((r) => r.parent_code === city).map((r) => r.code);
    const projectIds = (await client.query('SELECT id FROM projects WHERE terminated_at IS NULL ORDER BY id')).rows.map((r) => r.id);
    await client.end();

    let token = await signIn(baseUrl, ADMIN_PASSWORD);
    const tally = new Tally();
    /** One call: status 0 for a network failure; a 401 (the session ended) signs in again once. */
    async function call(op, method, path, body) {
      const t0 = performance.now();
      for (let attempt = 0; ; attempt++) {
        try {
          const response = await fetch(`${baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
            body: body ? JSON.stringify(body) : undefined,
          });
          const json = await response.json().catch(() => null);
          if (response.status === 401 && attempt === 0) {
            token = await signIn(baseUrl, ADMIN_PASSWORD);
            continue;
          }
          tally.record(op, response.status, performance.now() - t0);
          return { status: response.status, body: json };
        } catch {
          tally.record(op, 0, performance.now() - t0);
          return { status: 0, body: null };
        }
      }
    }

    const today = shanghai();
    const month = today.slice(0, 7);
    const lastMonth = addMonths(month, -1);
    const yearStart = `${month.slice(0, 4)}-01`;

    // each client's own rows of this month's grids: no two clients save the same report
    step(`准备：${month} 各旗县月报填报表，分给 ${CLIENTS} 个客户端`);
    const editable = [];
    for (const regionCode of districts) {
      const grid = await call('准备：月报填报表', 'GET', `/api/v1/monthly-reports/grid?regionCode=${regionCode}&month=${month}`);
      if (grid.status !== 200) throw new Error(`GET grid → ${grid.status} ${JSON.stringify(grid.body).slice(0, 300)}`);
      for (const row of grid.body.rows) {
        if (row.report === null || ['DRAFT', 'RETURNED'].includes(row.report.status)) editable.push({ regionCode, projectId: row.projectId, version: row.report?.version ?? null });
      }
    }
    const clients = Array.from({ length: CLIENTS }, (_, i) => ({
      projects: projectIds.filter((_, j) => j % CLIENTS === i).map((id) => ({ id, version: null })),
      reports: editable.filter((_, j) => j % CLIENTS === i),
      saves: 0,
    }));
    console.log(`    可编辑月报 ${editable.length} 条，项目 ${projectIds.length} 个`);

    const operations = [
      [
        30,
        '项目列表',
        () => {
          const params = pick([
            `regionCode=${pick(districts)}`,
            `q=${encodeURIComponent(pick(['玉米', '光伏', '风电', '牧业', '科技']))}`,
            'amountMin=1000&amountMax=50000',
            '',
          ]);
          return call('项目列表', 'GET', `/api/v1/projects/search?${params}&sort=${pick(['signedAt', 'contractAmountWan'])}&order=desc&page=${1 + Math.floor(Math.random() * 3)}&pageSize=50`);
        },
      ],
      [
        20,
        '指标（一个月）',
        () => {
          const m = addMonths(lastMonth, -Math.floor(Math.random() * 12));
          return call('指标（一个月）', 'GET', `/api/v1/indicators?from=${m}&to=${m}&groupBy=region`);
        },
      ],
      [
        10,
        '首页（本年按月 + 预警）',
        async () => {
          await call('首页：本年按月', 'GET', `/api/v1/indicators?from=${yearStart}&to=${lastMonth}&groupBy=month`);
          await call('首页：预警', 'GET', `/api/v1/warnings?date=${today}`);
        },
      ],
      [
        20,
        '项目修改（带版本）',
        async (c) => {
          const project = pick(c.projects);
          if (project.version === null) {
            const read = await call('项目详情', 'GET', `/api/v1/projects/${project.id}`);
            if (read.status !== 200) return;
            project.version = read.body.version;
          }
          const saved = await call('项目修改（带版本）', 'PATCH', `/api/v1/projects/${project.id}`, { version: project.version, notes: `压力测试备注 ${Date.now()}` });
          project.version = saved.status === 200 ? saved.body.version : null;
        },
      ],
      [
        20,
        '月报保存',
        async (c) => {
          if (c.reports.length === 0) return;
          const report = pick(c.reports);
          const item = { projectId: report.projectId, version: report.version, arrivedEquityWan: money(), arrivedLoanWan: money(), completedInvestmentWan: money(), progress: `第 ${++c.saves} 次保存` };
          const saved = await call('月报保存', 'PUT', '/api/v1/monthly-reports/drafts', { regionCode: report.regionCode, month, items: [item] });
          if (saved.status === 200) report.version = saved.body.items[0].version;
        },
      ],
    ];
    const weights = operations.reduce((n, [w]) => n + w, 0);
    const choose = () => {
      let r = Math.random() * weights;
      for (const op of operations) if ((r -= op[0]) < 0) return op;
      return operations[0];
    };

    step(`浸泡 ${SECONDS} s：${CLIENTS} 个客户端混合读写，每 ${SAMPLE_MS / 1000} s 记录 API 进程 RSS（pid ${pid}）`);
    const t0 = Date.now();
    const deadline = t0 + SECONDS * 1000;
    const samples = [{ s: 0, rssMb: rssMb(pid) }];
    console.log(`    0 s：RSS ${samples[0].rssMb} MB`);
    const sampler = setInterval(() => {
      const s = Math.round((Date.now() - t0) / 1000);
      const requests = [...tally.ops.values()].reduce((n, t) => n + t.count, 0);
      samples.push({ s, rssMb: rssMb(pid), requests });
      console.log(`    ${s} s：RSS ${samples.at(-1).rssMb} MB，累计请求 ${requests.toLocaleString('en')}，负载 ${loadavg()[0].toFixed(2)}`);
    }, SAMPLE_MS);
    await Promise.all(
      clients.map(async (c) => {
        while (Date.now() < deadline) await choose()[2](c);
      }),
    );
    clearInterval(sampler);
    const elapsed = (Date.now() - t0) / 1000;
    samples.push({ s: Math.round(elapsed), rssMb: rssMb(pid) });

    // the second minute (after start-up and the first JIT and caches) against the last
    const mean = (xs) => (xs.length === 0 ? null : round(xs.reduce((a, b) => a + b, 0) / xs.length));
    const secondMinute = mean(samples.filter((x) => x.s >= 60 && x.s < 120).map((x) => x.rssMb));
    const lastMinute = mean(samples.filter((x) => x.s >= elapsed - 60 && x.s > 60).map((x) => x.rssMb));
    const allowed = secondMinute === null ? null : round(Math.max(secondMinute * FLAT_SHARE, FLAT_MB));
    const flat = secondMinute !== null && lastMinute !== null && lastMinute - secondMinute <= allowed;
    const rss = samples.map((x) => x.rssMb);
    // RSS rises and falls with V8's collections: a minute's lowest sample is what is left after them,
    // a second view (the verdict stays the means' one); a leak lifts the lows too
    const lowOf = (from, to) => {
      const xs = samples.filter((x) => x.s >= from && x.s < to).map((x) => x.rssMb);
      return xs.length === 0 ? null : Math.min(...xs);
    };
    const secondMinuteLow = lowOf(60, 120);
    const lastMinuteLow = lowOf(Math.max(elapsed - 60, 61), elapsed + 1);
    const lowsFlat = secondMinuteLow !== null && lastMinuteLow !== null && lastMinuteLow - secondMinuteLow <= Math.max(secondMinuteLow * FLAT_SHARE, FLAT_MB);
    const minutes = Array.from({ length: Math.ceil(elapsed / 60) }, (_, k) => ({ minute: k + 1, meanMb: mean(samples.filter((x) => x.s >= 60 * k && x.s < 60 * (k + 1)).map((x) => x.rssMb)), lowMb: lowOf(60 * k, 60 * (k + 1)) }));

    const header = ['操作', '次数', '2xx', '409', '其他 4xx', '5xx', '网络错误', 'p50 ms', 'p99 ms'];
    const rows = [...tally.ops.entries()].map(([op, t]) => {
      const times = [...t.times].sort((a, b) => a - b);
      return [op, t.count, t.ok, t.conflict, t.clientError, t.serverError, t.failed, round(percentile(times, 0.5)), round(percentile(times, 0.99))].map(String);
    });
    console.log(`\n${round(elapsed, 0)} s，${CLIENTS} 个客户端\n`);
    printTable(header, rows);
    const totals = [...tally.ops.values()].reduce((a, t) => ({ requests: a.requests + t.count, conflicts: a.conflicts + t.conflict, clientErrors: a.clientErrors + t.clientError, serverErrors: a.serverErrors + t.serverError, failed: a.failed + t.failed }), { requests: 0, conflicts: 0, clientErrors: 0, serverErrors: 0, failed: 0 });
    const memory = { startMb: rss[0], endMb: rss.at(-1), maxMb: Math.max(...rss), secondMinuteMeanMb: secondMinute, lastMinuteMeanMb: lastMinute, allowedGrowthMb: allowed, flat, secondMinuteLowMb: secondMinuteLow, lastMinuteLowMb: lastMinuteLow, lowsFlat, minutes };
    console.log(`\nRSS：开始 ${memory.startMb} MB，结束 ${memory.endMb} MB，最高 ${memory.maxMb} MB；第二分钟均值 ${secondMinute ?? '—'} MB，最后一分钟均值 ${lastMinute ?? '—'} MB（允许增长 ${allowed ?? '—'} MB）：${secondMinute === null ? '时长不足两分钟，无法判断' : flat ? 'flat（平稳）' : 'growing（上涨）'}`);
    console.log(`每分钟 RSS 均值 / 最低（MB）：${minutes.map((m) => `${m.minute}′ ${m.meanMb}/${m.lowMb}`).join('，')}；最低值：第二分钟 ${secondMinuteLow ?? '—'}，最后一分钟 ${lastMinuteLow ?? '—'}（${lowsFlat ? '平稳' : '上涨'}）`);
    console.log(`请求 ${totals.requests.toLocaleString('en')} 次（${round(totals.requests / elapsed)} 次/s），5xx ${totals.serverErrors}，网络错误 ${totals.failed}，409 ${totals.conflicts}，其他 4xx ${totals.clientErrors}；负载 ${loadavg().map((x) => x.toFixed(2)).join(' / ')}，CPU ${cpus().length} 核`);
    for (const [op, t] of tally.ops) if (t.samples.length > 0) console.log(`    ${op} 的错误示例：${t.samples.join(', ')}`);

    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'soak',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadAverageAtEnd: loadavg() },
      seconds: round(elapsed),
      clients: CLIENTS,
      projects: PROJECTS,
      month,
      memory,
      totals,
      operations: Object.fromEntries([...tally.ops.entries()].map(([op, t]) => {
        const times = [...t.times].sort((a, b) => a - b);
        const counts = { count: t.count, ok: t.ok, conflict: t.conflict, clientError: t.clientError, serverError: t.serverError, failed: t.failed, errorSamples: t.samples };
        return [op, { ...counts, p50Ms: round(percentile(times, 0.5)), p99Ms: round(percentile(times, 0.99)) }];
      })),
      samples,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.totalSeconds} s）`);
  } finally {
    await scratch.cleanup();
  }
}

main().catch((error) => {
  if (scratch.interrupted) return;
  console.error(`浸泡测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
