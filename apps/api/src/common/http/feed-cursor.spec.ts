import { decodeFeedCursor, encodeFeedCursor } from './feed-cursor.js';

describe('feed cursor', () => {
  it('round-trips the feed cursor and refuses anything else', () => {
    const cursor = encodeFeedCursor('9007199254740993', '0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    // the xid stays decimal text: beyond 2^53 a number would round
    expect(decodeFeedCursor(cursor)).toEqual({ kind: 'position', xid: '9007199254740993', id: '0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    for (const bad of ['', 'abc', Buffer.from("2025-06-01T08:00:00Z|x' OR 1=1").toString('base64url'), Buffer.from('c1|99999999999999999999|0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b').toString('base64url')]) {
      expect(() => decodeFeedCursor(bad)).toThrow(expect.objectContaining({ status: 400, details: [{ field: 'cursor', message: expect.any(String) }] }));
    }
  });

  it('reads a cursor of the time-ordered feed as the instant it stood for', () => {
    const legacy = Buffer.from('2025-06-01T08:00:00.123456Z|0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b').toString('base64url');
    expect(decodeFeedCursor(legacy)).toEqual({ kind: 'time', at: '2025-06-01T08:00:00.123456Z' });
  });
});
