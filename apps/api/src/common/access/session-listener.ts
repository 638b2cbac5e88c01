import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { runSql, sql } from '../sql/sql.js';
import { SessionCache, type SessionBroadcast } from './session-cache.js';

/** The channel on which a process announces a user whose sessions changed (payload: the user id). */
export const SESSIONS_CHANNEL = 'zhaoshang_sessions';
const RECONNECT_MS = 1_000;

/**
 * Session invalidation shared by every API process on one database (issue 12): a forget is sent as
 * a NOTIFY once the change has committed, and every process LISTENs on a connection of its own
 * (not the pool's: a pooled connection is handed to other queries and drops its LISTEN). While that
 * connection is down the cache is bypassed, so a missed notification can never leave a disabled
 * user's token accepted; it reconnects every second until the database is back.
 */
@Injectable()
export class SessionListener implements SessionBroadcast, OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Sessions');
  private client: pg.Client | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cache: SessionCache,
  ) {}

  async onModuleInit(): Promise<void> {
    this.cache.attach(this);
    this.cache.setServing(false);
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.cache.setServing(false);
    await client?.end().catch(() => undefined);
  }

  publish(id: string): void {
    // pg_notify rather than NOTIFY: the channel and payload are parameters, not SQL text
    runSql(this.dataSource, sql`SELECT pg_notify(${SESSIONS_CHANNEL}, ${id})`).catch((error: unknown) => {
      this.logger.warn(`未能通知其他进程结束用户 ${id} 的会话（其他进程最迟 5 秒后重新读取）：${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    // the pool's own address (dataSourceOptions always gives a url)
    const { url } = this.dataSource.options as { url?: string };
    const client = new pg.Client({ connectionString: url, application_name: 'zhaoshang-api-listen', keepAlive: true });
    client.on('notification', (message) => {
      if (message.channel === SESSIONS_CHANNEL && message.payload) this.cache.forgetLocally(message.payload);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    } catch {
      await client.end().catch(() => undefined);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.cache.setServing(true);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.cache.setServing(false);
    void client.end().catch(() => undefined);
    if (!this.stopped) this.logger.warn('会话通知连接已断开：暂不使用登录用户缓存，每秒重连');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
