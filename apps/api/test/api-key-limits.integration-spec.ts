import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiErrorBody, ApiKeyDto, AuditEntryDto, CreateApiKeyResponse, Page } from '@zhaoshang/shared/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { ADMIN_PASSWORD, TestApp } from './support/test-app.js';

/**
 * Issue 16 / DOMAIN.md §10: every API key has a request budget per minute, counted in PostgreSQL so
 * that all API processes share it; past it 429 with Retry-After and the RateLimit-* headers.
 */
describe('API key request budgets', () => {
  let t: TestApp;
  /** a second API process on the same database, as behind a load balancer */
  let second: NestFastifyApplication;
  let secondUrl: string;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    const config = { ...loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zs-test-data-')), LOG_LEVEL: 'error', WEB_DIR: 'none' }), adminPassword: ADMIN_PASSWORD };
    ({ app: second } = await createApp(config, t.databaseUrl));
    await second.listen({ port: 0, host: '127.0.0.1' });
    const address = second.getHttpServer().address();
    secondUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    admin = await t.adminToken();
  });
  afterAll(async () => {
    await second?.close();
    await t?.stop();
  });

  async function createKey(body: Record<string, unknown>): Promise<CreateApiKeyResponse> {
    const created = await t.request<CreateApiKeyResponse>('POST', '/api/v1/api-keys', { token: admin, body: { name: `限额 ${Math.random()}`, scopes: ['read'], ...body } });
    expect(created.status).toBe(201);
    return created.body;
  }

  async function listed(id: string): Promise<ApiKeyDto> {
    const list = await t.request<ApiKeyDto[]>('GET', '/api/v1/api-keys', { token: admin });
    const found = list.body.find((k) => k.id === id);
    if (!found) throw new Error(`key ${id} not listed`);
    return found;
  }

  /** A request with the key to one of the two processes. */
  async function call(baseUrl: string, key: string): Promise<{ status: number; body: ApiErrorBody; headers: Headers }> {
    const response = await fetch(`${baseUrl}/api/v1/regions`, { headers: { 'x-api-key': key } });
    return { status: response.status, body: (await response.json()) as ApiErrorBody, headers: response.headers };
  }

  /** The windows are the database's minutes: start a test that must stay in one window with 15 s of it left at least. */
  async function freshWindow(): Promise<void> {
    const [{ left }] = await t.query<{ left: number }>(`SELECT (60 - EXTRACT(SECOND FROM now()))::float8 AS left`);
    if (left < 15) await new Promise((resolve) => setTimeout(resolve, left * 1000 + 200));
  }

  it('shares one budget between two API processes: of 25 requests at once exactly the budget of 10 pass, then 429 with Retry-After until the minute ends', async () => {
    const { id, key } = await createKey({ rateLimitPerMinute: 10 });
    await freshWindow();
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => call(i % 2 === 0 ? t.baseUrl : secondUrl, key)));
    const passed = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status === 429);
    expect({ passed: passed.length, refused: refused.length }).toEqual({ passed: 10, refused: 15 });
    // both processes served some of the ten: the count is shared, not per process
    expect(passed.map((a) => a.headers.get('ratelimit-remaining')).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(passed.every((a) => a.headers.get('ratelimit-limit') === '10')).toBe(true);

    const [{ untilNextMinute }] = await t.query<{ untilNextMinute: number }>(`SELECT (60 - EXTRACT(SECOND FROM now()))::float8 AS "untilNextMinute"`);
    const over = await call(secondUrl, key);
    expect(over.status).toBe(429);
    expect(over.body).toEqual({ statusCode: 429, error: 'RATE_LIMITED', message: expect.stringMatching(/^该 API 密钥每分钟最多 10 次请求，本分钟已用完，请 \d+ 秒后再试$/) });
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(Math.abs(retryAfter - untilNextMinute)).toBeLessThanOrEqual(1.5);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
    expect(over.headers.get('ratelimit-reset')).toBe(String(retryAfter));
    expect((await listed(id)).usedThisMinute).toBe(26);

    // the window frees when the minute ends, in both processes
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 300));
    const freed = await call(t.baseUrl, key);
    expect(freed.status).toBe(200);
    expect(freed.headers.get('ratelimit-remaining')).toBe('9');
    expect((await call(secondUrl, key)).headers.get('ratelimit-remaining')).toBe('8');
  }, 90_000);

  it('gives new keys the default budget of 600 and sends the budget on every answer to a key, refusals included, but not to people', async () => {
    const { id, key } = await createKey({});
    expect(await listed(id)).toMatchObject({ rateLimitPerMinute: 600, usedThisMinute: 0, version: 1 });
    const forbidden = await t.request<ApiErrorBody>('GET', '/api/v1/users', { apiKey: key });
    expect(forbidden.status).toBe(403);
    expect(forbidden.headers.get('ratelimit-limit')).toBe('600');
    expect(forbidden.headers.get('ratelimit-policy')).toBe('600;w=60');
    const person = await t.request('GET', '/api/v1/regions', { token: admin });
    expect(person.status).toBe(200);
    expect(person.headers.get('ratelimit-limit')).toBeNull();
    // an unknown key is refused before anything is counted
    expect((await t.request('GET', '/api/v1/regions', { apiKey: 'zs_unknown' })).headers.get('ratelimit-limit')).toBeNull();
  });

  it('lets an admin change the budget with the version read (409 when stale, audited), effective at once in every process', async () => {
    const { id, key } = await createKey({ rateLimitPerMinute: 10 });
    await freshWindow();
    for (let i = 0; i < 10; i++) expect((await call(i % 2 ? secondUrl : t.baseUrl, key)).status).toBe(200);
    expect((await call(t.baseUrl, key)).status).toBe(429);

    // using a key (its lastUsedAt) does not change its version: the admin's edit is not made stale by traffic
    expect((await listed(id)).version).toBe(1);
    const raised = await t.request<ApiKeyDto>('PATCH', `/api/v1/api-keys/${id}`, { token: admin, body: { rateLimitPerMinute: 20, version: 1 } });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ id, rateLimitPerMinute: 20, version: 2, usedThisMinute: 11 });
    const again = await call(secondUrl, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('ratelimit-remaining')).toBe('8');

    const stale = await t.request<ApiErrorBody>('PATCH', `/api/v1/api-keys/${id}`, { token: admin, body: { rateLimitPerMinute: 30, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');

    const audit = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/audit?entity=apiKey&entityId=${id}`, { token: admin });
    const [update] = audit.body.items;
    expect(update.action).toBe('UPDATE');
    expect([update.before?.['rateLimitPerMinute'], update.after?.['rateLimitPerMinute']]).toEqual([10, 20]);
    // the audit keeps settings, not the minute's traffic
    expect(update.after).not.toHaveProperty('usedThisMinute');

    expect((await t.request('DELETE', `/api/v1/api-keys/${id}`, { token: admin })).status).toBe(200);
    const revoked = await t.request<ApiErrorBody>('PATCH', `/api/v1/api-keys/${id}`, { token: admin, body: { rateLimitPerMinute: 30, version: 3 } });
    expect(revoked.status).toBe(409);
    expect(revoked.body.message).toBe('该 API 密钥已被吊销，不能再修改');
  });

  it.each([
    ['POST', { name: 'x', scopes: ['read'], rateLimitPerMinute: 9 }, [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }]],
    ['POST', { name: 'x', scopes: ['read'], rateLimitPerMinute: 60001 }, [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }]],
    ['POST', { name: 'x', scopes: ['read'], rateLimitPerMinute: 12.5 }, [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }]],
    ['PATCH', { rateLimitPerMinute: '600', version: 1 }, [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }]],
    ['PATCH', { rateLimitPerMinute: 600 }, [{ field: 'version', message: '版本必须是整数' }]],
    ['PATCH', { version: 1 }, [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }]],
  ])('refuses %s %o naming the field in Chinese', async (method, body, details) => {
    const { id } = await createKey({});
    const response = await t.request<ApiErrorBody>(method, method === 'POST' ? '/api/v1/api-keys' : `/api/v1/api-keys/${id}`, { token: admin, body });
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual(details);
  });

  it('answers 404 for a key that does not exist', async () => {
    const response = await t.request<ApiErrorBody>('PATCH', '/api/v1/api-keys/00000000-0000-4000-8000-000000000000', { token: admin, body: { rateLimitPerMinute: 100, version: 1 } });
    expect(response.status).toBe(404);
  });
});
