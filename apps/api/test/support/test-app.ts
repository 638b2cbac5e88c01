import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse, Role } from '@zhaoshang/shared/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../src/bootstrap/create-app.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';

export const ADMIN_PASSWORD = 'Chief#2026test';
export const USER_PASSWORD = 'Staff#2026test';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** The real API, listening on a free port, on its own fresh database in the run's PostgreSQL. */
export class TestApp {
  private constructor(
    readonly app: NestFastifyApplication,
    readonly baseUrl: string,
    readonly databaseUrl: string,
    private readonly databaseName: string,
  ) {}

  /** `prepare`: runs on the new, empty database before the app starts; what it returns is added to `overrides` (issue 17: a read-only role for DATABASE_READ_URL). */
  static async start(overrides: Partial<AppConfig> = {}, prepare?: (databaseUrl: string) => Promise<Partial<AppConfig>>): Promise<TestApp> {
    const serverUrl = process.env['TEST_DATABASE_URL'];
    if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through Jest with the global setup');
    const databaseName = `zs_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${databaseName}`;
    const config: AppConfig = {
      ...loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zs-test-data-')), LOG_LEVEL: 'error', WEB_DIR: 'none' }),
      adminPassword: ADMIN_PASSWORD,
      ...overrides,
      ...(prepare ? await prepare(url.toString()) : {}),
    };
    const { app } = await createApp(config, url.toString());
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    return new TestApp(app, `http://127.0.0.1:${port}`, url.toString(), databaseName);
  }

  async stop(): Promise<void> {
    await this.app.close();
    const admin = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${this.databaseName} WITH (FORCE)`);
    await admin.end();
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
    const client = new Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }
}
