import type { ApiErrorBody, AuditEntryDto, LeaderDto, ProjectDetailDto, UnitDto } from '@zhaoshang/shared/domain';
import { projectImportRow, PROJECT_HEADER, upload, xlsx } from './fixtures/imports/files.js';
import { createProject, projectBody } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 14 item 1 (DOMAIN.md §9, 1+N+9): the lists of 包联领导 and 责任单位 an admin keeps; a project's
 * 包联领导 and 责任单位 are names from them — in the form, the API and the import — and stay right when
 * an entry is renamed or deactivated.
 */
describe('包联领导 and 责任单位', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leaderUser: { token: string; id: string; username: string };
  let readKey: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leaderUser = await t.userToken('LEADER');
    readKey = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
  });
  afterAll(() => t?.stop());

  const addLeader = (body: Record<string, unknown>, token = admin) => t.request<LeaderDto & ApiErrorBody>('POST', '/api/v1/leaders', { token, body });
  const addUnit = (body: Record<string, unknown>, token = admin) => t.request<UnitDto & ApiErrorBody>('POST', '/api/v1/units', { token, body });
  const patchProject = (p: ProjectDetailDto, body: Record<string, unknown>, token = admin) =>
    t.request<ProjectDetailDto & ApiErrorBody>('PATCH', `/api/v1/projects/${p.id}`, { token, body: { version: p.version, ...body } });

  it('lets an admin keep the lists; everyone reads them, a read key too; others may not change them', async () => {
    const mayor = await addLeader({ name: '  副市长 王某某 ', portfolio: '工业和信息化、招商引资', level: 'CITY' });
    expect(mayor.status).toBe(201);
    expect(mayor.body).toMatchObject({ name: '副市长 王某某', portfolio: '工业和信息化、招商引资', level: 'CITY', regionCode: null, active: true, version: 1 });
    const bureau = await addUnit({ name: '市工业和信息化局', level: 'CITY' });
    expect(bureau.status).toBe(201);
    for (const auth of [{ token: admin }, { token: city }, { token: district }, { token: leaderUser.token }, { apiKey: readKey }]) {
      expect((await t.request<LeaderDto[]>('GET', '/api/v1/leaders', auth)).body.map((l) => l.name)).toContain('副市长 王某某');
      expect((await t.request<UnitDto[]>('GET', '/api/v1/units', auth)).body.map((u) => u.name)).toContain('市工业和信息化局');
    }
    for (const token of [city, district, leaderUser.token]) {
      expect((await addLeader({ name: '副市长 赵某', level: 'CITY' }, token)).status).toBe(403);
      expect((await addUnit({ name: '市某局', level: 'CITY' }, token)).status).toBe(403);
      expect((await t.request('PATCH', `/api/v1/leaders/${mayor.body.id}`, { token, body: { portfolio: 'x', version: 1 } })).status).toBe(403);
    }
    expect((await t.request('POST', '/api/v1/units', { apiKey: readKey, body: { name: '市某局', level: 'CITY' } })).status).toBe(403);
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=leader&entityId=${mayor.body.id}`, { token: city });
    expect(audit.body.items.map((e) => e.action)).toEqual(['CREATE']);
  });

  it('refuses duplicates, a level without its district or a district on a city entry, and accounts that are not leaders', async () => {
    await addLeader({ name: '旗长 白某', level: 'DISTRICT', regionCode: '150525' });
    const same = await addLeader({ name: '旗长 白某', level: 'DISTRICT', regionCode: '150525' });
    expect(same.status).toBe(409);
    expect(same.body.details?.[0]).toMatchObject({ field: 'name' });
    const noDistrict = await addUnit({ name: '奈曼旗发改委', level: 'DISTRICT' });
    expect(noDistrict.status).toBe(400);
    expect(noDistrict.body.details?.[0]).toEqual({ field: 'regionCode', message: '旗县区级须选择所属旗县区' });
    expect((await addUnit({ name: '市发改委', level: 'CITY', regionCode: '150525' })).body.details?.[0]?.field).toBe('regionCode');
    expect((await addUnit({ name: '某市某局', level: 'DISTRICT', regionCode: '150500' })).body.details?.[0]?.message).toContain('不存在');
    expect((await addLeader({ name: '', level: 'CITY' })).body.details?.[0]?.field).toBe('name');
    expect((await addLeader({ name: '某某', level: 'PROVINCE' })).body.details?.[0]?.field).toBe('level');
    const staff = await t.userToken('CITY_STAFF');
    const wrongRole = await addLeader({ name: '副市长 钱某', level: 'CITY', userId: staff.id });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.details?.[0]?.field).toBe('userId');
    const linked = await addLeader({ name: '副市长 孙某', level: 'CITY', userId: leaderUser.id });
    expect(linked.status).toBe(201);
    const twice = await addLeader({ name: '副市长 李某', level: 'CITY', userId: leaderUser.id });
    expect(twice.status).toBe(409);
    expect(twice.body.details?.[0]?.field).toBe('userId');
  });

  it('takes a project’s 包联领导 and 责任单位 only from the lists, by name, with the field named', async () => {
    await addLeader({ name: '旗长 包某', level: 'DISTRICT', regionCode: '150525' });
    await addUnit({ name: '奈曼旗人民政府', level: 'DISTRICT', regionCode: '150525' });
    const unknown = await t.request<ApiErrorBody>('POST', '/api/v1/projects', { token: district, body: projectBody({ leadOfficial: '张三', leadDepartment: '不存在的局' }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.map((d) => d.field).sort()).toEqual(['leadDepartment', 'leadOfficial']);
    expect(unknown.body.details?.find((d) => d.field === 'leadOfficial')?.message).toContain('不在包联领导名单中');
    const project = await createProject(t, district, { leadOfficial: '旗长 包某', leadDepartment: '奈曼旗人民政府' });
    expect(project).toMatchObject({ leadOfficial: '旗长 包某', leadDepartment: '奈曼旗人民政府' });
    const cleared = await patchProject(project, { leadOfficial: null }, district);
    expect(cleared.status).toBe(200);
    expect(cleared.body.leadOfficial).toBeNull();
  });

  it('renames the projects with their leader or unit, audited with how many; 409 on a stale version', async () => {
    const leader = (await addLeader({ name: '副旗长 陈某', level: 'DISTRICT', regionCode: '150525' })).body;
    const unit = (await addUnit({ name: '奈曼旗工信局', level: 'DISTRICT', regionCode: '150525' })).body;
    const projects = [await createProject(t, district, { leadOfficial: leader.name, leadDepartment: unit.name }), await createProject(t, district, { leadOfficial: leader.name })];
    const renamed = await t.request<LeaderDto>('PATCH', `/api/v1/leaders/${leader.id}`, { token: admin, body: { name: '副旗长 陈某某', version: leader.version } });
    expect(renamed.status).toBe(200);
    for (const p of projects) expect((await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${p.id}`, { token: city })).body.leadOfficial).toBe('副旗长 陈某某');
    const stale = await t.request<ApiErrorBody>('PATCH', `/api/v1/leaders/${leader.id}`, { token: admin, body: { portfolio: '工业', version: leader.version } });
    expect(stale.status).toBe(409);
    const audit = await t.request<{ items: AuditEntryDto[] }>('GET', `/api/v1/audit?entity=leader&entityId=${leader.id}`, { token: admin });
    expect(audit.body.items[0]).toMatchObject({ action: 'UPDATE', before: { name: '副旗长 陈某' }, after: { name: '副旗长 陈某某', projectsRenamed: 2 } });
    const unitRenamed = await t.request<UnitDto>('PATCH', `/api/v1/units/${unit.id}`, { token: admin, body: { name: '奈曼旗工业和信息化局', version: unit.version } });
    expect(unitRenamed.status).toBe(200);
    expect((await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${projects[0].id}`, { token: city })).body.leadDepartment).toBe('奈曼旗工业和信息化局');
  });

  it('keeps a deactivated leader on the projects that have one, and offers them to no other', async () => {
    const leader = (await addLeader({ name: '副旗长 周某', level: 'DISTRICT', regionCode: '150525' })).body;
    const kept = await createProject(t, district, { leadOfficial: leader.name });
    expect((await t.request('PATCH', `/api/v1/leaders/${leader.id}`, { token: admin, body: { active: false, version: leader.version } })).status).toBe(200);
    const edited = await patchProject(kept, { notes: '调度情况良好' }, district);
    expect(edited.status).toBe(200);
    expect(edited.body.leadOfficial).toBe(leader.name);
    const other = await createProject(t, district);
    const refused = await patchProject(other, { leadOfficial: leader.name }, district);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]).toEqual({ field: 'leadOfficial', message: `包联领导“${leader.name}”已停用，请选择其他领导` });
  });

  it('imports the names as the lists spell them (spaces not counting) and names the cell of an unknown one, writing nothing', async () => {
    await addLeader({ name: '副旗长 吴某', level: 'DISTRICT', regionCode: '150525' });
    await addUnit({ name: '奈曼旗商务局', level: 'DISTRICT', regionCode: '150525' });
    const good = await upload<{ created: number }>(t, district, await xlsx([PROJECT_HEADER, projectImportRow({ 项目名称: '导入名单项目', 包联领导: '副旗长吴某', 责任单位: ' 奈曼旗商务局 ' })]), 'p.xlsx', { kind: 'projects' });
    expect(good.status).toBe(200);
    const [row] = await t.query<{ lead_official: string; lead_department: string }>(`SELECT lead_official, lead_department FROM projects WHERE name = '导入名单项目'`);
    expect(row).toEqual({ lead_official: '副旗长 吴某', lead_department: '奈曼旗商务局' });
    const bad = await upload<{ errors: { sheet: string; row: number; column: string; message: string }[] }>(
      t,
      district,
      await xlsx([PROJECT_HEADER, projectImportRow({ 项目名称: '导入名单项目二' }), projectImportRow({ 项目名称: '导入名单项目三', 包联领导: '张三' })]),
      'p.xlsx',
      { kind: 'projects' },
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ sheet: 'Sheet1', row: 3, column: '包联领导', message: '包联领导「张三」不在包联领导名单中：请填写名单中的名称（名单由管理员维护）' }]);
    expect(await t.query(`SELECT 1 FROM projects WHERE name = '导入名单项目二'`)).toEqual([]);
  });

  it('takes as 旗县联系人 only a district staff account of the project’s region, and lists each one’s projects as 我的项目', async () => {
    const contact = await t.userToken('DISTRICT_STAFF', '150525');
    const elsewhere = await t.userToken('DISTRICT_STAFF', '150523');
    const wrong = await t.request<ApiErrorBody>('POST', '/api/v1/projects', { token: district, body: projectBody({ districtContactId: elsewhere.id }) });
    expect(wrong.status).toBe(400);
    expect(wrong.body.details?.[0]?.field).toBe('districtContactId');
    expect((await t.request<ApiErrorBody>('POST', '/api/v1/projects', { token: district, body: projectBody({ districtContactId: 'abc' }) })).body.details?.[0]?.field).toBe('districtContactId');
    const offered = await t.request<{ id: string }[]>('GET', '/api/v1/district-contacts?regionCode=150525', { token: district });
    expect(offered.body.map((c) => c.id)).toContain(contact.id);
    expect(offered.body.map((c) => c.id)).not.toContain(elsewhere.id);
    expect((await t.request<ApiErrorBody>('GET', '/api/v1/district-contacts', { token: district })).body.details?.[0]?.field).toBe('regionCode');
    const followed = await createProject(t, district, { districtContactId: contact.id });
    expect(followed).toMatchObject({ districtContactId: contact.id, districtContactName: expect.any(String) });
    await createProject(t, district);
    const mine = await t.request<{ items: { id: string }[]; total: { count: number } }>('GET', '/api/v1/projects/search?mine=true', { token: contact.token });
    expect(mine.body.items.map((p) => p.id)).toEqual([followed.id]);
    // a leader's 包联项目: through the leaders' entry linked to the account
    const linkedLeader = await t.userToken('LEADER');
    const entry = (await addLeader({ name: '副市长 郑某', level: 'CITY', userId: linkedLeader.id })).body;
    const led = await createProject(t, district, { leadOfficial: entry.name });
    const leaderMine = await t.request<{ items: { id: string }[] }>('GET', '/api/v1/projects/search?mine=true', { token: linkedLeader.token });
    expect(leaderMine.body.items.map((p) => p.id)).toEqual([led.id]);
    expect((await t.request<{ items: unknown[] }>('GET', '/api/v1/projects/search?mine=true', { token: city })).body.items).toEqual([]);
    const byLeader = await t.request<{ items: { id: string }[] }>('GET', `/api/v1/projects/search?leadOfficial=${encodeURIComponent(entry.name)}`, { token: city });
    expect(byLeader.body.items.map((p) => p.id)).toEqual([led.id]);
  });

  it('imports the 旗县联系人 by user name or name within the row’s district', async () => {
    const contact = await t.userToken('DISTRICT_STAFF', '150525');
    const header = PROJECT_HEADER;
    const row = (name: string, who: string) => projectImportRow({ 项目名称: name, 旗县联系人: who });
    const good = await upload(t, district, await xlsx([header, row('联系人导入项目', contact.username)]), 'p.xlsx', { kind: 'projects' });
    expect(good.status).toBe(200);
    const [stored] = await t.query<{ district_contact_id: string }>(`SELECT district_contact_id FROM projects WHERE name = '联系人导入项目'`);
    expect(stored.district_contact_id).toBe(contact.id);
    const bad = await upload<{ errors: { row: number; column: string; message: string }[] }>(t, district, await xlsx([header, row('联系人导入项目二', '不存在的人')]), 'p.xlsx', { kind: 'projects' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ row: 2, column: '旗县联系人' });
  });
});

