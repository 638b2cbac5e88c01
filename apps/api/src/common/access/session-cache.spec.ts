import { SessionCache } from './session-cache.js';

describe('SessionCache', () => {
  it('keeps a user for its time to live, then reads afresh', () => {
    const cache = new SessionCache<string>(1000);
    cache.set('u1', 'row', 0);
    expect(cache.get('u1', 999)).toBe('row');
    expect(cache.get('u1', 1000)).toBeUndefined();
    expect(cache.get('u1', 0)).toBeUndefined(); // expired entries are dropped
  });

  it('forgets a changed user at once', () => {
    const cache = new SessionCache<string>(1000);
    cache.set('u1', 'row', 0);
    cache.set('u2', 'other', 0);
    cache.forget('u1');
    expect(cache.get('u1', 1)).toBeUndefined();
    expect(cache.get('u2', 1)).toBe('other');
  });
});
