import { ValidationFailed } from '../errors/app.exception.js';

/** Today's cursor: `c1|<change_xid>|<id>`, the position after a row in commit order. */
const POSITION = /^c1\|(\d{1,19})\|([0-9a-f-]{36})$/;
/** The cursor before commit order (issue 11): the last row's update instant and id. */
const LEGACY = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

/** A position in a feed: after the row (xid, id) in (change_xid, id) order; xid as decimal text (xid8). */
export interface FeedPosition {
  kind: 'position';
  xid: string;
  id: string;
}

/**
 * A cursor handed out before the feeds were ordered by commit: it stands for "everything changed up
 * to this instant has been read", so it is served like `updatedSince` (a superset, never a loss).
 */
export interface FeedLegacyCursor {
  kind: 'time';
  at: string;
}

/** A feed's opaque cursor: the last row's transaction id (change_xid) and id. */
export function encodeFeedCursor(xid: string, id: string): string {
  return Buffer.from(`c1|${xid}|${id}`).toString('base64url');
}

export function decodeFeedCursor(cursor: string): FeedPosition | FeedLegacyCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = POSITION.exec(text);
  if (position && BigInt(position[1]) <= 9223372036854775807n) return { kind: 'position', xid: position[1], id: position[2] };
  const legacy = LEGACY.exec(text);
  if (legacy) return { kind: 'time', at: legacy[1] };
  throw ValidationFailed.field('cursor', '翻页游标格式不正确，请使用上一页返回的 nextCursor');
}
