import { fromCents, toCents } from './money.js';
import { addMonths, monthLabel } from './monthly.js';

/** 全社会固定资产投资 of a region for a month (DOMAIN.md §2). */
export interface FaiTotalDto {
  regionCode: string;
  regionName: string;
  month: string;
  amountWan: string;
  version: number;
  updatedAt: string;
}

/** One figure of PUT /fai-totals. */
export interface FaiTotalItem {
  regionCode: string;
  month: string;
  amountWan: string;
  /** the version the page read (0 for a figure never entered); the statistics system leaves it out */
  version?: number;
}

export interface FaiTotalsInput {
  basis: 'MONTH' | 'YTD';
  items: FaiTotalItem[];
}

/** PUT /fai-totals: how many monthly figures the write created, changed and found unchanged. */
export interface FaiWriteResult {
  created: number;
  updated: number;
  unchanged: number;
}

export interface MonthAmount {
  month: string;
  amountWan: string;
}

/** A month's own figure, or why a cumulative figure gives none. */
export type YtdMonthly = { amountWan: string; problem: null } | { amountWan: null; problem: string };

/**
 * 1–N月累计 → 当月 (DOMAIN.md §8, statistics bureaus publish year-to-date figures): a month's own
 * figure is its cumulative figure minus the latest earlier cumulative figure of the same year
 * (`before`); January's is its own. `before` is null when nothing earlier counts, and 'UNKNOWN' when
 * earlier months have figures whose total is not known (then there is no monthly figure).
 */
export function ytdToMonthly(ytd: MonthAmount, before: MonthAmount | null | 'UNKNOWN'): YtdMonthly {
  if (ytd.month.endsWith('-01') || before === null) return { amountWan: fromCents(toCents(ytd.amountWan)), problem: null };
  if (before === 'UNKNOWN') {
    return { amountWan: null, problem: `缺少${monthLabel(addMonths(ytd.month, -1))}及之前的累计数，无法换算${monthLabel(ytd.month)}当月数` };
  }
  const cents = toCents(ytd.amountWan) - toCents(before.amountWan);
  if (cents < 0n) return { amountWan: null, problem: `${monthLabel(ytd.month)}累计数不能小于${monthLabel(before.month)}累计数` };
  return { amountWan: fromCents(cents), problem: null };
}
