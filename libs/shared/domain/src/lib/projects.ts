import type { Milestones, ProjectStage } from './lifecycle.js';

/** DOMAIN.md §5: where the money comes from, and whether it counts as attracted funds. */
export const INVESTOR_ORIGINS = ['FOREIGN', 'OUT_OF_REGION', 'IN_REGION_OUT_OF_CITY', 'IN_CITY_OTHER_COUNTY', 'LOCAL'] as const;
export type InvestorOrigin = (typeof INVESTOR_ORIGINS)[number];

export const INVESTOR_ORIGIN_LABELS: Record<InvestorOrigin, string> = {
  FOREIGN: '境外',
  OUT_OF_REGION: '区外',
  IN_REGION_OUT_OF_CITY: '区内市外',
  IN_CITY_OTHER_COUNTY: '市内县际',
  LOCAL: '本地',
};

/** Whether arrived funds of this origin count at the city's level, and at a district's (DOMAIN.md §5). */
export function originCounts(origin: InvestorOrigin, scope: 'CITY' | 'DISTRICT'): boolean {
  if (origin === 'LOCAL') return false;
  if (origin === 'IN_CITY_OTHER_COUNTY') return scope === 'DISTRICT';
  return true;
}

/** 手续: the approvals checklist of every project (DOMAIN.md §5). */
export const APPROVAL_KINDS = ['FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  FILING: '立项备案/核准',
  LAND: '用地',
  PLANNING: '规划许可',
  ENVIRONMENT: '环评',
  ENERGY: '节能审查',
  CONSTRUCTION: '施工许可',
};

export const APPROVAL_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_REQUIRED'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_STATUS_LABELS: Record<ApprovalStatus, string> = {
  NOT_STARTED: '未办理',
  IN_PROGRESS: '办理中',
  DONE: '已办结',
  NOT_REQUIRED: '无需办理',
};

export interface ApprovalDto {
  kind: ApprovalKind;
  status: ApprovalStatus;
  /** YYYY-MM-DD, present exactly when DONE */
  doneAt: string | null;
}

/** 手续办结: every required approval is done (DOMAIN.md §5). */
export function approvalsComplete(approvals: readonly Pick<ApprovalDto, 'status'>[]): boolean {
  return approvals.every((a) => a.status === 'DONE' || a.status === 'NOT_REQUIRED');
}

/** An amount in 万元 as a decimal string: at most 2 decimals, not negative (DOMAIN.md §2). */
export const MONEY_WAN_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PROJECT_NO_PATTERN = /^\d{6}-\d{4}-\d{4}$/;

export function moneyProblem(label: string, value: string): string | null {
  if (/^-/.test(value)) return `${label}不能为负数`;
  if (/^\d+\.\d{3,}$/.test(value)) return `${label}最多保留 2 位小数`;
  return MONEY_WAN_PATTERN.test(value) ? null : `${label}应为数字（单位：万元，最多 2 位小数）`;
}

/** `{regionCode}-{year}-{seq:04}`, e.g. 150525-2025-0012. */
export function formatProjectNo(regionCode: string, year: number, seq: number): string {
  return `${regionCode}-${year}-${String(seq).padStart(4, '0')}`;
}

export interface ProjectFields extends Milestones {
  name: string;
  regionCode: string;
  industryCode: string;
  investorName: string;
  investorUscc: string | null;
  investorOrigin: InvestorOrigin;
  contractAmountWan: string;
  plannedInvestmentWan: string | null;
  stage: ProjectStage;
  plannedStartMonth: string | null;
  isKeyProject: boolean;
  leadOfficial: string | null;
  leadDepartment: string | null;
  nationalCode: string | null;
  statsRegistered: boolean;
  statsRegisteredMonth: string | null;
  statsCode: string | null;
  notes: string | null;
  parentProjectNo: string | null;
}

export interface ProjectDto extends ProjectFields {
  id: string;
  projectNo: string;
  regionName: string;
  industryName: string;
  approvals: ApprovalDto[];
  approvalsComplete: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}
