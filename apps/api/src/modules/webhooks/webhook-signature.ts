import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { webhookSecretKey } from '@zhaoshang/shared/domain';

/** `whsec_` + base64 of 32 random bytes, as Standard Webhooks secrets are written. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Standard Webhooks' signature: base64 of HMAC-SHA256 over "id.timestamp.body", keyed with the
 * secret's base64-decoded bytes; sent as `v1,<signature>`.
 */
export function signWebhook(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(webhookSecretKey(secret), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * What a receiver checks: one of the space-separated signatures matches, and the timestamp is within
 * `toleranceSeconds` of now (a replayed old message is refused).
 */
export function verifyWebhook(secret: string, headers: { id: string; timestamp: string; signature: string }, body: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, headers.id, timestamp, body));
  return headers.signature.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export interface SendResult {
  ok: boolean;
  responseCode: number | null;
  durationMs: number;
  error: string | null;
}

/** One POST of a message; a 2xx answer within the timeout is a success, anything else a failure to retry. */
export async function sendWebhook(url: string, secret: string, messageId: string, body: string, timeoutMs: number): Promise<SendResult> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      // a redirect could lead anywhere the admin did not choose: it counts as a failure
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'zhaoshang-webhooks/1',
        'webhook-id': messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(secret, messageId, timestamp, body),
      },
      body,
    });
    // read (and drop) the answer so the connection can be reused
    await response.arrayBuffer().catch(() => undefined);
    const durationMs = Math.round(performance.now() - started);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, responseCode: response.status, durationMs, error: ok ? null : `接收端返回 HTTP ${response.status}` };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    return { ok: false, responseCode: null, durationMs, error: (timedOut ? `超时（${timeoutMs} 毫秒内无响应）` : `无法连接接收端：${cause}`).slice(0, 500) };
  }
}
