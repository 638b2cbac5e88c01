// Benchmark of the warnings (issue 6): 100,000 projects and ~3,000,000 monthly reports generated in
// SQL on a scratch embedded PostgreSQL, the built API on it; times GET /api/v1/warnings (all four
// rules, set-based) and the per-project reads, and prints EXPLAIN ANALYZE of the list's statement.
// Usage: NX_DAEMON=false npx nx run api:build && node tools/bench/warnings.mjs   (BENCH_PROJECTS to change the size)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Scratch, signIn } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = join(root, 'dist/apps/api/apps/api/src');
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const ADMIN_PASSWORD = 'Bench#Warnings2026';
const REGIONS = ['150502', '150521', '150522', '150523', '150524', '150525', '150526', '150581', '150571'];

const scratch = new Scratch(apiDist);
process.once('SIGINT', () => void scratch.cleanup().finally(() => process.exit(130)));
const ms = (start) => Math.round(performance.now() - start);

try {
  const databaseUrl = await scratch.startDatabase();
  const baseUrl = await scratch.startApi(databaseUrl, ADMIN_PASSWORD, 'warn');
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let t = performance.now();
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

  const accessToken = await signIn(baseUrl, ADMIN_PASSWORD);
  const get = async (path) => {
    const start = performance.now();
    const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const body = await response.json();
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: ms(start), body };
  };
  const ids = (await client.query('SELECT id FROM projects ORDER BY project_no LIMIT 50')).rows.map((r) => r.id);
  for (const [label, path] of [
    ['GET /warnings (today, page 1)', '/api/v1/warnings?pageSize=50'],
    ['GET /warnings (region + rule filter)', '/api/v1/warnings?regionCode=150525&rule=REPORT&pageSize=50'],
    ['GET /warnings (a past day)', '/api/v1/warnings?date=2025-06-15&pageSize=50'],
    ['GET /warnings/by-projects (50 ids)', `/api/v1/warnings/by-projects?ids=${ids.join(',')}`],
    ['GET /projects/:id/warnings', `/api/v1/projects/${ids[0]}/warnings`],
  ]) {
    const runs = [];
    let body;
    for (let i = 0; i < 5; i += 1) ({ ms: runs[i], body } = await get(path));
    runs.sort((a, b) => a - b);
    console.log(`${label}: median ${runs[2]} ms (min ${runs[0]}, max ${runs[4]})${body.total !== undefined ? `, total ${body.total}` : ''}`);
  }
  if (process.env.BENCH_EXPLAIN === '1') {
    const { warningCte } = await import(join(apiDist, 'modules/warnings/warning-sql.js'));
    const { sql } = await import(join(apiDist, 'common/sql/sql.js'));
    const { DEFAULT_WARNING_SETTINGS, shanghaiToday } = await import(join(root, 'dist/apps/api/libs/shared/domain/src/index.js'));
    const cte = warningCte(shanghaiToday(), DEFAULT_WARNING_SETTINGS, { projects: sql`TRUE` });
    const statement = sql`EXPLAIN (ANALYZE, BUFFERS) ${cte} SELECT h.rule, h.level, count(*) FROM hit h GROUP BY 1, 2`;
    const plan = await client.query(statement.text, statement.values);
    console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  await client.end();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await scratch.cleanup();
}
