import { type InvestorOrigin, lastDayOf } from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';
import { startedAtSql } from '../../common/sql/started.js';

/**
 * The indicator engine's SQL (DOMAIN.md §6). Every figure is a sum or a count computed by
 * PostgreSQL over `numeric`, grouped by (row key, investor origin) so that one pass serves both
 * origin rules (the city's, which leaves out 市内县际, and a district's). JavaScript then only adds a
 * handful of group sums exactly and divides them (libs/shared/domain indicators.ts).
 *
 * A pass is one period and one grouping. The row key is the region, the industry, the month of the
 * event (signing, start, report) or '' for no grouping; each row's period ends at `rowEnd`: the
 * month's last day when grouped by month, else the period's.
 */

/**
 * 'both': by region and by industry in one statement (GROUPING SETS), rows keyed `r|<region>` and
 * `i|<industry>` (FAI by region) — on the summaries only: a request for both groupings at once (the
 * 驾驶舱's, `alsoGroupBy`) reads each summary once instead of twice; the service splits the rows
 * (`partOfBoth`).
 */
export type PassGroup = 'region' | 'industry' | 'month' | 'none' | 'both';

export interface PassInput {
  regions: string[];
  from: string;
  to: string;
  group: PassGroup;
  statuses: string[];
}

export interface ProjectAgg {
  key: string;
  origin: InvestorOrigin;
  signedCount: number;
  signedAmountWan: string;
  signedCount10m: number;
  /** of those signed, started by the row's period end (开工率's numerator) */
  signedStartedCount: number;
  /** Σ arrived of those signed, from signing to the row's period end (资金到位率's numerator) */
  signedArrivedWan: string;
  /**
   * The same two numerators to the end of the whole period, not the row's: by month on the summaries,
   * so that the period's total is the sum of the month rows (`totalOfMonths`); 0 elsewhere.
   */
  signedStartedByEndCount: number;
  signedArrivedByEndWan: string;
}

export interface StartedAgg {
  key: string;
  origin: InvestorOrigin;
  startedCount: number;
}

export interface ArrivalAgg {
  key: string;
  origin: InvestorOrigin;
  arrivedWan: string;
  /** completed investment of statistics-registered projects, months ≥ their registration month */
  registeredCompletedWan: string;
}

export interface FaiAgg {
  key: string;
  month: string;
  /** Σ of the districts in scope */
  districtsWan: string;
  /** the city's own figure for the month, when there is one */
  cityWan: string | null;
}

export interface KeyProjectAgg {
  key: string;
  count: number;
  startedCount: number;
  approvalsCompleteCount: number;
}

export interface PassResult {
  projects: ProjectAgg[];
  started: StartedAgg[];
  arrivals: ArrivalAgg[];
  fai: FaiAgg[];
  keyProjects: KeyProjectAgg[];
}

/** The report statuses the summary tables hold (the only ones that ever count, §6). */
export const SUMMARISED_STATUSES: readonly string[] = ['VERIFIED', 'SUBMITTED'];

const monthEnd = (month: SqlFragment) => sql`((${month}) || '-01')::date + interval '1 month' - interval '1 day'`;

/**
 * "This report counts" (DOMAIN.md §6), the one condition every statement puts on monthly_reports `m`
 * of project `p`: its status is one that counts, and a TERMINATED project's report is for a month up
 * to and including its termination month (reports after it are refused, and never counted if some
 * got in before the rule or straight into the table).
 */
export function reportCountsSql(statuses: SqlFragment): SqlFragment {
  return sql`m.status = ANY(${statuses}::report_status[]) AND (p.terminated_at IS NULL OR m.month <= to_char(p.terminated_at, 'YYYY-MM'))`;
}

/*
 * The rules every figure is counted by (DOMAIN.md §6), as fragments over projects `p` and
 * monthly_reports `m`: the engine's passes and the drill-downs (drill-sql.ts) are built from the same
 * ones, so a drill-down lists exactly what its figure counts.
 */

/** Σ arrived of a report: equity + loan + other. */
export const arrivedSql = sql`m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan`;

/**
 * The first and last day of a period of months ('YYYY-MM'), as typed parameters: constants of the
 * statement. Written as `(month || '-01')::date` they were casts from text, which PostgreSQL
 * evaluates for every row they are compared with (issue 17: the key projects' and the signings'
 * tests against every project).
 */
export function periodDaysSql(from: string, to: string): { start: SqlFragment; end: SqlFragment } {
  return { start: sql`${sql.param(`${from}-01`)}::date`, end: sql`${sql.param(lastDayOf(to))}::date` };
}

/** 签约: signed within the days. */
export function signedBetweenSql(start: SqlFragment, end: SqlFragment): SqlFragment {
  return sql`p.signed_at BETWEEN ${start} AND ${end}`;
}

/** 千万元以上 */
export const signed10mSql = sql`p.contract_amount_wan >= 1000`;

/** 开工: started (construction, else production date) within the days. */
export function startedBetweenSql(start: SqlFragment, end: SqlFragment): SqlFragment {
  return sql`${startedAtSql('p')} BETWEEN ${start} AND ${end}`;
}

/** Reports of the months that count (status, termination). */
export function reportInMonthsSql(from: SqlFragment, to: SqlFragment, statuses: SqlFragment): SqlFragment {
  return sql`m.month BETWEEN ${from} AND ${to} AND ${reportCountsSql(statuses)}`;
}

/** A key project on a day: signed by then and not terminated by then. */
export function keyProjectOnSql(day: SqlFragment): SqlFragment {
  return sql`p.is_key_project AND p.signed_at <= ${day} AND (p.terminated_at IS NULL OR p.terminated_at > ${day})`;
}

/**
 * 手续办结 as of a day (DOMAIN.md §5, §6), the twin of `approvalsCompleteBy` in libs/shared/domain:
 * every approval of `p` NOT_REQUIRED or DONE on or before `day`. A project without approval items
 * gives null, i.e. not complete.
 */
function approvalsCompleteSql(day: SqlFragment): SqlFragment {
  return sql`(SELECT bool_and(a.status = 'NOT_REQUIRED' OR (a.status = 'DONE' AND a.done_at <= ${day})) FROM project_approvals a WHERE a.project_id = p.id)`;
}

/**
 * `figuresOnly`: the same period last year needs only the plain figures (IndicatorFigures, the
 * key-project counts included), not the rates' numerators, so its projects statement skips the
 * per-project arrivals lookup.
 *
 * `summaries` (issue 17, INDICATOR_SUMMARIES, default on): the arrivals and the rates' Σ arrived since
 * signing are read from the summary tables the triggers keep (migration AddIndicatorSummaries), not
 * from the ~3M monthly reports; the statements on the facts stay the reference (`summaries = false`).
 * They hold only SUBMITTED and VERIFIED reports: other statuses fall back to the facts.
 *
 * The statements of one pass. Each of the pass's values (the regions in scope, the months `from`
 * and `to`, the statuses of the reports that count) is one parameter however often it is used.
 */
export function passStatements(input: PassInput, figuresOnly = false, summaries = false): Record<keyof PassResult, SqlFragment> {
  const { group } = input;
  const regions = sql.param(input.regions);
  const from = sql.param(input.from);
  const to = sql.param(input.to);
  const statuses = sql.param(input.statuses);
  const counts = reportCountsSql(sql`${statuses}`);
  const started = startedAtSql('p');
  const { start: periodStart, end: periodEnd } = periodDaysSql(input.from, input.to);
  const key = (byMonthOf: SqlFragment) =>
    group === 'region'
      ? sql`p.region_code`
      : group === 'industry'
        ? sql`p.industry_code`
        : group === 'month'
          ? sql`to_char(${byMonthOf}, 'YYYY-MM')`
          : sql`''`;
  const rowEnd = (byMonthOf: SqlFragment) => (group === 'month' ? monthEnd(sql`to_char(${byMonthOf}, 'YYYY-MM')`) : periodEnd);
  const arrived = arrivedSql;
  // typed like the column, so that the (project_id, month) index stops at the month
  const rowEndMonth = group === 'month' ? sql`to_char(p.signed_at, 'YYYY-MM')::char(7)` : sql`${to}::char(7)`;
  const monthOfRow = sql`mo.month`;
  // no period-end numerators: the raw statements (their totals by month are passes of their own) and last year's figures
  const noPeriodEnd = sql`0 AS "signedStartedByEndCount", '0.00' AS "signedArrivedByEndWan"`;

  const fromSummaries = summaries && input.statuses.every((s) => SUMMARISED_STATUSES.includes(s));
  if (group === 'both' && !fromSummaries) throw new Error('by region and industry at once: on the summaries only');
  // the statements on the facts this pass takes as they are (FAI): by region when by both
  const onFacts = () => passStatements(group === 'both' ? { ...input, group: 'region' } : input, true, false);
  // both groupings in one scan: each row of a grouping set says which it belongs to
  const both = (region: SqlFragment, industry: SqlFragment) => sql`CASE WHEN GROUPING(${region}) = 0 THEN 'r|' || ${region} ELSE 'i|' || ${industry} END`;
  const summaryGroups = group === 'both' ? sql`GROUPING SETS ((s.region_code, s.investor_origin), (s.industry_code, s.investor_origin))` : sql`1, 2`;
  const summaryKey = (month: SqlFragment) =>
    group === 'region'
      ? sql`s.region_code`
      : group === 'industry'
        ? sql`s.industry_code`
        : group === 'both'
          ? both(sql`s.region_code`, sql`s.industry_code`)
          : group === 'month'
            ? sql`${month}::text`
            : sql`''`;
  // signings and starts from the project summary: a date ≤ a month's last day is its month ≤ that month ('' = no date)
  const startedBy = (month: SqlFragment) => sql`coalesce(sum(s.projects) FILTER (WHERE s.started_month <> '' AND s.started_month <= ${month}), 0)::int`;
  const signedFromSummary = (withStarted: boolean) => sql`SELECT ${summaryKey(sql`s.signed_month`)} AS key, s.investor_origin AS origin, sum(s.projects)::int AS "signedCount",
        sum(s.contract_amount_wan)::text AS "signedAmountWan", sum(s.projects_10m)::int AS "signedCount10m",
        ${withStarted ? startedBy(group === 'month' ? sql`s.signed_month` : sql`${to}::char(7)`) : sql`0`} AS "signedStartedCount",
        ${withStarted && group === 'month' ? startedBy(sql`${to}::char(7)`) : sql`0`} AS "signedStartedByEndCount"
      FROM indicator_project_sums s
      WHERE s.region_code = ANY(${regions}) AND s.signed_month BETWEEN ${from} AND ${to}
      GROUP BY ${summaryGroups}
      HAVING sum(s.projects) <> 0`;
  const startedFromSummary = sql`SELECT ${summaryKey(sql`s.started_month`)} AS key, s.investor_origin AS origin, sum(s.projects)::int AS "startedCount"
      FROM indicator_project_sums s
      WHERE s.region_code = ANY(${regions}) AND s.started_month BETWEEN ${from} AND ${to}
      GROUP BY ${summaryGroups}
      HAVING sum(s.projects) <> 0`;

  // the arrivals of the period by the row's key, from the report-month summary
  const summaryArrivals = () => sql`SELECT ${summaryKey(sql`s.month`)} AS key, s.investor_origin AS origin, sum(s.arrived_wan)::text AS "arrivedWan",
        sum(s.registered_completed_wan)::text AS "registeredCompletedWan"
      FROM indicator_month_sums s
      WHERE s.region_code = ANY(${regions}) AND s.month BETWEEN ${from} AND ${to} AND s.status = ANY(${statuses}::report_status[])
      GROUP BY ${summaryGroups}
      HAVING sum(s.reports) <> 0`;

  // the key projects from their own narrow table (migration AddKeyProjectState: one row per signed key
  // project with its dates and the day its approvals became complete, kept by triggers), not from every
  // project and each key project's approval items (~120 ms a pass at 116,000 projects, ~350 by month)
  const keyOfTable =
    group === 'region' ? sql`k.region_code` : group === 'industry' ? sql`k.industry_code` : group === 'both' ? both(sql`k.region_code`, sql`k.industry_code`) : sql`''`;
  const keyProjectsFromTable =
    group === 'month'
      ? // as of each month's last day e, a count of "signed ≤ e and not terminated by e" is #(signed ≤ e) − #(max(signed,
        // terminated) ≤ e); started and approvals alike with max(signed, started) and max(signed, started, terminated): each
        // key project gives its six dates (none where a date is missing: never), counted by the month they fall in, and each
        // month adds up the months to it — one pass over the key projects instead of one per month (the join of every month
        // with every key project: 27–32 ms a pass by month at 116,000 projects). No text per row (to_char of a date goes
        // through timestamptz: 90 ms), the month found by width_bucket in the months' first days
        sql`SELECT mo.month AS key,
           coalesce(sum(e.n) FILTER (WHERE e.what = 1), 0)::int AS count,
           coalesce(sum(e.n) FILTER (WHERE e.what = 2), 0)::int AS "startedCount",
           coalesce(sum(e.n) FILTER (WHERE e.what = 3), 0)::int AS "approvalsCompleteCount"
         FROM (SELECT to_char(d, 'YYYY-MM') AS month, row_number() OVER (ORDER BY d) AS b
               FROM generate_series(${periodStart}, (${to} || '-01')::date, interval '1 month') d) mo
         LEFT JOIN (
           -- the month of the period a day falls in (1 also for the days before it): the first days of its months 2, 3 …
           SELECT width_bucket(u.day, ARRAY(SELECT d::date FROM generate_series(${periodStart} + interval '1 month', (${to} || '-01')::date, interval '1 month') d)) + 1 AS b,
             u.what, sum(u.n) AS n
           FROM (
             SELECT unnest(ARRAY[k.signed_at,
                 CASE WHEN k.terminated_at IS NOT NULL THEN greatest(k.signed_at, k.terminated_at) END,
                 CASE WHEN k.started_at IS NOT NULL THEN greatest(k.signed_at, k.started_at) END,
                 CASE WHEN k.started_at IS NOT NULL AND k.terminated_at IS NOT NULL THEN greatest(k.signed_at, k.started_at, k.terminated_at) END,
                 CASE WHEN k.approvals_done IS NOT NULL THEN greatest(k.signed_at, k.approvals_done) END,
                 CASE WHEN k.approvals_done IS NOT NULL AND k.terminated_at IS NOT NULL THEN greatest(k.signed_at, k.approvals_done, k.terminated_at) END]) AS day,
               unnest(ARRAY[1, 1, 2, 2, 3, 3]) AS what, unnest(ARRAY[1, -1, 1, -1, 1, -1]) AS n
             FROM indicator_key_projects k
             WHERE k.region_code = ANY(${regions}) AND k.signed_at <= ${periodEnd}
           ) u
           WHERE u.day <= ${periodEnd}
           GROUP BY 1, 2
         ) e ON e.b <= mo.b
         GROUP BY 1`
      : sql`SELECT ${keyOfTable} AS key, count(*)::int AS count,
           count(*) FILTER (WHERE k.started_at <= ${periodEnd})::int AS "startedCount",
           count(*) FILTER (WHERE k.approvals_done <= ${periodEnd})::int AS "approvalsCompleteCount"
         FROM indicator_key_projects k
         WHERE k.region_code = ANY(${regions}) AND k.signed_at <= ${periodEnd} AND (k.terminated_at IS NULL OR k.terminated_at > ${periodEnd})
         GROUP BY ${group === 'both' ? sql`GROUPING SETS ((k.region_code), (k.industry_code))` : sql`1`}`;
  const keyProjectsFromSummaryMode = { keyProjects: keyProjectsFromTable };

  if (fromSummaries && !figuresOnly) {
    return {
      ...onFacts(),
      // Σ arrived since signing from the signing-month summary: the reports of the keys' projects signed
      // in the period, up to the row's end (the signing month itself when grouped by month)
      // (by month, the reports to the period's end are read anyway for its total: the row's own are a FILTER of them)
      projects: sql`SELECT c.key, c.origin, c."signedCount", c."signedAmountWan", c."signedCount10m", c."signedStartedCount",
          coalesce(a.arrived, 0)::text AS "signedArrivedWan", c."signedStartedByEndCount", coalesce(a.arrived_by_end, 0)::text AS "signedArrivedByEndWan"
        FROM (${signedFromSummary(true)}) c
        LEFT JOIN (
          SELECT ${summaryKey(sql`s.signed_month`)} AS key, s.investor_origin AS origin,
            ${group === 'month' ? sql`sum(s.arrived_wan) FILTER (WHERE s.month <= s.signed_month) AS arrived, sum(s.arrived_wan) AS arrived_by_end` : sql`sum(s.arrived_wan) AS arrived, 0 AS arrived_by_end`}
          FROM indicator_signed_sums s
          WHERE s.region_code = ANY(${regions}) AND s.signed_month BETWEEN ${from} AND ${to} AND s.status = ANY(${statuses}::report_status[])
            AND s.month <= ${to}::char(7)
          GROUP BY ${summaryGroups}
        ) a ON a.key = c.key AND a.origin = c.origin`,
      started: startedFromSummary,
      arrivals: summaryArrivals(),
      ...keyProjectsFromSummaryMode,
    };
  }
  if (fromSummaries) {
    return {
      ...onFacts(),
      projects: sql`SELECT c.key, c.origin, c."signedCount", c."signedAmountWan", c."signedCount10m", c."signedStartedCount", '0.00' AS "signedArrivedWan", ${noPeriodEnd}
        FROM (${signedFromSummary(false)}) c`,
      started: startedFromSummary,
      arrivals: summaryArrivals(),
      ...keyProjectsFromSummaryMode,
    };
  }

  return {
    // projects signed in the period: counts, amounts, started by the row's end, arrived by its end
    projects: figuresOnly
      ? sql`SELECT ${key(sql`p.signed_at`)} AS key, p.investor_origin AS origin, count(*)::int AS "signedCount",
          sum(p.contract_amount_wan)::text AS "signedAmountWan", count(*) FILTER (WHERE ${signed10mSql})::int AS "signedCount10m",
          0 AS "signedStartedCount", '0.00' AS "signedArrivedWan", ${noPeriodEnd}
        FROM projects p
        WHERE p.region_code = ANY(${regions}) AND ${signedBetweenSql(periodStart, periodEnd)}
        GROUP BY 1, 2`
      : sql`SELECT ${key(sql`p.signed_at`)} AS key, p.investor_origin AS origin, count(*)::int AS "signedCount",
        sum(p.contract_amount_wan)::text AS "signedAmountWan", count(*) FILTER (WHERE ${signed10mSql})::int AS "signedCount10m",
        count(*) FILTER (WHERE ${started} <= ${rowEnd(sql`p.signed_at`)})::int AS "signedStartedCount",
        coalesce(sum(a.arrived), 0)::text AS "signedArrivedWan", ${noPeriodEnd}
      FROM projects p
      LEFT JOIN LATERAL (
        SELECT sum(${arrived}) AS arrived FROM monthly_reports m
        WHERE m.project_id = p.id AND ${counts} AND m.month <= ${rowEndMonth}
      ) a ON true
      WHERE p.region_code = ANY(${regions}) AND ${signedBetweenSql(periodStart, periodEnd)}
      GROUP BY 1, 2`,
    started: sql`SELECT ${key(started)} AS key, p.investor_origin AS origin, count(*)::int AS "startedCount"
      FROM projects p
      WHERE p.region_code = ANY(${regions}) AND ${startedBetweenSql(periodStart, periodEnd)}
      GROUP BY 1, 2`,
    arrivals: sql`SELECT ${group === 'month' ? sql`m.month` : key(sql`NULL`)} AS key, p.investor_origin AS origin, sum(${arrived})::text AS "arrivedWan",
        coalesce(sum(m.completed_investment_wan) FILTER (WHERE p.stats_registered AND m.month >= p.stats_registered_month), 0)::text AS "registeredCompletedWan"
      FROM monthly_reports m JOIN projects p ON p.id = m.project_id
      WHERE p.region_code = ANY(${regions}) AND ${reportInMonthsSql(sql`${from}`, sql`${to}`, sql`${statuses}`)}
      GROUP BY 1, 2`,
    // FAI by region and month; the city's own figure (region without a parent) beside its districts'.
    // Rows by industry take the scope's FAI (it is not split by industry): no key, like the total.
    fai: sql`SELECT ${group === 'region' ? sql`f.region_code` : group === 'month' ? sql`f.month` : sql`''`} AS key, f.month,
        coalesce(sum(f.amount_wan) FILTER (WHERE f.region_code = ANY(${regions})), 0)::text AS "districtsWan",
        max(f.amount_wan) FILTER (WHERE r.parent_code IS NULL)::text AS "cityWan"
      FROM fai_totals f JOIN regions r ON r.code = f.region_code
      WHERE (f.region_code = ANY(${regions}) OR r.parent_code IS NULL) AND f.month BETWEEN ${from} AND ${to}
      GROUP BY 1, 2`,
    // key projects as of the row's end: signed by then and not terminated by then; 开复工 = started
    // (construction, else production date) by then; 手续办结 = approvals done by then
    keyProjects:
      group === 'month'
        ? sql`SELECT mo.month AS key, count(p.id)::int AS count,
             count(p.id) FILTER (WHERE ${started} <= ${monthEnd(monthOfRow)})::int AS "startedCount",
             count(p.id) FILTER (WHERE ${approvalsCompleteSql(monthEnd(monthOfRow))})::int AS "approvalsCompleteCount"
           FROM (SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(${periodStart}, (${to} || '-01')::date, interval '1 month') d) mo
           LEFT JOIN projects p ON p.region_code = ANY(${regions}) AND ${keyProjectOnSql(monthEnd(monthOfRow))}
           GROUP BY 1`
        : sql`SELECT ${key(sql`NULL`)} AS key, count(*)::int AS count,
             count(*) FILTER (WHERE ${started} <= ${periodEnd})::int AS "startedCount",
             count(*) FILTER (WHERE ${approvalsCompleteSql(periodEnd)})::int AS "approvalsCompleteCount"
           FROM projects p
           WHERE p.region_code = ANY(${regions}) AND ${keyProjectOnSql(periodEnd)}
           GROUP BY 1`,
  };
}
