import { formatDateTime } from '@zhaoshang/web/shared/util';
import { API_KEY_SCOPE_LABELS, type AuditAction, type AuditActorType, type AuditEntity, ROLE_LABELS, isApiKeyScope, isAuditEntity, isRole } from '@zhaoshang/shared/domain';

export const ACTION_LABELS: Record<AuditAction, string> = {
  CREATE: '新建',
  UPDATE: '修改',
  DELETE: '删除',
  LOGIN: '登录',
  RESET_PASSWORD: '重置密码',
  REVOKE: '吊销',
  SUBMIT: '报送',
  VERIFY: '核实',
  RETURN: '退回',
  CLOSE: '月结',
  REOPEN: '重新打开',
};

export const ACTION_COLORS: Record<AuditAction, string> = {
  CREATE: 'green',
  UPDATE: 'blue',
  DELETE: 'red',
  LOGIN: 'default',
  RESET_PASSWORD: 'orange',
  REVOKE: 'volcano',
  SUBMIT: 'cyan',
  VERIFY: 'green',
  RETURN: 'magenta',
  CLOSE: 'purple',
  REOPEN: 'gold',
};

export const ACTOR_TYPE_LABELS: Record<AuditActorType, string> = {
  USER: '用户',
  API_KEY: 'API 密钥',
  SYSTEM: '系统',
};

/** Every entity the audit log records, as the API spells it (AUDIT_ENTITIES). */
export const ENTITY_LABELS: Record<AuditEntity, string> = {
  user: '用户',
  apiKey: 'API 密钥',
  industry: '产业类别',
  project: '项目',
  monthlyReport: '月报',
  month: '月结',
  faiTotal: '全社会固定资产投资',
  target: '目标任务',
  setting: '设置',
  leader: '包联领导',
  unit: '责任单位',
  projectIssue: '问题诉求',
};

const FIELD_LABELS: Record<string, string> = {
  username: '用户名',
  displayName: '姓名',
  role: '角色',
  regionCode: '所属地区',
  regionName: '所属地区名称',
  disabled: '停用',
  name: '名称',
  code: '代码',
  sortOrder: '排序号',
  active: '启用',
  scopes: '权限范围',
  prefix: '前缀',
  revokedAt: '吊销时间',
  lastLoginAt: '最近登录',
  password: '密码',
  // monthly reports, month closes, FAI, targets (issues 5 and 6)
  projectNo: '项目编号',
  projectId: '项目',
  month: '月份',
  arrivedEquityWan: '自有资金到位(万元)',
  arrivedLoanWan: '银行贷款到位(万元)',
  arrivedOtherWan: '其他资金到位(万元)',
  completedInvestmentWan: '完成投资(万元)',
  progress: '形象进度',
  status: '状态',
  returnReason: '退回原因',
  submittedAt: '报送时间',
  verifiedAt: '核实时间',
  closed: '已月结',
  closedAt: '月结时间',
  closedBy: '月结人',
  reopenReason: '重新打开原因',
  amountWan: '金额(万元)',
  basis: '口径',
  year: '年度',
  indicator: '指标',
  value: '目标值',
  settings: '设置值',
};

/** Bookkeeping that changes with every write and says nothing to a reader. */
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'createdAt', 'id']);

/** The entity's name for a reader; a name this page does not know (from a newer API) stays as it is. */
export function entityLabel(entity: string): string {
  return isAuditEntity(entity) ? ENTITY_LABELS[entity] : entity;
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

export interface AuditChange {
  field: string;
  label: string;
  /** null when the field did not exist before (a creation) */
  before: string | null;
  /** null when the field does not exist after (a deletion) */
  after: string | null;
}

export interface ValueNames {
  /** `150525` → `奈曼旗` */
  regionName?: (code: string) => string | null;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * The fields whose values differ between before and after, in a reader's words:
 * `角色: 领导 → 市级招商人员`. A creation has no before, a deletion no after.
 */
export function auditChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names: ValueNames = {},
): AuditChange[] {
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field))
    .filter((field) => !sameValue(before?.[field], after?.[field]))
    .map((field) => ({
      field,
      label: fieldLabel(field),
      before: before !== null && field in before ? formatValue(field, before[field], names) : null,
      after: after !== null && field in after ? formatValue(field, after[field], names) : null,
    }));
}

export function formatValue(field: string, value: unknown, names: ValueNames = {}): string {
  if (/password/i.test(field)) return '******';
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (field === 'role' && isRole(value)) return ROLE_LABELS[value];
  if (field === 'regionCode' && typeof value === 'string') {
    const name = names.regionName?.(value);
    return name ? `${name}（${value}）` : value;
  }
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value, value);
  if (Array.isArray(value)) {
    return value.length === 0 ? '（空）' : value.map((item) => (isApiKeyScope(item) ? API_KEY_SCOPE_LABELS[item] : formatValue('', item, names))).join('、');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
