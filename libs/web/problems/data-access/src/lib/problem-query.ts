import { ISSUE_CATEGORIES, ISSUE_STATUSES, type IssueCategory, type IssueStatus, type ProjectIssueQuery } from '@zhaoshang/shared/domain';

export const PROBLEM_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PROBLEM_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The 问题清单's view as the URL keeps it. `regionCode` '' is "all regions chosen on purpose": a
 * district user starts on their own region, and removing that filter must survive a reload.
 */
export interface ProblemListQuery extends Omit<ProjectIssueQuery, 'regionCode'> {
  regionCode?: string;
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
export function parseProblemQuery(params: RawParams): ProblemListQuery {
  const regionCode = first(params['regionCode']);
  const unitId = first(params['unitId']);
  const category = first(params['category']);
  const status = first(params['status']);
  const pageSize = positiveInt(first(params['pageSize']), DEFAULT_PROBLEM_PAGE_SIZE, 200);
  return {
    ...(regionCode !== undefined && (regionCode === '' || /^\d{6}$/.test(regionCode)) ? { regionCode } : {}),
    ...(unitId && UUID.test(unitId) ? { unitId } : {}),
    ...((ISSUE_CATEGORIES as readonly string[]).includes(category ?? '') ? { category: category as IssueCategory } : {}),
    ...((ISSUE_STATUSES as readonly string[]).includes(status ?? '') ? { status: status as IssueStatus } : {}),
    ...(first(params['overdue']) === 'true' ? { overdue: true } : {}),
    page: positiveInt(first(params['page']), 1, 100_000),
    pageSize: (PROBLEM_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PROBLEM_PAGE_SIZE,
  };
}

/**
 * The query as request or URL parameters. The request leaves out an empty region (all); the URL
 * keeps it (the district user's "all" choice) and leaves out the defaults (page 1, 20 a page).
 */
export function problemQueryParams(query: Partial<ProblemListQuery>, options: { forUrl?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.regionCode || (options.forUrl && query.regionCode === '')) out['regionCode'] = query.regionCode;
  if (query.unitId) out['unitId'] = query.unitId;
  if (query.category) out['category'] = query.category;
  if (query.status) out['status'] = query.status;
  if (query.overdue) out['overdue'] = 'true';
  if (query.projectId) out['projectId'] = query.projectId;
  if (query.page !== undefined && !(options.forUrl && query.page === 1)) out['page'] = String(query.page);
  if (query.pageSize !== undefined && !(options.forUrl && query.pageSize === DEFAULT_PROBLEM_PAGE_SIZE)) out['pageSize'] = String(query.pageSize);
  return out;
}

export function sameProblemQuery(a: Partial<ProblemListQuery>, b: Partial<ProblemListQuery>): boolean {
  return JSON.stringify(problemQueryParams(a, { forUrl: true })) === JSON.stringify(problemQueryParams(b, { forUrl: true }));
}

/** The region the list shows: the URL's, else the district user's own (removable: '' means all). */
export function effectiveRegion(query: ProblemListQuery, ownRegion: string | null | undefined): string | undefined {
  if (query.regionCode !== undefined) return query.regionCode || undefined;
  return ownRegion ?? undefined;
}
