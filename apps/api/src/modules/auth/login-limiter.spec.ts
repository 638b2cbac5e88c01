import { DEFAULT_LOGIN_LIMITS, type ThrottleState, waitBeforeCheck } from './login-limiter.js';

const limits = DEFAULT_LOGIN_LIMITS;
const now = new Date('2026-12-05T08:00:00Z');
const at = (msAgo: number): Date => new Date(now.getTime() - msAgo);
const state = (failures: number, windowStartedMsAgo = 0, lastCheckMsAgo: number | null = null): ThrottleState => ({
  failures,
  windowStart: at(windowStartedMsAgo),
  lastCheckAt: lastCheckMsAgo === null ? null : at(lastCheckMsAgo),
});
const quiet = state(0);

describe('waitBeforeCheck (the sign-in limiter’s rule)', () => {
  it('locks an (account, address) pair after its fifth failure until the window that began with the first has passed', () => {
    expect(waitBeforeCheck({ account: state(4), address: state(4), pair: state(4, 60_000) }, now, limits)).toBe(0);
    expect(waitBeforeCheck({ account: state(5), address: state(5), pair: state(5, 60_000) }, now, limits)).toBe(limits.windowMs - 60_000);
  });

  it('never refuses an account without failures from the address, however many the address has', () => {
    expect(waitBeforeCheck({ account: quiet, address: state(500), pair: quiet }, now, limits)).toBe(0);
  });

  it('gives an account that already failed from a spraying address no further try there', () => {
    expect(waitBeforeCheck({ account: state(1), address: state(29), pair: state(1, 1000) }, now, limits)).toBe(0);
    expect(waitBeforeCheck({ account: state(1), address: state(30), pair: state(1, 1000) }, now, limits)).toBe(limits.windowMs - 1000);
  });

  it('only spaces the checks of an account guessed at from many addresses, never locks it', () => {
    expect(waitBeforeCheck({ account: state(19, 0, 1000), address: quiet, pair: quiet }, now, limits)).toBe(0);
    expect(waitBeforeCheck({ account: state(20, 0, 1000), address: quiet, pair: quiet }, now, limits)).toBe(limits.accountSpacingMs - 1000);
    expect(waitBeforeCheck({ account: state(200, 0, limits.accountSpacingMs), address: quiet, pair: quiet }, now, limits)).toBe(0);
  });
});
