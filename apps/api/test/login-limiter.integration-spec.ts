import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/bootstrap/create-app.js';
import { loadConfig } from '../src/config/config.js';
import { AuthService, LOGIN_LIMITER } from '../src/modules/auth/auth.service.js';
import type { LoginLimiter } from '../src/modules/auth/login-limiter.js';
import { ADMIN_PASSWORD, TestApp, USER_PASSWORD } from './support/test-app.js';

/**
 * Issue 12: the sign-in limiter lives in PostgreSQL and reserves an attempt before the password check.
 * Before: 40 wrong passwords sent at once got 17 checks; 30 failures for random names from one
 * address locked every user of that address out; X-Forwarded-For was never considered.
 */
describe('the sign-in limiter', () => {
  // behind a proxy on 127.0.0.1: each test speaks from addresses of its own through X-Forwarded-For
  let proxied: TestApp;
  let direct: TestApp;
  let admin: string;
  beforeAll(async () => {
    proxied = await TestApp.start({ trustProxy: ['127.0.0.1'] });
    direct = await TestApp.start();
    admin = await proxied.adminToken();
  });
  afterAll(async () => {
    await proxied?.stop();
    await direct?.stop();
  });

  async function createUser(t: TestApp, token: string): Promise<string> {
    const username = `lim${Math.random().toString(36).slice(2, 10)}`;
    const created = await t.request('POST', '/api/v1/users', { token, body: { username, displayName: '限流测试', password: USER_PASSWORD, role: 'LEADER' } });
    expect(created.status).toBe(201);
    return username;
  }

  /** A sign-in at the API listening at `target` (a TestApp or another process's base URL). */
  async function login(target: TestApp | string, username: string, password: string, from?: string): Promise<{ status: number; body: ApiErrorBody; headers: Headers }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(from ? { 'x-forwarded-for': from } : {}) };
    const baseUrl = typeof target === 'string' ? target : target.baseUrl;
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username, password }) });
    return { status: response.status, body: (await response.json()) as ApiErrorBody, headers: response.headers };
  }

  it('gives 40 wrong passwords sent at once for one account exactly the limit’s 5 password checks', async () => {
    const username = await createUser(proxied, admin);
    const auth = proxied.app.get(AuthService);
    const before = auth.passwordChecks;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => login(proxied, username, `wrong-password-${i}`, '10.0.1.1')));
    expect(auth.passwordChecks - before).toBe(5);
    const statuses = answers.map((a) => a.status);
    expect({ unauthorized: statuses.filter((s) => s === 401).length, tooMany: statuses.filter((s) => s === 429).length }).toEqual({ unauthorized: 5, tooMany: 35 });
    const refused = answers.find((a) => a.status === 429);
    expect(refused?.body).toMatchObject({ statusCode: 429, error: 'TOO_MANY_REQUESTS', message: '登录失败次数过多，请 15 分钟后再试' });
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(800);
    // the right password is refused too while the pair is locked, and checks nothing
    expect((await login(proxied, username, USER_PASSWORD, '10.0.1.1')).status).toBe(429);
    expect(auth.passwordChecks - before).toBe(5);
  });

  it('is shared by two API processes on one database', async () => {
    const username = await createUser(proxied, admin);
    const config = { ...loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'zs-test-data-')), LOG_LEVEL: 'error', WEB_DIR: 'none' }), adminPassword: ADMIN_PASSWORD, trustProxy: ['127.0.0.1'] };
    const { app: second } = await createApp(config, proxied.databaseUrl);
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = second.getHttpServer().address();
      const other = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      for (const t of [proxied, other, proxied, other, proxied]) expect((await login(t, username, 'wrong-password', '10.0.2.1')).status).toBe(401);
      expect((await login(other, username, USER_PASSWORD, '10.0.2.1')).status).toBe(429);
      expect((await login(proxied, username, USER_PASSWORD, '10.0.2.1')).status).toBe(429);
    } finally {
      await second.close();
    }
  });

  it('lets another user of an address sign in after 30 failures for random names from it', async () => {
    const username = await createUser(proxied, admin);
    const bystander = await createUser(proxied, admin);
    // the victim fails once before the spraying starts
    expect((await login(proxied, username, 'wrong-password', '10.0.3.1')).status).toBe(401);
    for (let i = 0; i < 30; i++) expect((await login(proxied, `spray${i}x${Math.random().toString(36).slice(2, 6)}`, 'wrong-password', '10.0.3.1')).status).toBe(401);
    // a user without failures from that address is never refused by it (before: 429 for everyone there)
    expect((await login(proxied, bystander, USER_PASSWORD, '10.0.3.1')).status).toBe(200);
    // an account that already failed from the spraying address gets no further try from there…
    expect((await login(proxied, username, USER_PASSWORD, '10.0.3.1')).status).toBe(429);
    // …but from anywhere else it does
    expect((await login(proxied, username, USER_PASSWORD, '10.0.3.2')).status).toBe(200);
  });

  it('only spaces the checks of an account guessed at from many addresses, with a short Retry-After', async () => {
    const username = await createUser(proxied, admin);
    for (let i = 0; i < 20; i++) expect((await login(proxied, username, 'wrong-password', `10.0.4.${i + 1}`)).status).toBe(401);
    const spaced = await login(proxied, username, USER_PASSWORD, '10.0.5.1');
    expect(spaced.status).toBe(429);
    expect(Number(spaced.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect(spaced.body.message).toBe('登录失败次数过多，请 1 分钟后再试');
  });

  it('counts the peer’s address when TRUST_PROXY is unset, whatever X-Forwarded-For says', async () => {
    const token = await direct.adminToken();
    const username = await createUser(direct, token);
    for (let i = 0; i < 5; i++) expect((await login(direct, username, 'wrong-password', `10.9.0.${i + 1}`)).status).toBe(401);
    expect((await login(direct, username, USER_PASSWORD, '10.9.1.1')).status).toBe(429);
    const keys = await direct.query<{ key: string }>(`SELECT key FROM login_throttle WHERE key LIKE $1 ORDER BY key`, [`%${username}%`]);
    expect(keys.map((k) => k.key)).toEqual([`a:${username}`, `p:${username}|127.0.0.1`]);
  });

  it('counts the forwarded address when TRUST_PROXY names the proxy', async () => {
    const username = await createUser(proxied, admin);
    for (let i = 0; i < 5; i++) expect((await login(proxied, username, 'wrong-password', '10.0.6.1')).status).toBe(401);
    expect((await login(proxied, username, USER_PASSWORD, '10.0.6.1')).status).toBe(429);
    expect((await login(proxied, username, USER_PASSWORD, '10.0.6.2')).status).toBe(200);
    const keys = await proxied.query<{ key: string }>(`SELECT key FROM login_throttle WHERE key LIKE $1 ORDER BY key`, [`%${username}%`]);
    expect(keys.map((k) => k.key)).toEqual([`a:${username}`, `p:${username}|10.0.6.1`]);
  });

  it('prunes rows no window needs any more', async () => {
    await proxied.query(`INSERT INTO login_throttle (key, failures, window_start, touched_at) VALUES ('p:old|10.0.7.1', 5, now() - interval '1 hour', now() - interval '1 hour'), ('p:fresh|10.0.7.1', 5, now(), now())`);
    await proxied.app.get<symbol, LoginLimiter>(LOGIN_LIMITER).prune();
    const keys = await proxied.query<{ key: string }>(`SELECT key FROM login_throttle WHERE key LIKE 'p:%|10.0.7.1' ORDER BY key`);
    expect(keys.map((k) => k.key)).toEqual(['p:fresh|10.0.7.1']);
  });
});
