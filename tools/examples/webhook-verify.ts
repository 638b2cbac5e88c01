import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a Standard Webhooks delivery as docs/webhooks.md describes it, with nothing but node:crypto
 * (the other side has no access to our code base; this file is what it would copy):
 * signature = base64(HMAC-SHA256(key, "<webhook-id>.<webhook-timestamp>.<raw body>")), the key being
 * the base64-decoded part of the secret after `whsec_`; `webhook-signature` may carry several
 * space-separated `v1,<sig>` (while a secret is rotated), any one matching is enough; a timestamp more
 * than `toleranceSeconds` from now is refused, so a captured delivery cannot be replayed later.
 *
 * `rawBody` must be the bytes as received: a body parsed and serialised again may differ and fail.
 */
export function verifyStandardWebhook(
  secret: string,
  headers: { id: string; timestamp: string; signature: string },
  rawBody: string,
  toleranceSeconds = 300,
  now = Date.now(),
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!headers.id || !Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${headers.id}.${timestamp}.${rawBody}`).digest();
  return headers.signature.split(' ').some((candidate) => {
    const [version, signature] = candidate.split(',', 2);
    const given = Buffer.from(signature ?? '', 'base64');
    // constant-time comparison, and only of equal lengths (timingSafeEqual throws otherwise)
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
