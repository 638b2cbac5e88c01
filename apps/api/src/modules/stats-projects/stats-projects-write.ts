import type { StatsProjectItem, StatsProjectsWriteResult } from '@zhaoshang/shared/domain';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { lockImportKind } from '../../common/sql/write-locks.js';

/** What a write replaces: one month's list, of the given regions only (null: every region). */
export interface StatsListScope {
  month: string;
  regionCodes: readonly string[] | null;
}

/**
 * The one write of the bureau's list, for the push and the import: in each scope, rows the new
 * list lacks are deleted, new ones inserted, changed ones updated, the same ones left alone (so a
 * second identical write changes nothing). Writers queue on the import lock of the kind, so two
 * identical pushes at once give what one after the other gives. Rows are canonical and checked.
 */
export async function replaceStatsProjects(em: SqlRunner, scopes: readonly StatsListScope[], rows: readonly StatsProjectItem[]): Promise<StatsProjectsWriteResult> {
  await lockImportKind(em, 'stats');
  let deleted = 0;
  for (const scope of scopes) {
    const keep = rows.filter((r) => r.month === scope.month).map((r) => r.nationalCode);
    const region = scope.regionCodes === null ? sql.empty : sql`AND region_code = ANY(${[...scope.regionCodes]}::varchar[])`;
    const gone = await runSql<{ n: number }>(
      em,
      sql`WITH d AS (DELETE FROM stats_projects WHERE month = ${scope.month} ${region} AND NOT (national_code = ANY(${keep}::varchar[])) RETURNING 1) SELECT count(*)::int AS n FROM d`,
    );
    deleted += gone[0].n;
  }
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, deleted };
  const [counts] = await runSql<{ created: number; updated: number }>(
    em,
    sql`WITH v AS (
    SELECT * FROM unnest(${rows.map((r) => r.month)}::char(7)[], ${rows.map((r) => r.nationalCode)}::varchar[], ${rows.map((r) => r.name)}::varchar[],
      ${rows.map((r) => r.regionCode)}::varchar[], ${rows.map((r) => r.registeredMonth)}::char(7)[], ${rows.map((r) => r.completedYtdWan)}::numeric[])
      AS v(month, national_code, name, region_code, registered_month, completed_ytd_wan)
  ), up AS (
    INSERT INTO stats_projects AS s (month, national_code, name, region_code, registered_month, completed_ytd_wan)
    SELECT month, national_code, name, region_code, registered_month, completed_ytd_wan FROM v
    ON CONFLICT (month, national_code) DO UPDATE SET name = EXCLUDED.name, region_code = EXCLUDED.region_code, registered_month = EXCLUDED.registered_month,
      completed_ytd_wan = EXCLUDED.completed_ytd_wan, updated_at = now()
      WHERE (s.name, s.region_code, s.registered_month, s.completed_ytd_wan) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.region_code, EXCLUDED.registered_month, EXCLUDED.completed_ytd_wan)
    RETURNING (s.xmax = 0) AS created
  )
  SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated FROM up`,
  );
  return { created: counts.created, updated: counts.updated, unchanged: rows.length - counts.created - counts.updated, deleted };
}
