import {
  type AuditAction,
  type AuditActorType,
  type AuditEntity,
  type AuditEntryDto,
  CHANGE_BOOKKEEPING_FIELDS,
  CHANGE_FIELD_LABELS,
  changeFieldLabel,
  changeValueLabel,
  isAuditEntity,
  isMoneyChangeField,
} from '@zhaoshang/shared/domain';
import { projectChanges } from '@zhaoshang/web/projects/ui';
import { formatDateTime, formatWan } from '@zhaoshang/web/shared/util';

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
  notice: '三单一函',
  commitment: '优惠政策兑现',
  bulletin: '季度通报',
  webhook: 'Webhook 订阅',
};

/**
 * Not shown as changes: bookkeeping, and what names the record (a report's project is in the
 * entry's subject; its id is a UUID that tells a reader nothing).
 */
const IGNORED_FIELDS = new Set([...CHANGE_BOOKKEEPING_FIELDS, 'projectId']);

/** The entity's name for a reader; a name this page does not know (from a newer API) stays as it is. */
export function entityLabel(entity: string): string {
  return isAuditEntity(entity) ? ENTITY_LABELS[entity] : entity;
}

/** The one label table of changes, shared with the project's 变更记录 (CHANGE_FIELD_LABELS). */
export function fieldLabel(field: string, entity?: AuditEntity): string {
  return changeFieldLabel(field, entity);
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
  /** `NE` → `新能源…` */
  industryName?: (code: string) => string | null;
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
  entity?: AuditEntity,
): AuditChange[] {
  // in the order of the label table (a project's form, then a report's…), not the snapshot's key order
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])].sort((a, b) => fieldOrder(a) - fieldOrder(b));
  return fields
    .filter((field) => !IGNORED_FIELDS.has(field))
    .filter((field) => !sameValue(before?.[field], after?.[field]))
    .map((field) => ({
      field,
      label: fieldLabel(field, entity),
      before: before !== null && field in before ? formatValue(field, before[field], names) : null,
      after: after !== null && field in after ? formatValue(field, after[field], names) : null,
    }));
}

export function formatValue(field: string, value: unknown, names: ValueNames = {}): string {
  if (/password/i.test(field)) return '******';
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const named = changeValueLabel(field, value);
  if (named !== null) return named;
  if (isMoneyChangeField(field) && (typeof value === 'string' || typeof value === 'number')) return formatWan(String(value));
  if (field === 'regionCode' && typeof value === 'string') {
    const name = names.regionName?.(value);
    return name ? `${name}（${value}）` : value;
  }
  if (field === 'industryCode' && typeof value === 'string') return names.industryName?.(value) ?? value;
  if (typeof value === 'string' && ISO_INSTANT.test(value)) return formatDateTime(value, value);
  if (Array.isArray(value)) {
    // the items of an enumerated list are named by its field (`scopes`), others as they are
    return value.length === 0 ? '（空）' : value.map((item) => changeValueLabel(field, item) ?? formatValue('', item, names)).join('、');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

const FIELD_ORDER = Object.keys(CHANGE_FIELD_LABELS);

function fieldOrder(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const EMPTY = '（空）';

/**
 * An entry's changes as the page lists them. A project's read exactly as its 变更记录 does (the
 * approvals row by row, money with separators); a creation lists only what was filled in.
 */
export function entryChanges(entry: Pick<AuditEntryDto, 'entity' | 'action' | 'before' | 'after'>, names: ValueNames = {}): AuditChange[] {
  if (entry.entity === 'project') {
    const before = entry.action === 'CREATE' ? null : entry.before;
    const changes = projectChanges(before, entry.after, names)
      .map((c) => ({ ...c, before: before === null ? null : c.before, after: entry.after === null ? null : c.after }))
      .filter((c) => c.before !== null || c.after !== EMPTY);
    // the 变更记录 shows a correction's reason apart; here it is one more line of the entry
    const reason = entry.after?.['correctionReason'];
    return typeof reason === 'string' && reason.trim() !== '' ? [...changes, { field: 'correctionReason', label: fieldLabel('correctionReason'), before: null, after: reason }] : changes;
  }
  const changes = auditChanges(entry.before, entry.after, names, entry.entity);
  return entry.before === null ? changes.filter((c) => c.after !== EMPTY) : changes;
}

/** One change on one line: `项目阶段：已签约 → 开工在建`, a creation's `项目编号：…`. */
export function changeLine(change: AuditChange): string {
  if (change.before !== null && change.after !== null) return `${change.label}：${change.before} → ${change.after}`;
  return `${change.label}：${change.after ?? change.before}`;
}

/** What names the record, and is in the row's subject already: the summary need not repeat it. */
const SUBJECT_FIELDS: Partial<Record<AuditEntity, ReadonlySet<string>>> = {
  project: new Set(['projectNo', 'name']),
  monthlyReport: new Set(['projectNo', 'regionCode', 'month']),
  month: new Set(['month']),
  faiTotal: new Set(['regionCode', 'month']),
};

/**
 * The row's summary: the first changes on one line, then how many (the row expands to all). Given
 * the entity, the fields its subject already names are left out where others remain.
 */
export function changeSummary(changes: readonly AuditChange[], shown = 2, entity?: AuditEntity): string {
  const named = entity ? SUBJECT_FIELDS[entity] : undefined;
  const telling = named ? changes.filter((c) => !named.has(c.field)) : changes;
  const listed = telling.length > 0 ? telling : changes;
  if (listed.length === 0) return '—';
  const head = listed.slice(0, shown).map(changeLine).join('；');
  return listed.length > shown ? `${head} 等 ${listed.length} 项` : head;
}

/** The record by the key a reader knows it by (the API names it); an entry of a vanished record by its kind and id. */
export function entrySubject(entry: Pick<AuditEntryDto, 'entity' | 'entityId' | 'subject'>): string {
  return entry.subject ?? `${entityLabel(entry.entity)} ${entry.entityId}`;
}
