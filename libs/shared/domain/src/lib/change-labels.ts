import type { AuditEntity } from './audit.js';
import { TARGET_INDICATOR_LABELS, type TargetIndicator } from './indicators.js';
import { STAGE_LABELS, type ProjectStage } from './lifecycle.js';
import { REPORT_FIELD_LABELS, REPORT_STATUS_LABELS, type ReportStatus } from './monthly.js';
import { PROJECT_HISTORY_EXTRA_LABELS } from './project-rules.js';
import { APPROVAL_KIND_LABELS, APPROVAL_STATUS_LABELS, INVESTOR_ORIGIN_LABELS, PROJECT_FIELD_LABELS, type ApprovalKind, type ApprovalStatus, type InvestorOrigin } from './projects.js';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_TYPE_LABELS, type CommitmentStatus, type CommitmentType } from './commitments.js';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, NOTICE_SUBJECT_LABELS, type NoticeKind, type NoticeStatus, type NoticeSubject } from './notices.js';
import { ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS, type IssueCategory, type IssueStatus } from './problems.js';
import { RESPONSIBILITY_LEVEL_LABELS, type ResponsibilityLevel } from './responsibility.js';
import { API_KEY_SCOPE_LABELS, ROLE_LABELS, type ApiKeyScope, type Role } from './roles.js';
import { WARNING_RULE_LABELS, type WarningRule } from './warnings.js';

/**
 * The one label table of recorded changes: the audit log and a project's 变更记录 both read the
 * before/after snapshots the API writes (field names as in the DTOs) through it, so a field or a
 * value reads the same on every page. Project fields first, in the order of the project form.
 */
export const CHANGE_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PROJECT_FIELD_LABELS,
  ...PROJECT_HISTORY_EXTRA_LABELS,
  // monthly reports (a report's snapshot names its project too)
  projectId: '项目',
  ...REPORT_FIELD_LABELS,
  status: '状态',
  submittedAt: '报送时间',
  verifiedAt: '核实时间',
  // accounts and API keys
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  regionName: '所属地区名称',
  disabled: '停用',
  lastLoginAt: '最近登录',
  password: '密码',
  scopes: '权限范围',
  prefix: '前缀',
  revokedAt: '吊销时间',
  lastUsedAt: '最近使用',
  createdBy: '创建人',
  // 包联领导 and 责任单位 (DOMAIN.md §9)
  portfolio: '分管领域',
  level: '级别',
  userId: '关联账号',
  projectsRenamed: '随之改名的项目(个)',
  // a project's 旗县联系人 is recorded as the account and its name; readers see the name
  districtContactName: '旗县联系人',
  // 问题诉求 (DOMAIN.md §9)
  category: '问题类别',
  description: '问题描述',
  raisedAt: '提出日期',
  raisedByName: '提出人',
  unitId: '责任单位',
  unitName: '责任单位名称',
  dueAt: '办理时限',
  resolution: '办理结果',
  note: '办理进展',
  projectNo: '项目编号',
  projectName: '项目名称',
  // dictionaries
  code: '代码',
  sortOrder: '排序号',
  active: '启用',
  // month closes and what a close published
  closed: '已月结',
  closedAt: '月结时间',
  closedBy: '月结人',
  reopenReason: '重新打开原因',
  closeReason: '月结说明',
  waitingReports: '待核实月报(份)',
  revision: '发布版本',
  // FAI, targets, settings
  amountWan: '金额(万元)',
  basis: '口径',
  year: '年度',
  indicator: '指标',
  value: '目标值',
  settings: '设置值',
};

/** The enumerations a snapshot holds, by the field that holds them. */
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  stage: STAGE_LABELS satisfies Record<ProjectStage, string>,
  investorOrigin: INVESTOR_ORIGIN_LABELS satisfies Record<InvestorOrigin, string>,
  // a report's or a problem's status: the two sets of values do not overlap
  // a notice's RETURNED (已退回) is spelled and read as a report's
  status: {
    ...(REPORT_STATUS_LABELS satisfies Record<ReportStatus, string>),
    ...(ISSUE_STATUS_LABELS satisfies Record<IssueStatus, string>),
    ...(NOTICE_STATUS_LABELS satisfies Record<NoticeStatus, string>),
    ...(COMMITMENT_STATUS_LABELS satisfies Record<CommitmentStatus, string>),
  },
  category: ISSUE_CATEGORY_LABELS satisfies Record<IssueCategory, string>,
  role: ROLE_LABELS satisfies Record<Role, string>,
  scopes: API_KEY_SCOPE_LABELS satisfies Record<ApiKeyScope, string>,
  indicator: TARGET_INDICATOR_LABELS satisfies Record<TargetIndicator, string>,
  // an approval's kinds and a notice's (提醒单…) do not overlap
  kind: { ...(APPROVAL_KIND_LABELS satisfies Record<ApprovalKind, string>), ...(NOTICE_KIND_LABELS satisfies Record<NoticeKind, string>) },
  subjectType: NOTICE_SUBJECT_LABELS satisfies Record<NoticeSubject, string>,
  warningRule: WARNING_RULE_LABELS satisfies Record<WarningRule, string>,
  issueCategory: ISSUE_CATEGORY_LABELS satisfies Record<IssueCategory, string>,
  approvalStatus: APPROVAL_STATUS_LABELS satisfies Record<ApprovalStatus, string>,
  basis: { MONTH: '当月数', YTD: '累计数' },
  level: RESPONSIBILITY_LEVEL_LABELS satisfies Record<ResponsibilityLevel, string>,
  // only a commitment's snapshot has a `type` (土地, 税费…)
  type: COMMITMENT_TYPE_LABELS satisfies Record<CommitmentType, string>,
};

/** Bookkeeping that changes with every write and says nothing to a reader. */
export const CHANGE_BOOKKEEPING_FIELDS: ReadonlySet<string> = new Set(['id', 'version', 'createdAt', 'updatedAt', 'districtContactId']);

/** Where another entity's field of the same name means something else than the project's. */
const ENTITY_FIELD_LABELS: Partial<Record<AuditEntity, Readonly<Record<string, string>>>> = {
  industry: { name: '名称' },
  apiKey: { name: '名称', rateLimitPerMinute: '每分钟请求上限' },
  user: { regionCode: '所属地区' },
  leader: { name: '姓名（含职务）', regionCode: '所属旗县区' },
  unit: { name: '单位名称', regionCode: '所属旗县区' },
  commitment: {
    type: '政策类型',
    content: '承诺内容',
    promisedAmountWan: '承诺金额（万元）',
    dueAt: '兑现期限',
    honouredAmountWan: '累计兑现金额（万元）',
    honouredAt: '兑现日期',
    withdrawnAt: '不再兑现日期',
    withdrawnReason: '不再兑现原因',
    recordedAt: '登记日期',
    regionCode: '所属地区',
    regionName: '所属地区名称',
  },
  projectIssue: { closedAt: '办结日期', regionCode: '所属地区', regionName: '所属地区名称' },
  notice: {
    kind: '文种',
    number: '文号',
    subjectType: '督办事项类型',
    issueId: '问题',
    issueCategory: '问题类别',
    warningRule: '预警规则',
    commitmentId: '优惠政策承诺',
    previousNoticeId: '上一级通知',
    recipientUnitId: '主送单位',
    recipientUnitName: '主送单位名称',
    title: '标题',
    facts: '事实',
    requirement: '要求',
    deadline: '办理时限',
    deadlineChosen: '办理时限由拟稿人指定',
    draftedByName: '拟稿人',
    signerLeaderId: '签发领导',
    signerLeaderName: '签发领导姓名',
    signedAt: '签发日期',
    signComment: '签发意见',
    issuedAt: '下发日期',
    issuedByName: '下发人',
    feedback: '反馈内容',
    feedbackAt: '反馈日期',
    feedbackByName: '反馈人',
    closedAt: '办结日期',
    closeNote: '办结或作废说明',
    regionCode: '所属地区',
    regionName: '所属地区名称',
  },
};

/**
 * The field's name for a reader, of the entity when given (an industry's `name` is 名称, a
 * project's 项目名称); a field this table does not know (from a newer API) keeps its name.
 */
export function changeFieldLabel(field: string, entity?: AuditEntity): string {
  const own = entity ? ENTITY_FIELD_LABELS[entity] : undefined;
  if (own && Object.hasOwn(own, field)) return own[field];
  return Object.hasOwn(CHANGE_FIELD_LABELS, field) ? CHANGE_FIELD_LABELS[field] : field;
}

/** The Chinese name of an enumerated value (`stage: SIGNED` → 已签约), or null when the value is not one. */
export function changeValueLabel(field: string, value: unknown): string | null {
  if (typeof value !== 'string' || !Object.hasOwn(VALUE_LABELS, field)) return null;
  const labels = VALUE_LABELS[field];
  return Object.hasOwn(labels, value) ? labels[value] : null;
}

/** Amounts in 万元, decimal strings: by the naming rule of DOMAIN.md §2 (`…Wan`). */
export function isMoneyChangeField(field: string): boolean {
  return field.endsWith('Wan');
}
