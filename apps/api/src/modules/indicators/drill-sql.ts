import type { DrillIndicator, InvestorOrigin } from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';
import { startedAtSql } from '../../common/sql/started.js';
import { arrivedSql, keyProjectOnSql, periodDaysSql, reportInMonthsSql, signed10mSql, signedBetweenSql, startedBetweenSql } from './indicator-sql.js';

/**
 * The rows behind one figure of the indicator engine (issue 13 item 4), from the engine's own
 * fragments (indicator-sql.ts): the same period, report and origin conditions, one row per project
 * with its part of the figure.
 */
export interface DrillInput {
  indicator: DrillIndicator;
  /** the scope's districts */
  regions: string[];
  from: string;
  to: string;
  statuses: string[];
  industry: string | null;
  /** the origins whose money the figure reads (the scope's rule, or one origin) */
  origins: InvestorOrigin[];
}

const ARRIVAL_INDICATORS: readonly DrillIndicator[] = ['arrivedFundsWan', 'foreignCapitalWan', 'arrivedByOrigin'];

export function isArrivalIndicator(indicator: DrillIndicator): boolean {
  return ARRIVAL_INDICATORS.includes(indicator);
}

const columns = sql`p.id AS "projectId", p.project_no AS "projectNo", p.name, p.region_code AS "regionCode", r.name AS "regionName",
  p.industry_code AS "industryCode", p.investor_origin AS "investorOrigin", p.stage::text AS stage, p.contract_amount_wan::text AS "contractAmountWan"`;

/**
 * The rows of a figure, largest part first; or (`summary`) only each row's stage and amount, in no
 * order: what the figure's total and its counts by stage are summed from when only some rows are sent
 * (sorting every row's columns was most of a year's signings count at 116,000 projects, issue 17).
 */
export function drillStatement(input: DrillInput, form: 'rows' | 'summary' = 'rows'): SqlFragment {
  const regions = sql.param(input.regions);
  const from = sql.param(input.from);
  const to = sql.param(input.to);
  const { start, end } = periodDaysSql(input.from, input.to);
  const industry = input.industry === null ? sql`` : sql` AND p.industry_code = ${input.industry}`;
  const scope = sql`p.region_code = ANY(${regions})${industry}`;

  // the regions' names only for the rows sent (every project's region is a row of regions)
  const named = form === 'rows' ? sql` JOIN regions r ON r.code = p.region_code` : sql``;
  if (isArrivalIndicator(input.indicator)) {
    const reports = sql`FROM monthly_reports m JOIN projects p ON p.id = m.project_id${named}
      WHERE ${scope} AND ${reportInMonthsSql(sql`${from}`, sql`${to}`, sql`${sql.param(input.statuses)}`)} AND p.investor_origin = ANY(${input.origins}::investor_origin[])`;
    if (form === 'summary') return sql`SELECT p.stage::text AS stage, sum(${arrivedSql}) AS amount ${reports} GROUP BY p.id HAVING sum(${arrivedSql}) <> 0`;
    // per project: Σ arrived of the reports that count, of the period's months, and those months
    return sql`SELECT ${columns}, NULL AS date,
        array_agg(m.month::text ORDER BY m.month) FILTER (WHERE ${arrivedSql} <> 0) AS months, sum(${arrivedSql})::text AS "amountWan"
      ${reports}
      GROUP BY p.id, r.name
      HAVING sum(${arrivedSql}) <> 0
      ORDER BY sum(${arrivedSql}) DESC, p.project_no`;
  }
  const started = startedAtSql('p');
  const rule: Record<Exclude<DrillIndicator, 'arrivedFundsWan' | 'foreignCapitalWan' | 'arrivedByOrigin'>, { where: SqlFragment; date: SqlFragment }> = {
    signedCount: { where: signedBetweenSql(start, end), date: sql`p.signed_at` },
    signedAmountWan: { where: signedBetweenSql(start, end), date: sql`p.signed_at` },
    signedCount10m: { where: sql`${signedBetweenSql(start, end)} AND ${signed10mSql}`, date: sql`p.signed_at` },
    startedCount: { where: startedBetweenSql(start, end), date: started },
    keyProjects: { where: keyProjectOnSql(end), date: sql`p.signed_at` },
  };
  const chosen = rule[input.indicator as keyof typeof rule];
  const projects = sql`FROM projects p${named} WHERE ${scope} AND ${chosen.where}`;
  if (form === 'summary') return sql`SELECT p.stage::text AS stage, p.contract_amount_wan AS amount ${projects}`;
  return sql`SELECT ${columns}, to_char(${chosen.date}, 'YYYY-MM-DD') AS date, ARRAY[]::text[] AS months, p.contract_amount_wan::text AS "amountWan"
    ${projects}
    ORDER BY p.contract_amount_wan DESC, p.project_no`;
}

/** Money of the same reports that the origin rule leaves out (市内县际 at the city, 本地 everywhere), by origin. */
export function excludedStatement(input: DrillInput & { excludedOrigins: InvestorOrigin[] }): SqlFragment {
  const regions = sql.param(input.regions);
  const from = sql.param(input.from);
  const to = sql.param(input.to);
  const industry = input.industry === null ? sql`` : sql` AND p.industry_code = ${input.industry}`;
  return sql`SELECT p.investor_origin AS origin, count(DISTINCT p.id)::int AS "projectCount", sum(${arrivedSql})::text AS "amountWan"
    FROM monthly_reports m JOIN projects p ON p.id = m.project_id
    WHERE p.region_code = ANY(${regions})${industry} AND ${reportInMonthsSql(sql`${from}`, sql`${to}`, sql`${sql.param(input.statuses)}`)}
      AND p.investor_origin = ANY(${input.excludedOrigins}::investor_origin[])
    GROUP BY 1
    HAVING sum(${arrivedSql}) <> 0
    ORDER BY 1`;
}
