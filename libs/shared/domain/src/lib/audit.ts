export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'LOGIN', 'RESET_PASSWORD', 'REVOKE', 'SUBMIT', 'VERIFY', 'RETURN', 'CLOSE', 'REOPEN'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActorType = 'USER' | 'API_KEY' | 'SYSTEM';

export interface AuditEntryDto {
  id: string;
  at: string;
  actorType: AuditActorType;
  actorId: string | null;
  actorName: string;
  entity: string;
  entityId: string;
  action: AuditAction;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  limit?: number;
  /** id of the last entry of the previous page */
  before?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
