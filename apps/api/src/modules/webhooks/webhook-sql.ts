import type { WebhookDeliveryDto, WebhookDeliveryStatus, WebhookPayload } from '@zhaoshang/shared/domain';
import { sql } from '../../common/sql/sql.js';

/** A delivery as the log shows it, read with its event. */
export const DELIVERY_COLUMNS = sql`d.id::text AS id, 'msg_' || d.id AS "messageId", e.type AS "eventType", e.project_id AS "projectId", d.status,
  d.attempts, d.response_code AS "responseCode", d.duration_ms AS "durationMs", d.error, d.created_at AS "createdAt",
  d.last_attempt_at AS "lastAttemptAt", CASE WHEN d.status = 'PENDING' THEN d.next_attempt_at END AS "nextAttemptAt",
  d.delivered_at AS "deliveredAt", e.payload`;

export interface DeliveryRow {
  id: string;
  messageId: string;
  eventType: string;
  projectId: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseCode: number | null;
  durationMs: number | null;
  error: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  payload: WebhookPayload;
}

const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export function deliveryDto(row: DeliveryRow): WebhookDeliveryDto {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    deliveredAt: iso(row.deliveredAt),
  };
}
