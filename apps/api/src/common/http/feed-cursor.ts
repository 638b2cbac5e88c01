import { ValidationFailed } from '../errors/app.exception.js';

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

/** A feed's opaque cursor: the last row's update instant (to the microsecond) and id. */
export function encodeFeedCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`).toString('base64url');
}

export function decodeFeedCursor(cursor: string): { at: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw ValidationFailed.field('cursor', '翻页游标格式不正确，请使用上一页返回的 nextCursor');
  return { at: match[1], id: match[2] };
}
