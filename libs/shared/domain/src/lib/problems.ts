/**
 * 问题诉求 (DOMAIN.md §9, `ProjectIssue`): what a project meets on its way (land, permits, power,
 * financing…), raised by any staff, handled by a responsible unit by a due date, with progress notes,
 * until it is resolved (已解决) or found unresolvable (无法解决), both with a resolution note.
 */

export const ISSUE_CATEGORIES = ['LAND', 'PLANNING', 'EIA', 'ENERGY', 'CONSTRUCTION_PERMIT', 'UTILITIES', 'FINANCING', 'LABOUR', 'APPROVAL_SERVICE', 'OTHER'] as const;
export type IssueCategory = (typeof ISSUE_CATEGORIES)[number];

export const ISSUE_CATEGORY_LABELS: Record<IssueCategory, string> = {
  LAND: '用地',
  PLANNING: '规划',
  EIA: '环评',
  ENERGY: '能评',
  CONSTRUCTION_PERMIT: '施工许可',
  UTILITIES: '水电气暖',
  FINANCING: '融资',
  LABOUR: '用工',
  APPROVAL_SERVICE: '审批服务',
  OTHER: '其他',
};

export const ISSUE_STATUSES = ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'UNRESOLVABLE'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

export const ISSUE_STATUS_LABELS: Record<IssueStatus, string> = {
  OPEN: '待办',
  IN_PROGRESS: '办理中',
  RESOLVED: '已解决',
  UNRESOLVABLE: '无法解决',
};

/** 办结: resolved or found unresolvable; both need a resolution note and end the problem's clock. */
export const CLOSED_ISSUE_STATUSES: readonly IssueStatus[] = ['RESOLVED', 'UNRESOLVABLE'];

export function isClosedIssue(status: IssueStatus): boolean {
  return CLOSED_ISSUE_STATUSES.includes(status);
}

/**
 * The moves a problem may make: 待办 → 办理中 → 已解决 | 无法解决 (待办 may be closed at once), and a
 * closed problem may be taken up again (办理中) when it turns out not to be over.
 */
export const ISSUE_TRANSITIONS: Record<IssueStatus, readonly IssueStatus[]> = {
  OPEN: ['IN_PROGRESS', 'RESOLVED', 'UNRESOLVABLE'],
  IN_PROGRESS: ['RESOLVED', 'UNRESOLVABLE'],
  RESOLVED: ['IN_PROGRESS'],
  UNRESOLVABLE: ['IN_PROGRESS'],
};

/**
 * Days from raising to the default due date, per category (a setting; these are the defaults). Not in
 * DOMAIN.md: chosen from the usual time limits of the procedures (施工许可 and 用工 are quick, 用地
 * and 环评 slow); an admin changes them in 问题诉求设置.
 */
export const DEFAULT_ISSUE_DUE_DAYS: Record<IssueCategory, number> = {
  LAND: 60,
  PLANNING: 30,
  EIA: 45,
  ENERGY: 30,
  CONSTRUCTION_PERMIT: 20,
  UTILITIES: 30,
  FINANCING: 45,
  LABOUR: 20,
  APPROVAL_SERVICE: 15,
  OTHER: 30,
};

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const at = new Date(Date.UTC(y, m - 1, d + days));
  return at.toISOString().slice(0, 10);
}

/**
 * 超期: past its due date and not closed — from the day after the due date. (The ISSUE warning of DOMAIN.md §6
 * is yellow already on the due date itself, as every warning threshold day warns: 今日到期.)
 */
export function isOverdueIssue(issue: { status: IssueStatus; dueAt: string }, today: string): boolean {
  return !isClosedIssue(issue.status) && issue.dueAt < today;
}

export interface IssueNoteDto {
  id: string;
  /** the day the progress happened */
  at: string;
  text: string;
  authorName: string;
  createdAt: string;
}

export interface ProjectIssueDto {
  id: string;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  category: IssueCategory;
  description: string;
  raisedAt: string;
  raisedByName: string;
  unitId: string;
  unitName: string;
  dueAt: string;
  status: IssueStatus;
  resolution: string | null;
  /** the day it was resolved or found unresolvable */
  closedAt: string | null;
  /** past its due date and not closed, as of today */
  overdue: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProjectIssueDetailDto extends ProjectIssueDto {
  notes: IssueNoteDto[];
}

export interface CreateProjectIssueRequest {
  projectId: string;
  category: IssueCategory;
  description: string;
  unitId: string;
  /** default today */
  raisedAt?: string;
  /** default raisedAt + the category's days (a setting) */
  dueAt?: string;
}

export interface UpdateProjectIssueRequest {
  category?: IssueCategory;
  description?: string;
  unitId?: string;
  dueAt?: string;
  version: number;
}

export interface IssueStatusRequest {
  status: IssueStatus;
  /** required for 已解决 / 无法解决, and when taking a closed problem up again */
  note?: string;
  /** the day of the change, default today */
  at?: string;
  version: number;
}

export interface IssueNoteRequest {
  text: string;
  at?: string;
}

export interface ProjectIssueQuery {
  regionCode?: string;
  unitId?: string;
  category?: IssueCategory;
  status?: IssueStatus;
  /** only the problems past their due date and not closed */
  overdue?: boolean;
  projectId?: string;
  page?: number;
  pageSize?: number;
}

/** Counts of a set of problems: 办结率 = 办结 ÷ all; average days from raising to closing, of the closed. */
export interface IssueCounts {
  total: number;
  open: number;
  overdue: number;
  closed: number;
  /** null when there are none */
  closedRate: number | null;
  averageDaysToClose: number | null;
}

export interface ProjectIssueListResponse {
  items: ProjectIssueDto[];
  page: number;
  pageSize: number;
  counts: IssueCounts;
}

export interface IssueStatsRow extends IssueCounts {
  key: string;
  label: string;
}

export interface IssueStatsResponse {
  groupBy: 'region' | 'unit' | 'category';
  rows: IssueStatsRow[];
  total: IssueCounts;
}

/** 问题诉求设置 (GET/PUT /settings/issues): days to the default due date per category. */
export interface IssueSettings {
  dueDays: Record<IssueCategory, number>;
}

export interface IssueSettingsResponse extends IssueSettings {
  /** 0 while the defaults are in force (never saved) */
  version: number;
}

export interface IssueSettingsRequest extends IssueSettings {
  version: number;
}

export const ISSUE_DUE_DAYS_MIN = 1;
export const ISSUE_DUE_DAYS_MAX = 365;

/**
 * What is wrong with a proposed set of due days, field by field (empty when fine): every category
 * present, an integer of 1–365 days, nothing unknown. Shared so the drawer says the same as the API.
 */
export function issueSettingsProblems(dueDays: unknown): { field: string; message: string }[] {
  if (typeof dueDays !== 'object' || dueDays === null || Array.isArray(dueDays)) return [{ field: 'dueDays', message: '办理时限应为按类别的天数' }];
  const given = dueDays as Record<string, unknown>;
  const problems: { field: string; message: string }[] = [];
  for (const key of Object.keys(given)) {
    if (!(ISSUE_CATEGORIES as readonly string[]).includes(key)) problems.push({ field: `dueDays.${key}`, message: `不认识的问题类别：${key}` });
  }
  for (const category of ISSUE_CATEGORIES) {
    const days = given[category];
    const label = ISSUE_CATEGORY_LABELS[category];
    if (days === undefined || days === null) problems.push({ field: `dueDays.${category}`, message: `缺少“${label}”的办理时限` });
    else if (typeof days !== 'number' || !Number.isInteger(days) || days < ISSUE_DUE_DAYS_MIN || days > ISSUE_DUE_DAYS_MAX)
      problems.push({ field: `dueDays.${category}`, message: `${label}的办理时限应为 ${ISSUE_DUE_DAYS_MIN} 至 ${ISSUE_DUE_DAYS_MAX} 之间的整数（天）` });
  }
  return problems;
}
