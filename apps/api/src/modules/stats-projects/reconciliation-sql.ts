import type { MatchedBy } from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';

/** One row of the reconciliation query: their row, our project, or both (a pair). */
export interface ReconciliationSqlRow {
  projectId: string | null;
  projectNo: string | null;
  projectName: string | null;
  projectVersion: number | null;
  ourNationalCode: string | null;
  statsRegistered: boolean | null;
  statsRegisteredMonth: string | null;
  statsNationalCode: string | null;
  statsName: string | null;
  theirRegisteredMonth: string | null;
  regionCode: string;
  regionName: string;
  matchedBy: MatchedBy | null;
  oursCompletedYtdWan: string | null;
  theirsCompletedYtdWan: string | null;
  /** Σ over the pairs, the same on every row (window sums): money summed in SQL */
  pairsOursWan: string;
  pairsTheirsWan: string;
}

/** The regions a scope covers: the region itself and its districts (the city covers all). */
export const scopeRegions = (regionCode: string): SqlFragment => sql`(SELECT code FROM regions WHERE code = ${regionCode} OR parent_code = ${regionCode})`;

/**
 * Their list of `month` in the region against our projects (DOMAIN.md §10): paired by 投资项目代码
 * first (anywhere: the code names one project, whatever region either side files it under), then
 * by name within the region among what is left, but only where the name is unique on both sides
 * (two same-named projects are a question for a person, not a guess). Our rows are the pairs'
 * projects plus our projects of the region that are 入库 by the month and that nobody paired.
 * Ours = Σ 完成投资 of our VERIFIED reports from January to the month, like their 1–M月累计.
 */
export function reconciliationQuery(month: string, regionCode: string): SqlFragment {
  const yearStart = `${month.slice(0, 4)}-01`;
  const norm = (col: SqlFragment) => sql`regexp_replace(lower(${col}), '\\s', '', 'g')`;
  return sql`WITH theirs AS (
    SELECT s.* FROM stats_projects s WHERE s.month = ${month} AND s.region_code IN ${scopeRegions(regionCode)}
  ), by_code AS (
    SELECT t.national_code AS t_code, p.id AS project_id, 'CODE'::text AS matched_by
    FROM theirs t JOIN projects p ON p.national_code = t.national_code
  ), t_left AS (
    SELECT t.national_code, t.region_code, ${norm(sql`t.name`)} AS n FROM theirs t WHERE t.national_code NOT IN (SELECT t_code FROM by_code)
  ), p_left AS (
    SELECT p.id, p.region_code, ${norm(sql`p.name`)} AS n FROM projects p
    WHERE p.region_code IN (SELECT DISTINCT region_code FROM t_left) AND p.id NOT IN (SELECT project_id FROM by_code)
  ), by_name AS (
    SELECT t.national_code AS t_code, p.id AS project_id, 'NAME'::text AS matched_by
    FROM (SELECT *, count(*) OVER (PARTITION BY region_code, n) AS k FROM t_left) t
    JOIN (SELECT *, count(*) OVER (PARTITION BY region_code, n) AS k FROM p_left) p ON p.region_code = t.region_code AND p.n = t.n
    WHERE t.k = 1 AND p.k = 1
  ), pairs AS (
    SELECT * FROM by_code UNION ALL SELECT * FROM by_name
  ), ours_only AS (
    SELECT p.id AS project_id FROM projects p
    WHERE p.region_code IN ${scopeRegions(regionCode)} AND p.stats_registered AND (p.stats_registered_month IS NULL OR p.stats_registered_month <= ${month})
      AND p.id NOT IN (SELECT project_id FROM pairs)
  ), rows AS (
    SELECT t.national_code AS s_code, pr.project_id, pr.matched_by FROM theirs t LEFT JOIN pairs pr ON pr.t_code = t.national_code
    UNION ALL
    SELECT NULL, o.project_id, NULL FROM ours_only o
  ), done AS (
    SELECT r.project_id, sum(r.completed_investment_wan) AS wan FROM monthly_reports r
    WHERE r.status = 'VERIFIED' AND r.month BETWEEN ${yearStart} AND ${month} AND r.project_id IN (SELECT project_id FROM rows WHERE project_id IS NOT NULL)
    GROUP BY r.project_id
  ), joined AS (
    SELECT p.id AS "projectId", p.project_no AS "projectNo", p.name AS "projectName", p.version AS "projectVersion", p.national_code AS "ourNationalCode",
      p.stats_registered AS "statsRegistered", p.stats_registered_month AS "statsRegisteredMonth",
      t.national_code AS "statsNationalCode", t.name AS "statsName", t.registered_month AS "theirRegisteredMonth",
      coalesce(t.region_code, p.region_code) AS "regionCode", rg.name AS "regionName", r.matched_by AS "matchedBy",
      CASE WHEN p.id IS NULL THEN NULL ELSE coalesce(d.wan, 0) END AS ours_wan, t.completed_ytd_wan AS theirs_wan
    FROM rows r
    LEFT JOIN theirs t ON t.national_code = r.s_code
    LEFT JOIN projects p ON p.id = r.project_id
    LEFT JOIN done d ON d.project_id = r.project_id
    JOIN regions rg ON rg.code = coalesce(t.region_code, p.region_code)
  )
  SELECT j."projectId", j."projectNo", j."projectName", j."projectVersion", j."ourNationalCode", j."statsRegistered", j."statsRegisteredMonth",
    j."statsNationalCode", j."statsName", j."theirRegisteredMonth", j."regionCode", j."regionName", j."matchedBy",
    j.ours_wan::numeric(14, 2)::text AS "oursCompletedYtdWan", j.theirs_wan::text AS "theirsCompletedYtdWan",
    (coalesce(sum(j.ours_wan) FILTER (WHERE j."projectId" IS NOT NULL AND j."statsNationalCode" IS NOT NULL) OVER (), 0))::numeric(16, 2)::text AS "pairsOursWan",
    (coalesce(sum(j.theirs_wan) FILTER (WHERE j."projectId" IS NOT NULL AND j."statsNationalCode" IS NOT NULL) OVER (), 0))::numeric(16, 2)::text AS "pairsTheirsWan"
  FROM joined j
  ORDER BY j."regionCode", coalesce(j."projectNo", j."statsNationalCode")`;
}
