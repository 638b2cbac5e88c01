import { roundDecimal, wanToYi } from '@zhaoshang/shared/domain';

/**
 * Money on screens. Amounts are decimal strings in 万元 (DOMAIN.md §2); the arithmetic, the 亿元
 * conversion and the rounding rule (half away from zero, on the exact digits, only at the end) are
 * the domain's money module; this file only lays the result out for the eye.
 */

/** 1 亿 = 10,000 万: from this many 万元 on, amounts read better in 亿元. */
export const YI_THRESHOLD_WAN = 10_000;

/** `-1234567.89` → `-1,234,567.89` */
function group(decimal: string): string {
  const [int, fraction] = decimal.split('.');
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** `1234.5` → `1,234.50`: thousands separators, 2 decimals; null/empty → the fallback; non-numbers as given. */
export function formatWan(value: string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const rounded = roundDecimal(value.trim(), 2);
  return rounded === null ? value : group(rounded);
}

/** An amount with its unit: `1,234.50 万元`, or `87.52 亿元` from 1 亿 on (totals, big projects). */
export function formatMoney(value: string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const wan = roundDecimal(value.trim(), 2);
  if (wan === null) return value;
  const integerDigits = /^-?0*(\d+)/.exec(value.trim())?.[1].length ?? 0;
  const large = integerDigits >= String(YI_THRESHOLD_WAN).length;
  return large ? `${group(wanToYi(value.trim(), 2))} 亿元` : `${group(wan)} 万元`;
}

/**
 * A number as typed or pasted into a grid's cell → its plain text: the thousands separators a
 * spreadsheet copies along (`,`, the full-width `，`) and spaces dropped, e.g. ` 1,234.5 ` → `1234.5`.
 */
export function stripGrouping(text: string): string {
  return text.replace(/[,，\s]/g, '');
}

/** `1234` → `1,234` */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? `${value < 0 ? '-' : ''}${group(String(Math.abs(value)))}` : String(value);
}
