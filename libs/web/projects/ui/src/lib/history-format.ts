import {
  APPROVAL_KINDS,
  APPROVAL_KIND_LABELS,
  APPROVAL_STATUS_LABELS,
  type ApprovalDto,
  type AuditEntryDto,
  PROJECT_FIELD_LABELS,
  type ProjectChange,
  changeFieldLabel,
  changeValueLabel,
  isMoneyChangeField,
} from '@zhaoshang/shared/domain';
import { formatWan } from '@zhaoshang/web/shared/util';

export const EMPTY_VALUE = '（空）';

/** Names for codes, from the reference data the page has loaded. */
export interface HistoryNames {
  regionName?: (code: string) => string | null;
  industryName?: (code: string) => string | null;
}

export type HistoryKind = 'create' | 'update' | 'stage' | 'correction' | 'approvals' | 'delete';

export interface HistoryItem {
  id: string;
  at: string;
  actorName: string;
  kind: HistoryKind;
  /** 新建项目, 修改信息, 变更阶段, 更正阶段, 更新手续 */
  title: string;
  changes: ProjectChange[];
  /** the reason a correction gave */
  reason: string | null;
}

/** Written with every change and telling a reader nothing; or shown another way (the reason). */
const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'regionName', 'industryName', 'approvalsComplete', 'capitalIncreases', 'correctionReason']);
const FIELD_ORDER = Object.keys(PROJECT_FIELD_LABELS);

/** What a creation's entry shows: enough to recognise it. */
const CREATE_SUMMARY = ['projectNo', 'stage', 'contractAmountWan', 'signedAt'];

const TITLES: Record<HistoryKind, string> = {
  create: '新建项目',
  update: '修改信息',
  stage: '变更阶段',
  correction: '更正阶段（退回）',
  approvals: '更新手续',
  delete: '删除项目',
};

/** The audit log's labels too: one table (CHANGE_FIELD_LABELS) for every page that shows changes. */
export function fieldLabel(field: string): string {
  return changeFieldLabel(field);
}

/** One value as the page shows it: money with separators, codes as names, booleans as 是/否. */
export function formatProjectValue(field: string, value: unknown, names: HistoryNames = {}): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (isMoneyChangeField(field) && (typeof value === 'string' || typeof value === 'number')) return formatWan(String(value));
  const named = changeValueLabel(field, value);
  if (named !== null) return named;
  if (field === 'regionCode' && typeof value === 'string') return names.regionName?.(value) ?? value;
  if (field === 'industryCode' && typeof value === 'string') return names.industryName?.(value) ?? value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function approvalText(approval: ApprovalDto | undefined): string {
  if (!approval) return EMPTY_VALUE;
  const status = APPROVAL_STATUS_LABELS[approval.status] ?? approval.status;
  return approval.doneAt ? `${status}（${approval.doneAt}）` : status;
}

function asApprovals(value: unknown): ApprovalDto[] {
  return Array.isArray(value) ? (value as ApprovalDto[]) : [];
}

/** The approvals checklist compared row by row: `手续·环评 办理中 → 已办结（2025-06-01）`. */
function approvalChanges(before: unknown, after: unknown): ProjectChange[] {
  const old = asApprovals(before);
  const now = asApprovals(after);
  const kinds = [...APPROVAL_KINDS, ...[...old, ...now].map((a) => a.kind).filter((k) => !APPROVAL_KINDS.includes(k))];
  return [...new Set(kinds)].flatMap((kind) => {
    const b = approvalText(old.find((a) => a.kind === kind));
    const a = approvalText(now.find((x) => x.kind === kind));
    return b === a ? [] : [{ field: `approvals.${kind}`, label: `手续·${APPROVAL_KIND_LABELS[kind] ?? kind}`, before: b, after: a }];
  });
}

/** The fields that differ between two snapshots, in the order of the form. */
export function projectChanges(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  names: HistoryNames = {},
): ProjectChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])]
    .filter((field) => !IGNORED.has(field))
    .sort((a, b) => order(a) - order(b));
  return fields.flatMap((field) => {
    const b = before?.[field];
    const a = after?.[field];
    if (field === 'approvals') return approvalChanges(b, a);
    const beforeText = formatProjectValue(field, b, names);
    const afterText = formatProjectValue(field, a, names);
    return beforeText === afterText ? [] : [{ field, label: fieldLabel(field), before: beforeText, after: afterText }];
  });
}

function order(field: string): number {
  const i = FIELD_ORDER.indexOf(field);
  return i < 0 ? FIELD_ORDER.length : i;
}

/** `签约额(万元) 1,200.00 → 1,350.00` */
export function changeText(change: ProjectChange): string {
  return `${change.label} ${change.before} → ${change.after}`;
}

/** One entry of the audit log as the project's 变更记录 shows it. */
export function historyItem(entry: AuditEntryDto, names: HistoryNames = {}): HistoryItem {
  const changes = projectChanges(entry.action === 'CREATE' ? null : entry.before, entry.after, names);
  const reasonValue = entry.after?.['correctionReason'] ?? entry.before?.['correctionReason'];
  const reason = typeof reasonValue === 'string' && reasonValue.trim() !== '' ? reasonValue : null;
  const kind = historyKind(entry, changes, reason);
  return {
    id: entry.id,
    at: entry.at,
    actorName: entry.actorName,
    kind,
    title: TITLES[kind],
    // a creation is summed up by a few key values; the rest is on the page above
    changes: kind === 'create' ? changes.filter((c) => CREATE_SUMMARY.includes(c.field) && c.after !== EMPTY_VALUE) : changes,
    reason,
  };
}

function historyKind(entry: AuditEntryDto, changes: ProjectChange[], reason: string | null): HistoryKind {
  if (entry.action === 'CREATE') return 'create';
  if (entry.action === 'DELETE') return 'delete';
  if (reason !== null) return 'correction';
  if (changes.some((c) => c.field === 'stage')) return 'stage';
  if (changes.length > 0 && changes.every((c) => c.field.startsWith('approvals.'))) return 'approvals';
  return 'update';
}
