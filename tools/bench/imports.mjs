// Benchmark of the monthly-report import (issue 5): 10,000 and 100,000 valid rows in .xlsx files,
// each imported end to end through POST /api/v1/imports (upload, streaming parse, checks, upsert,
// audit) against the built API on a scratch PostgreSQL; beside it a bare server-side COPY of the
// same rows into a plain table as the floor. Prints seconds, rows/s, the API's peak RSS (VmHWM) and
// the ratio to COPY; writes dist/bench/imports.json. Targets: 10k ≤ 5 s, 100k ≤ 30 s, RSS < 500 MB.
// Run `npx nx run api:build` first (npm run bench does). See tools/bench/README.md.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { monthlyRows, writeCsv, writeXlsx } from './imports-files.mjs';
import { Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'apps/api/src');
// the demo generator is a library of its own (libs/api/demo), built beside the API
const demoLib = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'libs/api/demo/src/index.js');
const PROJECTS = Number(process.env.BENCH_IMPORT_PROJECTS ?? 30_000);
const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '10000,100000').split(',').map(Number);
const TARGET_SECONDS = { 10000: 5, 100000: 30 };
const TARGET_RSS_MB = 500;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/imports.json');

const step = (text) => console.log(`▸ ${text}`);
const seconds = (ms) => Math.round(ms / 10) / 100;

async function load(databaseUrl) {
  const { generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  const data = generateDemoProjects({ count: PROJECTS });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await loadDemoProjects(client, data, { chunkSize: 10_000, audit: false });
    await client.query('COMMIT');
    await client.query('VACUUM ANALYZE projects');
  } finally {
    await client.end();
  }
  return data;
}


/** Peak resident set of the API process so far (kB → MB). */
function peakRssMb(pid) {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : null;
}

async function importFile(baseUrl, token, path) {
  const form = new FormData();
  form.append('kind', 'monthly');
  form.append('file', new Blob([readFileSync(path)]), 'bench.xlsx');
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await response.json();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`导入失败：${response.status} ${JSON.stringify(body).slice(0, 500)}`);
  return { ms, body };
}

/** The floor: the same rows COPYed by the server from a CSV file into an unlogged-free plain table, no checks. */
async function copyBaseline(databaseUrl, csvPath) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP TABLE IF EXISTS bench_copy; CREATE TABLE bench_copy (project_no varchar(40), month char(7), arrived_equity_wan numeric(14,2),
      arrived_loan_wan numeric(14,2), arrived_other_wan numeric(14,2), completed_investment_wan numeric(14,2), progress varchar(500))`);
    const started = performance.now();
    await client.query(`COPY bench_copy FROM '${csvPath}' WITH (FORMAT csv)`);
    return performance.now() - started;
  } finally {
    await client.end();
  }
}

const scratch = new Scratch(apiDist);

async function main() {
  const started = Date.now();
  scratch.cleanupOnSignals();
  try {
    const { databaseUrl, baseUrl } = await scratch.startDatabaseAndApi(ADMIN_PASSWORD, step);
    const pid = scratch.api.child.pid;
    step(`生成并写入 ${PROJECTS.toLocaleString('en')} 个项目`);
    const data = await load(databaseUrl);
    const token = await signIn(baseUrl, ADMIN_PASSWORD);
    const rssAtStart = peakRssMb(pid);
    const results = [];
    let skip = 0;
    for (const size of SIZES) {
      const rows = monthlyRows(data.projects, data.today, size, skip);
      skip += size;
      const xlsxPath = join(scratch.dir, `monthly-${size}.xlsx`);
      const csvPath = join(scratch.dir, `monthly-${size}.csv`);
      await writeXlsx(xlsxPath, rows);
      await writeCsv(csvPath, rows);
      chmodSync(csvPath, 0o644);
      step(`导入 ${size.toLocaleString('en')} 行月报（.xlsx，${(statSync(xlsxPath).size / 1048576).toFixed(1)} MB）`);
      const imported = await importFile(baseUrl, token, xlsxPath);
      if (imported.body.created !== size) throw new Error(`应新建 ${size} 条月报，实际 ${JSON.stringify(imported.body)}`);
      const rss = peakRssMb(pid);
      const again = await importFile(baseUrl, token, xlsxPath);
      if (again.body.unchanged !== size) throw new Error(`再次导入应全部不变，实际 ${JSON.stringify(again.body)}`);
      const copyMs = await copyBaseline(databaseUrl, csvPath);
      const target = TARGET_SECONDS[size] ?? null;
      const result = {
        rows: size,
        format: 'xlsx',
        fileMb: Math.round((statSync(xlsxPath).size / 1048576) * 10) / 10,
        importSeconds: seconds(imported.ms),
        rowsPerSecond: Math.round(size / (imported.ms / 1000)),
        reimportSeconds: seconds(again.ms),
        copySeconds: seconds(copyMs),
        ratioToCopy: Math.round((imported.ms / copyMs) * 10) / 10,
        peakRssMb: rss,
        targetSeconds: target,
        targetMet: (target === null || imported.ms / 1000 <= target) && rss < TARGET_RSS_MB,
      };
      results.push(result);
      console.log(
        `  ${size.toLocaleString('en')} 行：导入 ${result.importSeconds} s（${result.rowsPerSecond.toLocaleString('en')} 行/秒），再次导入（全部不变）${result.reimportSeconds} s，` +
          `COPY ${result.copySeconds} s（${result.ratioToCopy}×），API 峰值内存 ${rss} MB；目标 ≤ ${target} s 且 < ${TARGET_RSS_MB} MB：${result.targetMet ? '达标' : '未达标'}`,
      );
    }
    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'imports',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
      projects: PROJECTS,
      apiRssAfterStartMb: rssAtStart,
      target: { seconds: TARGET_SECONDS, rssMb: TARGET_RSS_MB },
      results,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.seconds} s）`);
  } catch (error) {
    console.error(scratch.apiLogTail());
    throw error;
  } finally {
    await scratch.cleanup();
  }
}

main().catch((error) => {
  if (scratch.interrupted) return;
  console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
