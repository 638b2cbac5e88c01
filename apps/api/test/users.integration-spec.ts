import type { ApiErrorBody, AuditEntryDto, Page, UserDto } from '@zhaoshang/shared/domain';
import { TestApp, USER_PASSWORD } from './support/test-app.js';

describe('users', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
  });
  afterAll(() => t?.stop());

  const create = (body: Record<string, unknown>) => t.request<UserDto & ApiErrorBody>('POST', '/api/v1/users', { token: admin, body });
  const auditOf = async (id: string) =>
    (await t.request<Page<AuditEntryDto>>('GET', `/api/v1/audit?entity=user&entityId=${id}`, { token: admin })).body.items;

  it('creates a district user bound to a district, who then signs in and sees their region', async () => {
    const created = await create({ username: 'NaiMan01', displayName: '  奈曼 王芳 ', password: USER_PASSWORD, role: 'DISTRICT_STAFF', regionCode: '150525' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'naiman01', displayName: '奈曼 王芳', role: 'DISTRICT_STAFF', regionCode: '150525', regionName: '奈曼旗', disabled: false, version: 1 });
    const token = await t.login('naiman01', USER_PASSWORD);
    const me = await t.request('GET', '/api/v1/auth/me', { token });
    expect(me.body).toMatchObject({ regionCode: '150525', regionName: '奈曼旗' });
    const list = await t.request<UserDto[]>('GET', '/api/v1/users', { token: admin });
    expect(list.body.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'naiman01']));
    expect(JSON.stringify(list.body)).not.toContain('passwordHash');
  });

  it.each([
    [{ username: '1abc', displayName: '甲', password: USER_PASSWORD, role: 'LEADER' }, 'username', '用户名须为 3–32 位，以字母开头，只含字母、数字、_ . -'],
    [{ username: 'abcd', password: USER_PASSWORD, role: 'LEADER' }, 'displayName', '姓名不能为空'],
    [{ username: 'abcd', displayName: '甲', password: USER_PASSWORD, role: 'BOSS' }, 'role', '角色必须是以下之一：ADMIN、CITY_STAFF、DISTRICT_STAFF、LEADER'],
    [{ username: 'abcd', displayName: '甲', password: 'abcdefghij', role: 'LEADER' }, 'password', '密码需包含字母、数字、符号中的至少两类'],
    // issue 12: password1 and Aa111111 were accepted, and so was the user name itself
    [{ username: 'abcd', displayName: '甲', password: 'password1', role: 'LEADER' }, 'password', '初始密码至少 10 个字符'],
    [{ username: 'abcd', displayName: '甲', password: 'Aa111111', role: 'LEADER' }, 'password', '初始密码至少 10 个字符'],
    [{ username: 'wangfang01', displayName: '甲', password: 'WangFang01', role: 'LEADER' }, 'password', '密码不能包含用户名'],
    [{ username: 'wangfang', displayName: '甲', password: 'wangfang#2026', role: 'LEADER' }, 'password', '密码不能包含用户名'],
    [{ username: 'abcd', displayName: '甲', password: 'Woaini1314', role: 'LEADER' }, 'password', '密码过于常见，容易被猜中，请换一个'],
    [{ username: 'abcd', displayName: '甲', password: 'qwertyuiop123', role: 'LEADER' }, 'password', '密码过于常见，容易被猜中，请换一个'],
    [{ username: 'abcd', displayName: '甲', password: USER_PASSWORD, role: 'DISTRICT_STAFF' }, 'regionCode', '旗县招商人员必须选择所属地区'],
    [{ username: 'abcd', displayName: '甲', password: USER_PASSWORD, role: 'DISTRICT_STAFF', regionCode: '150500' }, 'regionCode', '所属地区 150500 不是本市的旗县市区'],
    [{ username: 'abcd', displayName: '甲', password: USER_PASSWORD, role: 'LEADER', isAdmin: true }, 'isAdmin', '不允许的字段：isAdmin'],
  ])('refuses %o with 400 naming %s, writing nothing', async (body, field, message) => {
    const before = await t.query('SELECT count(*)::int AS n FROM users');
    const response = await create(body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('VALIDATION_FAILED');
    expect(response.body.details).toContainEqual({ field, message });
    expect(await t.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('refuses a reset to a common password or the user’s name, naming the field (issue 12)', async () => {
    const user = (await create({ username: 'resetpolicy', displayName: '重置策略', password: USER_PASSWORD, role: 'LEADER' })).body;
    for (const [password, message] of [
      ['a123456789', '密码过于常见，容易被猜中，请换一个'],
      ['ResetPolicy#1', '密码不能包含用户名'],
    ]) {
      const response = await t.request<ApiErrorBody>('POST', `/api/v1/users/${user.id}/reset-password`, { token: admin, body: { password, version: user.version } });
      expect({ status: response.status, details: response.body.details }).toEqual({ status: 400, details: [{ field: 'password', message }] });
    }
  });

  it('refuses a taken username with 409', async () => {
    const response = await create({ username: 'ADMIN', displayName: '甲', password: USER_PASSWORD, role: 'LEADER' });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ error: 'CONFLICT', message: '用户名 admin 已被使用' });
  });

  it('gives the later of two concurrent edits 409, never a silent overwrite', async () => {
    const user = (await create({ username: 'concurrent', displayName: '原名', password: USER_PASSWORD, role: 'CITY_STAFF' })).body;
    const first = await t.request<UserDto>('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { displayName: '甲改', version: user.version } });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(user.version + 1);
    const second = await t.request<ApiErrorBody>('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { displayName: '乙改', version: user.version } });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'VERSION_CONFLICT', message: `该用户已被他人修改（当前版本 ${user.version + 1}，您提交的是版本 ${user.version}），请刷新后重试` });
    const [row] = await t.query<{ display_name: string }>('SELECT display_name FROM users WHERE id = $1', [user.id]);
    expect(row.display_name).toBe('甲改');
  });

  it('writes an audit row for each change, with before and after and no password hash', async () => {
    const user = (await create({ username: 'audited', displayName: '审计前', password: USER_PASSWORD, role: 'DISTRICT_STAFF', regionCode: '150502' })).body;
    await t.request('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { displayName: '审计后', role: 'LEADER', version: 1 } });
    await t.request('POST', `/api/v1/users/${user.id}/reset-password`, { token: admin, body: { password: 'Reset#2026x', version: 2 } });
    const entries = await auditOf(user.id);
    expect(entries.map((e) => e.action)).toEqual(['RESET_PASSWORD', 'UPDATE', 'CREATE']);
    const update = entries[1];
    expect(update.actorName).toBe('系统管理员（admin）');
    expect(update.before).toMatchObject({ displayName: '审计前', role: 'DISTRICT_STAFF', regionCode: '150502' });
    expect(update.after).toMatchObject({ displayName: '审计后', role: 'LEADER', regionCode: null });
    expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(entries)).not.toMatch(/passwordHash|argon2/);
  });

  it('rolls the change back when its audit row cannot be written: both land or neither', async () => {
    const user = (await create({ username: 'rollback', displayName: '回滚前', password: USER_PASSWORD, role: 'LEADER' })).body;
    await t.query(`
      CREATE FUNCTION refuse_user_update_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log
        FOR EACH ROW WHEN (NEW.entity = 'user' AND NEW.action = 'UPDATE') EXECUTE FUNCTION refuse_user_update_audit();`);
    try {
      const response = await t.request<ApiErrorBody>('PATCH', `/api/v1/users/${user.id}`, { token: admin, body: { displayName: '回滚后', version: user.version } });
      expect(response.status).toBe(500);
      expect(response.body.error).toBe('INTERNAL');
      const [row] = await t.query<{ display_name: string; version: number }>('SELECT display_name, version FROM users WHERE id = $1', [user.id]);
      expect(row).toEqual({ display_name: '回滚前', version: user.version });
      expect((await auditOf(user.id)).map((e) => e.action)).toEqual(['CREATE']);
    } finally {
      await t.query('DROP TRIGGER refuse_audit ON audit_log; DROP FUNCTION refuse_user_update_audit();');
    }
  });

  it('keeps at least one active admin and stops an admin from locking themselves out', async () => {
    const me = (await t.request<UserDto[]>('GET', '/api/v1/users', { token: admin })).body.find((u) => u.username === 'admin')!;
    const self = await t.request<ApiErrorBody>('PATCH', `/api/v1/users/${me.id}`, { token: admin, body: { disabled: true, version: me.version } });
    expect(self.status).toBe(400);
    expect(self.body.details).toEqual([{ field: 'disabled', message: '不能停用自己的账号或取消自己的管理员角色' }]);
  });

  it('answers an unknown user id with 404 and a malformed one with 400', async () => {
    const missing = await t.request<ApiErrorBody>('GET', '/api/v1/users/00000000-0000-4000-8000-000000000000', { token: admin });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('用户不存在：00000000-0000-4000-8000-000000000000');
    const malformed = await t.request<ApiErrorBody>('GET', '/api/v1/users/42', { token: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'id', message: '用户编号格式不正确' }]);
  });
});
