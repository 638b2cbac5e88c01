import { Injectable } from '@nestjs/common';
import {
  DRILL_INDICATOR_KINDS,
  type DrillExcluded,
  type DrillIndicator,
  type DrillQuery,
  type DrillRow,
  type DrillResponse,
  INVESTOR_ORIGIN_LABELS,
  INVESTOR_ORIGINS,
  type InvestorOrigin,
  type ProjectStage,
  MAX_PERIOD_MONTHS,
  monthSpan,
  originCounts,
  sumWan,
} from '@zhaoshang/shared/domain';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { ReadPool } from '../../common/sql/read-pool.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { drillStatement, excludedStatement } from './drill-sql.js';

interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
}

/**
 * The projects behind a figure of GET /indicators (issue 13 item 4): the same scope, period,
 * report statuses and origin rule as the engine, from the engine's SQL fragments, so that the rows
 * add up to the figure (an integration test compares the two).
 */
@Injectable()
export class DrillService {
  /** A summary page's read, outside any write: it may come from the read replica (issue 17). */
  constructor(private readonly readPool: ReadPool) {}

  async drill(query: DrillQuery): Promise<DrillResponse> {
    const { from, to, indicator } = query;
    if (from > to) throw ValidationFailed.field('from', '起始月份不能晚于截止月份');
    if (monthSpan(from, to) > MAX_PERIOD_MONTHS) throw ValidationFailed.field('to', `统计期间最长 ${MAX_PERIOD_MONTHS} 个月（10 年），请缩短起止月份`);
    if (indicator === 'arrivedByOrigin' && !query.origin) throw ValidationFailed.field('origin', '按来源查看到位资金时须指明资金来源（origin）');

    const regions = await runSql<RegionRow>(this.readPool.reads, sql`SELECT code, name, parent_code AS "parentCode" FROM regions ORDER BY sort_order, code`);
    const scopeRegion = regions.find((r) => r.code === (query.region ?? regions.find((x) => x.parentCode === null)?.code));
    if (!scopeRegion) throw ValidationFailed.field('region', `地区代码不存在：${query.region}`);
    const scope = scopeRegion.parentCode === null ? 'CITY' : 'DISTRICT';
    const codes = scope === 'CITY' ? regions.filter((r) => r.parentCode === scopeRegion.code).map((r) => r.code) : [scopeRegion.code];
    const industry = query.industry ?? null;
    if (industry !== null) {
      const known = await runSql<{ code: string }>(this.readPool.reads, sql`SELECT code FROM industries WHERE code = ${industry}`);
      if (known.length === 0) throw ValidationFailed.field('industry', `产业代码不存在：${industry}`);
    }

    // the origins whose money the figure reads: the scope's rule (DOMAIN.md §5), 境外 for 实际利用外资, or the slice's one
    const counting = INVESTOR_ORIGINS.filter((o) => originCounts(o, scope));
    const origins: InvestorOrigin[] =
      indicator === 'foreignCapitalWan' ? ['FOREIGN'] : indicator === 'arrivedByOrigin' && query.origin ? [query.origin] : counting;
    const statuses = query.includeUnverified ? ['VERIFIED', 'SUBMITTED'] : ['VERIFIED'];
    const input = { indicator, regions: codes, from, to, statuses, industry, origins };

    const excludedOrigins = indicator === 'arrivedFundsWan' ? INVESTOR_ORIGINS.filter((o) => !counting.includes(o)) : [];
    const kind = DRILL_INDICATOR_KINDS[indicator];
    const statement = drillStatement(input);
    const limit = query.limit;
    const limited = limit !== undefined;
    const [rows, excluded, summary] = await Promise.all([
      runSql<DrillRow>(this.readPool.reads, limited ? sql`${statement} LIMIT ${limit}` : statement),
      excludedOrigins.length > 0 ? runSql<DrillExcluded>(this.readPool.reads, excludedStatement({ ...input, excludedOrigins })) : Promise.resolve([]),
      // with a limit, the figure and the counts of all rows from the database, not from the rows sent
      limited
        ? runSql<{ rowCount: number; amountWan: string; byStage: Partial<Record<ProjectStage, number>> | null }>(
            this.readPool.reads,
            sql`SELECT COALESCE(sum(s.n), 0)::int AS "rowCount", COALESCE(sum(s.amount), 0)::text AS "amountWan",
                json_object_agg(s.stage, s.n) FILTER (WHERE s.stage IS NOT NULL) AS "byStage"
              FROM (SELECT d.stage, count(*)::int AS n, sum(d.amount) AS amount FROM (${drillStatement(input, 'summary')}) d GROUP BY 1) s`,
          ).then(([row]) => row)
        : Promise.resolve(null),
    ]);
    const byStage: Partial<Record<ProjectStage, number>> = summary?.byStage ?? {};
    if (!summary) for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
    const rowCount = summary?.rowCount ?? rows.length;
    // (sumWan of the one SQL sum: the figure's form, two decimals)
    const total = kind === 'amount' ? sumWan(summary ? [summary.amountWan] : rows.map((r) => r.amountWan)) : String(rowCount);
    return {
      indicator,
      kind,
      from,
      to,
      region: scopeRegion.code,
      regionName: scopeRegion.name,
      industry,
      origin: indicator === 'arrivedByOrigin' ? (query.origin ?? null) : null,
      includeUnverified: query.includeUnverified ?? false,
      rule: ruleOf(indicator, scope, query.includeUnverified ?? false, query.origin ?? null),
      rows: rows.map((r) => ({ ...r, months: r.months ?? [] })),
      rowCount,
      byStage,
      total,
      excluded,
    };
  }
}

/** The figure's rule in one sentence (DOMAIN.md §6), as the drill page shows it. */
export function ruleOf(indicator: DrillIndicator, scope: 'CITY' | 'DISTRICT', includeUnverified: boolean, origin: InvestorOrigin | null): string {
  const reports = includeUnverified ? '已核实和待核实' : '已核实';
  const terminated = '已终止项目只计终止当月及以前的月报';
  switch (indicator) {
    case 'signedCount':
      return '签约日期在所选期间内的项目个数（按首次签约计，增资项目单独计）。';
    case 'signedAmountWan':
      return '签约日期在所选期间内的项目合同额之和（按签约日期计入，增资项目只计增量）。';
    case 'signedCount10m':
      return '签约日期在所选期间内、合同额 1000 万元及以上的项目个数。';
    case 'startedCount':
      return '开工日期在所选期间内的项目个数（无开工日期而直接投产的，以投产日期为准）。';
    case 'arrivedFundsWan':
      return `所选期间各月${reports}月报中的到位资金（股权+贷款+其他）之和，按月报所属月份计入；${scope === 'CITY' ? '全市不计市内县际和本地资金' : '不计本地资金'}，${terminated}。`;
    case 'foreignCapitalWan':
      return `境外（含港澳台）来源项目在所选期间各月${reports}月报中的到位资金之和，按月报所属月份计入；${terminated}。`;
    case 'arrivedByOrigin': {
      const label = origin ? INVESTOR_ORIGIN_LABELS[origin] : '';
      const counted = origin !== null && originCounts(origin, scope);
      return `来源为“${label}”的项目在所选期间各月${reports}月报中的到位资金之和，按月报所属月份计入${counted ? '' : `（不计入${scope === 'CITY' ? '全市' : '本地区'}到位资金，仅供参考）`}；${terminated}。`;
    }
    case 'keyProjects':
      return '截至所选期间最后一天已签约、且未终止的重点项目。';
  }
}
