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

  it('does not cache a row read before a forget that arrived while it was being read', () => {
    const cache = new SessionCache<string>(1000);
    expect(cache.get('u1', 0)).toBeUndefined(); // the guard misses and reads the row…
    cache.forgetLocally('u1'); // …while another process's change is announced
    cache.set('u1', 'stale row', 0);
    expect(cache.get('u1', 1)).toBeUndefined();
    expect(cache.get('u1', 1)).toBeUndefined(); // the next request reads again, after the forget
    cache.set('u1', 'fresh row', 1);
    expect(cache.get('u1', 2)).toBe('fresh row');
  });

  it('announces forgets through the broadcast, and serves nothing while the channel is down', () => {
    const cache = new SessionCache<string>(1000);
    const published: string[] = [];
    cache.attach({ publish: (id) => published.push(id) });
    cache.set('u1', 'row', 0);
    cache.forget('u1');
    expect(published).toEqual(['u1']);

    cache.get('u2', 0);
    cache.set('u2', 'row', 0);
    cache.setServing(false);
    expect(cache.get('u2', 1)).toBeUndefined();
    cache.set('u2', 'row', 1);
    expect(cache.get('u2', 2)).toBeUndefined();
    cache.setServing(true);
    cache.set('u2', 'row', 3); // read before the channel was back: not kept
    expect(cache.get('u2', 3)).toBeUndefined();
    cache.set('u2', 'row', 3);
    expect(cache.get('u2', 4)).toBe('row');
  });
});
