import { addMonths, type ApiErrorBody, monthOf, type ProjectDetailDto, shanghaiToday, type WarningListResponse, type WorkbenchResponse, type WorkbenchTodo } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * GET /api/v1/workbench (issue 13): the to-do counts equal what was created, district staff see
 * only their region, and only people who work with the data may call it.
 */
describe('workbench', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;
  const month = monthOf(shanghaiToday());
  const last = addMonths(month, -1);
  const early = addMonths(month, -3);
  const projects: Record<'a' | 'b' | 'c' | 'd' | 'x', ProjectDetailDto> = {} as never;

  const get = (token: string) => t.request<WorkbenchResponse>('GET', '/api/v1/workbench', { token });
  const todo = (body: WorkbenchResponse, kind: WorkbenchTodo['kind']) => body.todos.find((item) => item.kind === kind);

  async function draft(token: string, project: ProjectDetailDto, reportMonth: string): Promise<void> {
    const saved = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
      token,
      body: { regionCode: project.regionCode, month: reportMonth, items: [{ projectId: project.id, version: null, arrivedEquityWan: '10.00' }] },
    });
    expect(saved.status).toBe(200);
  }

  async function submit(token: string, project: ProjectDetailDto, reportMonth: string): Promise<{ id: string; version: number }[]> {
    await draft(token, project, reportMonth);
    const submitted = await t.request<{ items: { id: string; version: number }[] }>('POST', '/api/v1/monthly-reports/submit', {
      token,
      body: { regionCode: project.regionCode, month: reportMonth, projectIds: [project.id] },
    });
    expect(submitted.status).toBe(200);
    return submitted.body.items.map(({ id, version }) => ({ id, version }));
  }

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    const other = (await t.userToken('DISTRICT_STAFF', '150502')).token;
    const signedAt = `${early}-01`;
    for (const key of ['a', 'b', 'c', 'd'] as const) projects[key] = await createProject(t, district, { signedAt, regionCode: '150525' });
    projects.x = await createProject(t, other, { signedAt, regionCode: '150502' });

    // a: verified three months ago (that month waits for its close), a draft last month
    const verified = await submit(district, projects.a, early);
    expect((await t.request('POST', '/api/v1/monthly-reports/verify', { token: city, body: { items: verified } })).status).toBe(200);
    await draft(district, projects.a, last);
    // b: submitted last month; x (another district): submitted last month
    await submit(district, projects.b, last);
    await submit(other, projects.x, last);
    // c: submitted last month and returned with a reason — the region's latest change
    const returned = await submit(district, projects.c, last);
    expect((await t.request('POST', '/api/v1/monthly-reports/return', { token: city, body: { items: returned, reason: '到位资金与银行回单不符' } })).status).toBe(200);
    // d: nothing at all
  }, 120_000);
  afterAll(() => t?.stop());

  it('counts the district’s unfiled, draft and returned reports and its red warnings, of its own region only', async () => {
    const { status, body } = await get(district);
    expect(status).toBe(200);
    expect(body.regionCode).toBe('150525');
    expect(body.month).toBe(month);
    expect(body.todos.map((item) => item.kind)).toEqual(['MISSING', 'DRAFT', 'RETURNED', 'RED_WARNINGS']);
    // last month only d lacks a report (a has a draft, b and c were submitted); this month all four
    expect(todo(body, 'MISSING')).toEqual({ kind: 'MISSING', count: 5, months: [{ month: last, count: 1 }, { month, count: 4 }] });
    expect(todo(body, 'DRAFT')).toEqual({ kind: 'DRAFT', count: 1, months: [{ month: last, count: 1 }] });
    expect(todo(body, 'RETURNED')).toEqual({ kind: 'RETURNED', count: 1, months: [{ month: last, count: 1 }], withReason: 1 });
    // the card and the list it opens count the same
    const red = await t.request<WarningListResponse>('GET', '/api/v1/warnings?level=RED&regionCode=150525&pageSize=100', { token: district });
    expect(red.body.total).toBeGreaterThan(0);
    expect(red.body.items.every((w) => w.regionCode === '150525')).toBe(true);
    expect(todo(body, 'RED_WARNINGS')).toEqual({ kind: 'RED_WARNINGS', count: red.body.total, months: [] });
    expect(body.followUps).toEqual([]);
  });

  it('shows the district the latest changes of its region only, newest first, with the human keys', async () => {
    const { body } = await get(district);
    expect(body.activity.length).toBeGreaterThan(0);
    expect(body.activity.length).toBeLessThanOrEqual(8);
    expect(body.activity[0]).toMatchObject({ action: 'RETURN', entity: 'monthlyReport', projectNo: projects.c.projectNo, projectName: projects.c.name, month: last, regionName: '奈曼旗' });
    expect(body.activity[0].actorName).toBe('测试CITY_STAFF');
    expect(body.activity.map((a) => a.projectNo)).not.toContain(projects.x.projectNo);
    expect(body.activity.every((a) => a.regionName === '奈曼旗')).toBe(true);
    const ids = body.activity.map((a) => Number(a.id));
    expect([...ids].sort((p, q) => q - p)).toEqual(ids);
  });

  it('counts for city staff and admins the reports waiting for verification city-wide and the months waiting to be closed', async () => {
    for (const token of [city, admin]) {
      const { status, body } = await get(token);
      expect(status).toBe(200);
      expect(body.regionCode).toBeNull();
      expect(body.todos.map((item) => item.kind)).toEqual(['TO_VERIFY', 'MONTHS_TO_CLOSE', 'RED_WARNINGS']);
      expect(todo(body, 'TO_VERIFY')).toEqual({ kind: 'TO_VERIFY', count: 2, months: [{ month: last, count: 2 }] });
      expect(todo(body, 'MONTHS_TO_CLOSE')).toEqual({ kind: 'MONTHS_TO_CLOSE', count: 2, months: [{ month: early, count: 1 }, { month: last, count: 1 }] });
      const red = await t.request<WarningListResponse>('GET', '/api/v1/warnings?level=RED', { token });
      expect(todo(body, 'RED_WARNINGS')?.count).toBe(red.body.total);
    }
    // the city's red warnings include the other district's
    const regional = todo((await get(district)).body, 'RED_WARNINGS')?.count ?? 0;
    expect(todo((await get(city)).body, 'RED_WARNINGS')?.count).toBeGreaterThan(regional);
  });

  it('drops a month from 待月结 once it is closed, and what was verified from 待核实', async () => {
    const close = await t.request('POST', `/api/v1/months/${early}/close`, { token: city, body: { version: 0 } });
    expect(close.status).toBe(200);
    const queue = await t.request<{ items: { id: string; version: number; projectId: string }[] }>('GET', `/api/v1/monthly-reports/queue?month=${last}&status=SUBMITTED`, { token: city });
    const b = queue.body.items.filter((r) => r.projectId === projects.b.id).map(({ id, version }) => ({ id, version }));
    expect((await t.request('POST', '/api/v1/monthly-reports/verify', { token: city, body: { items: b } })).status).toBe(200);
    const { body } = await get(city);
    expect(todo(body, 'MONTHS_TO_CLOSE')).toEqual({ kind: 'MONTHS_TO_CLOSE', count: 1, months: [{ month: last, count: 1 }] });
    expect(todo(body, 'TO_VERIFY')).toEqual({ kind: 'TO_VERIFY', count: 1, months: [{ month: last, count: 1 }] });
    expect(body.activity[0]).toMatchObject({ action: 'VERIFY', entity: 'monthlyReport', projectNo: projects.b.projectNo });
    expect(body.activity[1]).toMatchObject({ action: 'CLOSE', entity: 'month', month: early, projectNo: null });
  });

  it('answers people of the working roles, refuses leaders and API keys with 403 and strangers with 401', async () => {
    for (const token of [admin, city, district]) expect((await get(token)).status).toBe(200);
    const refused = await get(leader);
    expect(refused.status).toBe(403);
    expect(refused.body as unknown as ApiErrorBody).toMatchObject({ statusCode: 403, error: 'FORBIDDEN' });
    const key = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '工作台测试', scopes: ['read'] } });
    expect((await t.request('GET', '/api/v1/workbench', { apiKey: key.body.key })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/workbench')).status).toBe(401);
  });
});
