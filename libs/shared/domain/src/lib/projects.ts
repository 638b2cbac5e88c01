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

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const PROJECT_NO_PATTERN = /^\d{6}-\d{4}-\d{4}$/;

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
  /** 包联领导: a name of the leaders' list (DOMAIN.md §9) */
  leadOfficial: string | null;
  /** 责任单位: a name of the units' list */
  leadDepartment: string | null;
  /** 旗县联系人: the account of a district staff member of the project's region who follows it day to day */
  districtContactId: string | null;
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
  /** the 旗县联系人's name (their account's display name) */
  districtContactName: string | null;
  approvals: ApprovalDto[];
  approvalsComplete: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The Chinese name of each project field, for forms, error messages and the change history. */
export const PROJECT_FIELD_LABELS: Record<keyof ProjectFields | 'projectNo' | 'approvals', string> = {
  projectNo: '项目编号',
  name: '项目名称',
  regionCode: '所属地区',
  industryCode: '产业类别',
  investorName: '投资方名称',
  investorUscc: '投资方统一社会信用代码',
  investorOrigin: '投资方来源',
  contractAmountWan: '签约额(万元)',
  plannedInvestmentWan: '计划总投资(万元)',
  stage: '项目阶段',
  signedAt: '签约日期',
  registeredAt: '注册日期',
  constructionStartedAt: '开工日期',
  productionStartedAt: '投产日期',
  terminatedAt: '终止日期',
  terminationReason: '终止原因',
  plannedStartMonth: '计划开工月份',
  isKeyProject: '重点项目',
  leadOfficial: '包联领导',
  leadDepartment: '责任单位',
  districtContactId: '旗县联系人',
  nationalCode: '投资项目代码',
  statsRegistered: '统计入库',
  statsRegisteredMonth: '入库月份',
  statsCode: '入库编码',
  notes: '备注',
  parentProjectNo: '增资所属项目',
  approvals: '手续',
};

/** A row of the project list and of look-alike candidates. */
export interface ProjectSummary {
  id: string;
  projectNo: string;
  name: string;
  regionCode: string;
  regionName: string;
  industryCode: string;
  industryName: string;
  investorName: string;
  investorOrigin: InvestorOrigin;
  contractAmountWan: string;
  stage: ProjectStage;
  signedAt: string | null;
  isKeyProject: boolean;
  parentProjectNo: string | null;
  updatedAt: string;
}

export interface ProjectDetailDto extends ProjectDto {
  /** 增资 projects whose parentProjectNo is this project */
  capitalIncreases: ProjectSummary[];
}

export interface CreateProjectRequest extends Partial<Omit<ProjectFields, 'name' | 'regionCode' | 'industryCode' | 'investorName' | 'investorOrigin' | 'contractAmountWan' | 'stage'>> {
  name: string;
  regionCode: string;
  industryCode: string;
  investorName: string;
  investorOrigin: InvestorOrigin;
  contractAmountWan: string;
  stage: ProjectStage;
  /** the user has seen the look-alikes and creates the project all the same */
  confirmLookAlike?: boolean;
  /** required when the new project alters a figure of a closed month (signed in it: a correction, DOMAIN.md §5) */
  correctionReason?: string | null;
}

/** Every field but the stage (moved with StageMoveRequest); milestone dates are checked against the current stage. */
export type UpdateProjectRequest = Partial<Omit<ProjectFields, 'stage' | 'regionCode' | 'parentProjectNo'>> & {
  version: number;
  /** required when the change alters a figure of a closed month (a correction, DOMAIN.md §5) */
  correctionReason?: string | null;
};

export interface StageMoveRequest {
  to: ProjectStage;
  /** the dates the move sets, e.g. {constructionStartedAt: '2025-06-01'} */
  dates: Partial<Omit<Milestones, 'terminationReason'>>;
  terminationReason?: string;
  /** required for a correction (a move back) */
  reason?: string;
  version: number;
}

export interface UpdateApprovalsRequest {
  items: ApprovalDto[];
  version: number;
}

export interface LookAlikeQuery {
  name: string;
  regionCode: string;
  investorUscc?: string | null;
  /** when editing or increasing capital: this project is not its own look-alike */
  excludeProjectNo?: string | null;
}

export interface LookAlikeCandidate extends ProjectSummary {
  /** why it looks alike: same investor uscc, or same name in the same region */
  reasons: ('SAME_USCC' | 'SAME_NAME_IN_REGION')[];
}

export const PROJECT_SORT_FIELDS = ['projectNo', 'name', 'signedAt', 'contractAmountWan', 'updatedAt', 'regionCode', 'stage'] as const;
export type ProjectSortField = (typeof PROJECT_SORT_FIELDS)[number];

/** Filters shared by the web list, its export and the statistics API (all optional). */
export interface ProjectFilter {
  regionCode?: string;
  industryCode?: string;
  stage?: ProjectStage;
  investorOrigin?: InvestorOrigin;
  isKeyProject?: boolean;
  /** YYYY-MM-DD, inclusive */
  signedFrom?: string;
  signedTo?: string;
  /** 万元, inclusive */
  amountMin?: string;
  amountMax?: string;
  /** text search over name, investor name and projectNo */
  q?: string;
  /** 包联领导 / 责任单位 by name, 旗县联系人 by account (DOMAIN.md §9) */
  leadOfficial?: string;
  leadDepartment?: string;
  districtContactId?: string;
  /**
   * 我的项目: a leader's 包联项目 (the leaders' entry linked to the account), a staff member's projects as
   * 旗县联系人; nothing for an account that is neither.
   */
  mine?: boolean;
}

export interface ProjectSearchQuery extends ProjectFilter {
  sort?: ProjectSortField;
  order?: 'asc' | 'desc';
  /** 1-based */
  page?: number;
  /** at most 200 */
  pageSize?: number;
}

/** A row of the project list (GET /projects/search): the summary and what has arrived so far. */
export interface ProjectListItem extends ProjectSummary {
  /** 累计到位资金: Σ arrived (equity + loan + other) of the project's verified monthly reports, all months (万元) */
  arrivedFundsWan: string;
}

export interface ProjectSearchResponse {
  items: ProjectListItem[];
  page: number;
  pageSize: number;
  /** of the whole filtered set, not only this page */
  total: { count: number; contractAmountWan: string };
}

export interface ProjectFeedQuery extends ProjectFilter {
  /** ISO 8601 instant: only projects changed after it */
  updatedSince?: string;
  cursor?: string;
  /** at most 1000, default 200 */
  limit?: number;
}

export interface ProjectChange {
  field: string;
  label: string;
  before: string;
  after: string;
}
