// The figures of docs/scale.md (issue 17): what one PostgreSQL primary can serve, and what partitioning
// the monthly reports by year gives and costs, on the ~3M-report world. A benchmark, not a test: prints
// tables and writes dist/bench/scale.json (summary.mjs mentions it). Builds nothing: expects dist/apps/api.
//
// Parts (BENCH_SCALE_PARTS, both by default):
// - reads: the built API on the world; the summary pages' requests one at a time, each one's CPU (API
//   process and all PostgreSQL processes, /proc) → the request rate that saturates the machine's cores;
// - partitioning: a copy of monthly_reports partitioned by year (PARTITION BY RANGE (month)) beside the
//   table itself, in the same scratch database; the same statements timed on both (and checked to give
//   the same rows), index sizes, VACUUM, removing a year.
//
// Run it on a kept world: BENCH_WORLD_SNAPSHOT=/work/bench-world/w116k node tools/bench/scale.mjs (the
// scratch database is a copy; the snapshot is never written). Without a snapshot it loads
// BENCH_SCALE_PROJECTS (20000) projects first (load-monthly.mjs).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadMonthlyWorld } from './load-monthly.mjs';
import { findPostmasterPid, postgresCpuMs, procStat } from './proc-cpu.mjs';
import { printTable, Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const distRoot = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api');
const apiDist = join(distRoot, 'apps/api/src');
const out = join(root, 'dist/bench/scale.json');
const PARTS = (process.env.BENCH_SCALE_PARTS ?? 'reads,partitioning').split(',').map((p) => p.trim());
const PROJECTS = Number(process.env.BENCH_SCALE_PROJECTS ?? 20_000);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 5);
// the one every benchmark uses: a snapshot (BENCH_WORLD_SNAPSHOT) keeps the admin its loader created with it
const ADMIN_PASSWORD = 'Bench#2026-chief';

const step = (text) => console.log(`▸ ${text}`);
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (bytes) => round(Number(bytes) / 1048576, 0);


/** Times `fn` RUNS times after one warm-up run; resolves to the p50 in ms and the last result. */
async function p50(fn, runs = RUNS) {
  let result = await fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    times.push(performance.now() - start);
  }
  return { ms: round(median(times)), result };
}

/** The summary pages' requests: wall time and CPU per request (API + PostgreSQL) one at a time, and the rate that fills the cores. */
async function measureReads(scratch, baseUrl, year) {
  const token = await signIn(baseUrl, ADMIN_PASSWORD);
  const postmaster = findPostmasterPid(scratch.dir);
  const apiPid = scratch.api.child.pid;
  const requests = [
    ['指标 一年 按地区 全市', `/api/v1/indicators?from=${year}-01&to=${year}-12&groupBy=region`],
    ['指标 一个月 按地区 全市', `/api/v1/indicators?from=${year}-06&to=${year}-06&groupBy=region`],
    ['指标 一年 按月', `/api/v1/indicators?from=${year}-01&to=${year}-12&groupBy=month`],
    ['预警 今天 首页', '/api/v1/warnings?page=1&pageSize=20'],
    ['项目列表 一个旗县 首页', '/api/v1/projects/search?regionCode=150525&sort=signedAt&order=desc&pageSize=50'],
  ];
  const results = [];
  for (const [label, path] of requests) {
    const call = async () => {
      const response = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      await response.json();
    };
    await call();
    const pgBefore = postgresCpuMs(postmaster);
    const apiBefore = procStat(apiPid)?.cpuMs ?? 0;
    const { ms } = await p50(call);
    const cpuPg = (postgresCpuMs(postmaster) - pgBefore) / (RUNS + 1);
    const cpuApi = ((procStat(apiPid)?.cpuMs ?? 0) - apiBefore) / (RUNS + 1);
    const cpuMs = cpuPg + cpuApi;
    const row = { label, path, p50Ms: ms, cpuMsPerRequest: { postgres: round(cpuPg), api: round(cpuApi), total: round(cpuMs) }, saturatesAtPerSecond: round((cpus().length * 1000) / Math.max(cpuMs, 0.1), 1) };
    results.push(row);
    console.log(`  ${label}：p50 ${ms} ms，CPU ${round(cpuPg)} ms（PostgreSQL）+ ${round(cpuApi)} ms（API）/ 次 → ${cpus().length} 核约 ${row.saturatesAtPerSecond} 次/秒饱和`);
  }
  return { cores: cpus().length, runs: RUNS, requests: results };
}

/** All the ranges [y-01, y+1-01) from the first month to the last: one partition a year. */
async function yearsOf(client) {
  const [{ first, last }] = (await client.query(`SELECT min(month) AS first, max(month) AS last FROM monthly_reports`)).rows;
  const years = [];
  for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++) years.push(y);
  return years;
}

async function timedQuery(client, text, values = []) {
  const start = performance.now();
  const result = await client.query(text, values);
  return { ms: round(performance.now() - start), result };
}

/** The partitioned copy and the same statements on both tables. */
async function measurePartitioning(client, year) {
  const years = await yearsOf(client);
  const [{ rows: reportRows }] = (await client.query(`SELECT count(*)::int AS rows FROM monthly_reports`)).rows;
  step(`按年分区的副本：${years[0]}–${years[years.length - 1]}，${reportRows.toLocaleString('en')} 条月报`);
  await client.query(`DROP TABLE IF EXISTS mr_by_year`);
  // what CREATE TABLE would be in a migration: the unique keys must contain the partition key (month),
  // so the primary key becomes (id, month) — an id alone is no longer unique by the database's word
  await client.query(`CREATE TABLE mr_by_year (LIKE monthly_reports INCLUDING DEFAULTS INCLUDING CONSTRAINTS) PARTITION BY RANGE (month)`);
  for (const y of years) await client.query(`CREATE TABLE mr_by_year_${y} PARTITION OF mr_by_year FOR VALUES FROM ('${y}-01') TO ('${y + 1}-01')`);
  const copy = await timedQuery(client, `INSERT INTO mr_by_year SELECT * FROM monthly_reports`);
  const indexStart = performance.now();
  await client.query(`ALTER TABLE mr_by_year ADD PRIMARY KEY (id, month)`);
  await client.query(`ALTER TABLE mr_by_year ADD CONSTRAINT uq_mr_by_year_project_month UNIQUE (project_id, month)`);
  await client.query(`CREATE INDEX ON mr_by_year (updated_at, id)`);
  await client.query(`CREATE INDEX ON mr_by_year (month, status)`);
  await client.query(`CREATE INDEX ON mr_by_year (change_xid, id)`);
  await client.query(`CREATE INDEX ON mr_by_year (project_id, month) WHERE status IN ('SUBMITTED', 'VERIFIED')`);
  await client.query(`CREATE INDEX ON mr_by_year (project_id, month) WHERE status IN ('SUBMITTED', 'VERIFIED') AND arrived_equity_wan + arrived_loan_wan + arrived_other_wan > 0`);
  const indexMs = round(performance.now() - indexStart, 0);
  // a row trigger on the partitioned table is cloned onto every partition (PostgreSQL 13+): the feeds' change_xid keeps working
  await client.query(`CREATE TRIGGER trg_mr_by_year_change_xid BEFORE INSERT OR UPDATE ON mr_by_year FOR EACH ROW EXECUTE FUNCTION set_change_xid()`);
  // the copy's first VACUUM sets the hint bits and the visibility map of every page it was written to
  // (once per row's life, any table): not counted, so that the two VACUUMs below do the same work
  await client.query(`VACUUM (ANALYZE) mr_by_year`);
  const vacuumPlain = await timedQuery(client, `VACUUM (ANALYZE) monthly_reports`);
  const vacuumParts = await timedQuery(client, `VACUUM (ANALYZE) mr_by_year`);

  const size = async (table, partitioned) => {
    const [row] = (
      await client.query(
        partitioned
          ? `SELECT sum(pg_table_size(relid))::bigint AS heap, sum(pg_indexes_size(relid))::bigint AS indexes FROM pg_partition_tree($1::regclass) WHERE isleaf`
          : `SELECT pg_table_size($1::regclass)::bigint AS heap, pg_indexes_size($1::regclass)::bigint AS indexes`,
        [table],
      )
    ).rows;
    return { heapMb: mb(row.heap), indexesMb: mb(row.indexes) };
  };
  const sizes = { table: await size('monthly_reports', false), partitioned: await size('mr_by_year', true) };

  // the statements: a year's sums by region and origin (the indicators' heaviest pass), one month, a project's history, a feed page
  const yearSums = (t) => `SELECT p.region_code, p.investor_origin, count(*)::int AS n,
      sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan)::text AS arrived
    FROM ${t} m JOIN projects p ON p.id = m.project_id
    WHERE m.month BETWEEN '${year}-01' AND '${year}-12' AND m.status = 'VERIFIED' GROUP BY 1, 2 ORDER BY 1, 2`;
  const monthSums = (t) => `SELECT count(*)::int AS n, sum(arrived_equity_wan + arrived_loan_wan + arrived_other_wan)::text AS arrived FROM ${t} WHERE month = '${year}-06' AND status = 'VERIFIED'`;
  const sample = (await client.query(`SELECT id FROM projects ORDER BY md5(id::text) LIMIT 50`)).rows.map((r) => r.id);
  const history = (t) => async () => {
    const all = [];
    for (const id of sample) all.push(...(await client.query(`SELECT id, month, status, arrived_equity_wan::text FROM ${t} WHERE project_id = $1 ORDER BY month`, [id])).rows);
    return { rows: all };
  };
  const [{ xid, id }] = (await client.query(`SELECT change_xid::text AS xid, id FROM monthly_reports ORDER BY change_xid, id OFFSET (SELECT count(*) / 2 FROM monthly_reports) LIMIT 1`)).rows;
  const feed = (t) => `SELECT id, change_xid::text FROM ${t} WHERE (change_xid, id) > (${xid}::bigint, '${id}'::uuid) ORDER BY change_xid, id LIMIT 500`;
  const statements = [
    ['一年的到位资金 按地区和来源', (t) => () => client.query(yearSums(t))],
    ['一个月的到位资金合计', (t) => () => client.query(monthSums(t))],
    ['50 个项目的月报历史（逐个）', history],
    ['统计接口的一页（change_xid, id 之后 500 条）', (t) => () => client.query(feed(t))],
  ];
  const timings = [];
  for (const [label, make] of statements) {
    const plain = await p50(make('monthly_reports'));
    const parts = await p50(make('mr_by_year'));
    const same = JSON.stringify(plain.result.rows) === JSON.stringify(parts.result.rows);
    if (!same) throw new Error(`分区表与原表的结果不同：${label}`);
    timings.push({ label, tableMs: plain.ms, partitionedMs: parts.ms, ratio: round(parts.ms / plain.ms, 2), rows: plain.result.rows.length, sameRows: same });
  }
  const plans = {
    yearSums: (await client.query(`EXPLAIN (COSTS OFF) ${yearSums('mr_by_year')}`)).rows.map((r) => r['QUERY PLAN']).join('\n'),
  };

  // after a month's worth of edits (one month's rows updated): VACUUM of the whole table vs of this year's partition
  const lastYear = years[years.length - 1];
  const [{ lastMonth }] = (await client.query(`SELECT max(month) AS "lastMonth" FROM monthly_reports`)).rows;
  await client.query(`UPDATE monthly_reports SET progress = progress WHERE month = $1`, [lastMonth]);
  await client.query(`UPDATE mr_by_year SET progress = progress WHERE month = $1`, [lastMonth]);
  const vacuumAfterEditsTable = await timedQuery(client, `VACUUM monthly_reports`);
  const vacuumAfterEditsPartition = await timedQuery(client, `VACUUM mr_by_year_${lastYear}`);

  // removing the oldest year: DELETE (rolled back) vs DETACH + DROP of its partition
  const oldest = years[0];
  await client.query('BEGIN');
  const del = await timedQuery(client, `DELETE FROM monthly_reports WHERE month < '${oldest + 1}-01'`);
  await client.query('ROLLBACK');
  const drop = await timedQuery(client, `ALTER TABLE mr_by_year DETACH PARTITION mr_by_year_${oldest}`);
  await client.query(`DROP TABLE mr_by_year_${oldest}`);
  await client.query(`DROP TABLE mr_by_year`);

  return {
    reports: reportRows,
    years: years.length,
    year,
    copyMs: copy.ms,
    partitionedIndexesMs: indexMs,
    sizes,
    vacuumAnalyzeMs: { table: vacuumPlain.ms, partitioned: vacuumParts.ms },
    vacuumAfterOneMonthOfEditsMs: { wholeTable: vacuumAfterEditsTable.ms, thisYearsPartition: vacuumAfterEditsPartition.ms },
    removeOldestYearMs: { delete: del.ms, deletedRows: del.result.rowCount, detachPartition: drop.ms },
    statements: timings,
    yearSumsPlan: plans.yearSums,
  };
}

async function main() {
  const started = Date.now();
  const scratch = new Scratch(apiDist);
  scratch.cleanupOnSignals();
  const report = { benchmark: 'scale', at: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version, loadAverageAtStart: loadavg().map((l) => round(l, 2)) } };
  try {
    step('启动临时内置 PostgreSQL');
    const databaseUrl = await scratch.startDatabase();
    let baseUrl = null;
    if (!scratch.fromSnapshot || PARTS.includes('reads')) {
      // migrations (a snapshot made by an older build gets this build's), and the world when there is no snapshot
      step('启动 API（生产构建，执行数据库迁移）');
      // on the 3M world under load the start can take minutes (it publishes the closed months the
      // snapshot has without publications): thirteen minutes, as before
      baseUrl = await scratch.startApi(databaseUrl, ADMIN_PASSWORD, 'warn', [], {}, { startSeconds: 780 });
      await loadMonthlyWorld(databaseUrl, { distRoot, projects: PROJECTS, step });
    }
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined); // a lost connection is reported by the failing query
    await client.connect();
    const [{ projects, reports }] = (await client.query(`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM monthly_reports)::int AS reports`)).rows;
    const year = Number(process.env.BENCH_SCALE_YEAR ?? new Date().getFullYear() - 1);
    report.data = { projects, reports, year };
    console.log(`  ${projects.toLocaleString('en')} 个项目，${reports.toLocaleString('en')} 条月报；统计年份 ${year}`);
    if (PARTS.includes('reads')) {
      report.reads = await measureReads(scratch, baseUrl, year);
      printTable(
        ['请求', 'p50', 'CPU/次（PostgreSQL + API）', `${cpus().length} 核饱和于`],
        report.reads.requests.map((r) => [r.label, `${r.p50Ms} ms`, `${r.cpuMsPerRequest.postgres} + ${r.cpuMsPerRequest.api} ms`, `${r.saturatesAtPerSecond} 次/秒`]),
      );
    }
    if (PARTS.includes('partitioning')) {
      const partitioning = await measurePartitioning(client, year);
      report.partitioning = partitioning;
      printTable(
        ['语句', '原表', '按年分区', '比值'],
        partitioning.statements.map((s) => [s.label, `${s.tableMs} ms`, `${s.partitionedMs} ms`, `${s.ratio}×`]),
      );
      const { sizes, vacuumAnalyzeMs: v, vacuumAfterOneMonthOfEditsMs: e, removeOldestYearMs: r } = partitioning;
      console.log(`  大小：原表 ${sizes.table.heapMb} MB + 索引 ${sizes.table.indexesMb} MB；分区 ${sizes.partitioned.heapMb} MB + 索引 ${sizes.partitioned.indexesMb} MB`);
      console.log(`  VACUUM ANALYZE：原表 ${v.table} ms，分区表 ${v.partitioned} ms；改动一个月后 VACUUM：整表 ${e.wholeTable} ms，当年分区 ${e.thisYearsPartition} ms`);
      console.log(`  删除最早一年（${r.deletedRows.toLocaleString('en')} 条）：DELETE ${r.delete} ms，分离分区 ${r.detachPartition} ms`);
    }
    await client.end();
    report.machine.loadAverageAtEnd = loadavg().map((l) => round(l, 2));
    report.seconds = Math.round((Date.now() - started) / 1000);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.seconds} s）`);
  } catch (error) {
    if (!scratch.interrupted) console.error(scratch.apiLogTail());
    throw error;
  } finally {
    await scratch.cleanup();
  }
}

if (!existsSync(apiDist)) {
  console.error(`找不到 API 的构建（${apiDist}）：先运行 NX_DAEMON=false npx nx run api:build`);
  process.exit(1);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
