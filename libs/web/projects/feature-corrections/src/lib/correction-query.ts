import { type CorrectionQuery, isCalendarDate, MONTH_PATTERN } from '@zhaoshang/shared/domain';

export const CORRECTION_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The page's view: what the URL says, every filter checked (a hand-edited URL cannot break the page). */
export interface CorrectionListQuery extends CorrectionQuery {
  page: number;
  pageSize: number;
}

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  const value = params[key];
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text ? text : undefined;
}

function positive(text: string | undefined, fallback: number, allowed?: readonly number[]): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) return fallback;
  return allowed && !allowed.includes(n) ? fallback : n;
}

/** The URL's query parameters as the list's query; what does not parse is left out. */
export function parseCorrectionQuery(params: Params): CorrectionListQuery {
  const query: CorrectionListQuery = {
    page: positive(one(params, 'page'), 1),
    pageSize: positive(one(params, 'pageSize'), DEFAULT_PAGE_SIZE, CORRECTION_PAGE_SIZES),
  };
  const region = one(params, 'region');
  if (region && /^\d{6}$/.test(region)) query.region = region;
  const q = one(params, 'q');
  if (q) query.q = q.slice(0, 100);
  const month = one(params, 'month');
  if (month && MONTH_PATTERN.test(month)) query.month = month;
  const from = one(params, 'from');
  if (from && isCalendarDate(from)) query.from = from;
  const to = one(params, 'to');
  if (to && isCalendarDate(to)) query.to = to;
  return query;
}

/** The query as URL / request parameters: defaults left out of the URL so that it stays short. */
export function correctionQueryParams(query: CorrectionListQuery, options: { forUrl: boolean }): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['region', 'q', 'month', 'from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && value !== '') params[key] = value;
  }
  if (!options.forUrl || query.page !== 1) params['page'] = String(query.page);
  if (!options.forUrl || query.pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(query.pageSize);
  return params;
}

export function sameCorrectionQuery(a: CorrectionListQuery, b: CorrectionListQuery): boolean {
  return JSON.stringify(correctionQueryParams(a, { forUrl: false })) === JSON.stringify(correctionQueryParams(b, { forUrl: false }));
}
