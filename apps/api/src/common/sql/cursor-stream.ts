import type { Logger } from '@nestjs/common';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import type { DataSource, QueryRunner } from 'typeorm';
import { runSql, sql, type SqlFragment } from './sql.js';

export interface CursorStreamOptions<T> {
  /** the cursor's name, e.g. sql`project_export` */
  cursor: SqlFragment;
  /** the statement whose rows are streamed */
  rows: SqlFragment;
  /** rows per FETCH, a literal, e.g. sql`1000` (FETCH takes no parameter) */
  fetch: SqlFragment;
  /** writes the batches to `out` as they come (a streaming workbook writer) */
  write: (out: Writable, batches: AsyncIterable<T[]>) => Promise<void>;
  logger: Logger;
  /** what is streamed, for the log: 项目导出 */
  label: string;
}

/**
 * A large read as a stream: a server-side cursor in one REPEATABLE READ snapshot feeds `write` batch
 * by batch, so 100,000 rows never sit in memory at once. The statement is declared before this
 * returns (a bad statement fails the request); a client that goes away stops the reading, and the
 * transaction ends, and its connection goes back to the pool, whatever happens.
 */
export async function streamFromCursor<T>(dataSource: DataSource, options: CursorStreamOptions<T>): Promise<Readable> {
  const { cursor, logger, label } = options;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    await runSql(runner, sql`DECLARE ${cursor} NO SCROLL CURSOR FOR ${options.rows}`);
  } catch (error) {
    await end(runner, false);
    throw error;
  }
  const out = new PassThrough();
  async function* batches(): AsyncGenerator<T[]> {
    for (;;) {
      // the client went away: stop reading
      if (out.destroyed) throw new Error('export stream closed by the client');
      const rows = await runSql<T>(runner, sql`FETCH ${options.fetch} FROM ${cursor}`);
      if (rows.length === 0) return;
      yield rows;
    }
  }
  void (async () => {
    let ok = false;
    try {
      await options.write(out, batches());
      ok = true;
    } catch (error) {
      logger.warn(`${label}中断：${error instanceof Error ? error.message : String(error)}`);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    await end(runner, ok).catch((error: unknown) => logger.error(`${label}未能结束数据库事务`, error instanceof Error ? error.stack : String(error)));
  })();
  return out;
}

async function end(runner: QueryRunner, ok: boolean): Promise<void> {
  try {
    if (runner.isTransactionActive) await (ok ? runner.commitTransaction() : runner.rollbackTransaction());
  } finally {
    await runner.release();
  }
}
