import { lastDateReaching, lastReportMonthDue, monthOf, WARNING_RULES, type WarningLevel, type WarningRule, type WarningSettings } from '@zhaoshang/shared/domain';
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

/** `warningCte`'s common table expressions, without the WITH; `issue_w` and `policy_w` left to the caller when `openItems` is false. */
function hitCtes(day: string, settings: WarningSettings, scope: WarningSqlScope, engine: WarningEngine, openItems: boolean): SqlFragment {
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
function levelAndSince(d: SqlFragment): SqlFragment {
  return sql`CASE WHEN ${d} >= c.red_from THEN 'RED' ELSE 'YELLOW' END AS level, CASE WHEN ${d} >= c.red_from THEN c.red_from ELSE c.yellow_from END AS since`;
}

/** A live project (`p`): signed, neither negotiating nor terminated, and in `projects` (a condition on `p`). */
function liveSql(projects: SqlFragment): SqlFragment {
  return sql`p.signed_at IS NOT NULL AND p.stage NOT IN ('NEGOTIATING', 'TERMINATED') AND (${projects})`;
}

const NOT_STARTED = sql`p.stage IN ('SIGNED', 'REGISTERED')`;
const STARTED = sql`p.stage IN ('UNDER_CONSTRUCTION', 'IN_PRODUCTION')`;

/**
 * REPORT's first gap (`p` of warn_live_projects) lies within the months owed: no later than the last
 * month due, nor than the obligation's end month (DOMAIN.md §5) — the latter as dates: a month ≤ the
 * month of a day ⇔ its first day ≤ that day.
 */
function reportOwedSql(lastDue: SqlFragment, s: WarningSettings): SqlFragment {
  return sql`p.first_gap <= ${lastDue} AND (p.production_started_at IS NULL OR p.first_gap_on <= ${obligationEndAtSql(s.REPORT.monthsAfterProduction)})`;
}

/** The columns of each project's level under START, STATS, FUNDS and REPORT in `warningCountsCte` and `warningListCte`. */
const LEVEL_COLUMNS = ['start_level', 'stats_level', 'funds_level', 'report_level'] as const;

/**
 * START, STATS, FUNDS and REPORT of a live project `p` (warn_live_projects) on a day, without computing its
 * thresholds: a threshold `base + months (+ days) ≤ day` is `base ≤ lastDateReaching(day, months, days)`, one
 * date per threshold computed here (`yellow`, `red`: conditions). For the list's cut (`warningListCte`), bounds
 * of the since at each level in date + days arithmetic (`sinceBounds`): the since ≤ `upper…` and ≥ `upper…` −
 * `slack…`.
 */
interface RuleLevels {
  rule: WarningRule;
  yellow: SqlFragment;
  red: SqlFragment;
  /** the upper bound of the since at each level, `shift` days added (one addition per base date) */
  upperYellow: (shift: number) => SqlFragment;
  upperRed: (shift: number) => SqlFragment;
  slackYellow: number;
  slackRed: number;
}

/**
 * Bounds of the date `base + months (+ days)`, in days after `base`: at most `upper` (no month has more than 31
 * days), at least `upper − slack`: a year of twelve months is 365 or 366 days, 31 × 12 less 7 or 6, a part of one
 * loses no more in proportion, and a day past the target month's end moves back at most 3 (31 → 28). A test
 * checks them against PostgreSQL's date arithmetic for every day of 2020–2030 and 0–60 months (the widest
 * gap found: 3 days at 1 month, 7 at 12, 34 at 60).
 */
export function sinceBounds(months: number, days = 0): { upper: number; slack: number } {
  return { upper: 31 * months + days, slack: Math.ceil((7 * months) / 12) + 3 };
}
const slackOf = (months: number, days = 0) => sinceBounds(months, days).slack;

function ruleLevels(day: string, s: WarningSettings): RuleLevels[] {
  const reached = (months: number, days = 0) => sql`${lastDateReaching(day, months, days)}::date`;
  // a planned month's first day ≤ a date ⇔ the month ≤ that date's month
  const reachedMonth = (months: number) => sql`${monthOf(lastDateReaching(day, months))}::varchar`;
  const lastDue = sql`${lastReportMonthDue(day, s)}::bpchar`;
  const plus = (base: SqlFragment, months: number, days = 0) => (shift: number) => sql`${base} + ${sinceBounds(months, days).upper + shift}::int`;
  const start = (afterPlan: number, afterSigning: number) =>
    sql`${NOT_STARTED} AND CASE WHEN p.planned_start_month IS NOT NULL THEN p.planned_start_month <= ${reachedMonth(afterPlan + 1)} ELSE p.signed_at <= ${reached(afterSigning)} END`;
  const startUpper = (afterPlan: number, afterSigning: number) => (shift: number) =>
    sql`CASE WHEN p.planned_start_month IS NOT NULL THEN ${plus(monthStart(sql`p.planned_start_month`), afterPlan + 1)(shift)} ELSE ${plus(sql`p.signed_at`, afterSigning)(shift)} END`;
  const started = sql`${STARTED} AND p.started_on IS NOT NULL`;
  const stats = (months: number) => sql`${started} AND NOT p.stats_registered AND p.planned_investment_wan >= ${s.STATS.minPlannedInvestmentWan}::numeric AND p.started_on <= ${reached(months)}`;
  // GREATEST(start + N months, last arrival's month + N + 1 months): both reached (GREATEST skips a NULL)
  const funds = (months: number) => sql`${started} AND p.started_on <= ${reached(months)} AND (p.last_arrival_on IS NULL OR p.last_arrival_on <= ${reached(months + 1)})`;
  const fundsUpper = (months: number) => (shift: number) => sql`GREATEST(${plus(sql`p.started_on`, months)(shift)}, ${plus(sql`p.last_arrival_on`, months + 1)(shift)})`;
  const report = (months: number, days = 0) => sql`${reportOwedSql(lastDue, s)} AND p.first_gap_on <= ${reached(months, days)}`;
  const { START, STATS, FUNDS, REPORT } = s;
  return [
    {
      rule: 'START',
      yellow: start(START.yellowMonthsAfterPlan, START.yellowMonthsAfterSigning),
      red: start(START.redMonthsAfterPlan, START.redMonthsAfterSigning),
      upperYellow: startUpper(START.yellowMonthsAfterPlan, START.yellowMonthsAfterSigning),
      upperRed: startUpper(START.redMonthsAfterPlan, START.redMonthsAfterSigning),
      slackYellow: Math.max(slackOf(START.yellowMonthsAfterPlan + 1), slackOf(START.yellowMonthsAfterSigning)),
      slackRed: Math.max(slackOf(START.redMonthsAfterPlan + 1), slackOf(START.redMonthsAfterSigning)),
    },
    {
      rule: 'STATS',
      yellow: stats(STATS.yellowMonths),
      red: stats(STATS.redMonths),
      upperYellow: plus(sql`p.started_on`, STATS.yellowMonths),
      upperRed: plus(sql`p.started_on`, STATS.redMonths),
      slackYellow: slackOf(STATS.yellowMonths),
      slackRed: slackOf(STATS.redMonths),
    },
    {
      rule: 'FUNDS',
      yellow: funds(FUNDS.yellowMonths),
      red: funds(FUNDS.redMonths),
      upperYellow: fundsUpper(FUNDS.yellowMonths),
      upperRed: fundsUpper(FUNDS.redMonths),
      slackYellow: slackOf(FUNDS.yellowMonths + 1),
      slackRed: slackOf(FUNDS.redMonths + 1),
    },
    {
      rule: 'REPORT',
      yellow: report(1, REPORT.yellowDay),
      red: report(REPORT.redMonths + 1),
      upperYellow: plus(sql`p.first_gap_on`, 1, REPORT.yellowDay),
      upperRed: plus(sql`p.first_gap_on`, REPORT.redMonths + 1),
      slackYellow: slackOf(1, REPORT.yellowDay),
      slackRed: slackOf(REPORT.redMonths + 1),
    },
  ];
}

/**
 * Each live project's level under each of `rules` (a subquery of warn_live_projects `p` with its columns and
 * one per rule: 2 RED (both thresholds reached), 1 YELLOW (the yellow one only), NULL not hit), its conditions
 * evaluated once — as (yellow) AND (red), (yellow) AND NOT (red) would count, NULLs included. Written as
 * eight FILTERs, each condition ran twice or more per project; OFFSET 0 keeps the subquery from being merged
 * back into them (107 → 85 ms over HTTP at 116,000 projects).
 */
function levelsOf(rules: RuleLevels[], columns: SqlFragment): SqlFragment {
  const levelOf = rules.map(({ yellow, red }, i) => sql`CASE WHEN (${yellow}) THEN CASE (${red}) WHEN true THEN 2 WHEN false THEN 1 END END AS ${sql.ident(LEVEL_COLUMNS[i])}`);
  return sql`(SELECT ${columns}, ${sql.join(levelOf, sql`, `)} FROM warn_live_projects p WHERE ${liveSql(sql`TRUE`)} OFFSET 0)`;
}

/**
 * `WITH …, grouped AS (…)`: the day's warnings counted by region, rule and level (`region_code`,
 * `rule`, `level`, `n`) — the counts of `warningCte`'s `hit` (state engine), for the pages that show
 * only counts (the 驾驶舱, the 工作台; issue 17). No project's thresholds are computed (`ruleLevels`):
 * START, STATS, FUNDS and REPORT are four pairs of comparisons in one pass over warn_live_projects
 * (~55 ms instead of ~205 ms for the list's hits at 116,000 projects); ISSUE and POLICY as in the list.
 * A project hit by a rule is RED when its red threshold has come too, else YELLOW, as `hit` has it.
 * warnings-state-property compares the two after random edits.
 */
export function warningCountsCte(day: string, settings: WarningSettings): SqlFragment {
  const rules = ruleLevels(day, settings);
  return sql`WITH ${countCtes(day, settings, rules, levelsOf(rules, sql`p.region_code`))}`;
}

/** `per_region`, `issue_w`, `policy_w`, `open_hit` and `grouped` of the counts, the levels read from `levels` (a relation of `levelsOf`'s columns). */
function countCtes(day: string, settings: WarningSettings, rules: RuleLevels[], levels: SqlFragment): SqlFragment {
  const d = sql`${sql.param(day)}::date`;
  // per region one array of counts, RED and YELLOW of each rule in turn, unnested beside the rules' names
  const counts = rules.flatMap((_, i) => [sql`count(*) FILTER (WHERE l.${sql.ident(LEVEL_COLUMNS[i])} = 2)::int`, sql`count(*) FILTER (WHERE l.${sql.ident(LEVEL_COLUMNS[i])} = 1)::int`]);
  const names = rules.flatMap(({ rule }) => [rule, rule]);
  const levelNames = rules.flatMap(() => ['RED', 'YELLOW']);
  return sql`per_region AS (
    SELECT l.region_code, ARRAY[${sql.join(counts, sql`, `)}] AS n
    FROM ${levels} l
    GROUP BY l.region_code
  ),
  ${openItemsCtes(d, settings, liveSql(sql`TRUE`))},
  -- ISSUE and POLICY's warnings of the day, with level and since (small tables: computed whole)
  open_hit AS (
    SELECT c.project_id, c.region_code, c.rule, ${levelAndSince(d)}
    FROM (SELECT * FROM issue_w UNION ALL SELECT * FROM policy_w) c
    WHERE ${d} >= c.yellow_from
  ),
  grouped AS (
    SELECT pr.region_code, v.rule, v.level, v.n FROM per_region pr
    CROSS JOIN LATERAL unnest(${names}::text[], ${levelNames}::text[], pr.n) AS v(rule, level, n)
    WHERE v.n > 0
    UNION ALL
    SELECT c.region_code, c.rule, c.level, count(*)::int FROM open_hit c GROUP BY 1, 2, 3
  )`;
}

/** What the list is filtered by (GET /warnings' query). */
export interface WarningListFilter {
  regionCode?: string;
  rule?: WarningRule;
  level?: WarningLevel;
}

/** The list's filter as a condition on `h.region_code`, `h.rule` and `h.level`, its values bound once however often it is written. */
export function warningFilterSql(filter: WarningListFilter): SqlFragment {
  const where: SqlFragment[] = [];
  if (filter.regionCode !== undefined) where.push(sql`h.region_code = ${sql.param(filter.regionCode)}`);
  if (filter.rule !== undefined) where.push(sql`h.rule = ${sql.param(filter.rule)}`);
  if (filter.level !== undefined) where.push(sql`h.level = ${sql.param(filter.level)}`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

/** The list's sort keys are dates: a hit's since when RED, 10,000,000 days (~27,000 years) later when YELLOW (RED first). */
const YELLOW_BAND = 10_000_000;

/**
 * `WITH …, grouped AS (…), hit AS (…)` for the list (GET /warnings, issue 17): `grouped` (region_code,
 * rule, level, n) counts every warning of the day as `warningCountsCte` does; `hit` holds, of the
 * warnings that pass `filter` (`warningFilterSql(filter)` selects them from `hit h`), at least the first
 * `reach` in HIT_ORDER — the page's `OFFSET + LIMIT` — with their exact thresholds, as `warningCte`
 * computes them: a page of them in HIT_ORDER is the list's page.
 *
 * Computing every hit's thresholds was most of the list (121,733 hits at 100,000 projects: ~265 of
 * ~395 ms), and a page needs a few. So one pass over the live projects gives each its levels
 * (`ruleLevels`' comparisons) and, of its hits that pass the filter, the least upper bound of a since and
 * the least lower bound (`best_upper`, `best_lower`: sort keys, RED before YELLOW). The `reach`-th smallest
 * `best_upper` (ISSUE and POLICY's exact since among them) is the cut: that many projects have a hit
 * sorting no later than it, so at least `reach` hits do, and a hit sorts before or at the cut only if its
 * lower bound does. The projects with `best_lower` ≤ the cut get their thresholds computed (`needed`; all
 * of them when there are fewer than `reach`), with ISSUE and POLICY whole (small tables).
 */
export function warningListCte(day: string, settings: WarningSettings, filter: WarningListFilter, reach: number): SqlFragment {
  const rules = ruleLevels(day, settings);
  const columns = sql`p.id, p.region_code, p.stage, p.signed_at, p.planned_start_month, p.started_on, p.last_arrival_on, p.first_gap_on`;
  // per kept rule, its hit's key (the since's upper bound, RED before YELLOW) and the key's lower bound;
  // NULL when the rule does not hit the project or its hit does not pass the filter; then the least of each
  const kept = rules.flatMap((rule, i) => (filter.rule === undefined || filter.rule === rule.rule ? [{ ...rule, level: sql`p.${sql.ident(LEVEL_COLUMNS[i])}` }] : []));
  const keyOf = (r: (typeof kept)[number], lower: boolean) => {
    const red = sql`WHEN 2 THEN ${r.upperRed(lower ? -r.slackRed : 0)}`;
    const yellow = sql`WHEN 1 THEN ${r.upperYellow(YELLOW_BAND - (lower ? r.slackYellow : 0))}`;
    return sql`CASE ${r.level} ${filter.level === 'YELLOW' ? sql`` : red} ${filter.level === 'RED' ? sql`` : yellow} END`;
  };
  const least = (lower: boolean) => {
    if (kept.length === 0) return sql`NULL::date`;
    const value = sql`LEAST(${sql.join(kept.map((r) => keyOf(r, lower)), sql`, `)})`;
    return filter.regionCode === undefined ? value : sql`CASE WHEN p.region_code = ${sql.param(filter.regionCode)} THEN ${value} END`;
  };
  const levelColumns = sql.join(LEVEL_COLUMNS.map((c) => sql`p.${sql.ident(c)}`), sql`, `);
  const where = warningFilterSql(filter);
  return sql`WITH
  -- every live project's levels, and the keys of its hits that pass the filter
  l AS MATERIALIZED (
    SELECT p.id, p.region_code, ${levelColumns}, ${least(false)} AS best_upper, ${least(true)} AS best_lower
    FROM ${levelsOf(rules, columns)} p
  ),
  ${countCtes(day, settings, rules, sql`l`)},
  cut AS (
    SELECT x.k FROM (
      SELECT l.best_upper AS k FROM l WHERE l.best_upper IS NOT NULL
      UNION ALL
      SELECT CASE h.level WHEN 'RED' THEN h.since ELSE h.since + ${YELLOW_BAND}::int END FROM open_hit h WHERE ${where}
    ) x
    ORDER BY x.k OFFSET ${reach - 1} LIMIT 1
  ),
  -- read once (not by each rule's statement: at a deep page, tens of thousands of projects)
  needed AS MATERIALIZED (
    SELECT w.* FROM warn_live_projects w WHERE w.id IN (SELECT l.id FROM l WHERE l.best_lower <= COALESCE((SELECT cut.k FROM cut), 'infinity'::date))
  ),
  ${hitCtes(day, settings, { projects: sql`TRUE`, from: sql`needed` }, 'state', false)}`;
}

/**
 * ISSUE and POLICY, as `issue_w` and `policy_w` of `warningCte`'s shape: the problems and commitments
 * open on day `d` of the live projects (`live`, a condition on `p`). Small tables, evaluated as they
 * are by the list and by the counts alike.
 */
function openItemsCtes(d: SqlFragment, s: WarningSettings, live: SqlFragment): SqlFragment {
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
function monthStart(month: SqlFragment): SqlFragment {
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
