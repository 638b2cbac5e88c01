import type { ApiErrorBody, CurrentUser, LoginResponse } from '@zhaoshang/shared/domain';
import { ADMIN_PASSWORD, TestApp, USER_PASSWORD } from './support/test-app.js';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.stop());

  it('signs in the admin created on the empty database and tells who they are', async () => {
    const response = await t.request<LoginResponse>('POST', '/api/v1/auth/login', { body: { username: 'Admin', password: ADMIN_PASSWORD } });
    expect(response.status).toBe(200);
    expect(response.body.accessToken.split('.')).toHaveLength(3);
    expect(new Date(response.body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 7 * 3_600_000);
    expect(response.body.user).toMatchObject({ username: 'admin', role: 'ADMIN', regionCode: null });
    const me = await t.request<CurrentUser>('GET', '/api/v1/auth/me', { token: response.body.accessToken });
    expect(me.body).toEqual(response.body.user);
    const [row] = await t.query<{ last_login_at: Date | null }>(`SELECT last_login_at FROM users WHERE username = 'admin'`);
    expect(row.last_login_at).not.toBeNull();
  });

  it('refuses a wrong password and an unknown user alike, with 401 in Chinese', async () => {
    for (const body of [
      { username: 'admin', password: 'wrong-password' },
      { username: 'nobody', password: 'wrong-password' },
    ]) {
      const response = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ statusCode: 401, error: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    }
  });

  it('refuses to create the admin at boot with an ADMIN_PASSWORD the policy refuses (issue 12)', async () => {
    await expect(TestApp.start({ adminPassword: 'Admin#2026test' })).rejects.toThrow('配置错误：ADMIN_PASSWORD 密码不能包含用户名');
    await expect(TestApp.start({ adminPassword: 'qwertyuiop' })).rejects.toThrow('ADMIN_PASSWORD 密码需包含字母、数字、符号中的至少两类；密码过于常见，容易被猜中，请换一个');
  });

  it('names the missing field of a malformed login with 400', async () => {
    const response = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body: { username: 'admin' } });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual([{ field: 'password', message: '密码不能为空' }]);
  });

  it('answers repeated failures with 429 and a Retry-After, also for the right password then', async () => {
    const body = { username: 'ratelimited', password: 'wrong-password' };
    await t.request('POST', '/api/v1/users', {
      token: await t.adminToken(),
      body: { username: 'ratelimited', displayName: '限流测试', password: USER_PASSWORD, role: 'LEADER' },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await t.request('POST', '/api/v1/auth/login', { body })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body: { ...body, password: USER_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ error: 'TOO_MANY_REQUESTS', message: '登录失败次数过多，请 15 分钟后再试' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
    // another account from the same address is not locked out by it
    expect((await t.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } })).status).toBe(200);
  });

  it('ends sessions of a disabled account and refuses its sign-in', async () => {
    const admin = await t.adminToken();
    const user = await t.userToken('CITY_STAFF');
    expect((await t.request('GET', '/api/v1/auth/me', { token: user.token })).status).toBe(200);
    const current = await t.request<{ version: number }>('GET', `/api/v1/users/${user.id}`, { token: admin });
    await t.request('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { disabled: true, version: current.body.version } });
    const me = await t.request<ApiErrorBody>('GET', '/api/v1/auth/me', { token: user.token });
    expect(me.status).toBe(401);
    const login = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body: { username: user.username, password: USER_PASSWORD } });
    expect(login.status).toBe(401);
    expect(login.body).toMatchObject({ error: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' });
    // the same answer with a wrong password: it never confirms the right one (issue 12)
    const wrong = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body: { username: user.username, password: 'not-the-password' } });
    expect({ status: wrong.status, body: wrong.body }).toMatchObject({ status: 401, body: { error: 'ACCOUNT_DISABLED', message: '该账号已停用，请联系管理员' } });
  });

  it('does not raise the user’s version on sign-in, so an admin editing the user meanwhile gets no 409 (issue 12)', async () => {
    const admin = await t.adminToken();
    const user = await t.userToken('LEADER');
    const seen = await t.request<{ version: number }>('GET', `/api/v1/users/${user.id}`, { token: admin });
    expect((await t.request('POST', '/api/v1/auth/login', { body: { username: user.username, password: USER_PASSWORD } })).status).toBe(200);
    const edited = await t.request('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { displayName: '改名后的领导', version: seen.body.version } });
    expect(edited.status).toBe(200);
  });

  it('ends older sessions when an admin resets the password', async () => {
    const admin = await t.adminToken();
    const user = await t.userToken('LEADER');
    const current = await t.request<{ version: number }>('GET', `/api/v1/users/${user.id}`, { token: admin });
    const reset = await t.request('POST', `/api/v1/users/${user.id}/reset-password`, { token: admin, body: { password: 'NewPass#2026', version: current.body.version } });
    expect(reset.status).toBe(200);
    const me = await t.request<ApiErrorBody>('GET', '/api/v1/auth/me', { token: user.token });
    expect(me.status).toBe(401);
    expect(me.body.error).toBe('SESSION_EXPIRED');
    expect((await t.request('POST', '/api/v1/auth/login', { body: { username: user.username, password: 'NewPass#2026' } })).status).toBe(200);
  });

  it('lets a user change their own password, checking the current one', async () => {
    const user = await t.userToken('DISTRICT_STAFF');
    const wrong = await t.request<ApiErrorBody>('POST', '/api/v1/auth/change-password', { token: user.token, body: { currentPassword: 'nope', newPassword: 'Better#2026' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details).toEqual([{ field: 'currentPassword', message: '当前密码不正确' }]);
    const weak = await t.request<ApiErrorBody>('POST', '/api/v1/auth/change-password', { token: user.token, body: { currentPassword: USER_PASSWORD, newPassword: 'short' } });
    expect(weak.status).toBe(400);
    expect(weak.body.details?.[0]).toEqual({ field: 'newPassword', message: '新密码至少 10 位' });
    // issue 12: the user's own name and the common passwords are refused too, at the field
    for (const [newPassword, message] of [
      [`${user.username}#2026`, '新密码不能包含用户名'],
      ['woaini1314', '新密码过于常见，容易被猜中，请换一个'],
    ] as const) {
      const refused = await t.request<ApiErrorBody>('POST', '/api/v1/auth/change-password', { token: user.token, body: { currentPassword: USER_PASSWORD, newPassword } });
      expect({ status: refused.status, details: refused.body.details }).toEqual({ status: 400, details: [{ field: 'newPassword', message }] });
    }
    // a second session of the same user, e.g. on a phone
    const phone = await t.login(user.username, USER_PASSWORD);
    const ok = await t.request<{ accessToken: string; user: { username: string } }>('POST', '/api/v1/auth/change-password', { token: user.token, body: { currentPassword: USER_PASSWORD, newPassword: 'Better#2026' } });
    expect(ok.status).toBe(200);
    expect(ok.body.user.username).toBe(user.username);
    // every older session ends (issue 12: they stayed valid); the one that asked goes on with its new token
    for (const token of [phone, user.token]) {
      const old = await t.request<ApiErrorBody>('GET', '/api/v1/auth/me', { token });
      expect({ status: old.status, error: old.body.error }).toEqual({ status: 401, error: 'SESSION_EXPIRED' });
    }
    expect((await t.request('GET', '/api/v1/auth/me', { token: ok.body.accessToken })).status).toBe(200);
    expect((await t.request('POST', '/api/v1/auth/login', { body: { username: user.username, password: 'Better#2026' } })).status).toBe(200);
  });
});
