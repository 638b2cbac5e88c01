import { type ApiErrorBody, can, type Role, ROLES } from '@zhaoshang/shared/domain';
import { concretePath, registeredApiRoutes, type RouteEntry, routeTable } from './support/route-table.js';
import { TestApp } from './support/test-app.js';

/**
 * The role × endpoint matrix, generated from the route table: every route declares who may call
 * it, and every role, API key and anonymous caller gets exactly that.
 */
describe('access matrix', () => {
  let t: TestApp;
  let routes: RouteEntry[];
  const tokens = {} as Record<Role, string>;
  const keys: Record<'read' | 'faiWrite' | 'statsWrite', string> = { read: '', faiWrite: '', statsWrite: '' };

  beforeAll(async () => {
    t = await TestApp.start();
    routes = routeTable(t.app);
    tokens.ADMIN = await t.adminToken();
    for (const role of ROLES.filter((r) => r !== 'ADMIN')) tokens[role] = (await t.userToken(role)).token;
    for (const [name, scope] of [['read', 'read'], ['faiWrite', 'fai:write'], ['statsWrite', 'stats:write']] as const) {
      const created = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: tokens.ADMIN, body: { name: `matrix ${scope}`, scopes: [scope] } });
      keys[name] = created.body.key;
    }
  });
  afterAll(() => t?.stop());

  const call = (route: RouteEntry, auth: { token?: string; apiKey?: string }) =>
    t.request<ApiErrorBody>(route.method, concretePath(route.path), { ...auth, body: ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined });

  it('walks every route Fastify serves, and each one declares its access', () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(registeredApiRoutes(t.app));
    const undeclared = routes.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('declares the intended rule for each route (a change here is a change of policy)', () => {
    const declared = routes.map((r) =>
      r.access === 'public' || r.access === undefined
        ? `${r.method} ${r.path}: ${String(r.access)}`
        : `${r.method} ${r.path}: ${r.access.capability ?? '-'}${r.access.scopes?.length ? ` | key ${r.access.scopes.join(',')}` : ''}${
            r.access.region ? ` | region ${r.access.region.in}.${r.access.region.field}${r.access.region.resolve ? ` → ${r.access.region.resolve}` : ''}` : ''
          }`,
    );
    expect(declared).toEqual([
      'GET /api/health: public',
      'GET /api/health/live: public',
      'GET /api/health/ready: public',
      'GET /api/v1/api-keys: apiKeys:manage',
      'POST /api/v1/api-keys: apiKeys:manage',
      'DELETE /api/v1/api-keys/:id: apiKeys:manage',
      'PATCH /api/v1/api-keys/:id: apiKeys:manage',
      'GET /api/v1/assessment: indicators:read',
      'GET /api/v1/audit: audit:read',
      'POST /api/v1/auth/change-password: session:use',
      'POST /api/v1/auth/login: public',
      'GET /api/v1/auth/me: session:use',
      'GET /api/v1/bulletins: bulletins:read',
      'POST /api/v1/bulletins: bulletins:generate',
      'GET /api/v1/bulletins/:id/docx: bulletins:read',
      'GET /api/v1/bulletins/preview: bulletins:read',
      'GET /api/v1/commitments: commitments:read',
      'POST /api/v1/commitments: commitments:edit | region body.projectId → project',
      'GET /api/v1/commitments/:id: commitments:read',
      'PATCH /api/v1/commitments/:id: commitments:edit | region params.id → commitment',
      'POST /api/v1/commitments/:id/status: commitments:edit | region params.id → commitment',
      'GET /api/v1/commitments/export.xlsx: commitments:read',
      'GET /api/v1/commitments/stats: commitments:read',
      'GET /api/v1/corrections: projects:read',
      'GET /api/v1/dispatch-table: indicators:read',
      'GET /api/v1/district-contacts: projects:read',
      'GET /api/v1/fai-totals: fai:read | key read',
      'PUT /api/v1/fai-totals: fai:edit | key fai:write',
      'GET /api/v1/follow-through/summary: indicators:read',
      'POST /api/v1/imports: imports:run',
      'GET /api/v1/imports/:importId/progress: imports:run',
      'POST /api/v1/imports/error-report: imports:run',
      'GET /api/v1/imports/templates/:kind: imports:run',
      'GET /api/v1/indicators: indicators:read | key read',
      'GET /api/v1/indicators/drill: indicators:read | key read',
      'GET /api/v1/industries: dictionary:read | key read',
      'POST /api/v1/industries: dictionary:manage',
      'PATCH /api/v1/industries/:code: dictionary:manage',
      'GET /api/v1/leaders: dictionary:read | key read',
      'POST /api/v1/leaders: dictionary:manage',
      'PATCH /api/v1/leaders/:id: dictionary:manage',
      'GET /api/v1/monthly-reports: reports:read | key read',
      'PUT /api/v1/monthly-reports/drafts: reports:edit | region body.regionCode',
      'GET /api/v1/monthly-reports/export: reports:read',
      'GET /api/v1/monthly-reports/grid: reports:read',
      'GET /api/v1/monthly-reports/queue: reports:read',
      'POST /api/v1/monthly-reports/return: reports:verify',
      'POST /api/v1/monthly-reports/submit: reports:edit | region body.regionCode',
      'POST /api/v1/monthly-reports/verify: reports:verify',
      'GET /api/v1/months: reports:read',
      'POST /api/v1/months/:month/close: months:close',
      'POST /api/v1/months/:month/reopen: months:reopen',
      'GET /api/v1/notices: notices:read',
      'POST /api/v1/notices: notices:issue',
      'GET /api/v1/notices/:id: notices:read',
      'PATCH /api/v1/notices/:id: notices:issue',
      'POST /api/v1/notices/:id/cancel: notices:issue',
      'POST /api/v1/notices/:id/close: notices:issue',
      'GET /api/v1/notices/:id/docx: notices:read',
      'POST /api/v1/notices/:id/feedback: notices:feedback | region params.id → notice',
      'POST /api/v1/notices/:id/return: notices:sign',
      'POST /api/v1/notices/:id/sign: notices:sign',
      'GET /api/v1/notices/compose: notices:issue',
      'GET /api/v1/notices/escalations: notices:read',
      'GET /api/v1/notices/stats: notices:read',
      'GET /api/v1/project-issues: problems:read',
      'POST /api/v1/project-issues: problems:edit | region body.projectId → project',
      'GET /api/v1/project-issues/:id: problems:read',
      'PATCH /api/v1/project-issues/:id: problems:edit | region params.id → projectIssue',
      'POST /api/v1/project-issues/:id/notes: problems:comment',
      'POST /api/v1/project-issues/:id/status: problems:edit | region params.id → projectIssue',
      'GET /api/v1/project-issues/stats: problems:read',
      'GET /api/v1/projects: projects:read | key read',
      'POST /api/v1/projects: projects:edit | region body.regionCode',
      'GET /api/v1/projects/:id: projects:read',
      'PATCH /api/v1/projects/:id: projects:edit | region params.id → project',
      'PUT /api/v1/projects/:id/approvals: projects:edit | region params.id → project',
      'GET /api/v1/projects/:id/history: projects:read',
      'POST /api/v1/projects/:id/stage: projects:edit | region params.id → project',
      'GET /api/v1/projects/:id/warnings: warnings:read',
      'GET /api/v1/projects/export: projects:read',
      'POST /api/v1/projects/look-alikes: projects:read',
      'GET /api/v1/projects/search: projects:read',
      'GET /api/v1/publications/:month/differences: indicators:read | key read',
      'GET /api/v1/publications/:month/revisions: indicators:read | key read',
      'GET /api/v1/publications/:month/status: indicators:read | key read',
      'GET /api/v1/regions: dictionary:read | key read',
      'GET /api/v1/settings/assessment: indicators:read',
      'PUT /api/v1/settings/assessment: settings:manage',
      'GET /api/v1/settings/issues: problems:read',
      'PUT /api/v1/settings/issues: settings:manage',
      'GET /api/v1/settings/notices: notices:read',
      'PUT /api/v1/settings/notices: settings:manage',
      'GET /api/v1/settings/warnings: warnings:read',
      'PUT /api/v1/settings/warnings: settings:manage',
      'GET /api/v1/site: public',
      'PUT /api/v1/stats-projects: fai:edit | key stats:write',
      'POST /api/v1/stats-projects/accept: projects:edit | region body.projectId → project',
      'GET /api/v1/stats-projects/coverage: indicators:read | key read',
      'GET /api/v1/stats-projects/reconciliation: projects:read | key read',
      'GET /api/v1/stats-projects/settings: projects:read',
      'PUT /api/v1/stats-projects/settings: settings:manage',
      'GET /api/v1/targets: targets:read',
      'PUT /api/v1/targets: targets:manage',
      'GET /api/v1/targets/progress: targets:read',
      'GET /api/v1/units: dictionary:read | key read',
      'POST /api/v1/units: dictionary:manage',
      'PATCH /api/v1/units/:id: dictionary:manage',
      'GET /api/v1/users: users:manage',
      'POST /api/v1/users: users:manage',
      'GET /api/v1/users/:id: users:manage',
      'PATCH /api/v1/users/:id: users:manage',
      'POST /api/v1/users/:id/reset-password: users:manage',
      'GET /api/v1/warnings: warnings:read | key read',
      'GET /api/v1/warnings/by-projects: warnings:read',
      'GET /api/v1/warnings/counts: warnings:read | key read',
      'GET /api/v1/webhooks: webhooks:manage',
      'POST /api/v1/webhooks: webhooks:manage',
      'DELETE /api/v1/webhooks/:id: webhooks:manage',
      'PATCH /api/v1/webhooks/:id: webhooks:manage',
      'GET /api/v1/webhooks/:id/deliveries: webhooks:manage',
      'POST /api/v1/webhooks/:id/deliveries/:deliveryId/replay: webhooks:manage',
      'POST /api/v1/webhooks/:id/test: webhooks:manage',
      'GET /api/v1/workbench: workbench:use',
    ]);
  });

  it('refuses anonymous callers on every non-public route with 401', async () => {
    for (const route of routes.filter((r) => r.access !== 'public')) {
      const response = await call(route, {});
      expect({ route: `${route.method} ${route.path}`, status: response.status }).toEqual({ route: `${route.method} ${route.path}`, status: 401 });
      expect(response.body.error).toBe('UNAUTHENTICATED');
    }
  });

  it.each(ROLES)('gives %s exactly the routes its capabilities allow', async (role) => {
    const outcome: string[] = [];
    const expected: string[] = [];
    for (const route of routes) {
      if (route.access === 'public' || route.access === undefined) continue;
      const allowed = route.access.capability !== null && can(role, route.access.capability);
      const response = await call(route, { token: tokens[role] });
      outcome.push(`${route.method} ${route.path} → ${response.status === 403 ? 'forbidden' : response.status === 401 ? 'unauthenticated' : 'allowed'}`);
      expected.push(`${route.method} ${route.path} → ${allowed ? 'allowed' : 'forbidden'}`);
    }
    expect(outcome).toEqual(expected);
  });

  it('admits API keys only to routes declaring one of their scopes', async () => {
    for (const [name, scope] of [['read', 'read'], ['faiWrite', 'fai:write'], ['statsWrite', 'stats:write']] as const) {
      const outcome: string[] = [];
      const expected: string[] = [];
      for (const route of routes) {
        if (route.access === 'public' || route.access === undefined) continue;
        const allowed = route.access.scopes?.includes(scope) ?? false;
        const response = await call(route, { apiKey: keys[name] });
        outcome.push(`${scope} ${route.method} ${route.path} → ${response.status === 403 ? 'forbidden' : response.status === 401 ? 'unauthenticated' : 'allowed'}`);
        expected.push(`${scope} ${route.method} ${route.path} → ${allowed ? 'allowed' : 'forbidden'}`);
      }
      expect(outcome).toEqual(expected);
    }
  });

  it('answers a key with the wrong scope with 403 naming the scope it lacks', async () => {
    const response = await t.request<ApiErrorBody>('GET', '/api/v1/regions', { apiKey: keys.faiWrite });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: 'FORBIDDEN', message: 'API 密钥缺少权限范围：需要 read' });
    const ok = await t.request<unknown[]>('GET', '/api/v1/regions', { apiKey: keys.read });
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(10);
  });

  it('refuses an unknown key and a garbage token with 401', async () => {
    expect((await t.request('GET', '/api/v1/regions', { apiKey: 'zs_not-a-key' })).status).toBe(401);
    const garbage = await t.request<ApiErrorBody>('GET', '/api/v1/auth/me', { token: 'not.a.jwt' });
    expect(garbage.status).toBe(401);
    expect(garbage.body.message).toBe('登录凭据无效，请重新登录');
  });
});
