import { TARGET_INDICATOR_LABELS, TARGET_INDICATORS, type TargetIndicator } from './indicators.js';
import { canonicalWan, moneyProblem } from './money.js';

/** 目标任务 (DOMAIN.md §2, §6): a region's annual target for an indicator, and how far it is met. */

/** The targeted indicators that count projects (whole numbers); the others are amounts in 万元. */
export const COUNT_TARGET_INDICATORS: readonly TargetIndicator[] = ['signedCount10m', 'startedCount'];

export function isCountIndicator(indicator: TargetIndicator): boolean {
  return COUNT_TARGET_INDICATORS.includes(indicator);
}

export function isTargetIndicator(value: string): value is TargetIndicator {
  return (TARGET_INDICATORS as readonly string[]).includes(value);
}

export interface TargetDto {
  regionCode: string;
  regionName: string;
  year: number;
  indicator: TargetIndicator;
  /** '12000.00' for amounts (万元), '25' for counts */
  value: string;
  version: number;
}

export interface TargetItemInput {
  regionCode: string;
  indicator: TargetIndicator;
  /** null (or '') removes the target */
  value: string | null;
  /** the version read (0 when there was none); a stale one gets 409 */
  version?: number;
}

export interface TargetsWriteRequest {
  year: number;
  items: TargetItemInput[];
}

export interface TargetsWriteResult {
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  /** the year's targets after the write */
  items: TargetDto[];
}

/** Why a typed target value is not acceptable, in Chinese with the indicator's label; null when it is. */
export function targetValueProblem(indicator: TargetIndicator, value: string): string | null {
  const label = TARGET_INDICATOR_LABELS[indicator];
  if (isCountIndicator(indicator)) {
    if (/^-/.test(value)) return `${label}不能为负数`;
    return /^(0|[1-9]\d{0,8})$/.test(value) ? null : `${label}应为不小于 0 的整数`;
  }
  return moneyProblem(label, value);
}

/** The stored form of a valid value: '1200' → '1200.00' for amounts, '025' never reaches here. */
export function canonicalTargetValue(indicator: TargetIndicator, value: string): string {
  return isCountIndicator(indicator) ? String(Number(value)) : canonicalWan(value);
}

export interface TargetProgressEntry {
  regionCode: string;
  regionName: string;
  /** actual since January, in the target's form ('1234.50' for amounts, '7' for counts) */
  actual: string;
  target: string | null;
  /** actual ÷ target (a fraction, 4 decimals); null without a target or with a target of 0 */
  completion: number | null;
  /** 1 = highest completion among the districts; null for the city and for districts without a completion */
  rank: number | null;
}

export interface TargetProgressIndicator {
  indicator: TargetIndicator;
  label: string;
  /** the city as a whole (its 到位资金 leaves out 市内县际 money: CITY_TOTAL_NOTE) */
  city: TargetProgressEntry;
  /** the districts, ranked (unranked ones last, in region order) */
  districts: TargetProgressEntry[];
}

export interface TargetProgressResponse {
  year: number;
  from: string;
  to: string;
  indicators: TargetProgressIndicator[];
  note: string;
}

/**
 * Competition ranking by completion, highest first ("1224"): equal completions share a rank;
 * entries without a completion get null.
 */
export function rankByCompletion<T extends { completion: number | null }>(entries: readonly T[]): (number | null)[] {
  return entries.map((entry) => (entry.completion === null ? null : 1 + entries.filter((other) => other.completion !== null && other.completion > (entry.completion as number)).length));
}
