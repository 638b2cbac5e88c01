import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImportProgress } from '@zhaoshang/shared/domain';
import type { DataSource } from 'typeorm';
import { runSql, sql } from '../../common/sql/sql.js';

/** How often a running import's progress is written: a polling page sees it move, the database hardly notices. */
const FLUSH_MS = 250;

type Phase = ImportProgress['phase'];

interface Running {
  progress: ImportProgress;
  owner: string;
  timer: NodeJS.Timeout;
  written: string;
  /** the writes of one import, one after the other, so an older state never lands after a newer one */
  queue: Promise<void>;
}

/**
 * Progress of imports, by the id the client chose, so that a page can poll it while its upload is
 * being read and written. Kept in PostgreSQL (table import_progress, issue 12) so that the poll may
 * reach any API process: the importing process writes it at most every 250 ms, outside the import's
 * own transaction; finished imports can be asked for an hour, then their rows are pruned.
 */
@Injectable()
export class ImportProgressRegistry {
  private readonly logger = new Logger('ImportProgress');
  private readonly running = new Map<ImportProgress, Running>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(importId: string, owner: string): Promise<ImportProgress> {
    await runSql(this.dataSource, sql`DELETE FROM import_progress WHERE updated_at < now() - interval '1 hour'`);
    const progress: ImportProgress = { importId, phase: 'READING', rowsRead: 0 };
    await runSql(
      this.dataSource,
      sql`INSERT INTO import_progress (import_id, owner_id, phase, rows_read) VALUES (${importId}, ${owner}, 'READING', 0)
       ON CONFLICT (import_id) DO UPDATE SET owner_id = EXCLUDED.owner_id, phase = EXCLUDED.phase, rows_read = 0, updated_at = now()`,
    );
    const entry: Running = { progress, owner, written: state(progress), queue: Promise.resolve(), timer: setInterval(() => this.flush(entry), FLUSH_MS) };
    entry.timer.unref();
    this.running.set(progress, entry);
    return progress;
  }

  /** Progress is the caller's own: another user's import id gives nothing away. */
  async get(importId: string, owner: string): Promise<ImportProgress | null> {
    const [row] = await runSql<{ phase: Phase; rowsRead: number }>(
      this.dataSource,
      sql`SELECT phase, rows_read AS "rowsRead" FROM import_progress WHERE import_id = ${importId} AND owner_id = ${owner} AND updated_at >= now() - interval '1 hour'`,
    );
    return row ? { importId, phase: row.phase, rowsRead: row.rowsRead } : null;
  }

  /** The import's last state, written before its answer goes out. */
  async finish(progress: ImportProgress, phase: 'DONE' | 'FAILED'): Promise<void> {
    progress.phase = phase;
    const entry = this.running.get(progress);
    if (!entry) return;
    clearInterval(entry.timer);
    this.running.delete(progress);
    this.flush(entry);
    await entry.queue;
  }

  private flush(entry: Running): void {
    const now = state(entry.progress);
    if (now === entry.written) return;
    entry.written = now;
    const { importId, phase, rowsRead } = entry.progress;
    entry.queue = entry.queue.then(() =>
      runSql(this.dataSource, sql`UPDATE import_progress SET phase = ${phase}, rows_read = ${rowsRead}, updated_at = now() WHERE import_id = ${importId}`).then(
        () => undefined,
        // a lost progress update only slows the bar; the import itself goes on
        (error: unknown) => this.logger.warn(`导入进度未能写入：${error instanceof Error ? error.message : String(error)}`),
      ),
    );
  }
}

function state(progress: ImportProgress): string {
  return `${progress.phase}:${progress.rowsRead}`;
}
