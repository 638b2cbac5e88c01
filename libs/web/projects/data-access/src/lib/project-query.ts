import {
  INDUSTRY_CODE_PATTERN,
  INVESTOR_ORIGINS,
  MONEY_WAN_PATTERN,
  PROJECT_SORT_FIELDS,
  PROJECT_STAGES,
  type ProjectFilter,
  type ProjectSearchQuery,
  isCalendarDate,
} from '@zhaoshang/shared/domain';

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const SEARCH_TEXT_MAX_LENGTH = 100;

/** The list's view: filters, sort and the page, always with a page and a page size. */
export interface ProjectListQuery extends ProjectSearchQuery {
  page: number;
  pageSize: number;
}

/** The filter keys in the order they appear in a URL (the same names as the API's parameters). */
export const FILTER_KEYS = [
  'regionCode',
  'industryCode',
  'stage',
  'investorOrigin',
  'isKeyProject',
  'signedFrom',
  'signedTo',
  'amountMin',
  'amountMax',
  'q',
  'leadOfficial',
  'leadDepartment',
  'mine',
] as const satisfies readonly (keyof ProjectFilter)[];

type Params = Readonly<Record<string, string | readonly string[] | null | undefined>>;

const oneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): T | undefined =>
    (values as readonly string[]).includes(value) ? (value as T) : undefined;

const matching = (pattern: RegExp) => (value: string) => (pattern.test(value) ? value : undefined);

const PARSERS: { [K in (typeof FILTER_KEYS)[number]]: (value: string) => ProjectFilter[K] | undefined } = {
  regionCode: matching(/^\d{6}$/),
  industryCode: matching(INDUSTRY_CODE_PATTERN),
  stage: oneOf(PROJECT_STAGES),
  investorOrigin: oneOf(INVESTOR_ORIGINS),
  isKeyProject: (value) => (value === 'true' ? true : value === 'false' ? false : undefined),
  signedFrom: (value) => (isCalendarDate(value) ? value : undefined),
  signedTo: (value) => (isCalendarDate(value) ? value : undefined),
  amountMin: matching(MONEY_WAN_PATTERN),
  amountMax: matching(MONEY_WAN_PATTERN),
  q: (value) => value.trim().slice(0, SEARCH_TEXT_MAX_LENGTH) || undefined,
  leadOfficial: (value) => value.trim().slice(0, 50) || undefined,
  leadDepartment: (value) => value.trim().slice(0, 100) || undefined,
  // 我的项目 (DOMAIN.md §9): only `true` means anything
  mine: (value) => (value === 'true' ? true : undefined),
};

function first(params: Params, key: string): string | undefined {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return typeof text === 'string' && text !== '' ? text : undefined;
}

/**
 * The view a URL's query parameters describe. Anything malformed (a hand-edited or old link) is
 * left out rather than sent to the API to be refused.
 */
export function parseProjectQuery(params: Params): ProjectListQuery {
  const query: ProjectListQuery = { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  for (const key of FILTER_KEYS) {
    const raw = first(params, key);
    const value = raw === undefined ? undefined : PARSERS[key](raw);
    if (value !== undefined) (query as unknown as Record<string, unknown>)[key] = value;
  }
  const sort = oneOf(PROJECT_SORT_FIELDS)(first(params, 'sort') ?? '');
  if (sort) {
    query.sort = sort;
    query.order = first(params, 'order') === 'desc' ? 'desc' : 'asc';
  }
  const page = Number(first(params, 'page'));
  if (Number.isInteger(page) && page >= 1 && page <= 100_000) query.page = page;
  const pageSize = Number(first(params, 'pageSize'));
  if ((PAGE_SIZES as readonly number[]).includes(pageSize)) query.pageSize = pageSize;
  return query;
}

/**
 * The query as parameters, in a fixed order. `forUrl` leaves out what goes without saying (page 1,
 * the default page size) so that shared links stay short; the API gets everything.
 */
export function projectQueryParams(query: ProjectSearchQuery, { forUrl = false, paging = true } = {}): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined && value !== null && value !== '') params[key] = String(value);
  }
  if (query.sort) {
    params['sort'] = query.sort;
    params['order'] = query.order ?? 'asc';
  }
  if (paging) {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!forUrl || page !== 1) params['page'] = String(page);
    if (!forUrl || pageSize !== DEFAULT_PAGE_SIZE) params['pageSize'] = String(pageSize);
  }
  return params;
}

/** How many filters narrow the list (for the phone's 「筛选」 button). */
export function activeFilterCount(query: ProjectFilter): number {
  const keys = FILTER_KEYS.filter((key) => query[key] !== undefined && key !== 'signedTo' && key !== 'amountMax');
  // a range counts once, whichever end is set
  const signed = query.signedFrom !== undefined || query.signedTo !== undefined;
  const amount = query.amountMin !== undefined || query.amountMax !== undefined;
  return keys.filter((key) => key !== 'signedFrom' && key !== 'amountMin').length + (signed ? 1 : 0) + (amount ? 1 : 0);
}

export function sameQuery(a: ProjectSearchQuery, b: ProjectSearchQuery): boolean {
  return JSON.stringify(projectQueryParams(a)) === JSON.stringify(projectQueryParams(b));
}
