import { isCalendarDate, WARNING_LEVELS, WARNING_RULES, type WarningLevel, type WarningQuery, type WarningRule } from '@zhaoshang/shared/domain';

export const WARNING_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_WARNING_PAGE_SIZE = 20;

/** The list's view as the URL keeps it; page and pageSize are always there, the rest when chosen. */
export interface WarningListQuery extends WarningQuery {
  page: number;
  pageSize: number;
}

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function positiveInt(value: string | undefined, fallback: number, max: number): number {
  const n = value !== undefined && /^\d{1,6}$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

/** Reads the URL's query parameters, dropping what is not valid (a hand-edited URL never breaks the page). */
export function parseWarningQuery(params: RawParams, today: string): WarningListQuery {
  const date = first(params['date']);
  const regionCode = first(params['regionCode']);
  const rule = first(params['rule']);
  const level = first(params['level']);
  const pageSize = positiveInt(first(params['pageSize']), DEFAULT_WARNING_PAGE_SIZE, 200);
  return {
    ...(date && isCalendarDate(date) && date <= today ? { date } : {}),
    ...(regionCode && /^\d{6}$/.test(regionCode) ? { regionCode } : {}),
    ...((WARNING_RULES as readonly string[]).includes(rule ?? '') ? { rule: rule as WarningRule } : {}),
    ...((WARNING_LEVELS as readonly string[]).includes(level ?? '') ? { level: level as WarningLevel } : {}),
    page: positiveInt(first(params['page']), 1, 100_000),
    pageSize: (WARNING_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_WARNING_PAGE_SIZE,
  };
}

/** The query as request or URL parameters; the URL leaves out the defaults (page 1, 20 a page). */
export function warningQueryParams(query: WarningQuery, options: { forUrl?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.date) out['date'] = query.date;
  if (query.regionCode) out['regionCode'] = query.regionCode;
  if (query.rule) out['rule'] = query.rule;
  if (query.level) out['level'] = query.level;
  if (query.page !== undefined && !(options.forUrl && query.page === 1)) out['page'] = String(query.page);
  if (query.pageSize !== undefined && !(options.forUrl && query.pageSize === DEFAULT_WARNING_PAGE_SIZE)) out['pageSize'] = String(query.pageSize);
  return out;
}

export function sameWarningQuery(a: WarningQuery, b: WarningQuery): boolean {
  return JSON.stringify(warningQueryParams(a)) === JSON.stringify(warningQueryParams(b));
}
