import type { ApiErrorBody, ProjectDetailDto } from '@zhaoshang/shared/domain';
import { createProject, projectBody } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 12, first findings: a NUL character in any text, JSON nested 10,000 deep and absurd month
 * ranges each used to answer 500 (with a stack trace in the log). Each is a 400 now, in Chinese,
 * naming the field, and nothing is written.
 */
describe('hostile input is a 400, never a 500', () => {
  let t: TestApp;
  let admin: string;
  let project: ProjectDetailDto;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    project = await createProject(t, admin);
  });
  afterAll(() => t?.stop());

  const nul = 'a\u0000b';

  it('answers a NUL in the body, the query or the path with 400 naming the field, on every kind of route', async () => {
    const before = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM projects');
    const cases: [string, Promise<{ status: number; body: ApiErrorBody }>, string][] = [
      ['login', t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { body: { username: nul, password: 'x' } }), 'username'],
      ['search', t.request<ApiErrorBody>('GET', `/api/v1/projects/search?q=${encodeURIComponent(nul)}`, { token: admin }), 'q'],
      ['create', t.request<ApiErrorBody>('POST', '/api/v1/projects', { token: admin, body: projectBody({ name: nul }) }), 'name'],
      ['update', t.request<ApiErrorBody>('PATCH', `/api/v1/projects/${project.id}`, { token: admin, body: { version: project.version, notes: nul } }), 'notes'],
      ['region', t.request<ApiErrorBody>('GET', `/api/v1/indicators?from=2025-01&to=2025-02&region=${encodeURIComponent(nul)}`, { token: admin }), 'region'],
      ['path', t.request<ApiErrorBody>('GET', `/api/v1/projects/${encodeURIComponent(nul)}`, { token: admin }), 'id'],
      ['reopen reason', t.request<ApiErrorBody>('POST', '/api/v1/months/2025-01/reopen', { token: admin, body: { version: 0, reason: nul } }), 'reason'],
    ];
    for (const [name, pending, field] of cases) {
      const response = await pending;
      expect({ name, status: response.status, error: response.body.error, fields: response.body.details?.map((d) => d.field) }).toEqual({ name, status: 400, error: 'VALIDATION_FAILED', fields: [field] });
      expect(response.body.message).toContain('不可见的控制字符（NUL）');
    }
    expect(await t.query<{ n: number }>('SELECT count(*)::int AS n FROM projects')).toEqual(before);
  });

  it('answers JSON nested 10,000 deep with 400, without a stack trace', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const response = await t.request<ApiErrorBody>('POST', '/api/v1/projects', { token: admin, rawBody: `{"name":${deep}}`, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('请求内容嵌套过深（超过 32 层）');
  });

  it('bounds months to 2000-01 … 2099-12 and a period to 120 months', async () => {
    const far = await t.request<ApiErrorBody>('GET', '/api/v1/indicators?from=0001-01&to=9999-12', { token: admin });
    expect(far.status).toBe(400);
    expect(far.body.details).toEqual([
      { field: 'from', message: '起始月份应在 2000-01 至 2099-12 之间' },
      { field: 'to', message: '截止月份应在 2000-01 至 2099-12 之间' },
    ]);
    const long = await t.request<ApiErrorBody>('GET', '/api/v1/indicators?from=2000-01&to=2099-12&groupBy=month', { token: admin });
    expect(long.status).toBe(400);
    expect(long.body.details).toEqual([{ field: 'to', message: '统计期间最长 120 个月（10 年），请缩短起止月份' }]);
    expect((await t.request('GET', '/api/v1/indicators?from=2016-01&to=2025-12&groupBy=month', { token: admin })).status).toBe(200);
    // a malformed month keeps its own message, once
    const malformed = await t.request<ApiErrorBody>('GET', '/api/v1/indicators?from=2025-13&to=2025-12', { token: admin });
    expect(malformed.body.details).toEqual([{ field: 'from', message: '起始月份应为 YYYY-MM 格式，例如 2025-09' }]);
  });
});
