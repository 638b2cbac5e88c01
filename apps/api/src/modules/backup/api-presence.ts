import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { runSql, sql } from '../../common/sql/sql.js';
import { API_APPLICATION_NAME } from '../../database/data-source.js';

/**
 * Held in shared mode by every running API process on its database, in exclusive mode tried by a
 * restore: a restore under a running API would leave its sessions and caches over replaced data.
 */
export const API_PRESENCE_LOCK = 7301102;

const RECONNECT_MS = 2000;

/**
 * A connection of its own for the API's lifetime holding the presence lock. The pool cannot carry it:
 * it closes idle connections, so a quiet API would look stopped. Lost with the database (an outage,
 * a restart), it is taken again once the database is back; until then it is only logged.
 */
@Injectable()
export class ApiPresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Backup');
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.hold();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async hold(): Promise<void> {
    const options = this.dataSource.options;
    if (this.stopped || this.client !== null || options.type !== 'postgres' || !options.url) return;
    const client = new pg.Client({ connectionString: options.url, application_name: API_APPLICATION_NAME });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await runSql(client, sql`SELECT pg_advisory_lock_shared(${API_PRESENCE_LOCK})`);
      this.client = client;
    } catch (error) {
      this.logger.warn(`无法登记 API 运行标记（恢复备份据此判断 API 是否在运行），${RECONNECT_MS / 1000} 秒后重试：${error instanceof Error ? error.message : String(error)}`);
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    void client.end().catch(() => undefined);
    // a late 'end' of a connection already replaced: the new one holds the lock
    if (this.client !== null && this.client !== client) return;
    this.client = null;
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.hold();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
