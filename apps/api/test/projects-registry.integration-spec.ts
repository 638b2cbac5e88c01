import { type ApiErrorBody, type AuditEntryDto, type LookAlikeCandidate, type Page, type ProjectDetailDto, type ProjectDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { createProject, projectBody, uscc } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ProjectDetailDto & ApiErrorBody;

/** Project numbers, look-alikes, capital increases, the audit log, and who may change what. */
describe('projects: registry, audit and access', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
  });
  afterAll(() => t?.stop());

  const post = (body: unknown, token = admin) => t.request<Reply>('POST', '/api/v1/projects', { token, body });
  const history = async (id: string) => (await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${id}/history`, { token: leader })).body.items;

  it('pages a project’s history with the audit log’s own parameter rules', async () => {
    const project = await createProject(t, admin);
    const bad = await t.request<ApiErrorBody>('GET', `/api/v1/projects/${project.id}/history?limit=0&before=x`, { token: leader });
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([
      { field: 'limit', message: '每页条数不能小于 1' },
      { field: 'before', message: '翻页游标格式不正确' },
    ]);
  });

  it('lets the STATS warning’s threshold, one setting, decide who may be marked 入库 — on the form and in the import (DOMAIN.md §6)', async () => {
    const registered = { statsRegistered: true, statsRegisteredMonth: '2025-10', plannedInvestmentWan: '800.00' };
    expect((await post(projectBody(registered))).status).toBe(201);
    const { body: current } = await t.request<{ settings: Record<string, Record<string, number>>; version: number }>('GET', '/api/v1/settings/warnings', { token: admin });
    const raised = { ...current.settings, STATS: { ...current.settings['STATS'], minPlannedInvestmentWan: 1000 } };
    expect((await t.request('PUT', '/api/v1/settings/warnings', { token: admin, body: { settings: raised, version: current.version } })).status).toBe(200);
    const refused = await post(projectBody(registered));
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'statsRegistered', message: '计划总投资(万元)不足 1000 万元的项目不能统计入库' }]);
    const back = await t.request<{ version: number }>('GET', '/api/v1/settings/warnings', { token: admin });
    expect((await t.request('PUT', '/api/v1/settings/warnings', { token: admin, body: { settings: current.settings, version: back.body.version } })).status).toBe(200);
    expect((await post(projectBody(registered))).status).toBe(201);
  });

  /** Makes the audit log refuse one kind of project change, for as long as `run` takes. */
  async function withAuditRefused(action: 'CREATE' | 'UPDATE', run: () => Promise<void>): Promise<void> {
    await t.query(`
      CREATE FUNCTION refuse_project_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit refused for the test'; END $$ LANGUAGE plpgsql;
      CREATE TRIGGER refuse_project_audit BEFORE INSERT ON audit_log
        FOR EACH ROW WHEN (NEW.entity = 'project' AND NEW.action = '${action}') EXECUTE FUNCTION refuse_project_audit();`);
    try {
      await run();
    } finally {
      await t.query('DROP TRIGGER refuse_project_audit ON audit_log; DROP FUNCTION refuse_project_audit();');
    }
  }

  describe('project numbers {regionCode}-{year}-{seq:04}', () => {
    it('numbers by region and the year of signing, or this year while negotiating', async () => {
      expect((await createProject(t, admin, { regionCode: '150581', signedAt: '2023-05-01' })).projectNo).toBe('150581-2023-0001');
      expect((await createProject(t, admin, { regionCode: '150581', signedAt: '2023-07-01' })).projectNo).toBe('150581-2023-0002');
      expect((await createProject(t, admin, { regionCode: '150581', signedAt: '2024-01-02' })).projectNo).toBe('150581-2024-0001');
      const negotiating = await createProject(t, admin, { regionCode: '150581', stage: 'NEGOTIATING', signedAt: null });
      expect(negotiating.projectNo).toBe(`150581-${shanghaiToday().slice(0, 4)}-0001`);
    });

    it('gives 20 concurrent creations exactly 0001..0020', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(projectBody({ regionCode: '150523', signedAt: '2024-06-01', name: `并发项目${i}` }))),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      const numbers = responses.map((r) => r.body.projectNo).sort();
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `150523-2024-${String(i + 1).padStart(4, '0')}`));
      expect(await t.query("SELECT last_seq FROM project_sequences WHERE region_code = '150523' AND year = 2024")).toEqual([{ last_seq: 20 }]);
    });

    it('gives a failed creation’s number back: no gaps', async () => {
      await createProject(t, admin, { regionCode: '150522', signedAt: '2022-03-01' });
      await withAuditRefused('CREATE', async () => {
        const failed = await post(projectBody({ regionCode: '150522', signedAt: '2022-04-01' }));
        expect(failed.status).toBe(500);
      });
      expect((await createProject(t, admin, { regionCode: '150522', signedAt: '2022-05-01' })).projectNo).toBe('150522-2022-0002');
    });

    it('skips a number an imported legacy project already holds', async () => {
      await t.query(
        `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, stage, signed_at, version)
         VALUES ('150524-2021-0001', '历史项目', '150524', 'AG', '历史投资方', 'LOCAL', 100, 'SIGNED', '2021-02-01', 1)`,
      );
      expect((await createProject(t, admin, { regionCode: '150524', signedAt: '2021-03-01' })).projectNo).toBe('150524-2021-0002');
    });
  });

  describe('look-alikes (DOMAIN.md §5: same investor uscc anywhere, or same name in the same region)', () => {
    let existing: ProjectDetailDto;
    beforeAll(async () => {
      existing = await createProject(t, admin, { name: '奈曼 光伏电站', regionCode: '150525', investorUscc: uscc(100) });
    });

    it('answers 409 LOOK_ALIKE naming each candidate, and creates nothing', async () => {
      const before = await t.query('SELECT count(*)::int AS n FROM projects');
      const byUscc = await post(projectBody({ regionCode: '150502', investorUscc: uscc(100) }));
      expect(byUscc.status).toBe(409);
      expect(byUscc.body).toMatchObject({ error: 'LOOK_ALIKE', message: expect.stringContaining(existing.projectNo) });
      expect(byUscc.body.details).toEqual([{ field: 'investorUscc', message: `与 ${existing.projectNo}「奈曼 光伏电站」的投资方统一社会信用代码相同` }]);

      const byName = await post(projectBody({ name: '奈曼光伏电站', regionCode: '150525' }));
      expect(byName.status).toBe(409);
      expect(byName.body.details).toEqual([{ field: 'name', message: `与 ${existing.projectNo}「奈曼 光伏电站」同名（同一地区）` }]);
      expect(await t.query('SELECT count(*)::int AS n FROM projects')).toEqual(before);
    });

    it('lets the same name stand in another region, and creates a look-alike once confirmed', async () => {
      expect((await post(projectBody({ name: '奈曼 光伏电站', regionCode: '150526' }))).status).toBe(201);
      const confirmed = await post(projectBody({ name: '奈曼 光伏电站', regionCode: '150525', investorUscc: uscc(100), confirmLookAlike: true }));
      expect(confirmed.status).toBe(201);
    });

    it('lists the candidates for the form, with their reasons; terminated projects included', async () => {
      const terminated = await createProject(t, admin, { name: '已终止的项目', investorUscc: uscc(101), stage: 'TERMINATED', terminatedAt: '2025-04-01', terminationReason: '撤资' });
      const response = await t.request<LookAlikeCandidate[]>('POST', '/api/v1/projects/look-alikes', {
        token: district,
        body: { name: '已终止的项目', regionCode: '150525', investorUscc: uscc(101) },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual([expect.objectContaining({ projectNo: terminated.projectNo, stage: 'TERMINATED', reasons: ['SAME_USCC', 'SAME_NAME_IN_REGION'] })]);
      const excluded = await t.request<LookAlikeCandidate[]>('POST', '/api/v1/projects/look-alikes', {
        token: district,
        body: { name: '已终止的项目', regionCode: '150525', investorUscc: uscc(101), excludeProjectNo: terminated.projectNo },
      });
      expect(excluded.body).toEqual([]);
    });
  });

  describe('capital increases (增资)', () => {
    it('links an increase to its parent, which is not its own look-alike, and lists it on the parent', async () => {
      const parent = await createProject(t, district, { name: '玉米深加工项目', industryCode: 'AG', investorUscc: uscc(200), contractAmountWan: '50000' });
      const increase = await post(projectBody({ name: '玉米深加工项目（二期增资）', industryCode: 'AG', investorUscc: uscc(200), contractAmountWan: '8000', parentProjectNo: parent.projectNo, signedAt: '2025-09-01' }), district);
      expect(increase.status).toBe(201);
      expect(increase.body).toMatchObject({ parentProjectNo: parent.projectNo, contractAmountWan: '8000.00' });
      const detail = await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${parent.id}`, { token: leader });
      expect(detail.body.capitalIncreases).toEqual([expect.objectContaining({ id: increase.body.id, projectNo: increase.body.projectNo, contractAmountWan: '8000.00', parentProjectNo: parent.projectNo })]);
      // a second increase looks like the first one: the user confirms it
      const second = await post(projectBody({ name: '玉米深加工项目（三期增资）', investorUscc: uscc(200), parentProjectNo: parent.projectNo }), district);
      expect(second.status).toBe(409);
      expect(second.body.details).toEqual([{ field: 'investorUscc', message: expect.stringContaining(increase.body.projectNo) }]);
    });

    it.each([
      ['a parent that does not exist', '150525-1999-0001', '150525', '增资所属项目 150525-1999-0001 不存在'],
      ['a parent in another region', null, '150502', expect.stringMatching(/^增资项目应与原项目 .+ 属于同一地区（奈曼旗）$/)],
    ])('refuses %s', async (_case, parentNo, regionCode, message) => {
      const parent = await createProject(t, admin, { regionCode: '150525' });
      const response = await post(projectBody({ regionCode, parentProjectNo: parentNo ?? parent.projectNo }));
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field: 'parentProjectNo', message }]);
    });
  });

  describe('audit log', () => {
    it('records every change with before and after under the field names, newest first', async () => {
      const p = await createProject(t, district, { contractAmountWan: '1200' });
      await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: district, body: { contractAmountWan: '1350.00', version: 1 } });
      await t.request('POST', `/api/v1/projects/${p.id}/stage`, { token: district, body: { to: 'REGISTERED', dates: { registeredAt: '2025-04-01' }, version: 2 } });
      const entries = await history(p.id);
      expect(entries.map((e) => e.action)).toEqual(['UPDATE', 'UPDATE', 'CREATE']);
      expect(entries[2]).toMatchObject({ entity: 'project', entityId: p.id, before: null, after: { projectNo: p.projectNo, contractAmountWan: '1200.00', stage: 'SIGNED' } });
      expect(entries[1].actorName).toMatch(/^测试DISTRICT_STAFF（districtstaff/);
      expect(entries[1]).toMatchObject({ before: { contractAmountWan: '1200.00' }, after: { contractAmountWan: '1350.00' } });
      expect(entries[0]).toMatchObject({ before: { stage: 'SIGNED', registeredAt: null }, after: { stage: 'REGISTERED', registeredAt: '2025-04-01' } });
      expect(Object.keys(entries[0].after ?? {}).sort()).toEqual(
        ['projectNo', 'name', 'regionCode', 'industryCode', 'investorName', 'investorUscc', 'investorOrigin', 'contractAmountWan', 'plannedInvestmentWan', 'stage', 'signedAt', 'registeredAt', 'constructionStartedAt', 'productionStartedAt', 'terminatedAt', 'terminationReason', 'plannedStartMonth', 'isKeyProject', 'leadOfficial', 'leadDepartment', 'districtContactId', 'districtContactName', 'nationalCode', 'statsRegistered', 'statsRegisteredMonth', 'statsCode', 'notes', 'parentProjectNo', 'approvals'].sort(),
      );
      const paged = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${p.id}/history?limit=2`, { token: district });
      expect(paged.body.items).toHaveLength(2);
      const rest = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${p.id}/history?limit=2&before=${paged.body.nextCursor}`, { token: district });
      expect(rest.body).toEqual({ items: [expect.objectContaining({ action: 'CREATE' })], nextCursor: null });
      expect((await t.request('GET', '/api/v1/projects/00000000-0000-4000-8000-000000000000/history', { token: district })).status).toBe(404);
    });

    it('rolls a change back when its audit row cannot be written: both land or neither', async () => {
      const p = await createProject(t, district, { contractAmountWan: '1200' });
      const items = ['FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION'].map((kind) => ({ kind, status: 'DONE', doneAt: '2025-03-05' }));
      await withAuditRefused('UPDATE', async () => {
        expect((await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: district, body: { contractAmountWan: '9999', version: 1 } })).status).toBe(500);
        expect((await t.request('POST', `/api/v1/projects/${p.id}/stage`, { token: district, body: { to: 'REGISTERED', dates: { registeredAt: '2025-04-01' }, version: 1 } })).status).toBe(500);
        expect((await t.request('PUT', `/api/v1/projects/${p.id}/approvals`, { token: district, body: { items, version: 1 } })).status).toBe(500);
      });
      const [row] = await t.query('SELECT contract_amount_wan, stage, registered_at, version FROM projects WHERE id = $1', [p.id]);
      expect(row).toEqual({ contract_amount_wan: '1200.00', stage: 'SIGNED', registered_at: null, version: 1 });
      expect(await t.query("SELECT count(*)::int AS n FROM project_approvals WHERE project_id = $1 AND status = 'DONE'", [p.id])).toEqual([{ n: 0 }]);
      expect((await history(p.id)).map((e) => e.action)).toEqual(['CREATE']);
    });
  });

  describe('region scoping (DOMAIN.md §7)', () => {
    let own: ProjectDetailDto;
    let other: ProjectDetailDto;
    beforeAll(async () => {
      own = await createProject(t, admin, { regionCode: '150525' });
      other = await createProject(t, admin, { regionCode: '150502' });
    });

    /** Each change a user may attempt on a project, with a body that would succeed. */
    const changes = (p: ProjectDto) => [
      ['PATCH', `/api/v1/projects/${p.id}`, { notes: '改', version: p.version }],
      ['POST', `/api/v1/projects/${p.id}/stage`, { to: 'TERMINATED', dates: { terminatedAt: '2025-06-01' }, terminationReason: '测试', version: p.version }],
      ['PUT', `/api/v1/projects/${p.id}/approvals`, { items: ['FILING', 'LAND', 'PLANNING', 'ENVIRONMENT', 'ENERGY', 'CONSTRUCTION'].map((kind) => ({ kind, status: 'IN_PROGRESS', doneAt: null })), version: p.version }],
    ] as const;

    it('keeps district staff to their own region for every change, reading everything', async () => {
      expect((await post(projectBody({ regionCode: '150502' }), district)).body).toMatchObject({ statusCode: 403, message: '旗县招商人员只能修改本地区的数据' });
      for (const [method, path, body] of changes(other)) {
        const response = await t.request<ApiErrorBody>(method, path, { token: district, body });
        expect({ path, status: response.status, message: response.body.message }).toEqual({ path, status: 403, message: '旗县招商人员只能修改本地区的数据' });
      }
      expect((await t.request('GET', `/api/v1/projects/${other.id}`, { token: district })).status).toBe(200);
      expect((await t.request('GET', `/api/v1/projects/search?regionCode=150502`, { token: district })).status).toBe(200);
      const mine = await createProject(t, district, { regionCode: '150525' });
      for (const [method, path, body] of changes(mine)) {
        const response = await t.request<ProjectDto>(method, path, { token: district, body: { ...body, version: (await t.request<ProjectDto>('GET', `/api/v1/projects/${mine.id}`, { token: district })).body.version } });
        expect({ path, status: response.status }).toEqual({ path, status: 200 });
      }
    });

    it('answers a district user with 404 for a project that does not exist and 400 for a malformed id, not 403', async () => {
      const missing = await t.request<ApiErrorBody>('PATCH', '/api/v1/projects/00000000-0000-4000-8000-000000000000', { token: district, body: { notes: 'x', version: 1 } });
      expect(missing.status).toBe(404);
      const malformed = await t.request<ApiErrorBody>('POST', '/api/v1/projects/not-a-uuid/stage', { token: district, body: { to: 'SIGNED', dates: {}, version: 1 } });
      expect(malformed.status).toBe(400);
    });

    it('lets leaders read and change nothing', async () => {
      expect((await t.request('GET', `/api/v1/projects/${own.id}`, { token: leader })).status).toBe(200);
      expect((await t.request('GET', `/api/v1/projects/${own.id}/history`, { token: leader })).status).toBe(200);
      expect((await post(projectBody(), leader)).status).toBe(403);
      for (const [method, path, body] of changes(own)) expect((await t.request(method, path, { token: leader, body })).status).toBe(403);
    });

    it.each([['CITY_STAFF'], ['ADMIN']])('lets %s change projects of every region', async (role) => {
      const token = role === 'ADMIN' ? admin : city;
      const p = await createProject(t, token, { regionCode: '150571' });
      for (const [method, path, body] of changes(p)) {
        const current = (await t.request<ProjectDto>('GET', `/api/v1/projects/${p.id}`, { token })).body;
        expect((await t.request(method, path, { token, body: { ...body, version: current.version } })).status).toBe(200);
      }
    });

    it('admits API keys of scope read to the statistics feed only', async () => {
      const key = async (scope: string) =>
        (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: `projects ${scope}`, scopes: [scope] } })).body.key;
      const read = await key('read');
      const fai = await key('fai:write');
      expect((await t.request('GET', '/api/v1/projects', { apiKey: read })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/projects', { apiKey: fai })).status).toBe(403);
      for (const path of ['/api/v1/projects/search', `/api/v1/projects/${own.id}`, `/api/v1/projects/${own.id}/history`, '/api/v1/projects/export']) {
        expect({ path, status: (await t.request('GET', path, { apiKey: read })).status }).toEqual({ path, status: 403 });
      }
      expect((await t.request('POST', '/api/v1/projects', { apiKey: read, body: projectBody() })).status).toBe(403);
    });
  });
});
