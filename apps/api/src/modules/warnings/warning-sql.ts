import { lastReportMonthDue, WARNING_RULES, type WarningSettings } from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';
import { obligationEndAtSql, obligationEndSql } from '../../common/sql/reporting-obligation.js';
import { startedAtSql } from '../../common/sql/started.js';

/**
 * The warning rules of DOMAIN.md §6 in set-based SQL, one common table expression per rule, each
 * giving every candidate project's threshold dates (`yellow_from`, `red_from`) and the basis of its
 * message, exactly as `warningThresholds` in shared/domain computes them (an integration test
 * compares the two). `date + interval` clamps to the month's end like `addMonthsToDate`.
 *
 * Months are char(7) columns: values compared with them are cast to bpchar so the indexes on
 * (project_id, month) serve the probes (text would cast the column and skip the index).
 */
const SUBMITTED = sql`r.status IN ('SUBMITTED', 'VERIFIED')`;

export interface WarningSqlScope {
  /** a condition on `p` (projects), e.g. one project or a list of ids; TRUE for all. It is repeated: bind its values with `sql.param`. */
  projects: SqlFragment;
  /** (state engine) the rows of warn_live_projects to read instead of the table, e.g. a CTE of the projects the list needs */
  from?: SqlFragment;
}

/**
 * Which SQL evaluates FUNDS and REPORT: `state` reads each project's first unsubmitted month and last
 * month with arrivals from `warn_live_projects` (the live projects with the state of `warn_project_state`, kept by triggers, issue 17); `reference` is the plain
 * statement that probes every project's reports (issue 6), kept as the reference the tests and the
 * benchmark compare with.
 */
export type WarningEngine = 'state' | 'reference';

/**
 * `WITH … , hit AS (…)`: the day's warnings with project, region, level and since, as columns of `hit`.
 * REPORT's count of missing months is computed by the `state` engine only for the rows read
 * (`withReportCounts`): `hit.basis_count` is NULL there and `hit.report_last` the last month owed.
 */
export function warningCte(day: string, settings: WarningSettings, scope: WarningSqlScope, engine: WarningEngine = 'state'): SqlFragment {
  return sql`WITH ${hitCtes(day, settings, scope, engine, true)}`;
}

/** `warningCte`'s common table expressions, without the WITH; `issue_w` and `policy_w` left to the caller when `openItems` is false (the list: warning-levels-sql.ts). */
export function hitCtes(day: string, settings: WarningSettings, scope: WarningSqlScope, engine: WarningEngine, openItems: boolean): SqlFragment {
  // the day and the last month due appear several times: one parameter each
  const d = sql`${sql.param(day)}::date`;
  const s = settings;
  const n = (value: number) => sql`${value}::int`;
  // (issue 17) a constant interval, not make_interval() per row; a month's first day by make_date, not
  // by parsing 'YYYY-MM' || '-01' per row: the list evaluates these for ~90,000 projects per request
  const months = (count: number) => sql`${`${count} months`}::interval`;
  const lastDue = sql`${sql.param(lastReportMonthDue(day, settings))}::bpchar`;
  const lastDueStart = sql`${sql.param(`${lastReportMonthDue(day, settings)}-01`)}::date`;
  const live = liveSql(scope.projects);
  // the state engine reads the start date and its months' first days stored (generated columns of
  // warn_live_projects, migration WarnLiveDates): computed per row and request they were a fifth of the list
  const startDate = engine === 'reference' ? startedAtSql('p') : sql`p.started_on`;
  // the live projects: the narrow table the triggers keep (migration AddWarnLiveProjects: the columns of
  // projects the rules read, under the same names, and the state's two months), or projects itself for
  // the reference statement
  const source = engine === 'reference' ? sql`projects` : (scope.from ?? sql`warn_live_projects`);
  const stateFundsAndReport = sql`funds_w AS (
    SELECT st.id AS project_id, 'FUNDS' AS rule,
      GREATEST((st.started_at + ${months(s.FUNDS.yellowMonths)})::date, (st.last_arrival_on + ${months(s.FUNDS.yellowMonths + 1)})::date) AS yellow_from,
      GREATEST((st.started_at + ${months(s.FUNDS.redMonths)})::date, (st.last_arrival_on + ${months(s.FUNDS.redMonths + 1)})::date) AS red_from,
      st.started_at AS basis_date, CASE WHEN st.last_arrival >= to_char(st.started_at, 'YYYY-MM') THEN st.last_arrival::text END AS basis_month, NULL::int AS basis_count,
      NULL::text AS basis_category, NULL::int AS basis_days, NULL::bpchar AS report_last, st.project_no, st.region_code
    FROM started st
  ),
  -- the oldest unsubmitted month is the project's first gap (kept by triggers) when it lies within the
  -- months owed: from signing to the last month due, or to the end of the reporting obligation (the
  -- production month plus a setting, DOMAIN.md §5) when that comes first
  report_w AS (
    SELECT p.id AS project_id, 'REPORT' AS rule,
      (p.first_gap_on + ${`1 month ${s.REPORT.yellowDay} days`}::interval)::date AS yellow_from,
      (p.first_gap_on + ${months(s.REPORT.redMonths + 1)})::date AS red_from,
      NULL::date AS basis_date, p.first_gap::text AS basis_month, NULL::int AS basis_count,
      NULL::text AS basis_category, NULL::int AS basis_days,
      -- the last month owed: the last month due, or the obligation's end when that comes first (formatted
      -- only then: to_char for every live project was a third of the statement)
      CASE WHEN p.production_started_at IS NULL OR ${obligationEndAtSql(s.REPORT.monthsAfterProduction)} >= ${lastDueStart} THEN ${lastDue}
           ELSE ${obligationEndSql(s.REPORT.monthsAfterProduction)}::bpchar END AS report_last, p.project_no, p.region_code
    FROM ${source} p
    -- first gap ≤ LEAST(last month due, obligation's end month), the latter as dates: a month ≤ the month
    -- of a day ⇔ its first day ≤ that day
    WHERE ${live} AND ${reportOwedSql(lastDue, s)}
  ),
`;
  const referenceFundsAndReport = sql`funds_w AS (
    SELECT st.id AS project_id, 'FUNDS' AS rule,
      GREATEST((st.started_at + make_interval(months => ${n(s.FUNDS.yellowMonths)}))::date, ((a.month || '-01')::date + make_interval(months => ${n(s.FUNDS.yellowMonths)} + 1))::date) AS yellow_from,
      GREATEST((st.started_at + make_interval(months => ${n(s.FUNDS.redMonths)}))::date, ((a.month || '-01')::date + make_interval(months => ${n(s.FUNDS.redMonths)} + 1))::date) AS red_from,
      st.started_at AS basis_date, CASE WHEN a.month >= to_char(st.started_at, 'YYYY-MM') THEN a.month::text END AS basis_month, NULL::int AS basis_count,
      NULL::text AS basis_category, NULL::int AS basis_days, NULL::bpchar AS report_last, st.project_no, st.region_code
    FROM started st
    LEFT JOIN LATERAL (
      SELECT max(r.month) AS month FROM monthly_reports r
      WHERE r.project_id = st.id AND ${SUBMITTED} AND r.arrived_equity_wan + r.arrived_loan_wan + r.arrived_other_wan > 0
    ) a ON TRUE
  ),
  -- the months owed: from signing to the last month due, or to the end of the reporting obligation
  -- (the production month plus a setting, DOMAIN.md §5) when that comes first
  report_due AS (
    SELECT p.id, p.project_no, p.region_code, to_char(p.signed_at, 'YYYY-MM')::bpchar AS first_month, o.last_month,
      extract(year FROM p.signed_at)::int * 12 + extract(month FROM p.signed_at)::int AS first_index,
      (substr(o.last_month, 1, 4)::int * 12 + substr(o.last_month, 6, 2)::int) - (extract(year FROM p.signed_at)::int * 12 + extract(month FROM p.signed_at)::int) + 1 AS expected
    FROM projects p
    CROSS JOIN LATERAL (
      SELECT LEAST(${lastDue}, ${obligationEndSql(s.REPORT.monthsAfterProduction)}::bpchar) AS last_month
    ) o
    WHERE ${live} AND to_char(p.signed_at, 'YYYY-MM')::bpchar <= o.last_month
  ),
  -- one index-only pass over each project's submitted months, in month order: how many there are, and
  -- how many lead without a gap (the k-th is the k-th month from signing); the oldest gap follows them
  report_gap AS (
    SELECT rd.id, rd.project_no, rd.region_code, rd.first_month, rd.expected - c.submitted AS missing, c.leading
    FROM report_due rd
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS submitted, count(*) FILTER (WHERE s.month_index - rd.first_index = s.rn - 1)::int AS leading
      FROM (
        SELECT substr(r.month, 1, 4)::int * 12 + substr(r.month, 6, 2)::int AS month_index, row_number() OVER (ORDER BY r.month) AS rn
        FROM monthly_reports r
        WHERE r.project_id = rd.id AND ${SUBMITTED} AND r.month >= rd.first_month AND r.month <= rd.last_month
      ) s
    ) c
    WHERE c.submitted < rd.expected
  ),
  report_w AS (
    SELECT g.id AS project_id, 'REPORT' AS rule,
      ((g.first_month || '-01')::date + make_interval(months => g.leading + 1, days => ${n(s.REPORT.yellowDay)}))::date AS yellow_from,
      ((g.first_month || '-01')::date + make_interval(months => g.leading + ${n(s.REPORT.redMonths)} + 1))::date AS red_from,
      NULL::date AS basis_date, to_char((g.first_month || '-01')::date + make_interval(months => g.leading), 'YYYY-MM') AS basis_month, g.missing AS basis_count,
      NULL::text AS basis_category, NULL::int AS basis_days, NULL::bpchar AS report_last, g.project_no, g.region_code
    FROM report_gap g
  ),
`;
  return sql`start_w AS (
    SELECT p.id AS project_id, 'START' AS rule,
      CASE WHEN p.planned_start_month IS NOT NULL THEN ${monthStart(sql`p.planned_start_month`)} + ${months(s.START.yellowMonthsAfterPlan + 1)}
           ELSE p.signed_at + ${months(s.START.yellowMonthsAfterSigning)} END::date AS yellow_from,
      CASE WHEN p.planned_start_month IS NOT NULL THEN ${monthStart(sql`p.planned_start_month`)} + ${months(s.START.redMonthsAfterPlan + 1)}
           ELSE p.signed_at + ${months(s.START.redMonthsAfterSigning)} END::date AS red_from,
      CASE WHEN p.planned_start_month IS NULL THEN p.signed_at END AS basis_date,
      p.planned_start_month::text AS basis_month, NULL::int AS basis_count, NULL::text AS basis_category, NULL::int AS basis_days, NULL::bpchar AS report_last, p.project_no, p.region_code
    FROM ${source} p WHERE ${live} AND ${NOT_STARTED}
  ),
  started AS (
    SELECT p.id, p.project_no, p.region_code, p.planned_investment_wan, p.stats_registered, ${startDate} AS started_at${engine === 'reference' ? sql`` : sql`, p.last_arrival, p.last_arrival_on`}
    FROM ${source} p WHERE ${live} AND ${STARTED} AND ${startDate} IS NOT NULL
  ),
  stats_w AS (
    SELECT st.id AS project_id, 'STATS' AS rule,
      (st.started_at + ${months(s.STATS.yellowMonths)})::date AS yellow_from,
      (st.started_at + ${months(s.STATS.redMonths)})::date AS red_from,
      st.started_at AS basis_date, NULL::text AS basis_month, NULL::int AS basis_count, NULL::text AS basis_category, NULL::int AS basis_days, NULL::bpchar AS report_last, st.project_no, st.region_code
    FROM started st WHERE NOT st.stats_registered AND st.planned_investment_wan >= ${s.STATS.minPlannedInvestmentWan}::numeric
  ),
  ${engine === 'reference' ? referenceFundsAndReport : stateFundsAndReport}
  ${openItems ? sql`${openItemsCtes(d, s, live)},` : sql``}
  candidate AS (
    SELECT * FROM start_w UNION ALL SELECT * FROM stats_w UNION ALL SELECT * FROM funds_w UNION ALL SELECT * FROM report_w UNION ALL SELECT * FROM issue_w
    UNION ALL SELECT * FROM policy_w
  ),
  -- narrow rows (the names are looked up for the rows shown: withReportCounts): at province scale
  -- there are 100,000+ hits to sort and count
  hit AS MATERIALIZED (
    SELECT c.project_id, c.project_no, c.region_code, c.rule, c.basis_date, c.basis_month, c.basis_count, c.basis_category, c.basis_days, c.report_last,
      ${levelAndSince(d)}
    FROM candidate c
    WHERE ${d} >= c.yellow_from
  )`;
}

/** A hit's (a candidate `c` with `d >= c.yellow_from`) `level` and `since` on day `d`: RED from its red threshold on. */
export function levelAndSince(d: SqlFragment): SqlFragment {
  return sql`CASE WHEN ${d} >= c.red_from THEN 'RED' ELSE 'YELLOW' END AS level, CASE WHEN ${d} >= c.red_from THEN c.red_from ELSE c.yellow_from END AS since`;
}

/** A live project (`p`): signed, neither negotiating nor terminated, and in `projects` (a condition on `p`). */
export function liveSql(projects: SqlFragment): SqlFragment {
  return sql`p.signed_at IS NOT NULL AND p.stage NOT IN ('NEGOTIATING', 'TERMINATED') AND (${projects})`;
}

export const NOT_STARTED = sql`p.stage IN ('SIGNED', 'REGISTERED')`;
export const STARTED = sql`p.stage IN ('UNDER_CONSTRUCTION', 'IN_PRODUCTION')`;

/**
 * REPORT's first gap (`p` of warn_live_projects) lies within the months owed: no later than the last
 * month due, nor than the obligation's end month (DOMAIN.md §5) — the latter as dates: a month ≤ the
 * month of a day ⇔ its first day ≤ that day.
 */
export function reportOwedSql(lastDue: SqlFragment, s: WarningSettings): SqlFragment {
  return sql`p.first_gap <= ${lastDue} AND (p.production_started_at IS NULL OR p.first_gap_on <= ${obligationEndAtSql(s.REPORT.monthsAfterProduction)})`;
}

/**
 * ISSUE and POLICY, as `issue_w` and `policy_w` of `warningCte`'s shape: the problems and commitments
 * open on day `d` of the live projects (`live`, a condition on `p`). Small tables, evaluated as they
 * are by the list and by the counts alike.
 */
export function openItemsCtes(d: SqlFragment, s: WarningSettings, live: SqlFragment): SqlFragment {
  const n = (value: number) => sql`${value}::int`;
  return sql`  -- the problems open on the day (raised by it, not closed by it: history, not today's status); the
  -- worst is the one due first, the category's list order (the enum's) breaking a tie
  issue_w AS (
    SELECT i.project_id, 'ISSUE' AS rule,
      min(i.due_at) + ${n(s.ISSUE.yellowDaysAfterDue)} AS yellow_from,
      min(i.due_at) + ${n(s.ISSUE.redDaysAfterDue)} AS red_from,
      min(i.due_at) AS basis_date, NULL::text AS basis_month,
      count(*) FILTER (WHERE i.due_at + ${n(s.ISSUE.yellowDaysAfterDue)} <= ${d})::int AS basis_count,
      (array_agg(i.category::text ORDER BY i.due_at, i.category))[1] AS basis_category,
      (${d} - min(i.due_at))::int AS basis_days, NULL::bpchar AS report_last, p.project_no, p.region_code
    FROM project_issues i JOIN projects p ON p.id = i.project_id
    WHERE ${live} AND i.raised_at <= ${d} AND (i.closed_at IS NULL OR i.closed_at > ${d})
    GROUP BY i.project_id, p.project_no, p.region_code
  ),
  -- the commitments open on the day (recorded by it, neither honoured in full nor withdrawn by it), as
  -- ISSUE: the worst is the one due first, the type's list order (the enum's) breaking a tie
  policy_w AS (
    SELECT c.project_id, 'POLICY' AS rule,
      min(c.due_at) + ${n(s.POLICY.yellowDaysAfterDue)} AS yellow_from,
      min(c.due_at) + ${n(s.POLICY.redDaysAfterDue)} AS red_from,
      min(c.due_at) AS basis_date, NULL::text AS basis_month,
      count(*) FILTER (WHERE c.due_at + ${n(s.POLICY.yellowDaysAfterDue)} <= ${d})::int AS basis_count,
      (array_agg(c.type::text ORDER BY c.due_at, c.type))[1] AS basis_category,
      (${d} - min(c.due_at))::int AS basis_days, NULL::bpchar AS report_last, p.project_no, p.region_code
    FROM policy_commitments c JOIN projects p ON p.id = c.project_id
    WHERE ${live} AND c.recorded_at <= ${d}
      AND NOT (c.status = 'HONOURED' AND c.honoured_at <= ${d}) AND NOT (c.status = 'WITHDRAWN' AND c.withdrawn_at <= ${d})
    GROUP BY c.project_id, p.project_no, p.region_code
  )`;
}

/** The first day of a 'YYYY-MM' month column, without the date parser. */
export function monthStart(month: SqlFragment): SqlFragment {
  return sql`make_date(substr(${month}, 1, 4)::int, substr(${month}, 6, 2)::int, 1)`;
}

/** The rules' order (WARNING_RULES) as an SQL sort key of `h`. */
export const RULE_ORDER = sql`array_position(${[...WARNING_RULES]}::text[], h.rule)`;

/** Most urgent first: red before yellow, the oldest since first; then project number and rule order. */
export const HIT_ORDER = sql`CASE h.level WHEN 'RED' THEN 0 ELSE 1 END, h.since, h.project_no, ${RULE_ORDER}`;

const monthIndex = (month: SqlFragment) => sql`(substr(${month}, 1, 4)::int * 12 + substr(${month}, 6, 2)::int)`;

/**
 * The rows of `rows` (a SELECT of `hit` columns, already filtered and paged) as the service reads
 * them, in `order`, with the project's and region's names and REPORT's count of missing months
 * filled in where the `state` engine left it out: the months owed from the first gap to the last month due, less the submitted ones among them
 * (one index range scan per REPORT row shown — 50 rows, not 100,000 projects).
 */
export function withReportCounts(rows: SqlFragment, order: SqlFragment): SqlFragment {
  return sql`SELECT h.project_id AS "projectId", h.project_no AS "projectNo", p.name AS "projectName",
    h.region_code AS "regionCode", rg.name AS "regionName", h.rule, h.level, h.since,
    h.basis_date AS "basisDate", h.basis_month AS "basisMonth", COALESCE(h.basis_count, rc.missing) AS "basisCount",
    h.basis_category AS "basisCategory", h.basis_days AS "basisDays"
  FROM (${rows}) h
  JOIN projects p ON p.id = h.project_id JOIN regions rg ON rg.code = h.region_code
  LEFT JOIN LATERAL (
    SELECT (${monthIndex(sql`h.report_last`)} - ${monthIndex(sql`h.basis_month`)} + 1 - count(*))::int AS missing
    FROM monthly_reports r
    WHERE h.report_last IS NOT NULL AND r.project_id = h.project_id AND ${SUBMITTED}
      AND r.month >= h.basis_month::bpchar AND r.month <= h.report_last
  ) rc ON h.report_last IS NOT NULL
  ORDER BY ${order}`;
}
