import { compareWan, roundDecimal, wanToYi } from './money.js';

/**
 * 优惠政策兑现台账 (DOMAIN.md §9, `PolicyCommitment`): what the government promised an investor in the
 * contract (land, tax, subsidies…), by when, which unit answers for it, and whether it was honoured
 * (兑现) — partly, wholly, or not any more (不再兑现, with a reason).
 */

export const COMMITMENT_TYPES = ['LAND', 'TAX', 'SUBSIDY', 'INFRASTRUCTURE', 'FINANCING', 'TALENT', 'OTHER'] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

export const COMMITMENT_TYPE_LABELS: Record<CommitmentType, string> = {
  LAND: '土地',
  TAX: '税费',
  SUBSIDY: '财政奖补',
  INFRASTRUCTURE: '基础设施配套',
  FINANCING: '融资',
  TALENT: '人才',
  OTHER: '其他',
};

export const COMMITMENT_STATUSES = ['PENDING', 'PARTIAL', 'HONOURED', 'WITHDRAWN'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const COMMITMENT_STATUS_LABELS: Record<CommitmentStatus, string> = {
  PENDING: '未兑现',
  PARTIAL: '部分兑现',
  HONOURED: '已兑现',
  WITHDRAWN: '不再兑现',
};

/** 办结: honoured, or not to be honoured any more (with a reason); both end the commitment's clock. */
export const CLOSED_COMMITMENT_STATUSES: readonly CommitmentStatus[] = ['HONOURED', 'WITHDRAWN'];

export function isClosedCommitment(status: CommitmentStatus): boolean {
  return CLOSED_COMMITMENT_STATUSES.includes(status);
}

/**
 * The moves a commitment may make: 未兑现 → 部分兑现 → 已兑现, either open state → 不再兑现; 部分兑现 may
 * record a further part (PARTIAL → PARTIAL, the cumulative amount grows). A closed commitment may be
 * reopened as 部分兑现 when the record proves wrong (a payment was reversed, the withdrawal revoked):
 * an audited correction rather than a new commitment, so the ledger keeps one row per promise.
 */
export const COMMITMENT_TRANSITIONS: Record<CommitmentStatus, readonly CommitmentStatus[]> = {
  PENDING: ['PARTIAL', 'HONOURED', 'WITHDRAWN'],
  PARTIAL: ['PARTIAL', 'HONOURED', 'WITHDRAWN'],
  HONOURED: ['PARTIAL'],
  WITHDRAWN: ['PARTIAL'],
};

export function canMoveCommitment(from: CommitmentStatus, to: CommitmentStatus): boolean {
  return COMMITMENT_TRANSITIONS[from].includes(to);
}

/** 逾期: past its due date (from the day after it) and neither honoured nor withdrawn. */
export function isOverdueCommitment(c: { status: CommitmentStatus; dueAt: string }, today: string): boolean {
  return !isClosedCommitment(c.status) && c.dueAt < today;
}

/**
 * Why a status change is refused, field by field (empty when fine), given the commitment as it is and
 * `today`: 部分兑现/已兑现 need the cumulative honoured amount (not more than promised, when an amount
 * was promised: a bigger figure is a typing error far more often than a generous government, and the
 * ledger's 兑现资金 must not exceed what was promised) and the date (not in the future); 不再兑现 needs
 * a reason. Shared so the web dialog says what the API says.
 */
export function commitmentStatusProblems(
  current: { status: CommitmentStatus; promisedAmountWan: string | null },
  request: Pick<CommitmentStatusRequest, 'status' | 'honouredAmountWan' | 'honouredAt' | 'reason'>,
  today: string,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (!canMoveCommitment(current.status, request.status)) {
    problems.push({ field: 'status', message: `承诺事项当前为“${COMMITMENT_STATUS_LABELS[current.status]}”，不能改为“${COMMITMENT_STATUS_LABELS[request.status]}”` });
    return problems;
  }
  if (request.status === 'PARTIAL' || request.status === 'HONOURED') {
    const amount = request.honouredAmountWan;
    if (amount === undefined || amount === null || amount === '') problems.push({ field: 'honouredAmountWan', message: '请填写累计兑现金额（万元）' });
    else if (current.promisedAmountWan !== null && compareWan(amount, current.promisedAmountWan) > 0)
      problems.push({ field: 'honouredAmountWan', message: `累计兑现金额（${amount} 万元）不能超过承诺金额（${current.promisedAmountWan} 万元）` });
    if (!request.honouredAt) problems.push({ field: 'honouredAt', message: '请填写兑现日期' });
    else if (request.honouredAt > today) problems.push({ field: 'honouredAt', message: `兑现日期（${request.honouredAt}）不能晚于今天` });
  }
  if (request.status === 'WITHDRAWN' && !request.reason?.trim()) problems.push({ field: 'reason', message: '不再兑现须说明原因' });
  return problems;
}

export interface PolicyCommitmentDto {
  id: string;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  type: CommitmentType;
  content: string;
  /** 承诺金额 (万元), when the promise has one */
  promisedAmountWan: string | null;
  dueAt: string;
  unitId: string;
  unitName: string;
  status: CommitmentStatus;
  /** 累计兑现金额 (万元), '0.00' when nothing yet */
  honouredAmountWan: string;
  /** the day of the last 兑现 (partial or whole) */
  honouredAt: string | null;
  /** the day it was declared 不再兑现 */
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  /** neither honoured nor withdrawn and its due date has passed, as of today */
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One status change, as kept in the commitment's history. */
export interface CommitmentEventDto {
  id: string;
  status: CommitmentStatus;
  /** the day of the change (兑现日期 or the day it was withdrawn) */
  at: string;
  /** cumulative honoured amount after the change */
  honouredAmountWan: string;
  note: string | null;
  authorName: string;
  createdAt: string;
}

export interface PolicyCommitmentDetailDto extends PolicyCommitmentDto {
  events: CommitmentEventDto[];
}

export interface CreateCommitmentRequest {
  projectId: string;
  type: CommitmentType;
  content: string;
  promisedAmountWan?: string | null;
  dueAt: string;
  unitId: string;
}

export interface UpdateCommitmentRequest {
  type?: CommitmentType;
  content?: string;
  promisedAmountWan?: string | null;
  dueAt?: string;
  unitId?: string;
  version: number;
}

export interface CommitmentStatusRequest {
  status: CommitmentStatus;
  /** PARTIAL / HONOURED: the cumulative amount honoured so far (万元) */
  honouredAmountWan?: string;
  /** PARTIAL / HONOURED: the day of this 兑现, not after today; WITHDRAWN: the day, default today */
  honouredAt?: string;
  /** WITHDRAWN: why it will not be honoured (required); otherwise an optional note */
  reason?: string;
  version: number;
}

export interface CommitmentQuery {
  regionCode?: string;
  unitId?: string;
  type?: CommitmentType;
  status?: CommitmentStatus;
  /** only those past their due date and not closed */
  overdue?: boolean;
  projectId?: string;
  /** on dueAt, inclusive, `YYYY-MM-DD` */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

/**
 * Totals of a set of commitments, counted and summed in SQL. Besides the counts by status:
 *
 * - `reviewed` (梳理未兑现): every commitment that was NOT honoured on time — still open (未兑现 or
 *   部分兑现, whether its due date has passed or not: the review lists what is still owed), honoured
 *   after its due date, or withdrawn. Only the commitments honoured by their due date are left out:
 *   they never needed 整改.
 * - `rectified` (已完成整改): of those, the closed ones (honoured late, or withdrawn with a reason),
 *   so `reviewed − rectified` is what is still owed.
 * - `reviewedHonouredWan` (兑现资金): Σ honoured amounts of the reviewed ones (partial amounts
 *   included).
 */
export interface CommitmentTotals {
  count: number;
  pending: number;
  partial: number;
  honoured: number;
  withdrawn: number;
  overdue: number;
  /** Σ promised amounts (万元), of those that have one */
  promisedWan: string;
  /** Σ honoured amounts (万元) */
  honouredWan: string;
  reviewed: number;
  rectified: number;
  reviewedHonouredWan: string;
}

export interface CommitmentListResponse {
  items: PolicyCommitmentDto[];
  page: number;
  pageSize: number;
  totals: CommitmentTotals;
  /** the ledger's sentence (DOMAIN.md §9), from `commitmentSummarySentence(totals)` */
  summary: string;
}

export type CommitmentGroupBy = 'region' | 'unit' | 'type';

export interface CommitmentStatsRow extends CommitmentTotals {
  key: string;
  label: string;
}

export interface CommitmentStatsResponse {
  groupBy: CommitmentGroupBy;
  rows: CommitmentStatsRow[];
  total: CommitmentTotals;
  summary: string;
}

/** An amount for a sentence: 亿元 with 2 decimals from 1 亿 (10,000 万元) on, else 万元 without trailing zeros. */
export function yiOrWanText(wan: string): string {
  if (compareWan(wan, '10000') >= 0) return `${wanToYi(wan, 2)} 亿元`;
  const text = roundDecimal(wan, 2) ?? wan;
  return `${text.replace(/\.?0+$/, '') || '0'} 万元`;
}

/** "梳理未兑现优惠政策 51 条，已完成整改 45 条，兑现资金 1.85 亿元" (DOMAIN.md §9); see `CommitmentTotals`. */
export function commitmentSummarySentence(totals: Pick<CommitmentTotals, 'reviewed' | 'rectified' | 'reviewedHonouredWan'>): string {
  return `梳理未兑现优惠政策 ${totals.reviewed} 条，已完成整改 ${totals.rectified} 条，兑现资金 ${yiOrWanText(totals.reviewedHonouredWan)}`;
}
