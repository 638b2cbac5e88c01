import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('Standard Webhooks signatures', () => {
  // the example of the Standard Webhooks specification (github.com/standard-webhooks/standard-webhooks)
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('signs as the specification’s example does', () => {
    expect(signWebhook(secret, id, timestamp, body)).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('keys the HMAC with the base64-decoded secret, not its text', () => {
    const withText = createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64');
    expect(signWebhook(secret, id, timestamp, body)).not.toBe(`v1,${withText}`);
  });

  it('verifies a fresh signature and refuses a changed body, another secret or an old timestamp', () => {
    const now = timestamp * 1000;
    const headers = { id, timestamp: String(timestamp), signature: signWebhook(secret, id, timestamp, body) };
    expect(verifyWebhook(secret, headers, body, 300, now)).toBe(true);
    expect(verifyWebhook(secret, { ...headers, signature: `v1,xxx ${headers.signature}` }, body, 300, now)).toBe(true);
    expect(verifyWebhook(secret, headers, body.replace('2', '3'), 300, now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, body, 300, now)).toBe(false);
    expect(verifyWebhook(secret, headers, body, 300, now + 301_000)).toBe(false);
  });

  it('makes secrets of 32 random bytes behind whsec_', () => {
    const made = newWebhookSecret();
    expect(made).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(made.slice(6), 'base64')).toHaveLength(32);
  });
});
