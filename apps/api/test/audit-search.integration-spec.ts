import type { ApiErrorBody, AuditEntryDto, Page, ProjectDetailDto } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/** Issue 13: the audit log searched by project number, by who made the change and by date, each entry named by its key. */
describe('audit log search', () => {
  let t: TestApp;
  let admin: string;
  let district: { token: string; id: string; username: string };
  let wind: ProjectDetailDto;
  let solar: ProjectDetailDto;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    district = await t.userToken('DISTRICT_STAFF', '150525');
    wind = await createProject(t, district.token, { name: '审计风电项目' });
    solar = await createProject(t, admin, { name: '审计光伏项目' });
    const edited = await t.request('PATCH', `/api/v1/projects/${wind.id}`, { token: district.token, body: { notes: '补充备注', version: wind.version } });
    if (edited.status !== 200) throw new Error(`edit ${edited.status}`);
    await fileReport(t, admin, wind, '2025-04', { arrivedEquityWan: '100' });
  });
  afterAll(() => t?.stop());

  const search = (params: string, token = admin) => t.request<Page<AuditEntryDto> & ApiErrorBody>('GET', `/api/v1/audit?limit=500&${params}`, { token });

  it('finds a project’s entries and those of its monthly reports by its number, whole or in part, named by number and name', async () => {
    const found = await search(`projectNo=${encodeURIComponent(wind.projectNo)}`);
    expect(found.status).toBe(200);
    // created, edited; the report drafted, submitted, verified
    expect(found.body.items.map((e) => [e.entity, e.action])).toEqual([
      ['monthlyReport', 'VERIFY'],
      ['monthlyReport', 'SUBMIT'],
      ['monthlyReport', 'CREATE'],
      ['project', 'UPDATE'],
      ['project', 'CREATE'],
    ]);
    expect(found.body.items.map((e) => e.subject)).toEqual([
      ...Array(3).fill(`${wind.projectNo} · 2025年4月 · 审计风电项目`),
      ...Array(2).fill(`${wind.projectNo} 审计风电项目`),
    ]);
    // the serial part of the number alone, spaces around it ignored
    const serial = wind.projectNo.split('-').pop() as string;
    const partial = await search(`projectNo=${encodeURIComponent(` -${serial} `)}`);
    expect(partial.body.items.every((e) => e.subject?.startsWith(wind.projectNo.slice(0, 6)))).toBe(true);
    expect(partial.body.items.some((e) => e.entityId === wind.id)).toBe(true);
    expect((await search('projectNo=%25')).body.items).toEqual([]);
  });

  it('narrows by who made the change and by the days (Beijing time) it was made', async () => {
    const byDistrict = await search(`actor=${encodeURIComponent(district.username)}`);
    expect(byDistrict.body.items.map((e) => [e.entityId, e.action])).toEqual([
      [wind.id, 'UPDATE'],
      [wind.id, 'CREATE'],
    ]);
    expect(byDistrict.body.items[0].subject).toBe(`${wind.projectNo} 审计风电项目`);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const tomorrow = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + 86_400_000));
    const todays = await search(`projectNo=${encodeURIComponent(solar.projectNo)}&from=${today}&to=${today}`);
    expect(todays.body.items.map((e) => e.entityId)).toEqual([solar.id]);
    expect((await search(`projectNo=${encodeURIComponent(solar.projectNo)}&from=${tomorrow}`)).body.items).toEqual([]);
    expect((await search(`projectNo=${encodeURIComponent(solar.projectNo)}&to=2020-01-01`)).body.items).toEqual([]);
  });

  it('names users, industries and months by what a reader knows them by', async () => {
    const users = await search(`entity=user&entityId=${district.id}`);
    expect(users.body.items[0].subject).toBe(`测试DISTRICT_STAFF（${district.username}）`);
    const month = await t.request('POST', '/api/v1/industries', { token: admin, body: { code: 'AUD', name: '审计产业', sortOrder: 99 } });
    expect(month.status).toBe(201);
    expect((await search('entity=industry&entityId=AUD')).body.items[0].subject).toBe('审计产业（AUD）');
  });

  it.each([
    ['from=2025-02-30', 'from', '日期起应为有效日期（YYYY-MM-DD）'],
    ['to=yesterday', 'to', '日期止应为有效日期（YYYY-MM-DD）'],
    ['from=2025-05-02&to=2025-05-01', 'to', '日期止（2025-05-01）不能早于日期起（2025-05-02）'],
    [`projectNo=${'1'.repeat(41)}`, 'projectNo', '项目编号最多 40 个字符'],
    [`actor=${'甲'.repeat(51)}`, 'actor', '操作人最多 50 个字符'],
    ['actor=a&actor=b', 'actor', '操作人应为文字'],
  ])('refuses %s with 400 naming %s', async (params, field, message) => {
    const refused = await search(params);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field, message }]);
  });

  it('keeps the accounts’ entries from non-admins whatever they search for (DOMAIN.md §7)', async () => {
    for (const role of ['CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'] as const) {
      const { token } = await t.userToken(role);
      // the admin created this user and the projects: only the business data comes back
      const byAdmin = await search('actor=admin', token);
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.items.length).toBeGreaterThan(0);
      expect(byAdmin.body.items.filter((e) => e.entity === 'user' || e.entity === 'apiKey' || e.entity === 'setting')).toEqual([]);
      const found = await search(`projectNo=${encodeURIComponent(wind.projectNo)}`, token);
      expect(found.body.items).toHaveLength(5);
      expect((await search(`entity=user&actor=admin`, token)).status).toBe(403);
    }
    expect((await search('entity=user&actor=admin')).body.items.length).toBeGreaterThan(0);
  });
});
