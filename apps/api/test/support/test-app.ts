import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, Role } from '@zhaoshang/shared/domain';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';

export const ADMIN_PASSWORD = 'Chief#2026test';
export const USER_PASSWORD = 'Staff#2026test';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

function databaseUrlOf(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/** An advisory lock of the server's `postgres` database: one Jest worker builds the template, the others wait. */
const TEMPLATE_LOCK = 1_795_700_017;
let templateBuilt: Promise<string> | undefined;

/**
 * A database with every migration run, built once per run (per server and set of migrations) and
 * copied for each test app (`CREATE DATABASE … TEMPLATE`): a start took ~1.6 s with the 34 migrations
 * run on an empty database, ~1.0 s from the copy, and most of the ~80 test files start at least one app
 * (22 files alternated: 149–159 → 140–146 CPU-seconds). Its name carries a hash of the migrations' names — a migration
 * added since (TEST_DATABASE_URL kept between runs) builds a new one and drops the old. The migrations
 * themselves still run on an empty database here (the template, and every start given `prepare`),
 * and in CI on Debian's PostgreSQL.
 */
function migratedTemplate(serverUrl: string): Promise<string> {
  templateBuilt ??= buildTemplate(serverUrl);
  return templateBuilt;
}

async function buildTemplate(serverUrl: string): Promise<string> {
  const names = MIGRATIONS.map((migration) => migration.name).join('\n');
  const name = `zs_test_template_${createHash('sha256').update(names).digest('hex').slice(0, 12)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const dataSource = new DataSource(dataSourceOptions(databaseUrlOf(serverUrl, building)));
      await dataSource.initialize();
      try {
        await dataSource.runMigrations({ transaction: 'each' });
      } finally {
        await dataSource.destroy();
      }
      // renamed only once complete: a run stopped half-way leaves no template that looks finished
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
      const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'zs\\_test\\_template\\_%' AND datname <> $1`, [name]);
      for (const { datname } of stale.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    await admin.end();
  }
  return name;
}

/** The real API, listening on a free port, on its own fresh database in the run's PostgreSQL (a copy of the migrated template). */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly databaseUrl: string,
    private readonly databaseName: string,
    /** the DATA_DIR made for this app (its JWT secret), removed in stop() */
    private readonly dataDir: string,
  ) {}

  /**
   * The test's own statements (`query`) on a few kept connections. One new connection per statement was
   * a new PostgreSQL backend each time — its start, the password exchange, catalog caches filled again
   * for the statement's tables and functions — which in the property suites cost more than the
   * statements. Connections idle for a second are closed; one ended by the server (a test ending the
   * database's connections, a restore) leaves the pool, and the next statement opens a new one.
   */
  private pool: Pool | null = null;

  /** `prepare`: runs on the new, empty database before the app starts; what it returns is added to `overrides` (issue 17: a read-only role for DATABASE_READ_URL). */
  static async start(overrides: Partial<AppConfig> = {}, prepare?: (databaseUrl: string) => Promise<Partial<AppConfig>>): Promise<TestApp> {
    const serverUrl = process.env['TEST_DATABASE_URL'];
    if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through Jest with the global setup');
    const databaseName = `zs_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    // with `prepare` the database starts empty and the app runs every migration itself
    const template = prepare ? null : await migratedTemplate(serverUrl);
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(template ? `CREATE DATABASE ${databaseName} TEMPLATE ${template}` : `CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = databaseUrlOf(serverUrl, databaseName);
    const dataDir = mkdtempSync(join(tmpdir(), 'zs-test-data-'));
    const config: AppConfig = {
      ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', WEB_DIR: 'none' }),
      adminPassword: ADMIN_PASSWORD,
      ...overrides,
      ...(prepare ? await prepare(url) : {}),
    };
    const { app } = await createApp(config, url);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new TestApp(app, `http://127.0.0.1:${port}`, url, databaseName, dataDir);
  }

  async stop(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
    await this.app.close();
    const admin = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    await admin.end();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async request<T = unknown>(method: string, path: string, options: { token?: string; apiKey?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<TestResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.apiKey) headers['x-api-key'] = options.apiKey;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  async login(username: string, password: string): Promise<string> {
    const response = await this.request<LoginResponse>('POST', '/api/v1/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.accessToken;
  }

  adminToken(): Promise<string> {
    return this.login('admin', ADMIN_PASSWORD);
  }

  /** Creates a user of the role (district staff in 150525 unless told) and signs in as them. */
  async userToken(role: Role, regionCode = '150525'): Promise<{ token: string; id: string; username: string }> {
    const username = `${role.toLowerCase().replace('_', '')}${Math.random().toString(36).slice(2, 8)}`;
    if (role === 'ADMIN' && username === 'admin') throw new Error('unreachable');
    const created = await this.request<{ id: string }>('POST', '/api/v1/users', {
      token: await this.adminToken(),
      body: { username, displayName: `测试${role}`, password: USER_PASSWORD, role, regionCode: role === 'DISTRICT_STAFF' ? regionCode : null },
    });
    if (created.status !== 201) throw new Error(`create ${role} failed: ${created.status} ${JSON.stringify(created.body)}`);
    return { token: await this.login(username, USER_PASSWORD), id: created.body.id, username };
  }

  async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (!this.pool) {
      this.pool = new Pool({ connectionString: this.databaseUrl, max: 4, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
      // an idle connection ended by the server: dropped from the pool (pg emits the error there)
      this.pool.on('error', () => undefined);
    }
    return (await this.pool.query(sql, params)).rows as T[];
  }
}
