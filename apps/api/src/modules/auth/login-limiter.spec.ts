import { LoginLimiter } from './login-limiter.js';

describe('LoginLimiter', () => {
  it('refuses after the fifth failure until the window passes, per account', () => {
    let now = 0;
    const limiter = new LoginLimiter({ perAccount: 5, perAddress: 100, windowMs: 1000 }, () => now);
    for (let i = 0; i < 4; i++) limiter.recordFailure('1.1.1.1', 'admin');
    expect(limiter.retryAfterMs('1.1.1.1', 'admin')).toBe(0);
    limiter.recordFailure('1.1.1.1', 'admin');
    expect(limiter.retryAfterMs('1.1.1.1', 'admin')).toBe(1000);
    expect(limiter.retryAfterMs('1.1.1.1', 'other')).toBe(0);
    expect(limiter.retryAfterMs('2.2.2.2', 'admin')).toBe(0);
    now = 1001;
    expect(limiter.retryAfterMs('1.1.1.1', 'admin')).toBe(0);
  });

  it('refuses an address that tries many accounts', () => {
    const limiter = new LoginLimiter({ perAccount: 5, perAddress: 3, windowMs: 1000 }, () => 0);
    ['a', 'b', 'c'].forEach((u) => limiter.recordFailure('1.1.1.1', u));
    expect(limiter.retryAfterMs('1.1.1.1', 'd')).toBeGreaterThan(0);
  });

  it('forgets an account’s failures after a success', () => {
    const limiter = new LoginLimiter({ perAccount: 2, perAddress: 100, windowMs: 1000 }, () => 0);
    limiter.recordFailure('1.1.1.1', 'admin');
    limiter.recordSuccess('1.1.1.1', 'admin');
    limiter.recordFailure('1.1.1.1', 'admin');
    expect(limiter.retryAfterMs('1.1.1.1', 'admin')).toBe(0);
  });
});
