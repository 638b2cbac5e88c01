import { budgetHeaders, budgetOf, RateLimited } from './rate-limit.js';

describe('a key’s budget', () => {
  it('rounds the time to the next minute up to whole seconds, at least 1 and at most 60', () => {
    expect(budgetOf({ rateLimitPerMinute: 600, requests: 3, resetMs: 12_001 })).toEqual({ limit: 600, used: 3, resetSeconds: 13 });
    expect(budgetOf({ rateLimitPerMinute: 600, requests: 3, resetMs: 4 }).resetSeconds).toBe(1);
    // a statement that began in the previous minute sees the window another one moved on: never more than a minute
    expect(budgetOf({ rateLimitPerMinute: 600, requests: 3, resetMs: 60_400 }).resetSeconds).toBe(60);
  });

  it('sends the draft RateLimit headers; Remaining never below 0', () => {
    expect(budgetHeaders({ limit: 10, used: 4, resetSeconds: 30 })).toEqual({
      'ratelimit-limit': '10',
      'ratelimit-remaining': '6',
      'ratelimit-reset': '30',
      'ratelimit-policy': '10;w=60',
    });
    expect(budgetHeaders({ limit: 10, used: 14, resetSeconds: 30 })['ratelimit-remaining']).toBe('0');
  });

  it('refuses with 429 RATE_LIMITED, Retry-After and a Chinese message', () => {
    const refusal = new RateLimited({ limit: 10, used: 11, resetSeconds: 42 });
    expect(refusal).toMatchObject({ status: 429, code: 'RATE_LIMITED', message: '该 API 密钥每分钟最多 10 次请求，本分钟已用完，请 42 秒后再试' });
    expect(refusal.headers).toMatchObject({ 'retry-after': '42', 'ratelimit-remaining': '0' });
  });
});
