// Loads generated demo projects, their monthly reports, FAI totals and month closes into the PostgreSQL
// of DATABASE_URL, with the same generator and bulk loader as SEED_DEMO=true. Needs the built API (npx nx run api:build). See tools/demo/README.md.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(resolve(root, process.env.API_DIST ?? 'dist/apps/api'), 'apps/api/src');
// the generator is a library of its own (libs/api/demo), built beside the API
const demoLib = join(resolve(root, process.env.API_DIST ?? 'dist/apps/api'), 'libs/api/demo/src/index.js');
const usage = `用法：DATABASE_URL=postgres://用户:密码@主机:5432/数据库 node tools/demo/generate.mjs [选项]

  --count N    项目数（默认 600）
  --seed N     随机种子（默认 150500；同一种子、同一天生成相同数据）
  --append     数据库中已有项目时仍然追加（编号接在已有编号之后）
  --no-audit   不写审计日志（大批量时更快）
  --no-monthly 只写项目，不写月报、全社会固定资产投资和月结
  --no-follow-through 不写问题诉求和督办通知（三单一函）；加 --append 时也不写
  --help       显示本说明

先构建 API：npx nx run api:build。数据库结构不存在时先执行迁移（与 API 启动时相同）。`;

/** A refusal the user can act on: printed as it is, without a stack. */
class Refusal extends Error {}

function fail(message) {
  throw new Refusal(message);
}

async function main() {
  const { values } = parseArgs({
    options: {
      count: { type: 'string', default: '600' },
      seed: { type: 'string', default: '150500' },
      append: { type: 'boolean', default: false },
      'no-audit': { type: 'boolean', default: false },
      'no-monthly': { type: 'boolean', default: false },
      'no-follow-through': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(usage);
  const count = Number(values.count);
  const seed = Number(values.seed);
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) fail(`--count 应为 1 到 1,000,000 之间的整数，当前为 "${values.count}"`);
  if (!Number.isInteger(seed) || seed < 0) fail(`--seed 应为非负整数，当前为 "${values.seed}"`);
  const url = process.env.DATABASE_URL;
  if (!url) fail(`未设置 DATABASE_URL\n\n${usage}`);
  if (!existsSync(demoLib) || !existsSync(join(dist, 'demo/load-demo.js'))) fail('未找到构建好的 API：请先运行 npx nx run api:build');

  const load = (file) => import(pathToFileURL(join(dist, file)).href);
  const { DataSource } = await import('typeorm');
  const { dataSourceOptions } = await load('database/data-source.js');
  const { generateDemoFollowThrough, generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { lastSequences, loadDemoFollowThrough, loadDemoMonthlyData, loadDemoProjects } = await load('demo/load-demo.js');

  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const migrations = await dataSource.runMigrations({ transaction: 'each' });
    if (migrations.length > 0) console.log(`已执行 ${migrations.length} 个数据库迁移`);
    const started = Date.now();
    const loaded = await dataSource.transaction(async (em) => {
      await em.query('SELECT pg_advisory_xact_lock(7301002)');
      const [{ existing }] = await em.query('SELECT count(*)::int AS existing FROM projects');
      if (existing > 0 && !values.append) fail(`数据库中已有 ${existing} 个项目，未写入任何数据。要在其后追加，请加 --append`);
      const lastSeqs = existing > 0 ? await lastSequences(em) : undefined;
      const now = new Date();
      const data = generateDemoProjects({ count, seed, now, lastSeqs });
      console.log(`已生成 ${count} 个项目（种子 ${seed}，日期 ${data.today}）：${Date.now() - started} ms`);
      const audit = !values['no-audit'];
      const projects = await loadDemoProjects(em, data, { audit, chunkSize: count > 10_000 ? 10_000 : 5000 });
      console.log(`已写入 ${projects.projects} 个项目、${projects.approvals} 条手续：${Date.now() - started} ms`);
      // issue 14: problems and notices up the ladder (numbered from 1 per kind and year: a fresh set's, so not with --append)
      const followThrough =
        values['no-follow-through'] || values.append
          ? { issues: 0, notices: 0, auditRows: 0 }
          : await loadDemoFollowThrough(em, generateDemoFollowThrough(data, { seed, now }), { audit });
      if (followThrough.issues > 0) console.log(`已写入 ${followThrough.issues} 个问题诉求、${followThrough.notices} 份督办通知：${Date.now() - started} ms`);
      if (values['no-monthly']) return { ...projects, reports: 0, faiTotals: 0, monthCloses: 0, auditRows: projects.auditRows + followThrough.auditRows };
      // reports are generated and written a chunk at a time: memory stays bounded for any count
      const monthly = await loadDemoMonthlyData(em, data, { seed, audit, chunkSize: 10_000 });
      return { ...projects, reports: monthly.reports, faiTotals: monthly.faiTotals, monthCloses: monthly.monthCloses, auditRows: projects.auditRows + monthly.auditRows + followThrough.auditRows };
    });
    console.log(
      `已写入 ${loaded.projects} 个项目、${loaded.approvals} 条手续、${loaded.reports} 条月报、${loaded.faiTotals} 条全社会固定资产投资、` +
        `${loaded.monthCloses} 个已月结月份、${loaded.auditRows} 条审计记录：共 ${Date.now() - started} ms`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Refusal ? error.message : `生成演示数据失败：${error instanceof Error ? (error.stack ?? error.message) : error}`);
  process.exit(1);
});
