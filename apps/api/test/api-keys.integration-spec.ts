import type { ApiErrorBody, ApiKeyDto, AuditEntryDto, CreateApiKeyResponse, Page } from '@zhaoshang/shared/domain';
import { createHash } from 'node:crypto';
import { TestApp } from './support/test-app.js';

describe('API keys', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
  });
  afterAll(() => t?.stop());

  it('shows a new key once, keeps only its hash, and lists it by prefix', async () => {
    const created = await t.request<CreateApiKeyResponse>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局取数', scopes: ['read'] } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^zs_[\w-]{43}$/);
    const [row] = await t.query<{ key_hash: string; prefix: string }>('SELECT key_hash, prefix FROM api_keys WHERE id = $1', [created.body.id]);
    expect(row.key_hash).toBe(createHash('sha256').update(created.body.key).digest('hex'));
    expect(created.body.key.startsWith(row.prefix)).toBe(true);
    const list = await t.request<ApiKeyDto[]>('GET', '/api/v1/api-keys', { token: admin });
    const listed = list.body.find((k) => k.id === created.body.id)!;
    expect(listed).toMatchObject({ name: '统计局取数', prefix: row.prefix, scopes: ['read'], createdBy: '系统管理员', revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  });

  it('records when a key was used and stops accepting it once revoked', async () => {
    const { body } = await t.request<CreateApiKeyResponse>('POST', '/api/v1/api-keys', { token: admin, body: { name: '将被吊销', scopes: ['read'] } });
    expect((await t.request('GET', '/api/v1/industries', { apiKey: body.key })).status).toBe(200);
    const [used] = await t.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM api_keys WHERE id = $1', [body.id]);
    expect(used.last_used_at).not.toBeNull();
    const revoked = await t.request<ApiKeyDto>('DELETE', `/api/v1/api-keys/${body.id}`, { token: admin });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await t.request<ApiErrorBody>('GET', '/api/v1/industries', { apiKey: body.key });
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('API 密钥无效或已被吊销');
    expect((await t.request('DELETE', `/api/v1/api-keys/${body.id}`, { token: admin })).status).toBe(409);
    const audit = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/audit?entity=apiKey&entityId=${body.id}`, { token: admin });
    expect(audit.body.items.map((e) => e.action)).toEqual(['REVOKE', 'CREATE']);
  });

  it.each([
    [{ name: '', scopes: ['read'] }, { field: 'name', message: '名称不能为空' }],
    [{ name: 'x', scopes: [] }, { field: 'scopes', message: '权限范围至少选择一项' }],
    [{ name: 'x', scopes: ['write-everything'] }, { field: 'scopes', message: '权限范围只能是 read、fai:write、stats:write' }],
    [{ name: 'x' }, { field: 'scopes', message: '权限范围必须是列表' }],
  ])('refuses %o naming the field', async (body, detail) => {
    const response = await t.request<ApiErrorBody>('POST', '/api/v1/api-keys', { token: admin, body });
    expect(response.status).toBe(400);
    expect(response.body.details).toContainEqual(detail);
  });
});

describe('industries (editable by admin)', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
  });
  afterAll(() => t?.stop());

  it('creates and edits an industry with versions and audit rows', async () => {
    const created = await t.request<{ code: string; version: number; sortOrder: number }>('POST', '/api/v1/industries', { token: admin, body: { code: 'AI', name: '人工智能' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'AI', version: 1, sortOrder: 110 });
    const edited = await t.request<{ version: number; name: string }>('PATCH', '/api/v1/industries/AI', { token: admin, body: { name: '人工智能及算力', version: 1 } });
    expect(edited.body).toMatchObject({ name: '人工智能及算力', version: 2 });
    const stale = await t.request<ApiErrorBody>('PATCH', '/api/v1/industries/AI', { token: admin, body: { active: false, version: 1 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    const audit = await t.request<Page<AuditEntryDto>>('GET', '/api/v1/audit?entity=industry&entityId=AI', { token: admin });
    expect(audit.body.items.map((e) => [e.action, e.after?.['name']])).toEqual([
      ['UPDATE', '人工智能及算力'],
      ['CREATE', '人工智能'],
    ]);
  });

  it('refuses a duplicate name and a malformed code', async () => {
    const duplicate = await t.request<ApiErrorBody>('POST', '/api/v1/industries', { token: admin, body: { code: 'ZZ', name: '装备制造' } });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.details).toEqual([{ field: 'name', message: '产业名称“装备制造”已存在' }]);
    const malformed = await t.request<ApiErrorBody>('POST', '/api/v1/industries', { token: admin, body: { code: 'ai', name: '小写' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.details).toEqual([{ field: 'code', message: '产业代码须为 2–8 位大写字母或数字，以字母开头' }]);
  });

  it('pages the audit log by cursor', async () => {
    const first = await t.request<Page<AuditEntryDto>>('GET', '/api/v1/audit?limit=1', { token: admin });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBe(first.body.items[0].id);
    const second = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/audit?limit=1&before=${first.body.nextCursor}`, { token: admin });
    expect(Number(second.body.items[0].id)).toBeLessThan(Number(first.body.items[0].id));
    const bad = await t.request<ApiErrorBody>('GET', '/api/v1/audit?limit=0', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([{ field: 'limit', message: '每页条数不能小于 1' }]);
  });

  it('lets every signed-in user read the log of the business data, and only admins that of accounts, keys and settings (DOMAIN.md §7)', async () => {
    // an industry change (business data) is in the log by now; an API key (admins' data) too
    expect((await t.request('POST', '/api/v1/api-keys', { token: admin, body: { name: '审计可见性', scopes: ['read'] } })).status).toBe(201);
    for (const role of ['CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'] as const) {
      const { token } = await t.userToken(role);
      const all = await t.request<Page<AuditEntryDto>>('GET', '/api/v1/audit?limit=500', { token });
      expect(all.status).toBe(200);
      expect(all.body.items.some((e) => e.entity === 'industry')).toBe(true);
      expect(all.body.items.filter((e) => e.entity === 'apiKey' || e.entity === 'user' || e.entity === 'setting')).toEqual([]);
      const keys = await t.request<ApiErrorBody>('GET', '/api/v1/audit?entity=apiKey', { token });
      expect(keys.status).toBe(403);
      expect(keys.body.message).toBe('只有管理员可以查看用户、API 密钥和系统设置的操作日志');
    }
    const byAdmin = await t.request<Page<AuditEntryDto>>('GET', '/api/v1/audit?entity=apiKey', { token: admin });
    expect(byAdmin.body.items.length).toBeGreaterThan(0);
  });
});
