// Benchmark of the imports (issues 5 and 17), end to end through POST /api/v1/imports (upload,
// streaming parse, checks, write, audit) against the built API on a scratch PostgreSQL:
// - monthly reports: 10,000 and 100,000 valid rows in .xlsx files, beside a bare server-side COPY of
//   the same rows into a plain table as the floor; then the same file again (every row unchanged), and once
//   more with one figure changed in every row (every report UPDATEd: the statement triggers' large case);
// - projects: 10,000 new valid projects as .xlsx and another 10,000 as CSV (half with a legacy number,
//   half numbered by the import), every check, the look-alike check and the audit included; then the
//   .xlsx again (every row unchanged).
// Prints seconds, rows/s and the API's peak RSS (VmHWM); writes dist/bench/imports.json with, per case,
// `seconds`, `targetSeconds`, `met`, `peakRssMb`, `targetRssMb`. Targets (issue 17): monthly 100k ≤ 10 s
// with the API's peak RSS ≤ 400 MB, projects 10k ≤ 5 s. BENCH_API_DIST=<dir>: another build (before/after). Run `npx nx run api:build` first (npm run bench does).
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { monthlyRows, PROJECT_HEADER, projectRows, writeCsv, writeSheetCsv, writeSheetXlsx, writeXlsx } from './imports-files.mjs';
import { Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'apps/api/src');
// the demo generator is a library of its own (libs/api/demo), built beside the API
const demoLib = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'libs/api/demo/src/index.js');
const domainLib = resolve(root, process.env.BENCH_API_DIST ?? 'dist/apps/api', 'libs/shared/domain/src/index.js');
const PROJECTS = Number(process.env.BENCH_IMPORT_PROJECTS ?? 30_000);
const SIZES = (process.env.BENCH_IMPORT_ROWS ?? '10000,100000').split(',').filter(Boolean).map(Number);
/** rows of each projects file (0: no projects cases) */
const PROJECT_ROWS = Number(process.env.BENCH_IMPORT_PROJECT_ROWS ?? 10_000);
const TARGET_SECONDS = { 10000: 5, 100000: 10 };
const PROJECTS_TARGET_SECONDS = 5;
const TARGET_RSS_MB = 400;
const ADMIN_PASSWORD = 'Bench#2026-chief';
const out = join(root, 'dist/bench/imports.json');

const step = (text) => console.log(`▸ ${text}`);
const seconds = (ms) => Math.round(ms / 10) / 100;

async function load(databaseUrl) {
  const { generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  // the projects files take the generated projects after the stored ones (a capital increase comes after its parent)
  const all = generateDemoProjects({ count: PROJECTS + 2 * PROJECT_ROWS });
  const data = { ...all, projects: all.projects.slice(0, PROJECTS), toImport: all.projects.slice(PROJECTS) };
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

async function importFile(baseUrl, token, path, kind = 'monthly') {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([readFileSync(path)]), path.endsWith('.csv') ? 'bench.csv' : 'bench.xlsx');
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
      const changedPath = join(scratch.dir, `monthly-${size}-changed.xlsx`);
      await writeXlsx(changedPath, rows.map(([projectNo, month, equity, ...rest]) => [projectNo, month, equity + 1, ...rest]));
      const changed = await importFile(baseUrl, token, changedPath);
      if (changed.body.updated !== size) throw new Error(`每行都改的导入应全部更新，实际 ${JSON.stringify(changed.body)}`);
      const copyMs = await copyBaseline(databaseUrl, csvPath);
      const target = TARGET_SECONDS[size] ?? null;
      const met = (target === null || imported.ms / 1000 <= target) && rss <= TARGET_RSS_MB;
      const result = {
        case: `monthly-${size}`,
        kind: 'monthly',
        rows: size,
        format: 'xlsx',
        fileMb: Math.round((statSync(xlsxPath).size / 1048576) * 10) / 10,
        seconds: seconds(imported.ms),
        targetSeconds: target,
        met,
        peakRssMb: rss,
        targetRssMb: TARGET_RSS_MB,
        rowsPerSecond: Math.round(size / (imported.ms / 1000)),
        reimportSeconds: seconds(again.ms),
        changedSeconds: seconds(changed.ms),
        copySeconds: seconds(copyMs),
        ratioToCopy: Math.round((imported.ms / copyMs) * 10) / 10,
      };
      results.push(result);
      console.log(
        `  ${size.toLocaleString('en')} 行：导入 ${result.seconds} s（${result.rowsPerSecond.toLocaleString('en')} 行/秒），再次导入（全部不变）${result.reimportSeconds} s，` +
          `每行都改 ${result.changedSeconds} s，COPY ${result.copySeconds} s（${result.ratioToCopy}×），API 峰值内存 ${rss} MB；目标 ≤ ${target} s 且 ≤ ${TARGET_RSS_MB} MB：${met ? '达标' : '未达标'}`,
      );
    }
    if (PROJECT_ROWS > 0) {
      const { INVESTOR_ORIGIN_LABELS, STAGE_LABELS } = await import(pathToFileURL(domainLib).href);
      const labels = { origins: INVESTOR_ORIGIN_LABELS, stages: STAGE_LABELS };
      const taken = new Set(data.projects.map((p) => p.investorUscc).filter(Boolean));
      for (const [i, format] of ['xlsx', 'csv'].entries()) {
        const rows = projectRows(data.toImport.slice(i * PROJECT_ROWS, (i + 1) * PROJECT_ROWS), labels, taken);
        const path = join(scratch.dir, `projects-${PROJECT_ROWS}.${format}`);
        await (format === 'xlsx' ? writeSheetXlsx : writeSheetCsv)(path, PROJECT_HEADER, rows);
        step(`导入 ${PROJECT_ROWS.toLocaleString('en')} 个项目（.${format}，${(statSync(path).size / 1048576).toFixed(1)} MB）`);
        const imported = await importFile(baseUrl, token, path, 'projects');
        if (imported.body.created !== PROJECT_ROWS) throw new Error(`应新建 ${PROJECT_ROWS} 个项目，实际 ${JSON.stringify(imported.body)}`);
        const rss = peakRssMb(pid);
        const again = format === 'xlsx' ? await importFile(baseUrl, token, path, 'projects') : null;
        if (again && again.body.unchanged !== PROJECT_ROWS) throw new Error(`再次导入应全部不变，实际 ${JSON.stringify(again.body).slice(0, 500)}`);
        // the memory bound is the monthly import's; the projects cases show the peak so far beside it
        const met = imported.ms / 1000 <= PROJECTS_TARGET_SECONDS;
        const result = {
          case: `projects-${PROJECT_ROWS}-${format}`,
          kind: 'projects',
          rows: PROJECT_ROWS,
          format,
          fileMb: Math.round((statSync(path).size / 1048576) * 10) / 10,
          seconds: seconds(imported.ms),
          targetSeconds: PROJECTS_TARGET_SECONDS,
          met,
          peakRssMb: rss,
          targetRssMb: null,
          rowsPerSecond: Math.round(PROJECT_ROWS / (imported.ms / 1000)),
          reimportSeconds: again ? seconds(again.ms) : null,
        };
        results.push(result);
        console.log(
          `  ${PROJECT_ROWS.toLocaleString('en')} 个项目（.${format}）：导入 ${result.seconds} s（${result.rowsPerSecond.toLocaleString('en')} 行/秒）` +
            (again ? `，再次导入（全部不变）${result.reimportSeconds} s` : '') +
            `，API 峰值内存 ${rss} MB；目标 ≤ ${PROJECTS_TARGET_SECONDS} s：${met ? '达标' : '未达标'}`,
        );
      }
    }
    mkdirSync(dirname(out), { recursive: true });
    const report = {
      benchmark: 'imports',
      at: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
      projects: PROJECTS,
      apiRssAfterStartMb: rssAtStart,
      target: { seconds: TARGET_SECONDS, projectsSeconds: PROJECTS_TARGET_SECONDS, rssMb: TARGET_RSS_MB },
      met: results.every((r) => r.met),
      results,
      seconds: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
    console.log(`结果已写入 ${out.slice(root.length + 1)}（用时 ${report.seconds} s）`);
  } catch (error) {
    console.error(scratch.apiLogTail());
    throw error;
  } finally {
    // BENCH_LOG_LEVEL=debug: the API's time per phase of each import (read, check, write)
    if (process.env.BENCH_LOG_LEVEL === 'debug' && existsSync(scratch.apiLog)) {
      for (const line of readFileSync(scratch.apiLog, 'utf8').split('\n')) if (line.includes('"context":"Imports"')) console.log(`  API：${JSON.parse(line).message}`);
    }
    await scratch.cleanup();
  }
}

main().catch((error) => {
  if (scratch.interrupted) return;
  console.error(`基准测试失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
