import { NOTICE_KINDS, NOTICE_STATUSES, type NoticeKind, type NoticeQuery, type NoticeStatus } from '@zhaoshang/shared/domain';

export const NOTICE_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_NOTICE_PAGE_SIZE = 20;

/** The ledger's three views: every notice, the items proposed for the next rung, the drafts waiting for a leader. */
export const LEDGER_TABS = ['all', 'escalate', 'sign'] as const;
export type LedgerTab = (typeof LEDGER_TABS)[number];

export const LEDGER_TAB_LABELS: Record<LedgerTab, string> = {
  all: '全部督办',
  escalate: '待升级',
  sign: '待签发',
};

/** The ledger's view as the URL keeps it: the tab, the filters of 全部督办, the page. */
export interface LedgerQuery extends Pick<NoticeQuery, 'kind' | 'status' | 'regionCode' | 'recipientUnitId' | 'overdue'> {
  tab: LedgerTab;
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

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

/** Reads the URL's query parameters, dropping what is not valid (a hand-edited URL never breaks the page). */
export function parseLedgerQuery(params: RawParams): LedgerQuery {
  const kind = oneOf<NoticeKind>(NOTICE_KINDS, first(params['kind']));
  const status = oneOf<NoticeStatus>(NOTICE_STATUSES, first(params['status']));
  const regionCode = first(params['regionCode']);
  const unit = first(params['recipientUnitId']);
  const pageSize = positiveInt(first(params['pageSize']), DEFAULT_NOTICE_PAGE_SIZE, 200);
  return {
    tab: oneOf<LedgerTab>(LEDGER_TABS, first(params['tab'])) ?? 'all',
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(regionCode && /^\d{6}$/.test(regionCode) ? { regionCode } : {}),
    ...(unit && /^[\w-]{1,64}$/.test(unit) ? { recipientUnitId: unit } : {}),
    ...(first(params['overdue']) === 'true' ? { overdue: true } : {}),
    page: positiveInt(first(params['page']), 1, 100_000),
    pageSize: (NOTICE_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_NOTICE_PAGE_SIZE,
  };
}

/** The view as URL parameters, leaving out the defaults (tab 全部督办, page 1, 20 a page). */
export function ledgerQueryParams(query: LedgerQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.tab !== 'all') out['tab'] = query.tab;
  Object.assign(out, noticeQueryParams({ ...query, page: undefined, pageSize: undefined }));
  if (query.page !== 1) out['page'] = String(query.page);
  if (query.pageSize !== DEFAULT_NOTICE_PAGE_SIZE) out['pageSize'] = String(query.pageSize);
  return out;
}

/** The request for GET /notices; 待签发 lists the drafts waiting (the API narrows a leader's to their own). */
export function listRequest(query: LedgerQuery, role: string | null | undefined): NoticeQuery {
  if (query.tab === 'sign') {
    return role === 'LEADER' ? { toSign: true, page: query.page, pageSize: query.pageSize } : { status: 'PENDING_SIGNATURE', page: query.page, pageSize: query.pageSize };
  }
  const { tab: _tab, ...rest } = query;
  return rest;
}

/** GET /notices's parameters, in a fixed order. */
export function noticeQueryParams(query: NoticeQuery): Record<string, string> {
  const out: Record<string, string> = {};
  if (query.kind) out['kind'] = query.kind;
  if (query.status) out['status'] = query.status;
  if (query.regionCode) out['regionCode'] = query.regionCode;
  if (query.recipientUnitId) out['recipientUnitId'] = query.recipientUnitId;
  if (query.subjectType) out['subjectType'] = query.subjectType;
  if (query.issueId) out['issueId'] = query.issueId;
  if (query.projectId) out['projectId'] = query.projectId;
  if (query.overdue) out['overdue'] = 'true';
  if (query.toSign) out['toSign'] = 'true';
  if (query.year !== undefined) out['year'] = String(query.year);
  if (query.page !== undefined) out['page'] = String(query.page);
  if (query.pageSize !== undefined) out['pageSize'] = String(query.pageSize);
  return out;
}

export function sameLedgerQuery(a: LedgerQuery, b: LedgerQuery): boolean {
  return JSON.stringify(ledgerQueryParams(a)) === JSON.stringify(ledgerQueryParams(b));
}
