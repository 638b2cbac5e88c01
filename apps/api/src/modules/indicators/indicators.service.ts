import { Injectable } from '@nestjs/common';
import {
  addMonths,
  CITY_TOTAL_NOTE,
  growthContribution,
  type IndicatorFigures,
  type IndicatorQuery,
  type IndicatorResponse,
  type IndicatorRow,
  type IndicatorValues,
  INVESTOR_ORIGINS,
  MAX_PERIOD_MONTHS,
  type InvestorOrigin,
  monthLabel,
  monthRange,
  monthSpan,
  originCounts,
  pull,
  rateOfAmounts,
  rateOfCounts,
  sumWan,
  TARGET_INDICATORS,
  type TargetIndicator,
  yoyOf,
} from '@zhaoshang/shared/domain';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { ReadPool } from '../../common/sql/read-pool.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { type PassGroup, type PassInput, type PassResult, passStatements } from './indicator-sql.js';

type Scope = 'CITY' | 'DISTRICT';

interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

/** What a pass says about one row (or about all of them, for a total). */
interface RowAggregates {
  projects: PassResult['projects'];
  started: PassResult['started'];
  arrivals: PassResult['arrivals'];
  keyProjects: PassResult['keyProjects'];
  faiWan: string;
}

const count = <T>(items: T[], pick: (item: T) => number) => items.reduce((n, item) => n + pick(item), 0);

/**
 * The indicator engine (DOMAIN.md §6, issue 6): every indicator for a scope and a period, grouped
 * by region, industry or month. The sums and counts come from PostgreSQL (indicator-sql.ts); here
 * they are only picked by origin rule, added a few at a time and divided, exactly.
 */
@Injectable()
export class IndicatorsService {
  /**
   * Issue 17: read the arrivals from the summaries the triggers keep (default); INDICATOR_SUMMARIES=off
   * runs the statements on the raw facts, as before, to compare (tools/bench/indicators.mjs, the tests).
   */
  readonly useSummaries = process.env['INDICATOR_SUMMARIES'] !== 'off';

  constructor(private readonly readPool: ReadPool) {}

  /**
   * Reads as prepared statements on the driver's pool (not TypeORM's runner: one per statement, with
   * its logging) — the read replica's when there is one (DATABASE_READ_URL): the indicators are a
   * summary page and may lag; the month close passes its own transaction's runner instead.
   */
  private get reads(): SqlRunner {
    return this.readPool.prepared;
  }

  /**
   * `runner`: where the statements run — a pool connection each by default; the month close passes
   * its own transaction, so that publishing never waits for a connection its own lock holds up.
   */
  async compute(query: IndicatorQuery, runner: SqlRunner = this.reads, summaries = this.useSummaries): Promise<IndicatorResponse> {
    const { from, to } = query;
    if (from > to) throw ValidationFailed.field('from', '起始月份不能晚于截止月份');
    if (monthSpan(from, to) > MAX_PERIOD_MONTHS) throw ValidationFailed.field('to', `统计期间最长 ${MAX_PERIOD_MONTHS} 个月（10 年），请缩短起止月份`);
    const year = to.slice(0, 4);
    // the year's targets beside the regions (no extra round trip): without any for the rows, the year-to-date pass is skipped
    const [regions, yearTargets] = await Promise.all([
      runSql<RegionRow>(runner, sql`SELECT code, name, parent_code AS "parentCode" FROM regions ORDER BY sort_order, code`),
      runSql<{ regionCode: string; indicator: TargetIndicator; value: string }>(
        runner,
        sql`SELECT region_code AS "regionCode", indicator, value::text AS value FROM targets WHERE year = ${Number(year)}`,
      ),
    ]);
    const scopeRegion = regions.find((r) => r.code === (query.region ?? regions.find((x) => x.parentCode === null)?.code));
    if (!scopeRegion) throw ValidationFailed.field('region', `地区代码不存在：${query.region}`);
    const scope: Scope = scopeRegion.parentCode === null ? 'CITY' : 'DISTRICT';
    const districts = scope === 'CITY' ? regions.filter((r) => r.parentCode === scopeRegion.code) : [scopeRegion];
    const codes = districts.map((d) => d.code);
    const statuses = query.includeUnverified ? ['VERIFIED', 'SUBMITTED'] : ['VERIFIED'];
    const groupBy = query.groupBy ?? null;
    const alsoGroupBy = query.alsoGroupBy ?? null;
    if (alsoGroupBy !== null && groupBy === null) throw ValidationFailed.field('alsoGroupBy', '另一分组（alsoGroupBy）须与分组（groupBy）一起使用');
    if (alsoGroupBy !== null && alsoGroupBy === groupBy) throw ValidationFailed.field('alsoGroupBy', '另一分组（alsoGroupBy）应与分组（groupBy）不同');
    const input = (f: string, t: string, g: PassGroup): PassInput => ({ regions: codes, from: f, to: t, group: g, statuses });
    const lastFrom = addMonths(from, -12);
    const lastTo = addMonths(to, -12);
    const yearStart = `${year}-01`;
    const targets = yearTargets.filter((t) => t.regionCode === scopeRegion.code || codes.includes(t.regionCode));
    // target completion counts from January: the period's own total serves when it starts there (what
    // the targets read, TARGET_INDICATORS, are sums, whatever the grouping). No target set for these
    // regions: every completion is empty, and the pass since January would be thrown away (it was half
    // the database time of a one-month request, tools/bench/throughput.mjs)
    const needsYearPass = from !== yearStart && targets.length > 0;
    const targetGroupOf = (group: PassGroup): PassGroup => (group === 'region' ? 'region' : 'none');

    /** The passes one grouping needs: the period, last year's, its own totals by month on the raw facts, the year so far. */
    const passesOf = (group: PassGroup): PassRequest[] => {
      // rows by region or industry partition the scope, so their sums are the total. By month the rates'
      // numerators and the key projects are the row's (to its month's end), not the period's: on the
      // summaries the month pass also gives the numerators to the period's end (`totalOfMonths`); the
      // engine on the raw facts, the reference, computes the total in passes of its own
      const separateTotal = group === 'month' && !summaries;
      return [
        { input: input(from, to, group), needs: 'all' },
        { input: input(lastFrom, lastTo, group), needs: 'figures' },
        ...(separateTotal ? [{ input: input(from, to, 'none'), needs: 'all' as const }, { input: input(lastFrom, lastTo, 'none'), needs: 'figures' as const }] : []),
        ...(needsYearPass ? [{ input: input(yearStart, to, targetGroupOf(group)), needs: 'targets' as const }] : []),
      ];
    };
    // by region and by industry at once on the summaries: one pass of each statement by both groupings
    // (GROUPING SETS), each grouping's rows taken from it (`partOfBoth`); the year so far by region serves
    // both (by industry it is read only for the total). Any other pair: each grouping's passes, run in
    // the same five statements.
    const groupings = alsoGroupBy === null ? [groupBy] : [groupBy, alsoGroupBy];
    const oneScan = summaries && alsoGroupBy !== null && groupings.includes('region') && groupings.includes('industry');
    const ownPasses = groupings.map((g) => passesOf(g ?? 'none'));
    const wanted: PassRequest[] = oneScan
      ? [
          { input: input(from, to, 'both'), needs: 'all' },
          { input: input(lastFrom, lastTo, 'both'), needs: 'figures' },
          ...(needsYearPass ? [{ input: input(yearStart, to, 'region'), needs: 'targets' as const }] : []),
        ]
      : ownPasses.flat();
    const [results, industries] = await Promise.all([
      this.passes(runner, wanted, summaries),
      groupings.includes('industry') ? runSql<{ code: string; name: string }>(runner, sql`SELECT code, name FROM industries ORDER BY sort_order, code`) : [],
    ]);
    const passesFor = (group: PassGroup, index: number): PassResult[] => {
      if (!oneScan) {
        const offset = ownPasses.slice(0, index).reduce((n, passes) => n + passes.length, 0);
        return results.slice(offset, offset + ownPasses[index].length);
      }
      const [current, last, ...yearToDate] = results;
      return [partOfBoth(current, group), partOfBoth(last, group), ...yearToDate];
    };

    const targetsOf = (regionCode: string) => new Map(targets.filter((t) => t.regionCode === regionCode).map((t) => [t.indicator, t.value]));
    /** One grouping's rows and total from its passes (as `passesOf` lists them). */
    const assemble = (group: PassGroup, passes: PassResult[]): Pick<IndicatorResponse, 'rows' | 'total'> => {
      const separateTotal = group === 'month' && !summaries;
      const targetGroup = targetGroupOf(group);
      const [current, last] = passes;
      const byMonthTotals = group === 'month' && !separateTotal;
      const currentTotal = separateTotal ? passes[2] : byMonthTotals ? totalOfMonths(current, to) : null;
      const lastTotal = separateTotal ? passes[3] : byMonthTotals ? totalOfMonths(last, lastTo) : null;
      const yearToDate = needsYearPass ? passes[passes.length - 1] : null;
      // without a year pass: the period's own (from January), or no target at all, where nothing reads it
      const ytd = yearToDate ?? currentTotal ?? current;

      const rowKeys: { key: string; label: string; lastKey: string; scope: Scope; region: string | null }[] =
        group === 'region'
          ? districts.map((d) => ({ key: d.code, label: d.name, lastKey: d.code, scope: 'DISTRICT' as Scope, region: d.code }))
          : group === 'industry'
            ? industries.map((i) => ({ key: i.code, label: i.name, lastKey: i.code, scope, region: null }))
            : group === 'month'
              ? monthRange(from, to).map((m) => ({ key: m, label: monthLabel(m), lastKey: addMonths(m, -12), scope, region: null }))
              : [];

      const rows: IndicatorRow[] = rowKeys.map((row) => {
        const values = this.values(
          row.scope,
          pick(current, row.key, faiOf(current, row.scope, group, row.key)),
          pick(last, row.lastKey, faiOf(last, row.scope, group, row.lastKey)),
          row.region ? completion(figuresOf(row.scope, pick(ytd, row.key, faiOf(ytd, row.scope, targetGroup, row.key))), targetsOf(row.region)) : {},
        );
        return { key: row.key, label: row.label, ...values };
      });

      const totalOf = (result: PassResult) => pick(result, null, faiOf(result, scope, 'none', null));
      const total = this.values(
        scope,
        totalOf(currentTotal ?? current),
        totalOf(lastTotal ?? last),
        completion(figuresOf(scope, totalOf(ytd)), targetsOf(scopeRegion.code)),
      );
      const note = scope === 'CITY' && group === 'region' ? CITY_TOTAL_NOTE : null;
      return { rows, total: { ...total, note } };
    };

    const { rows, total } = assemble(groupBy ?? 'none', passesFor(groupBy ?? 'none', 0));
    const response: IndicatorResponse = { from, to, region: scopeRegion.code, groupBy, includeUnverified: query.includeUnverified ?? false, rows, total };
    if (alsoGroupBy !== null) response.also = { groupBy: alsoGroupBy, rows: assemble(alsoGroupBy, passesFor(alsoGroupBy, 1)).rows };
    return response;
  }

  /**
   * The passes a request needs (one period and grouping each), as one statement per kind: each kind's
   * statements of every pass joined by UNION ALL, tagged with the pass's index. The kinds run side by
   * side. Five statements whatever the number of passes: at the demo's size a statement's fixed cost
   * (protocol, parse, a pool connection, TypeORM's runner) was as much as its work, and a one-month
   * request ran twelve (tools/bench/throughput.mjs). What each pass needs: `all` for the period's
   * rates; `figures` (last year) without the rates' numerators; `targets` (since January, for target
   * completion) only what TARGET_INDICATORS read: signings, starts, arrivals. Last year's key-project
   * counts are needed too: their 同比 is part of §6's yoy.
   */
  private async passes(runner: SqlRunner, wanted: PassRequest[], summaries: boolean): Promise<PassResult[]> {
    const statements = wanted.map((w) => passStatements(w.input, w.needs !== 'all', summaries));
    // a month, a year and longer periods as different texts: prepared (preparedOn), each keeps a plan of its own
    const months = monthSpan(wanted[0].input.from, wanted[0].input.to);
    const span = months <= 1 ? sql`/* 一个月 */` : months <= 12 ? sql`/* 一年内 */` : sql`/* 多年 */`;
    const kind = async <K extends keyof PassResult>(name: K): Promise<PassResult[K][]> => {
      const members = wanted.map((w, index) => ({ index, needed: w.needs !== 'targets' || (name !== 'fai' && name !== 'keyProjects') })).filter((m) => m.needed);
      const results: PassResult[K][] = wanted.map(() => []);
      if (members.length === 0) return results;
      const union = members.map((m, i) => (i === 0 ? sql`SELECT ${m.index}::int AS pass, q.* FROM (${statements[m.index][name]}) q` : sql` UNION ALL SELECT ${m.index}::int, q.* FROM (${statements[m.index][name]}) q`));
      const rows = await runSql<PassResult[K][number] & { pass?: number }>(runner, sql`${span} ${sql.join(union, sql``)}`);
      for (const { pass, ...row } of rows) (results[pass ?? 0] as unknown[]).push(row);
      return results;
    };
    const [projects, started, arrivals, fai, keyProjects] = await Promise.all([kind('projects'), kind('started'), kind('arrivals'), kind('fai'), kind('keyProjects')]);
    return wanted.map((_, i) => ({ projects: projects[i], started: started[i], arrivals: arrivals[i], fai: fai[i], keyProjects: keyProjects[i] }));
  }

  private values(scope: Scope, now: RowAggregates, before: RowAggregates, targetCompletion: IndicatorValues['targetCompletion']): IndicatorValues {
    const figures = figuresOf(scope, now);
    const lastYear = figuresOf(scope, before);
    const counting = now.projects.filter((p) => originCounts(p.origin, scope));
    const key = figures.keyProjects;
    return {
      ...figures,
      startRate: rateOfCounts(count(now.projects, (p) => p.signedStartedCount), figures.signedCount),
      arrivalRate: rateOfAmounts(sumWan(counting.map((p) => p.signedArrivedWan)), sumWan(counting.map((p) => p.signedAmountWan))),
      fundsToFaiRatio: rateOfAmounts(figures.arrivedFundsWan, figures.faiTotalWan),
      registeredFaiShare: rateOfAmounts(sumWan(now.arrivals.map((a) => a.registeredCompletedWan)), figures.faiTotalWan),
      growthContribution: growthContribution(figures.arrivedFundsWan, lastYear.arrivedFundsWan, figures.faiTotalWan, lastYear.faiTotalWan),
      pull: pull(figures.arrivedFundsWan, lastYear.arrivedFundsWan, lastYear.faiTotalWan),
      lastYear,
      yoy: yoyOf(figures, lastYear),
      keyProjects: { ...key, startRate: rateOfCounts(key.startedCount, key.count), approvalsCompleteRate: rateOfCounts(key.approvalsCompleteCount, key.count) },
      targetCompletion,
    };
  }
}

/** A pass a request needs, and how much of it (see `passes`). */
interface PassRequest {
  input: PassInput;
  needs: 'all' | 'figures' | 'targets';
}

/**
 * The period's total from a pass by month on the summaries: signings, starts, arrivals and FAI are
 * sums of the months; the rates' numerators are the ones to the period's end the month rows carry
 * (0 in a pass of plain figures, as in a total pass of them); the key projects are those as of the
 * period's end, i.e. its last month's row. The engine on the raw facts computes the same in passes of
 * its own, and the tests compare the two (indicator-summaries property suite, indicators.mjs).
 */
function totalOfMonths(result: PassResult, lastMonth: string): PassResult {
  return {
    ...result,
    projects: result.projects.map((p) => ({ ...p, key: '', signedStartedCount: p.signedStartedByEndCount, signedArrivedWan: p.signedArrivedByEndWan })),
    keyProjects: result.keyProjects.filter((k) => k.key === lastMonth),
  };
}

/**
 * A pass by both groupings (keys `r|…` and `i|…`, GROUPING SETS) as the pass by region or by industry
 * would give it: that grouping's rows, the prefix taken off. Its FAI is by region (by industry, a row
 * takes all of it: faiOf).
 */
function partOfBoth(result: PassResult, group: PassGroup): PassResult {
  if (group !== 'region' && group !== 'industry') throw new Error(`by region and by industry at once: not by ${group}`);
  const prefix = group === 'region' ? 'r|' : 'i|';
  const mine = <T extends { key: string }>(rows: T[]) => rows.filter((row) => row.key.startsWith(prefix)).map((row) => ({ ...row, key: row.key.slice(prefix.length) }));
  return { projects: mine(result.projects), started: mine(result.started), arrivals: mine(result.arrivals), fai: result.fai, keyProjects: mine(result.keyProjects) };
}

/** The part of a pass that belongs to one row key (null: all of it). */
function pick(result: PassResult, key: string | null, faiWan: string): RowAggregates {
  const mine = <T extends { key: string }>(items: T[]) => (key === null ? items : items.filter((item) => item.key === key));
  return { projects: mine(result.projects), started: mine(result.started), arrivals: mine(result.arrivals), keyProjects: mine(result.keyProjects), faiWan };
}

/**
 * FAI of a row: a district's own figures; for the city, month by month its own figure where the
 * statistics system supplied one, else the sum of its districts (DOMAIN.md §6 faiTotalWan).
 */
function faiOf(result: PassResult, scope: Scope, group: PassGroup, key: string | null): string {
  // FAI is not split by industry: a row by industry carries the scope's (its ratios are the industry's part of the whole)
  const rows = key === null || group === 'none' || group === 'industry' ? result.fai : result.fai.filter((f) => f.key === key);
  const months = new Map<string, { districts: string[]; city: string | null }>();
  for (const row of rows) {
    const month = months.get(row.month) ?? { districts: [], city: null };
    month.districts.push(row.districtsWan);
    month.city ??= row.cityWan;
    months.set(row.month, month);
  }
  return sumWan([...months.values()].map((m) => (scope === 'CITY' && m.city !== null ? m.city : sumWan(m.districts))));
}

function figuresOf(scope: Scope, rows: RowAggregates): IndicatorFigures {
  const arrivedByOrigin = Object.fromEntries(
    INVESTOR_ORIGINS.map((origin) => [origin, sumWan(rows.arrivals.filter((a) => a.origin === origin).map((a) => a.arrivedWan))]),
  ) as Record<InvestorOrigin, string>;
  return {
    signedCount: count(rows.projects, (p) => p.signedCount),
    signedAmountWan: sumWan(rows.projects.map((p) => p.signedAmountWan)),
    signedCount10m: count(rows.projects, (p) => p.signedCount10m),
    startedCount: count(rows.started, (s) => s.startedCount),
    arrivedFundsWan: sumWan(rows.arrivals.filter((a) => originCounts(a.origin, scope)).map((a) => a.arrivedWan)),
    // FOREIGN counts at every scope (§5), so 实际利用外资 is its line of arrivedByOrigin
    foreignCapitalWan: arrivedByOrigin.FOREIGN,
    faiTotalWan: rows.faiWan,
    arrivedByOrigin,
    keyProjects: {
      count: count(rows.keyProjects, (k) => k.count),
      startedCount: count(rows.keyProjects, (k) => k.startedCount),
      approvalsCompleteCount: count(rows.keyProjects, (k) => k.approvalsCompleteCount),
    },
  };
}

/** Actual since January ÷ the region's annual target, for each targeted indicator that has one. */
function completion(actual: IndicatorFigures, targets: Map<TargetIndicator, string>): IndicatorValues['targetCompletion'] {
  const result: IndicatorValues['targetCompletion'] = {};
  for (const indicator of TARGET_INDICATORS) {
    const target = targets.get(indicator);
    if (target === undefined) continue;
    const value = actual[indicator];
    result[indicator] = typeof value === 'number' ? rateOfAmounts(`${value}.00`, target) : rateOfAmounts(value, target);
  }
  return result;
}

