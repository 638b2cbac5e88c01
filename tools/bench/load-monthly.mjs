// The ~3M monthly reports world shared by indicators.mjs and feeds.mjs: generated projects (the demo
// generator, libs/api/demo) written with loadDemoProjects, then their monthly reports, FAI totals and
// month closes as loadDemoMonthlyData writes them (audit off, in chunks, progress every 15 s), then
// VACUUM ANALYZE. Both modules are taken from the build under test (BENCH_API_DIST), so an older build
// loads with its own loader (and its own triggers and indexes).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { timed } from './scenarios.mjs';

const round = (ms) => Math.round(ms * 100) / 100;
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/**
 * @param {string} databaseUrl
 * @param {{ distRoot: string, projects: number, chunk?: number, step: (text: string) => void,
 *           extra?: (client: pg.Client) => Promise<unknown> }} options  distRoot: the build output
 *   (…/dist/apps/api); extra: runs on the loading connection after VACUUM ANALYZE (counts of its own)
 */
export async function loadMonthlyWorld(databaseUrl, { distRoot, projects: count, chunk = 20_000, step, extra }) {
  const apiDist = join(distRoot, 'apps/api/src');
  const demoLib = join(distRoot, 'libs/api/demo/src/index.js');
  const { ArrivalTally, demoReportChunks, demoFaiTotals, demoMonthCloses, generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects, loadDemoReports, loadDemoFaiTotals, loadDemoMonthCloses } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // reported through the failing query
  await client.connect();
  try {
    // a snapshot (BENCH_WORLD_SNAPSHOT, scratch.mjs) already holds the world: nothing to load
    const [{ existing }] = (await client.query('SELECT count(*)::int AS existing FROM projects')).rows;
    if (existing >= count) {
      step(`数据快照已有 ${existing.toLocaleString('en')} 个项目：跳过生成与写入`);
      const [{ reports }] = (await client.query('SELECT count(*)::int AS reports FROM monthly_reports')).rows;
      const [{ faiTotals }] = (await client.query('SELECT count(*)::int AS "faiTotals" FROM fai_totals')).rows;
      return { ms: { generate: 0, projects: 0, monthly: 0, analyze: 0 }, reports, faiTotals, extra: extra ? await extra(client) : undefined, fromSnapshot: true };
    }
    const generated = await timed(() => generateDemoProjects({ count }));
    const data = generated.result;
    step(`生成 ${count.toLocaleString('en')} 个项目：${seconds(generated.ms)}`);
    const projects = await timed(async () => {
      await client.query('BEGIN');
      await loadDemoProjects(client, data, { chunkSize: 10_000, audit: false });
      await client.query('COMMIT');
    });
    step(`写入项目与手续：${seconds(projects.ms)}`);
    // loadDemoMonthlyData(client, data, { audit: false, chunkSize }) step by step, to print progress
    const tally = new ArrivalTally();
    let written = 0;
    let lastPrint = Date.now();
    const started = Date.now();
    function* withProgress(chunks) {
      for (const c of chunks) {
        yield c;
        written += c.length;
        if (Date.now() - lastPrint > 15_000) {
          lastPrint = Date.now();
          console.log(`    月报 ${written.toLocaleString('en')} 条，${seconds(Date.now() - started)}，${Math.round(written / ((Date.now() - started) / 1000)).toLocaleString('en')} 条/s`);
        }
      }
    }
    const monthly = await timed(async () => {
      await client.query('BEGIN');
      const reports = await loadDemoReports(client, withProgress(demoReportChunks(data, {}, chunk, tally)), { audit: false });
      const faiTotals = await loadDemoFaiTotals(client, demoFaiTotals(data, {}, tally));
      const monthCloses = await loadDemoMonthCloses(client, demoMonthCloses(data, {}));
      await client.query('COMMIT');
      return { reports: reports.reports, faiTotals, monthCloses };
    });
    step(`生成并写入月报 ${monthly.result.reports.toLocaleString('en')} 条、固投 ${monthly.result.faiTotals} 条：${seconds(monthly.ms)}`);
    const analyzed = await timed(() => client.query('VACUUM ANALYZE projects, project_approvals, monthly_reports, fai_totals, targets'));
    step(`VACUUM ANALYZE：${seconds(analyzed.ms)}`);
    return {
      ms: { generate: round(generated.ms), projects: round(projects.ms), monthly: round(monthly.ms), analyze: round(analyzed.ms) },
      reports: monthly.result.reports,
      faiTotals: monthly.result.faiTotals,
      extra: extra ? await extra(client) : undefined,
    };
  } finally {
    await client.end();
  }
}
