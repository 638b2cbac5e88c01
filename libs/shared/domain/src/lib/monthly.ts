import type { FieldProblem, Milestones } from './lifecycle.js';
import { moneyProblem } from './money.js';
import { MONTH_PATTERN } from './projects.js';

/** 月报 (DOMAIN.md §2): one project's figures for one month, and the verification states. */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'VERIFIED', 'RETURNED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  DRAFT: '草稿',
  SUBMITTED: '待核实',
  VERIFIED: '已核实',
  RETURNED: '已退回',
};

/** The money fields of a report, in 万元, as decimal strings. */
export const REPORT_MONEY_FIELDS = ['arrivedEquityWan', 'arrivedLoanWan', 'arrivedOtherWan', 'completedInvestmentWan'] as const;
export type ReportMoneyField = (typeof REPORT_MONEY_FIELDS)[number];

export const REPORT_FIELD_LABELS: Record<ReportMoneyField | 'progress' | 'month' | 'returnReason', string> = {
  month: '月份',
  arrivedEquityWan: '自有资金到位(万元)',
  arrivedLoanWan: '银行贷款到位(万元)',
  arrivedOtherWan: '其他资金到位(万元)',
  completedInvestmentWan: '完成投资(万元)',
  progress: '形象进度',
  returnReason: '退回原因',
};

export const PROGRESS_MAX_LENGTH = 500;
export const RETURN_REASON_MAX_LENGTH = 200;

/** What a person enters for a month: the four amounts (empty = 0) and the progress text. */
export interface ReportFigures {
  arrivedEquityWan: string;
  arrivedLoanWan: string;
  arrivedOtherWan: string;
  completedInvestmentWan: string;
  progress: string | null;
}

export interface MonthlyReportDto extends ReportFigures {
  id: string;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  month: string;
  /** arrived equity + loan + other */
  arrivedTotalWan: string;
  status: ReportStatus;
  returnReason: string | null;
  submittedAt: string | null;
  verifiedAt: string | null;
  version: number;
  updatedAt: string;
}

/** Problems of the figures of a report, with field names of the report (DOMAIN.md §2: ≥ 0, ≤ 2 decimals). */
export function reportFigureProblems(figures: Partial<ReportFigures>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of REPORT_MONEY_FIELDS) {
    const value = figures[field];
    if (value === undefined || value === null || value === '') continue;
    const problem = moneyProblem(REPORT_FIELD_LABELS[field], value);
    if (problem) problems.push({ field, message: problem });
  }
  if (figures.progress && figures.progress.length > PROGRESS_MAX_LENGTH) {
    problems.push({ field: 'progress', message: `形象进度最多 ${PROGRESS_MAX_LENGTH} 个字` });
  }
  return problems;
}

export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** A month's last day: 'YYYY-MM' → 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
  const day = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/**
 * The months the API accepts anywhere (issue 12): a month outside them is a mistake, not a query to
 * run (0001-01…9999-12 once cost a 500). A period spans at most MAX_PERIOD_MONTHS.
 */
export const FIRST_MONTH = '2000-01';
export const LAST_MONTH = '2099-12';
export const MAX_PERIOD_MONTHS = 120;

/** How many months from `from` to `to`, both included (0 or less when `to` is before `from`). */
export function monthSpan(from: string, to: string): number {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
  return index(to) - index(from) + 1;
}

/** 2025-03 → 2025年3月 */
export function monthLabel(month: string): string {
  return `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;
}

/**
 * Why a project may not report for a month, or null when it may (issue 5): it must be signed by the
 * month's end and not terminated before the month began, and the month must not be in the future.
 */
export function reportMonthProblem(project: Pick<Milestones, 'signedAt' | 'terminatedAt'>, month: string, today: string): string | null {
  if (!isMonth(month)) return '月份格式应为 YYYY-MM';
  if (month > monthOf(today)) return '不能填报未来月份';
  if (project.signedAt === null || monthOf(project.signedAt) > month) return '项目在该月尚未签约，不需填报';
  if (project.terminatedAt !== null && monthOf(project.terminatedAt) < month) return '项目在该月之前已终止，不需填报';
  return null;
}

/**
 * 填报义务 (DOMAIN.md §5): the last month a project owes a report — the month of its production
 * start plus `monthsAfterProduction` (a setting), or its termination month; null while it owes
 * reports open-ended. Reports after it are allowed (and count) unless after the termination month,
 * but a missing one raises no REPORT warning.
 */
export function reportingObligationEnd(project: Pick<Milestones, 'productionStartedAt' | 'terminatedAt'>, monthsAfterProduction: number): string | null {
  const afterProduction = project.productionStartedAt === null ? null : addMonths(monthOf(project.productionStartedAt), monthsAfterProduction);
  const terminated = project.terminatedAt === null ? null : monthOf(project.terminatedAt);
  if (afterProduction === null) return terminated;
  return terminated === null || afterProduction < terminated ? afterProduction : terminated;
}

/** One row of the district entry grid: a project that should report for the month. */
export interface ReportGridRow {
  projectId: string;
  projectNo: string;
  projectName: string;
  stage: string;
  investorOrigin: string;
  /** this month's report, or null when nothing has been entered yet */
  report: MonthlyReportDto | null;
  /** last month's figures (any status), or null */
  lastMonth: (ReportFigures & { arrivedTotalWan: string }) | null;
  /** January up to the month before this one: Σ arrived and Σ completed investment */
  yearToDate: { arrivedTotalWan: string; completedInvestmentWan: string };
}

export interface MonthState {
  month: string;
  closed: boolean;
  closedAt: string | null;
  closedBy: string | null;
  reopenReason: string | null;
  version: number;
}

export interface ReportGridResponse {
  regionCode: string;
  month: string;
  monthState: MonthState;
  rows: ReportGridRow[];
  counts: ReportCounts;
}

/** A draft save of the grid: one row's figures; `version` null when the report does not exist yet. */
export interface ReportDraftInput extends Partial<ReportFigures> {
  projectId: string;
  version: number | null;
}

/** GET /monthly-reports/grid: the district entry grid of a region and month. */
export interface ReportGridQuery {
  regionCode: string;
  month: string;
}

/** A month range, optionally of one region and status: GET /monthly-reports/export and the statistics feed. */
export interface ReportRangeQuery {
  from: string;
  to: string;
  /** absent or null: every region */
  regionCode?: string | null;
  status?: ReportStatus;
}

/** GET /monthly-reports (the statistics feed): statuses default to VERIFIED (DOMAIN.md §8). */
export interface ReportFeedQuery extends Omit<ReportRangeQuery, 'status'> {
  status?: ReportStatus[];
  /** ISO 8601 instant: only reports committed after it */
  updatedSince?: string;
  cursor?: string;
  /** at most 5000, default 500 */
  limit?: number;
}

/**
 * POST /months/{month}/close, with the version of the month's state the user read (0 when never
 * closed); `reason` confirms closing while SUBMITTED reports still wait (409 REPORTS_WAITING without it).
 */
export interface MonthCloseRequest {
  version: number;
  reason?: string;
}

/** POST /months/{month}/reopen (admin), with a reason. */
export interface MonthReopenRequest extends MonthCloseRequest {
  reason: string;
}

export interface ReportQueueQuery {
  month: string;
  regionCode?: string;
  status?: ReportStatus;
}

/** Imports (DOMAIN.md §8). */
export const IMPORT_KINDS = ['projects', 'monthly', 'fai', 'commitments', 'stats'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  projects: '项目清单',
  monthly: '月报',
  fai: '全社会固定资产投资',
  commitments: '优惠政策兑现台账',
  stats: '统计局入库项目清单',
};

export interface ImportRowError {
  sheet: string;
  /** as the spreadsheet shows it; the header is row 1 */
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
  /** look-alike projects and other things to confirm; empty when there are none */
  warnings: ImportRowError[];
}

export interface ImportProgress {
  importId: string;
  phase: 'READING' | 'CHECKING' | 'WRITING' | 'DONE' | 'FAILED';
  rowsRead: number;
}

/** PUT /monthly-reports/drafts: save the grid's changed rows (all or nothing). */
export interface SaveDraftsRequest {
  regionCode: string;
  month: string;
  items: ReportDraftInput[];
}

/** POST /monthly-reports/submit: every DRAFT or RETURNED report of the region and month, or only the given projects'. */
export interface SubmitReportsRequest {
  regionCode: string;
  month: string;
  projectIds?: string[];
}

/** POST /monthly-reports/verify and /return: reports by id with the version the verifier saw. */
export interface ReportActionRequest {
  items: { id: string; version: number }[];
  /** required for a return */
  reason?: string;
}

export interface ReportsChanged {
  items: MonthlyReportDto[];
}

export type ReportCounts = Record<ReportStatus | 'MISSING', number>;

/** GET /monthly-reports/queue: a month's reports for verification, and the counts per region. */
export interface ReportQueueResponse {
  month: string;
  monthState: MonthState;
  items: (MonthlyReportDto & { regionName: string })[];
  byRegion: ({ regionCode: string; regionName: string } & ReportCounts)[];
}

/** GET /months?year=YYYY: each month of the year up to this one, with its close state and counts. */
export interface MonthOverview extends MonthState {
  counts: ReportCounts;
  /** projects that should report for the month */
  expected: number;
}
