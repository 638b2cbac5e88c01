import { decodeFeedCursor, encodeFeedCursor } from '../http/feed-cursor.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from './sql.js';

export interface FeedPageQuery {
  /** the table `alias` of `from` whose rows are fed: it has change_xid and id */
  alias: SqlFragment;
  /** the columns read, each row with its `id` */
  columns: SqlFragment;
  /** FROM … (with joins) */
  from: SqlFragment;
  /** the feed's own filter */
  where: SqlFragment[];
  /** ISO instant: only rows committed after it (and a few before: a superset) */
  updatedSince?: string;
  /** the previous call's nextCursor or resumeCursor */
  cursor?: string;
  limit: number;
}

export interface FeedPageResult<T> {
  rows: T[];
  /** the next page now, or null when nothing more is available now */
  nextCursor: string | null;
  /** where the next incremental call goes on: always present */
  resumeCursor: string;
}

/** Above every uuid: the position "after every row of this transaction id". */
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

/**
 * The watermark and, for `updatedSince`, its lower bound, in one statement that also records a
 * watermark for later `updatedSince` calls (at most one a second, kept 30 days).
 *
 * The watermark is the lowest transaction id that may still write rows of this database: the
 * lowest id among the statement snapshot's running transactions that belong to this database's
 * sessions (their own `transactionid` lock in pg_locks, which every role may read), or the
 * snapshot's xmax when there is none. Every transaction with a lower id has ended (committed or
 * rolled back) by the time the rows are read in the next statement, and every transaction that has
 * not yet written gets a higher id, so no row below it can appear later. Transactions of other
 * databases of the same server do not hold the feed back (the snapshot's own xmin counts them:
 * another database's long import, or a parallel test file, would delay every feed of this one).
 *
 * A recorded (at, xmin) says: whatever commits after `at` has change_xid ≥ xmin (it was in flight at
 * `at` or started after it). `updatedSince=T` therefore reads from the xmin recorded last at or
 * before T — rows committed shortly before T may come again, none is missed. The seed
 * ('-infinity', 0) answers instants before the first record (and pruned ones): everything.
 */
function watermarkStatement(since: readonly string[]): SqlFragment {
  // two instants (an old cursor and updatedSince): the later one, as each alone loses nothing
  const instant = sql`GREATEST(${sql.join(since.map((at) => sql`${at}::timestamptz`), sql`, `)})`;
  const bound = since.length === 0 ? sql`NULL::bigint` : sql`(SELECT snapshot_xmin FROM feed_watermarks WHERE at <= ${instant} ORDER BY at DESC LIMIT 1)`;
  // pg_locks names 32-bit xids: a running xid8 of the snapshot is matched on its low 32 bits
  return sql`WITH snap AS (SELECT pg_current_snapshot() AS s),
      local_xids AS (
        SELECT DISTINCT l.transactionid::text::bigint AS xid32 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'transactionid' AND l.mode = 'ExclusiveLock' AND l.granted AND a.datname = current_database()),
      mark AS MATERIALIZED (
        SELECT LEAST(pg_snapshot_xmax(snap.s)::text::bigint,
            (SELECT min(x::text::bigint) FROM pg_snapshot_xip(snap.s) AS x WHERE x::text::bigint % 4294967296 IN (SELECT xid32 FROM local_xids))) AS xmin
        FROM snap),
      -- the instant is read after pg_locks: whatever commits after it was still running when the locks were read
      w AS (SELECT clock_timestamp() AS at, xmin FROM mark),
      recorded AS (INSERT INTO feed_watermarks (at, snapshot_xmin) SELECT at, xmin FROM w
        WHERE NOT EXISTS (SELECT 1 FROM feed_watermarks f WHERE f.at > w.at - interval '1 second') ON CONFLICT DO NOTHING RETURNING at),
      -- pruning goes with recording (at most once a second), not with every page read
      pruned AS (DELETE FROM feed_watermarks WHERE at > '-infinity' AND at < now() - interval '30 days' AND EXISTS (SELECT 1 FROM recorded))
    SELECT w.xmin::text AS xmin, ${bound}::text AS since FROM w`;
}

/**
 * One page of a statistics feed (DOMAIN.md §8, issue 11): rows in commit order — (change_xid, id),
 * change_xid being the writing transaction's id set by a trigger — after the cursor, and only below
 * the watermark (see watermarkStatement). A transaction still in flight therefore holds back the rows
 * of transactions that started after it until it ends, and then they all come, none skipped.
 */
export async function feedPage<T extends { id: string }>(db: SqlRunner, query: FeedPageQuery): Promise<FeedPageResult<T>> {
  const { alias: t, limit } = query;
  const cursor = query.cursor ? decodeFeedCursor(query.cursor) : null;
  const since: string[] = [];
  if (query.updatedSince) since.push(new Date(query.updatedSince).toISOString());
  if (cursor?.kind === 'time') since.push(cursor.at);
  const [mark] = await runSql<{ xmin: string; since: string | null }>(db, watermarkStatement(since));
  const where = [...query.where, sql`${t}.change_xid < ${mark.xmin}::bigint`];
  if (mark.since !== null) where.push(sql`${t}.change_xid >= ${mark.since}::bigint`);
  if (cursor?.kind === 'position') where.push(sql`(${t}.change_xid, ${t}.id) > (${cursor.xid}::bigint, ${cursor.id}::uuid)`);
  const rows = await runSql<T & { feedXid: string }>(
    db,
    sql`SELECT ${query.columns}, ${t}.change_xid::text AS "feedXid"
       ${query.from} WHERE ${sql.join(where, sql` AND `)} ORDER BY ${t}.change_xid, ${t}.id LIMIT ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const more = rows.length > limit;
  // the last page ends at the watermark: every row below it was eligible, so the next call starts there
  // (and does not rescan rows the filters left out); an empty first page likewise
  const atWatermark = encodeFeedCursor((BigInt(mark.xmin) - 1n).toString(), LAST_ID);
  const resumeCursor = more && last ? encodeFeedCursor(last.feedXid, last.id) : atWatermark;
  return {
    rows: page.map(({ feedXid: _feedXid, ...row }) => row as unknown as T),
    nextCursor: more ? resumeCursor : null,
    resumeCursor,
  };
}

/** The statistics feeds' paging rule, for their OpenAPI descriptions (Chinese, like all of them). */
export const FEED_PAGING_DESCRIPTION =
  '按提交顺序（写入该行的事务号, id）升序、游标分页，不遗漏任何提交：只返回已结束事务写入的行。' +
  '代价：仍在进行的事务（例如数万行的导入）结束之前，在它之后开始的事务写入的行也暂不返回，' +
  '待它提交（或回滚）后在下一次调用中一并返回；长事务期间增量数据因此会延迟。' +
  'nextCursor 为 null 表示当前没有更多；resumeCursor 总是返回，下次增量调用原样作为 cursor 传入即可。' +
  'updatedSince 按该时刻之前记录的事务水位线取数：该时刻前不久提交的少量行可能再次返回，但不会遗漏。' +
  '旧版（按更新时间）的游标按其时刻处理，等同 updatedSince。';
