import { toCents } from './money.js';
import { INVESTOR_ORIGINS, type InvestorOrigin } from './projects.js';

/**
 * DOMAIN.md §6: the indicators for a scope (the city, or one district) and a period of months, and
 * the exact decimal arithmetic they need. Sums come from PostgreSQL as decimal strings; ratios and
 * rounding happen here, once, for the API and for the tests' reference implementation.
 */

export const INDICATOR_GROUP_BYS = ['region', 'industry', 'month'] as const;
export type IndicatorGroupBy = (typeof INDICATOR_GROUP_BYS)[number];

export const INDICATOR_GROUP_BY_LABELS: Record<IndicatorGroupBy, string> = { region: '地区', industry: '产业', month: '月份' };

export interface IndicatorQuery {
  from: string;
  to: string;
  /** the scope: a district's code, or the city's (default) */
  region?: string;
  groupBy?: IndicatorGroupBy;
  /**
   * a second grouping in the same answer (`also`), other than `groupBy` — the 驾驶舱 asks for by region
   * and by industry at once, which the engine computes in one pass of each statement
   */
  alsoGroupBy?: IndicatorGroupBy;
  /** count SUBMITTED reports too (default: VERIFIED only) */
  includeUnverified?: boolean;
}

/** Indicators with an annual target (目标任务). */
export const TARGET_INDICATORS = ['signedAmountWan', 'signedCount10m', 'arrivedFundsWan', 'startedCount'] as const;
export type TargetIndicator = (typeof TARGET_INDICATORS)[number];

export const TARGET_INDICATOR_LABELS: Record<TargetIndicator, string> = {
  signedAmountWan: '签约额(万元)',
  signedCount10m: '千万元以上签约项目(个)',
  arrivedFundsWan: '到位资金(万元)',
  startedCount: '开工项目(个)',
};

/** Key projects as of the period's end: the counts that "same period last year" repeats. */
export interface KeyProjectCounts {
  /** key projects signed by the period's end and not terminated by then */
  count: number;
  /** of those, started by the period's end (开复工: startedAtOf, construction else production date) */
  startedCount: number;
  /** of those, every approval NOT_REQUIRED or DONE on or before the period's last day (手续办结) */
  approvalsCompleteCount: number;
}

/** The amounts (decimal strings, 万元) of a scope and period that have a 同比. */
export const INDICATOR_AMOUNTS = ['signedAmountWan', 'arrivedFundsWan', 'foreignCapitalWan', 'faiTotalWan'] as const;
export type IndicatorAmount = (typeof INDICATOR_AMOUNTS)[number];
/** The counts of a scope and period that have a 同比. */
export const INDICATOR_COUNTS = ['signedCount', 'signedCount10m', 'startedCount'] as const;
export type IndicatorCount = (typeof INDICATOR_COUNTS)[number];
export const KEY_PROJECT_COUNTS = ['count', 'startedCount', 'approvalsCompleteCount'] as const satisfies readonly (keyof KeyProjectCounts)[];

/** The plain figures of a scope and period: what "same period last year" repeats. */
export interface IndicatorFigures {
  signedCount: number;
  signedAmountWan: string;
  signedCount10m: number;
  /** projects started in the period (startedAtOf: construction date, else production date) */
  startedCount: number;
  arrivedFundsWan: string;
  /** 实际利用外资: arrivals of FOREIGN projects (they count at every scope) */
  foreignCapitalWan: string;
  /** the region's own FAI; for rows by industry the scope's (FAI is not split by industry) */
  faiTotalWan: string;
  /** Σ arrived by investor origin, all five (LOCAL included, for transparency) */
  arrivedByOrigin: Record<InvestorOrigin, string>;
  keyProjects: KeyProjectCounts;
}

export interface KeyProjectFigures extends KeyProjectCounts {
  startRate: number | null;
  approvalsCompleteRate: number | null;
}

/** 同比 of every amount and count of IndicatorFigures: (value − last year) ÷ last year, null when last year is 0. */
export type IndicatorYoy = Record<IndicatorAmount | IndicatorCount, number | null> & {
  arrivedByOrigin: Record<InvestorOrigin, number | null>;
  keyProjects: Record<keyof KeyProjectCounts, number | null>;
};

export interface IndicatorValues extends IndicatorFigures {
  /** 开工率: of the projects signed in the period, the share started by its last day */
  startRate: number | null;
  /** 资金到位率 */
  arrivalRate: number | null;
  /** 到位资金占固投比重 (rows by industry: the industry's part of the scope's FAI) */
  fundsToFaiRatio: number | null;
  /** 入统项目完成投资占比 */
  registeredFaiShare: number | null;
  /** 增长贡献率 (rows by industry: Δ the industry's part ÷ Δ the scope's FAI) */
  growthContribution: number | null;
  /** 拉动(百分点) (rows by industry: Δ the industry's part ÷ the scope's FAI last year × 100) */
  pull: number | null;
  /** the same period last year */
  lastYear: IndicatorFigures;
  /** 同比, for each amount and count (the origins and key-project counts included) */
  yoy: IndicatorYoy;
  keyProjects: KeyProjectFigures;
  /** actual since January of the year of `to` ÷ the annual target, for the targeted indicators that have one */
  targetCompletion: Partial<Record<TargetIndicator, number | null>>;
}

export interface IndicatorRow extends IndicatorValues {
  /** region code, industry code or YYYY-MM */
  key: string;
  label: string;
}

export interface IndicatorResponse {
  from: string;
  to: string;
  region: string;
  groupBy: IndicatorGroupBy | null;
  includeUnverified: boolean;
  rows: IndicatorRow[];
  total: IndicatorValues & {
    /** why the total is not the sum of the rows, when it is not (the 县际 rule) */
    note: string | null;
  };
  /** with `alsoGroupBy` only: the rows by that grouping, each as the request grouped by it alone gives them (the total is the same) */
  also?: { groupBy: IndicatorGroupBy; rows: IndicatorRow[] };
}

export const CITY_TOTAL_NOTE = '全市到位资金不含市内县际（旗县之间）资金，各旗县数据包含本地区引进的市内县际资金，因此全市合计小于各旗县之和';

/** n ÷ d rounded half away from zero to `places` decimals, exactly; null when d is zero. */
function divideExact(n: bigint, d: bigint, places: number): number | null {
  if (d === 0n) return null;
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const scale = 10n ** BigInt(places);
  const scaled = (an * scale * 2n + ad) / (ad * 2n); // round half up on the magnitude
  const value = Number(scaled) / Number(scale);
  return negative ? -value : value;
}

/** A rate (fraction) of two amounts in 万元, to 4 decimals; null for a zero denominator (DOMAIN.md §6). */
export function rateOfAmounts(numerator: string, denominator: string | null): number | null {
  if (denominator === null) return null;
  return divideExact(toCents(numerator), toCents(denominator), 4);
}

/** A rate of two counts, to 4 decimals; null for a zero denominator. */
export function rateOfCounts(numerator: number, denominator: number): number | null {
  return divideExact(BigInt(numerator), BigInt(denominator), 4);
}

/** 同比: (value − last year) ÷ last year, to 4 decimals; null when last year is zero. */
export function yoyOfAmounts(value: string | null, lastYear: string | null): number | null {
  if (value === null || lastYear === null) return null;
  return divideExact(toCents(value) - toCents(lastYear), toCents(lastYear), 4);
}

export function yoyOfCounts(value: number, lastYear: number): number | null {
  return divideExact(BigInt(value - lastYear), BigInt(lastYear), 4);
}

/** 增长贡献率: (arrived − arrived last year) ÷ (FAI − FAI last year). */
export function growthContribution(arrived: string, arrivedLastYear: string, fai: string | null, faiLastYear: string | null): number | null {
  if (fai === null || faiLastYear === null) return null;
  return divideExact(toCents(arrived) - toCents(arrivedLastYear), toCents(fai) - toCents(faiLastYear), 4);
}

/** 拉动(百分点): (arrived − arrived last year) ÷ FAI last year × 100, to 4 decimals. */
export function pull(arrived: string, arrivedLastYear: string, faiLastYear: string | null): number | null {
  if (faiLastYear === null) return null;
  return divideExact((toCents(arrived) - toCents(arrivedLastYear)) * 100n, toCents(faiLastYear), 4);
}

/** The complete 同比 of a period's figures against the same period last year (DOMAIN.md §6). */
export function yoyOf(now: IndicatorFigures, lastYear: IndicatorFigures): IndicatorYoy {
  const amounts = Object.fromEntries(INDICATOR_AMOUNTS.map((k) => [k, yoyOfAmounts(now[k], lastYear[k])])) as Record<IndicatorAmount, number | null>;
  const counts = Object.fromEntries(INDICATOR_COUNTS.map((k) => [k, yoyOfCounts(now[k], lastYear[k])])) as Record<IndicatorCount, number | null>;
  return {
    ...amounts,
    ...counts,
    arrivedByOrigin: Object.fromEntries(INVESTOR_ORIGINS.map((o) => [o, yoyOfAmounts(now.arrivedByOrigin[o], lastYear.arrivedByOrigin[o])])) as Record<InvestorOrigin, number | null>,
    keyProjects: Object.fromEntries(KEY_PROJECT_COUNTS.map((k) => [k, yoyOfCounts(now.keyProjects[k], lastYear.keyProjects[k])])) as Record<keyof KeyProjectCounts, number | null>,
  };
}

/**
 * 手续办结 as of a day (DOMAIN.md §5, §6): every approval item NOT_REQUIRED, or DONE on or before
 * `date`. A project without approval items is not 办结 (the engine finds nothing to be done).
 */
export function approvalsCompleteBy(approvals: readonly { status: string; doneAt: string | null }[], date: string): boolean {
  return approvals.length > 0 && approvals.every((a) => a.status === 'NOT_REQUIRED' || (a.status === 'DONE' && a.doneAt !== null && a.doneAt <= date));
}
