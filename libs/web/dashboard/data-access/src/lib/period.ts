import { lastDayOf } from '@zhaoshang/shared/domain';

/**
 * The dashboard's selectors, kept in the URL: a period of months and a scope (the city or one
 * district). Months are `YYYY-MM` (DOMAIN.md §2); "today" is a Beijing calendar date `YYYY-MM-DD`.
 */
export interface DashboardPeriod {
  from: string;
  to: string;
}

export interface DashboardSelection extends DashboardPeriod {
  /** a district's code, or null for the whole city (whose code the regions data gives) */
  region: string | null;
}

export type PeriodPresetKey = 'year' | 'firstHalf' | 'quarter' | 'lastMonth';

export interface PeriodPreset extends DashboardPeriod {
  key: PeriodPresetKey;
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

const pad = (n: number) => String(n).padStart(2, '0');

function monthParts(month: string): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
}

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** `2026-01` + n months (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [year, m] = monthParts(month);
  const index = year * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/** The month before today's: the last month whose figures can be complete. */
export function lastCompleteMonth(today: string): string {
  return addMonths(today.slice(0, 7), -1);
}

/** 本年: January → the last complete month (in January: last year, January → December). */
export function defaultPeriod(today: string): DashboardPeriod {
  const to = lastCompleteMonth(today);
  return { from: `${to.slice(0, 4)}-01`, to };
}

/** The quick picks, relative to the last complete month. */
export function periodPresets(today: string): PeriodPreset[] {
  const last = lastCompleteMonth(today);
  const [year, month] = monthParts(last);
  const halfYear = month >= 6 ? year : year - 1;
  const quarterStart = `${year}-${pad(Math.floor((month - 1) / 3) * 3 + 1)}`;
  return [
    { key: 'year', label: '本年', from: `${year}-01`, to: last },
    { key: 'firstHalf', label: '上半年', from: `${halfYear}-01`, to: `${halfYear}-06` },
    { key: 'quarter', label: '本季度', from: quarterStart, to: last },
    { key: 'lastMonth', label: '上月', from: last, to: last },
  ];
}

/** The preset a period is, if any (to highlight its button). */
export function matchingPreset(period: DashboardPeriod, today: string): PeriodPresetKey | null {
  return periodPresets(today).find((p) => p.from === period.from && p.to === period.to)?.key ?? null;
}

/**
 * The selection a URL describes; anything missing or malformed falls back to the defaults. A region
 * that is not one of `districtCodes` (when known) — the city's own code, say — means the whole city.
 */
export function parseSelection(params: Record<string, string | null | undefined>, today: string, districtCodes?: readonly string[]): DashboardSelection {
  const fallback = defaultPeriod(today);
  let from = isMonth(params['from']) ? params['from'] : fallback.from;
  let to = isMonth(params['to']) ? params['to'] : fallback.to;
  if (from > to) [from, to] = [to, from];
  const region = params['region'];
  const known = typeof region === 'string' && /^\d{6}$/.test(region) && (!districtCodes || districtCodes.includes(region));
  return { from, to, region: known ? region : null };
}

/** The URL's query parameters for a selection; the defaults are left out so a plain link stays plain. */
export function selectionParams(selection: DashboardSelection, today: string): Record<string, string | null> {
  const fallback = defaultPeriod(today);
  const isDefault = selection.from === fallback.from && selection.to === fallback.to;
  return {
    from: isDefault ? null : selection.from,
    to: isDefault ? null : selection.to,
    region: selection.region,
  };
}

/** The last calendar day of a month: `2026-02` → `2026-02-28` (the shared domain's `lastDayOf`). */
export function lastDayOfMonth(month: string): string {
  return lastDayOf(month);
}

/** `2026-01`…`2026-10` → `2026年1—10月`; across years `2025年11月—2026年2月`; one month `2026年10月`. */
export function periodLabel(period: DashboardPeriod): string {
  const [fy, fm] = monthParts(period.from);
  const [ty, tm] = monthParts(period.to);
  if (period.from === period.to) return `${fy}年${fm}月`;
  if (fy === ty) return `${fy}年${fm}—${tm}月`;
  return `${fy}年${fm}月—${ty}年${tm}月`;
}

/** Every month of the period, in order. */
export function monthsOf(period: DashboardPeriod): string[] {
  const months: string[] = [];
  for (let m = period.from; m <= period.to && months.length < 240; m = addMonths(m, 1)) months.push(m);
  return months;
}
