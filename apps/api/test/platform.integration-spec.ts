import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source.js';
import { TestApp } from './support/test-app.js';

describe('platform: database, errors, health, OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t?.stop());

  it('has no drift between the entities and the migrations', async () => {
    const dataSource = new DataSource(dataSourceOptions(t.databaseUrl));
    await dataSource.initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false); // nothing pending
      const sql = await dataSource.driver.createSchemaBuilder().log();
      expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('seeds the regions and industries of DOMAIN.md §3–4 as data', async () => {
    const regions = await t.query<{ code: string; parent_code: string | null }>('SELECT code, parent_code FROM regions ORDER BY sort_order');
    expect(regions).toHaveLength(10);
    expect(regions.filter((r) => r.parent_code === '150500')).toHaveLength(9);
    const industries = await t.query<{ code: string }>('SELECT code FROM industries ORDER BY sort_order');
    expect(industries.map((i) => i.code)).toEqual(['NE', 'NM', 'CH', 'AG', 'BM', 'EQ', 'LG', 'CT', 'DG', 'OT']);
  });

  it('reports health with the database state', async () => {
    const response = await t.request('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'up' });
  });

  it('answers unknown API paths with the JSON error body, never HTML', async () => {
    const response = await t.request<ApiErrorBody>('GET', '/api/v1/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ statusCode: 404, error: 'NOT_FOUND', message: '请求的地址不存在' });
  });

  it('turns a malformed JSON body into 400 in Chinese', async () => {
    const response = await t.request<ApiErrorBody>('POST', '/api/v1/auth/login', { rawBody: '{"username": "admin",' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'MALFORMED_REQUEST', message: '请求体不是有效的 JSON' });
  });

  it('echoes a request id, or makes one', async () => {
    const given = await t.request('GET', '/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(given.headers.get('x-request-id')).toBe('trace-123');
    const made = await t.request('GET', '/api/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends the security headers on every answer, errors and Swagger UI included (issue 12)', async () => {
    // scripts only from our origin; the web app and Swagger UI are checked under it in Chromium (apps/web-e2e/src/security-headers.spec.ts)
    const CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";
    for (const path of ['/api/health', '/api/v1/no-such-route', '/api/docs', '/api/openapi.json']) {
      const response = await t.request('GET', path);
      expect({
        path,
        nosniff: response.headers.get('x-content-type-options'),
        frame: response.headers.get('x-frame-options'),
        referrer: response.headers.get('referrer-policy'),
        csp: response.headers.get('content-security-policy'),
      }).toEqual({ path, nosniff: 'nosniff', frame: 'DENY', referrer: 'strict-origin-when-cross-origin', csp: CSP });
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    }
  });

  it('serves OpenAPI generated from the DTOs, and Swagger UI', async () => {
    const doc = await t.request<{ paths: Record<string, unknown>; components: { schemas: Record<string, { properties: Record<string, unknown> }> } }>('GET', '/api/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users', '/api/v1/users/{id}', '/api/v1/api-keys', '/api/v1/regions', '/api/v1/industries', '/api/health']),
    );
    expect(Object.keys(doc.body.components.schemas['CreateUserDto'].properties)).toEqual(['username', 'displayName', 'password', 'role', 'regionCode']);
    const ui = await t.request<string>('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.body).toContain('swagger');
  });
});
