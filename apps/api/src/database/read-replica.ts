import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg, { type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { ReadPool } from '../common/sql/read-pool.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { sessionOptions } from './data-source.js';

/** How the replica's connections name themselves in pg_stat_activity (the primary's are API_APPLICATION_NAME). */
export const READ_REPLICA_APPLICATION_NAME = 'zhaoshang-api-read';

/**
 * The replica's pool: as many connections as the primary's (it serves the busiest reads), and a
 * short connect timeout, so that a replica that has vanished costs a read three seconds once before
 * the primary answers it (ReadPool), not the 30-odd seconds of a TCP connect.
 */
export function readReplicaPool(url: string, parallelWorkers = 0): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 3000,
    application_name: READ_REPLICA_APPLICATION_NAME,
    options: sessionOptions(parallelWorkers),
  });
  // an idle connection the replica ends (a restart) must not crash the process; the next read reconnects
  pool.on('error', () => undefined);
  return pool;
}

/** The ReadPool for every module (issue 17): DATABASE_READ_URL's pool, or the primary's when it is not set. */
@Global()
@Module({
  providers: [
    {
      provide: ReadPool,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        new ReadPool(() => (dataSource.driver as PostgresDriver).master as Pool, config.databaseReadUrl ? readReplicaPool(config.databaseReadUrl, config.databaseParallelWorkers) : null),
    },
  ],
  exports: [ReadPool],
})
export class ReadReplicaModule implements OnApplicationShutdown {
  constructor(@Inject(ReadPool) private readonly readPool: ReadPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.readPool.close();
  }
}
