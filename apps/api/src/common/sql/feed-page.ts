import { decodeFeedCursor, encodeFeedCursor } from '../http/feed-cursor.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from './sql.js';

export interface FeedPageQuery {
  /** the table `alias` of `from` whose rows are fed: it has updated_at and id */
  alias: SqlFragment;
  /** the columns read, each row with its `id` */
  columns: SqlFragment;
  /** FROM … (with joins) */
  from: SqlFragment;
  /** the feed's own filter */
  where: SqlFragment[];
  /** ISO instant: only rows changed after it */
  updatedSince?: string;
  /** the previous page's nextCursor */
  cursor?: string;
  limit: number;
}

/**
 * One page of a statistics feed (DOMAIN.md §8): rows in (updatedAt, id) order after the cursor,
 * with the cursor of the next page when there is one. The cursor keeps the update instant to the
 * microsecond, so rows changed in the same millisecond are neither repeated nor skipped.
 */
export async function feedPage<T extends { id: string }>(db: SqlRunner, query: FeedPageQuery): Promise<{ rows: T[]; nextCursor: string | null }> {
  const { alias: t, limit } = query;
  const where = [...query.where];
  if (query.updatedSince) where.push(sql`${t}.updated_at > ${new Date(query.updatedSince).toISOString()}`);
  if (query.cursor) {
    const cursor = decodeFeedCursor(query.cursor);
    where.push(sql`(${t}.updated_at, ${t}.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await runSql<T & { cursorAt: string }>(
    db,
    sql`SELECT ${query.columns}, to_char(${t}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       ${query.from} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${t}.updated_at, ${t}.id LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ cursorAt: _cursorAt, ...row }) => row as unknown as T),
    nextCursor: rows.length > limit && last ? encodeFeedCursor(last.cursorAt, last.id) : null,
  };
}
