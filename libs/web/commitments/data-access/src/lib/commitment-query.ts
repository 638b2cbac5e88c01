import { COMMITMENT_STATUSES, COMMITMENT_TYPES, type CommitmentQuery, type CommitmentStatus, type CommitmentType } from '@zhaoshang/shared/domain';

export const COMMITMENT_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_COMMITMENT_PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The 兑现台账's view as the URL keeps it. `regionCode` '' is "all regions chosen on purpose": a
 * district user starts on their own region, and removing that filter must survive a reload.
 * `from`/`to` are the period on 兑现期限 (inclusive).
 */
export interface CommitmentListQuery extends Omit<CommitmentQuery, 'regionCode'> {
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
export function parseCommitmentQuery(params: RawParams): CommitmentListQuery {
  const regionCode = first(params['regionCode']);
  const unitId = first(params['unitId']);
  // the project card's 在兑现台账中查看 opens the ledger on its project
  const projectId = first(params['projectId']);
  const type = first(params['type']);
  const status = first(params['status']);
  const from = first(params['from']);
  const to = first(params['to']);
  const pageSize = positiveInt(first(params['pageSize']), DEFAULT_COMMITMENT_PAGE_SIZE, 200);
  return {
    ...(regionCode !== undefined && (regionCode === '' || /^\d{6}$/.test(regionCode)) ? { regionCode } : {}),
    ...(unitId && UUID.test(unitId) ? { unitId } : {}),
    ...(projectId && UUID.test(projectId) ? { projectId } : {}),
    ...((COMMITMENT_TYPES as readonly string[]).includes(type ?? '') ? { type: type as CommitmentType } : {}),
    ...((COMMITMENT_STATUSES as readonly string[]).includes(status ?? '') ? { status: status as CommitmentStatus } : {}),
    ...(first(params['overdue']) === 'true' ? { overdue: true } : {}),
    ...(from && DATE.test(from) ? { from } : {}),
    ...(to && DATE.test(to) ? { to } : {}),
    page: positiveInt(first(params['page']), 1, 100_000),
    pageSize: (COMMITMENT_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_COMMITMENT_PAGE_SIZE,
  };
}

/**
 * The query as request or URL parameters. The request leaves out an empty region (all); the URL
 * keeps it (the district user's "all" choice) and leaves out the defaults (page 1, 20 a page).
 */
export function commitmentQueryParams(query: Partial<CommitmentListQuery>, options: { forUrl?: boolean } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.regionCode || (options.forUrl && query.regionCode === '')) out['regionCode'] = query.regionCode;
  if (query.unitId) out['unitId'] = query.unitId;
  if (query.type) out['type'] = query.type;
  if (query.status) out['status'] = query.status;
  if (query.overdue) out['overdue'] = 'true';
  if (query.projectId) out['projectId'] = query.projectId;
  if (query.from) out['from'] = query.from;
  if (query.to) out['to'] = query.to;
  if (query.page !== undefined && !(options.forUrl && query.page === 1)) out['page'] = String(query.page);
  if (query.pageSize !== undefined && !(options.forUrl && query.pageSize === DEFAULT_COMMITMENT_PAGE_SIZE)) out['pageSize'] = String(query.pageSize);
  return out;
}

export function sameCommitmentQuery(a: Partial<CommitmentListQuery>, b: Partial<CommitmentListQuery>): boolean {
  return JSON.stringify(commitmentQueryParams(a, { forUrl: true })) === JSON.stringify(commitmentQueryParams(b, { forUrl: true }));
}

/** The region the ledger shows: the URL's, else the district user's own (removable: '' means all). */
export function effectiveCommitmentRegion(query: CommitmentListQuery, ownRegion: string | null | undefined): string | undefined {
  if (query.regionCode !== undefined) return query.regionCode || undefined;
  return ownRegion ?? undefined;
}
