import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { runSql, sql } from '../../common/sql/sql.js';

/** How often the delta rows are folded: a reader sums the deltas of a minute's writes, a few hundred rows at most. */
const COMPACT_EVERY_MS = 60_000;

/**
 * The indicator summaries (migration AddIndicatorSummaries) are appended to by the triggers as delta
 * rows, so that concurrent writers never wait for one another on a summary row; this folds them into
 * one base row per key now and then (`indicator_summaries_compact()`, one process at a time by an
 * advisory lock). The figures are right whether it ran or not: it only keeps the readers' rows few.
 */
@Injectable()
export class SummariesCompactor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('IndicatorSummaries');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    if (process.env['INDICATOR_SUMMARIES_COMPACT'] === 'off') return;
    this.timer = setInterval(() => void this.compact().catch((error: unknown) => this.logger.warn(`汇总表压缩失败：${error instanceof Error ? error.message : String(error)}`)), COMPACT_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /** Folds the delta rows; resolves to the number of base rows written (0 when another process was at it). */
  async compact(): Promise<number> {
    this.running ??= runSql<{ folded: number }>(this.dataSource, sql`SELECT indicator_summaries_compact() AS folded`)
      .then((rows) => rows[0]?.folded ?? 0)
      .finally(() => (this.running = null));
    return this.running;
  }
}
