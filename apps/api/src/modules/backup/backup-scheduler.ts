import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runSql, sql } from '../../common/sql/sql.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/config.js';
import { createBackup } from './backup.service.js';

/** The clock the scheduler reads; a test gives its own to reach the daily minute at once. */
export const BACKUP_CLOCK = Symbol('BACKUP_CLOCK');
export type Clock = () => Date;

/** Held by the one API process that takes a daily slot while it writes the backup. */
const DAILY_BACKUP_LOCK = 7301101;

/** The first local time strictly after `after` at `dailyAt` ("HH:MM"). */
export function nextDailyRun(dailyAt: string, after: Date): Date {
  const [hours, minutes] = dailyAt.split(':').map(Number);
  const next = new Date(after);
  next.setHours(hours, minutes, 0, 0);
  if (next.getTime() <= after.getTime()) {
    next.setDate(next.getDate() + 1);
    // setDate keeps the wall-clock time across a daylight-saving change; set it again where a day had 23 or 25 hours
    next.setHours(hours, minutes, 0, 0);
  }
  return next;
}

/**
 * BACKUP_DAILY_AT: a backup at that local time every day while the API runs. With several API
 * processes each arms the timer; the first to take the advisory lock writes the file named by the
 * slot's minute, and the others find it there (same BACKUP_DIR) or the lock taken, and skip.
 * A failure is logged and the next day tried again: a backup never stops the API.
 */
@Injectable()
export class BackupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backup');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly clock: Clock;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() @Inject(BACKUP_CLOCK) clock?: Clock,
  ) {
    this.clock = clock ?? (() => new Date());
  }

  onApplicationBootstrap(): void {
    const dailyAt = this.config.backup.dailyAt;
    if (dailyAt !== null) this.arm(dailyAt, this.clock());
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // a backup under way finishes (pg_dump would otherwise be left writing a partial file)
    await this.running;
  }

  private arm(dailyAt: string, after: Date): void {
    const slot = nextDailyRun(dailyAt, after);
    this.timer = setTimeout(
      () => {
        this.running = this.runSlot(slot).finally(() => (this.running = null));
        this.arm(dailyAt, slot);
      },
      Math.max(0, slot.getTime() - this.clock().getTime()),
    );
    // a pending backup does not keep a stopping process alive
    this.timer.unref();
  }

  /** The daily backup of `slot`, unless another process is writing or has written it. */
  async runSlot(slot: Date): Promise<void> {
    const options = this.dataSource.options;
    const databaseUrl = options.type === 'postgres' ? options.url : undefined;
    if (!databaseUrl) return;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      const [{ locked }] = await runSql<{ locked: boolean }>(runner, sql`SELECT pg_try_advisory_lock(${DAILY_BACKUP_LOCK}) AS locked`);
      if (!locked) return;
      try {
        const result = await createBackup(databaseUrl, { dir: this.config.backup.dir, keep: this.config.backup.keep, at: slot, skipIfExists: true });
        if (result.file) this.logger.log(`每日备份完成：${result.file}（${result.bytes} 字节）${result.deleted.length > 0 ? `，删除旧备份 ${result.deleted.join('、')}` : ''}`);
      } finally {
        await runSql(runner, sql`SELECT pg_advisory_unlock(${DAILY_BACKUP_LOCK})`);
      }
    } catch (error) {
      this.logger.error(`每日备份失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await runner.release();
    }
  }
}
