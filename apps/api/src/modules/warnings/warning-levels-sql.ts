import { lastDateReaching, lastReportMonthDue, monthOf, type WarningLevel, type WarningRule, type WarningSettings } from '@zhaoshang/shared/domain';
import { sql, type SqlFragment } from '../../common/sql/sql.js';
import { hitCtes, levelAndSince, liveSql, monthStart, NOT_STARTED, openItemsCtes, reportOwedSql, STARTED } from './warning-sql.js';

/*
 * The day's warnings without computing each project's thresholds (issue 17): each live project's level under
 * START, STATS, FUNDS and REPORT by comparing its base dates with one date per threshold, for the counts
 * (GET /warnings/counts, the list's) and for choosing the hits a page of the list needs; those get their
 * thresholds from warning-sql.ts, which keeps the rules' per-project statement and the reference engine.
 */

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
function warningFilterSql(filter: WarningListFilter): SqlFragment {
  const where: SqlFragment[] = [];
  if (filter.regionCode !== undefined) where.push(sql`h.region_code = ${sql.param(filter.regionCode)}`);
  if (filter.rule !== undefined) where.push(sql`h.rule = ${sql.param(filter.rule)}`);
  if (filter.level !== undefined) where.push(sql`h.level = ${sql.param(filter.level)}`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

/** The list's sort keys are dates: a hit's since when RED, 10,000,000 days (~27,000 years) later when YELLOW (RED first). */
const YELLOW_BAND = 10_000_000;

/**
 * `WITH …, grouped AS (…), hit AS (…)` for the list (GET /warnings, issue 17), and `where`, the filter's
 * condition on `h` (a row of `grouped` or of `hit`): `grouped` (region_code, rule, level, n) counts every
 * warning of the day as `warningCountsCte` does; `hit` holds, of the warnings that pass `filter` (`where`
 * selects them from `hit h`), at least the first `reach` in HIT_ORDER — the page's `OFFSET + LIMIT` — with
 * their exact thresholds, as `warningCte` computes them: a page of them in HIT_ORDER is the list's page.
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
export function warningListCte(day: string, settings: WarningSettings, filter: WarningListFilter, reach: number): { with: SqlFragment; where: SqlFragment } {
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
  const cte = sql`WITH
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
  return { with: cte, where };
}
