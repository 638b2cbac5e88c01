import type { Role } from './roles.js';

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'RESET_PASSWORD', 'REVOKE', 'SUBMIT', 'VERIFY', 'RETURN', 'CLOSE', 'REOPEN'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorType = 'USER' | 'API_KEY' | 'SYSTEM';

/**
 * What the audit log records changes of, spelled as the `entity` column holds them (the API has
 * always written these names; the audit page labels them).
 */
export const AUDIT_ENTITIES = ['user', 'apiKey', 'industry', 'project', 'monthlyReport', 'month', 'faiTotal', 'target', 'setting', 'leader', 'unit', 'projectIssue', 'notice', 'commitment', 'bulletin', 'webhook'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/**
 * DOMAIN.md §7: the audit log of the business data (projects, reports, months, targets, FAI,
 * industries) is readable by every signed-in user; that of accounts, API keys and settings only by
 * admins.
 */
export const ADMIN_ONLY_AUDIT_ENTITIES: readonly AuditEntity[] = ['user', 'apiKey', 'setting', 'webhook'];

/** The entities whose audit log a role may read. */
export function auditEntitiesReadableBy(role: Role): readonly AuditEntity[] {
  return role === 'ADMIN' ? AUDIT_ENTITIES : AUDIT_ENTITIES.filter((entity) => !ADMIN_ONLY_AUDIT_ENTITIES.includes(entity));
}

export function isAuditEntity(value: string): value is AuditEntity {
  return (AUDIT_ENTITIES as readonly string[]).includes(value);
}

export interface AuditEntryDto {
  id: string;
  at: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string;
  /** a name of AUDIT_ENTITIES */
  entity: AuditEntity;
  entityId: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  /**
   * The changed record by the key a reader knows it by (项目编号 + 名称, 项目·月份, 姓名（用户名）,
   * 地区·月份…), as it is now; null when the record is gone or the entity has no such key.
   */
  subject?: string | null;
}

export interface AuditQuery {
  entity?: AuditEntity;
  entityId?: string;
  /** part of a project number: the entries of the projects (and of their monthly reports) it matches */
  projectNo?: string;
  /** part of the name of who made the change (姓名, 用户名, API 密钥名) */
  actor?: string;
  /** first day (YYYY-MM-DD, Beijing time), inclusive */
  from?: string;
  /** last day (YYYY-MM-DD, Beijing time), inclusive */
  to?: string;
  limit?: number;
  /** id of the last entry of the previous page */
  before?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A page of a statistics feed (GET /projects, GET /monthly-reports; DOMAIN.md §8): `nextCursor` is
 * null when nothing more is available now; `resumeCursor` is always there, for the next incremental call.
 */
export interface FeedPage<T> extends Page<T> {
  resumeCursor: string;
}
