/**
 * Webhooks (DOMAIN.md §10, issue 16): what a statistics system may subscribe to, and the shapes of the
 * admin API. A delivery's body is `{type, timestamp, data}` with ids, numbers and versions only; the
 * receiver pulls the feeds for the records themselves.
 */
export const WEBHOOK_EVENT_TYPES = [
  'project.created',
  'project.updated',
  'project.stage_changed',
  'report.submitted',
  'report.verified',
  'report.returned',
  'month.closed',
  'month.reopened',
  'fai.updated',
  'notice.issued',
  'notice.overdue',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The ping an admin sends from the page: not subscribable, delivered to one subscription only. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  'project.created': '项目新建',
  'project.updated': '项目修改',
  'project.stage_changed': '项目阶段变更',
  'report.submitted': '月报报送',
  'report.verified': '月报核实',
  'report.returned': '月报退回',
  'month.closed': '月结',
  'month.reopened': '月份重新打开',
  'fai.updated': '全社会固定资产投资更新',
  'notice.issued': '三单一函签发',
  'notice.overdue': '三单一函逾期',
};

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** ACTIVE: delivered; PAUSED: kept (events still queue) until resumed, by an admin or after failing for a day. */
export const WEBHOOK_SUBSCRIPTION_STATUSES = ['ACTIVE', 'PAUSED'] as const;
export type WebhookSubscriptionStatus = (typeof WEBHOOK_SUBSCRIPTION_STATUSES)[number];

export const WEBHOOK_SUBSCRIPTION_STATUS_LABELS: Record<WebhookSubscriptionStatus, string> = { ACTIVE: '启用', PAUSED: '已暂停' };

/** PENDING: to be sent (or retried); SUCCEEDED: the receiver answered 2xx; FAILED: given up after a day of retries. */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export const WEBHOOK_DELIVERY_STATUS_LABELS: Record<WebhookDeliveryStatus, string> = { PENDING: '待投递', SUCCEEDED: '成功', FAILED: '失败' };

export interface WebhookSubscriptionDto {
  id: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  status: WebhookSubscriptionStatus;
  /** why it is paused: an admin's pause, or the automatic pause after a day of failures */
  pausedReason: string | null;
  pausedAt: string | null;
  /** true when the server paused it (it kept failing), so the 工作台 tells the admins */
  autoPaused: boolean;
  /** the secret's first characters, to tell secrets apart; the whole secret is shown once */
  secretPrefix: string;
  version: number;
  createdAt: string;
  createdBy: string;
  /** deliveries waiting (to be sent or retried) */
  pending: number;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
}

export interface CreateWebhookSubscriptionRequest {
  name: string;
  url: string;
  events: WebhookEventType[];
}

export interface CreateWebhookSubscriptionResponse {
  subscription: WebhookSubscriptionDto;
  /** `whsec_` + base64 of 32 random bytes (Standard Webhooks); returned this once only */
  secret: string;
}

export interface UpdateWebhookSubscriptionRequest {
  version: number;
  name?: string;
  url?: string;
  events?: WebhookEventType[];
  /** true pauses, false resumes */
  paused?: boolean;
}

export interface WebhookDeliveryDto {
  id: string;
  /** the `webhook-id` header: the same on every attempt and replay, so a receiver can drop duplicates */
  messageId: string;
  eventType: string;
  projectId: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  /** HTTP status of the last attempt; null when none was answered */
  responseCode: number | null;
  /** how long the last attempt took */
  durationMs: number | null;
  error: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  /** the body as sent */
  payload: WebhookPayload;
}

export interface WebhookPayload {
  type: string;
  /** ISO timestamp of the change */
  timestamp: string;
  data: Record<string, unknown>;
}

/** The secret's key bytes as Standard Webhooks defines them: the base64 after `whsec_`. */
export function webhookSecretKey(secret: string): string {
  return secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
}
