import { addDays, type ApiErrorBody, type AuditEntryDto, DEFAULT_ISSUE_DUE_DAYS, type IssueSettingsResponse, type IssueStatsResponse, type ProjectIssueDetailDto, type ProjectIssueListResponse, shanghaiToday, type UnitDto } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 14 item 2 (DOMAIN.md §9, §7): 问题诉求 — raised by staff (district staff for their region's
 * projects), handled by a unit by a due date (by category, a setting), progressed with notes (leaders
 * comment), closed with a resolution; counts, 办结率 and days to close by district, unit and category.
 */
describe('问题诉求', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let naiman: string;
  let kailu: string;
  let leader: string;
  let readKey: string;
  let unit: UnitDto;
  let otherUnit: UnitDto;
  const today = shanghaiToday();
  const p = {} as Record<'naiman' | 'kailu', { id: string }>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    naiman = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    kailu = (await t.userToken('DISTRICT_STAFF', '150523')).token;
    leader = (await t.userToken('LEADER')).token;
    readKey = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
    unit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '市自然资源局', level: 'CITY' } })).body;
    otherUnit = (await t.request<UnitDto>('POST', '/api/v1/units', { token: admin, body: { name: '奈曼旗供电公司', level: 'DISTRICT', regionCode: '150525' } })).body;
    p.naiman = await createProject(t, admin, { regionCode: '150525' });
    p.kailu = await createProject(t, admin, { regionCode: '150523' });
  });
  afterAll(() => t?.stop());

  const raise = (token: string, body: Record<string, unknown>) => t.request<ProjectIssueDetailDto & ApiErrorBody>('POST', '/api/v1/project-issues', { token, body });
  const move = (token: string, issue: { id: string; version: number }, body: Record<string, unknown>) =>
    t.request<ProjectIssueDetailDto & ApiErrorBody>('POST', `/api/v1/project-issues/${issue.id}/status`, { token, body: { version: issue.version, ...body } });

  it('lets district staff raise a problem for their own region’s project, due by its category’s days, audited', async () => {
    const raised = await raise(naiman, { projectId: p.naiman.id, category: 'LAND', description: '  用地指标未落实 ', unitId: unit.id });
    expect(raised.status).toBe(201);
    expect(raised.body).toMatchObject({ category: 'LAND', description: '用地指标未落实', raisedAt: today, dueAt: addDays(today, 60), status: 'OPEN', unitName: '市自然资源局', overdue: false, version: 1 });
    expect(raised.body.notes).toEqual([]);
    expect((await raise(naiman, { projectId: p.kailu.id, category: 'LAND', description: '别区的项目', unitId: unit.id })).status).toBe(403);
    expect((await raise(leader, { projectId: p.naiman.id, category: 'LAND', description: '领导不能提出', unitId: unit.id })).status).toBe(403);
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=projectIssue&entityId=${raised.body.id}`, { token: city });
    expect(audit.body.items.map((e) => e.action)).toEqual(['CREATE']);
  });

  it('names the field of bad input and writes nothing', async () => {
    const bad = await raise(city, { projectId: p.naiman.id, category: 'WEATHER', description: '', unitId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details?.map((d) => d.field).sort()).toEqual(['category', 'description', 'unitId']);
    const future = await raise(city, { projectId: p.naiman.id, category: 'LAND', description: '未来', unitId: unit.id, raisedAt: addDays(today, 1) });
    expect(future.body.details?.[0]?.field).toBe('raisedAt');
    const early = await raise(city, { projectId: p.naiman.id, category: 'LAND', description: '时限早于提出', unitId: unit.id, raisedAt: '2025-03-01', dueAt: '2025-02-01' });
    expect(early.body.details?.[0]?.field).toBe('dueAt');
    const noProject = await raise(city, { projectId: '00000000-0000-4000-8000-000000000000', category: 'LAND', description: '无此项目', unitId: unit.id });
    expect(noProject.status).toBe(400);
    expect((await t.query(`SELECT 1 FROM project_issues WHERE description IN ('未来', '时限早于提出', '无此项目')`))).toEqual([]);
  });

  it('moves 待办 → 办理中 → 已解决 with a resolution, refuses other moves, and 409s a stale version', async () => {
    const issue = (await raise(city, { projectId: p.naiman.id, category: 'UTILITIES', description: '施工用电未接入', unitId: otherUnit.id, raisedAt: addDays(today, -20) })).body;
    expect(issue.dueAt).toBe(addDays(today, 10));
    const working = await move(naiman, issue, { status: 'IN_PROGRESS' });
    expect(working.status).toBe(200);
    expect(working.body.notes[0]?.text).toBe('待办 → 办理中');
    expect((await move(naiman, issue, { status: 'RESOLVED', note: '已送电' })).status).toBe(409);
    const noNote = await move(naiman, working.body, { status: 'RESOLVED' });
    expect(noNote.status).toBe(400);
    expect(noNote.body.details?.[0]?.field).toBe('note');
    const resolved = await move(naiman, working.body, { status: 'RESOLVED', note: '10 千伏线路已送电', at: addDays(today, -2) });
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', resolution: '10 千伏线路已送电', closedAt: addDays(today, -2) });
    const again = await move(naiman, resolved.body, { status: 'RESOLVED', note: '再次' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('WRONG_STATUS');
    expect((await move(kailu, resolved.body, { status: 'IN_PROGRESS', note: '不是我区的' })).status).toBe(403);
    const reopened = await move(city, resolved.body, { status: 'IN_PROGRESS', note: '线路再次跳闸' });
    expect(reopened.body).toMatchObject({ status: 'IN_PROGRESS', resolution: null, closedAt: null });
  });

  it('takes notes from staff of the region and comments from leaders, not from another district', async () => {
    const issue = (await raise(city, { projectId: p.naiman.id, category: 'FINANCING', description: '贷款审批慢', unitId: unit.id })).body;
    expect((await t.request('POST', `/api/v1/project-issues/${issue.id}/notes`, { token: naiman, body: { text: '已对接农发行' } })).status).toBe(201);
    const commented = await t.request<ProjectIssueDetailDto>('POST', `/api/v1/project-issues/${issue.id}/notes`, { token: leader, body: { text: '请市金融办牵头协调' } });
    expect(commented.status).toBe(201);
    expect(commented.body.notes.map((n) => n.text)).toEqual(expect.arrayContaining(['已对接农发行', '请市金融办牵头协调']));
    expect((await t.request('POST', `/api/v1/project-issues/${issue.id}/notes`, { token: kailu, body: { text: '越权' } })).status).toBe(403);
    expect((await t.request<ApiErrorBody>('POST', `/api/v1/project-issues/${issue.id}/notes`, { token: naiman, body: { text: '' } })).body.details?.[0]?.field).toBe('text');
    // leaders comment, nothing else
    expect((await move(leader, issue, { status: 'IN_PROGRESS' })).status).toBe(403);
    expect((await t.request('PATCH', `/api/v1/project-issues/${issue.id}`, { token: leader, body: { description: 'x', version: issue.version } })).status).toBe(403);
  });

  it('lists overdue problems first, filters them, and counts 办结率 and days to close by district, unit and category', async () => {
    const late = (await raise(city, { projectId: p.kailu.id, category: 'LABOUR', description: '用工短缺', unitId: unit.id, raisedAt: addDays(today, -40) })).body;
    expect(late.overdue).toBe(true);
    const list = await t.request<ProjectIssueListResponse>('GET', '/api/v1/project-issues', { token: leader });
    expect(list.status).toBe(200);
    expect(list.body.items[0]?.id).toBe(late.id);
    const overdue = await t.request<ProjectIssueListResponse>('GET', '/api/v1/project-issues?overdue=true', { token: naiman });
    expect(overdue.body.items.map((i) => i.id)).toEqual([late.id]);
    expect(overdue.body.counts).toMatchObject({ total: 1, open: 1, overdue: 1, closed: 0, closedRate: 0, averageDaysToClose: null });
    const all = (await t.request<ProjectIssueListResponse>('GET', '/api/v1/project-issues?pageSize=200', { token: city })).body;
    const closed = all.items.filter((i) => i.status === 'RESOLVED' || i.status === 'UNRESOLVABLE').length;
    expect(all.counts.total).toBe(all.items.length);
    expect(all.counts.closedRate).toBe(all.items.length ? Math.round((closed / all.items.length) * 10000) / 10000 : null);
    const byRegion = await t.request<IssueStatsResponse>('GET', '/api/v1/project-issues/stats?groupBy=region', { token: city });
    expect(byRegion.body.rows).toHaveLength(9);
    expect(byRegion.body.rows.find((r) => r.key === '150523')).toMatchObject({ label: '开鲁县', total: 1, overdue: 1 });
    expect(byRegion.body.rows.reduce((n, r) => n + r.total, 0)).toBe(byRegion.body.total.total);
    const byCategory = await t.request<IssueStatsResponse>('GET', '/api/v1/project-issues/stats?groupBy=category', { token: leader });
    expect(byCategory.body.rows.map((r) => r.label)).toContain('用工');
    const byUnit = await t.request<IssueStatsResponse>('GET', '/api/v1/project-issues/stats?groupBy=unit', { token: city });
    expect(byUnit.body.rows.every((r) => r.total > 0)).toBe(true);
    expect((await t.request<ApiErrorBody>('GET', '/api/v1/project-issues/stats?groupBy=month', { token: city })).body.details?.[0]?.field).toBe('groupBy');
    // not for statistics systems: no key scope
    expect((await t.request('GET', '/api/v1/project-issues', { apiKey: readKey })).status).toBe(403);
  });

  it('keeps the due days by category as a setting: admins change them (validated, audited, 409 on stale), new problems follow', async () => {
    const initial = await t.request<IssueSettingsResponse>('GET', '/api/v1/settings/issues', { token: naiman });
    expect(initial.status).toBe(200);
    expect(initial.body).toEqual({ dueDays: DEFAULT_ISSUE_DUE_DAYS, version: 0 });
    const put = (token: string, body: Record<string, unknown>) => t.request<IssueSettingsResponse & ApiErrorBody>('PUT', '/api/v1/settings/issues', { token, body });
    expect((await put(city, { dueDays: DEFAULT_ISSUE_DUE_DAYS, version: 0 })).status).toBe(403);
    const bad = await put(admin, { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 0, LABOUR: 2.5, WEATHER: 3 }, version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'dueDays.WEATHER', message: '不认识的问题类别：WEATHER' },
      { field: 'dueDays.LAND', message: '用地的办理时限应为 1 至 365 之间的整数（天）' },
      { field: 'dueDays.LABOUR', message: '用工的办理时限应为 1 至 365 之间的整数（天）' },
    ]);
    const saved = await put(admin, { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 90 }, version: 0 });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 90 }, version: 1 });
    const stale = await put(admin, { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 30 }, version: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    // the same set again is no change: no new version
    expect((await put(admin, { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 90 }, version: 1 })).body.version).toBe(1);
    const audit = await t.query<{ action: string; before: unknown; after: unknown }>(`SELECT action, before, after FROM audit_log WHERE entity = 'setting' AND entity_id = 'issues' ORDER BY id`);
    expect(audit).toEqual([{ action: 'CREATE', before: null, after: { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, LAND: 90 } } }]);
    const raised = await raise(naiman, { projectId: p.naiman.id, category: 'LAND', description: '新的用地问题', unitId: unit.id });
    expect(raised.body.dueAt).toBe(addDays(today, 90));
    // back to the defaults for the other tests of this file
    expect((await put(admin, { dueDays: DEFAULT_ISSUE_DUE_DAYS, version: 1 })).body.version).toBe(2);
  });
});
