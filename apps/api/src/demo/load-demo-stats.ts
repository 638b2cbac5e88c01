import { type DemoDataSet, generateDemoStatsProjects } from '@zhaoshang/api/demo';
import { addMonths, monthOf } from '@zhaoshang/shared/domain';
import { runSql, sql, type SqlRunner } from '../common/sql/sql.js';
import { replaceStatsProjects } from '../modules/stats-projects/stats-projects.service.js';

/**
 * The statistics bureau's list for the last two complete months (issue 16), after the monthly
 * data: their figures are ours (the VERIFIED reports' 1–M月累计, read back here in SQL) with the
 * demo's disagreements, written by the same statement the push and the import use.
 */
export async function loadDemoStatsProjects(db: SqlRunner, data: DemoDataSet): Promise<number> {
  const last = addMonths(monthOf(data.today), -1);
  const months = [addMonths(last, -1), last];
  const ytd = await runSql<{ key: string; wan: string }>(
    db,
    sql`SELECT p.project_no || ':' || m.month AS key, sum(r.completed_investment_wan)::numeric(14, 2)::text AS wan
          FROM unnest(${months}::char(7)[]) AS m(month)
          JOIN monthly_reports r ON r.status = 'VERIFIED' AND r.month BETWEEN left(m.month, 4) || '-01' AND m.month
          JOIN projects p ON p.id = r.project_id
         GROUP BY p.project_no, m.month`,
  );
  const rows = generateDemoStatsProjects(data, { months, oursYtd: new Map(ytd.map((r) => [r.key, r.wan])) });
  await replaceStatsProjects(db, months.map((month) => ({ month, regionCodes: null })), rows);
  return rows.length;
}
