import {
  type ApiErrorBody,
  type AuditEntryDto,
  type CorrectionPage,
  type ImportRowError,
  INVESTOR_ORIGIN_LABELS,
  type Page,
  type ProjectDetailDto,
  STAGE_LABELS,
} from '@zhaoshang/shared/domain';
import { Client } from 'pg';
import { type Cell, counts, PROJECT_HEADER, projectImportRow, upload, xlsx } from './fixtures/imports/files.js';
import { createProject, projectBody } from './support/projects.js';
import { TestApp } from './support/test-app.js';

type Reply = ProjectDetailDto & ApiErrorBody;
type ImportReply = { created: number; updated: number; unchanged: number; errors?: ImportRowError[] } & ApiErrorBody;

const CLOSED = ['2025-03', '2025-04'];

/** DOMAIN.md §5 "Closed periods stay closed" on the API, the stage moves and the projects import; §7 for who reads the list. */
describe('corrections: closed periods stay closed', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    // 包联领导 come from the list an admin keeps (DOMAIN.md §9)
    await t.request('POST', '/api/v1/leaders', { token: admin, body: { name: '张三', level: 'DISTRICT', regionCode: '150525' } });
  });
  afterAll(() => t?.stop());

  /** 月结 written directly: this spec is about the projects' side, not how a month is closed. */
  const closeMonths = async () => {
    for (const month of CLOSED) {
      await t.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ($1, true, now(), '测试', 1)
        ON CONFLICT (month) DO UPDATE SET closed = true`, [month]);
    }
  };
  const patch = (p: { id: string; version: number }, body: Record<string, unknown>, token: string) =>
    t.request<Reply>('PATCH', `/api/v1/projects/${p.id}`, { token, body: { version: p.version, ...body } });
  const move = (p: { id: string; version: number }, body: Record<string, unknown>, token: string) =>
    t.request<Reply>('POST', `/api/v1/projects/${p.id}/stage`, { token, body: { version: p.version, ...body } });
  const get = async (id: string) => (await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${id}`, { token: admin })).body;
  const correctionsOf = (projectId: string) =>
    t.query<{ source: string; months: string[]; fields: string[]; before: Record<string, unknown>; after: Record<string, unknown>; reason: string; actor_name: string }>(
      `SELECT source, months::text[] AS months, fields, before, after, reason, actor_name FROM corrections WHERE project_id = $1 ORDER BY at`,
      [projectId],
    );
  const list = (query: string, token = district) => t.request<CorrectionPage>('GET', `/api/v1/corrections${query}`, { token });

  /** An import row that restates the project as it is, with what the test changes. */
  const rowOf = (p: ProjectDetailDto, overrides: Partial<Record<string, Cell>> = {}): Cell[] =>
    projectImportRow({
      项目编号: p.projectNo,
      项目名称: p.name,
      投资方名称: p.investorName,
      投资方来源: INVESTOR_ORIGIN_LABELS[p.investorOrigin],
      '签约额(万元)': Number(p.contractAmountWan),
      签约日期: p.signedAt,
      项目阶段: STAGE_LABELS[p.stage],
      注册日期: p.registeredAt,
      开工日期: p.constructionStartedAt,
      ...overrides,
    });
  const importRows = async (rows: Cell[][], token: string) => upload<ImportReply>(t, token, await xlsx([PROJECT_HEADER, ...rows]), 'projects.xlsx', { kind: 'projects' });

  let marchProject: ProjectDetailDto;
  let aprilLocal: ProjectDetailDto;
  let juneProject: ProjectDetailDto;
  let importTarget: ProjectDetailDto;
  let backwardTarget: ProjectDetailDto;
  let startTarget: ProjectDetailDto;

  beforeAll(async () => {
    // registered while every month is open; then 2025-03 and 2025-04 are closed
    marchProject = await createProject(t, district, { signedAt: '2025-03-05' });
    aprilLocal = await createProject(t, district, { signedAt: '2025-04-02', investorOrigin: 'LOCAL' });
    juneProject = await createProject(t, district, { signedAt: '2025-06-10' });
    importTarget = await createProject(t, district, { signedAt: '2025-04-20', investorOrigin: 'LOCAL' });
    backwardTarget = await createProject(t, district, { signedAt: '2025-06-12', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-07-01' });
    startTarget = await createProject(t, district, { signedAt: '2025-03-10' });
    await closeMonths();
  });

  describe('PATCH /projects/:id', () => {
    it('refuses district staff re-dating a signing of a closed month: 409 PERIOD_CLOSED naming the month and the field, nothing written', async () => {
      const response = await patch(marchProject, { signedAt: '2025-05-10' }, district);
      expect(response.status).toBe(409);
      expect(response.body.error).toBe('PERIOD_CLOSED');
      expect(response.body.message).toBe('2025年3月、2025年4月已月结，修改签约日期会改变这些月份已发布的数据；如需更正请联系市级招商人员');
      expect(response.body.details).toEqual([{ field: 'signedAt', message: '修改签约日期会改变已月结的2025年3月、2025年4月的数据' }]);
      expect((await get(marchProject.id)).signedAt).toBe('2025-03-05');
      expect(await correctionsOf(marchProject.id)).toEqual([]);
    });

    it('refuses district staff switching the origin of a project signed in a closed month', async () => {
      const response = await patch(aprilLocal, { investorOrigin: 'OUT_OF_REGION' }, district);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ error: 'PERIOD_CLOSED', message: expect.stringContaining('2025年4月已月结，修改投资方来源') });
      expect(response.body.details?.map((d) => d.field)).toEqual(['investorOrigin']);
    });

    it('lets anyone change what touches only open months, and fields that count nowhere', async () => {
      const june = await patch(juneProject, { signedAt: '2025-06-20', contractAmountWan: '3000', investorOrigin: 'LOCAL' }, district);
      expect(june.status).toBe(200);
      const notes = await patch(marchProject, { notes: '补充说明', leadOfficial: '张三' }, district);
      expect(notes.status).toBe(200);
      marchProject = notes.body;
      expect(await correctionsOf(juneProject.id)).toEqual([]);
    });

    it('asks city staff for the reason (409, details name correctionReason), then accepts the correction and records it', async () => {
      const refused = await patch(marchProject, { signedAt: '2025-05-10' }, city);
      expect(refused.status).toBe(409);
      expect(refused.body.error).toBe('PERIOD_CLOSED');
      expect(refused.body.message).toContain('请填写更正原因');
      expect(refused.body.details?.map((d) => d.field)).toEqual(['correctionReason', 'signedAt']);

      const blank = await patch(marchProject, { signedAt: '2025-05-10', correctionReason: '   ' }, city);
      expect(blank.status).toBe(409);

      const accepted = await patch(marchProject, { signedAt: '2025-05-10', correctionReason: '合同实际签订日期为5月10日' }, city);
      expect(accepted.status).toBe(200);
      expect(accepted.body.signedAt).toBe('2025-05-10');
      marchProject = accepted.body;
      expect(await correctionsOf(marchProject.id)).toEqual([
        {
          source: 'EDIT',
          months: ['2025-03', '2025-04'],
          fields: ['signedAt'],
          before: { signedAt: '2025-03-05' },
          after: { signedAt: '2025-05-10' },
          reason: '合同实际签订日期为5月10日',
          actor_name: '测试CITY_STAFF',
        },
      ]);
      const history = await t.request<Page<AuditEntryDto>>('GET', `/api/v1/projects/${marchProject.id}/history`, { token: admin });
      expect(history.body.items[0].after).toMatchObject({ signedAt: '2025-05-10', correctionReason: '合同实际签订日期为5月10日' });
    });

    it('accepts an admin switching an origin with a reason', async () => {
      const accepted = await patch(aprilLocal, { investorOrigin: 'OUT_OF_REGION', correctionReason: '投资方实为区外企业' }, admin);
      expect(accepted.status).toBe(200);
      aprilLocal = accepted.body;
      expect(await correctionsOf(aprilLocal.id)).toMatchObject([{ source: 'EDIT', months: ['2025-04'], fields: ['investorOrigin'], before: { investorOrigin: 'LOCAL' }, after: { investorOrigin: 'OUT_OF_REGION' } }]);
    });
  });

  describe('POST /projects (a late registration)', () => {
    it('refuses district staff a new project signed in a closed month, and takes one signed in an open month', async () => {
      const before = await counts(t);
      const refused = await t.request<Reply>('POST', '/api/v1/projects', { token: district, body: projectBody({ signedAt: '2025-04-15' }) });
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: 'PERIOD_CLOSED', message: expect.stringContaining('2025年4月已月结') });
      expect(await counts(t)).toEqual(before);
      expect((await t.request<Reply>('POST', '/api/v1/projects', { token: district, body: projectBody({ signedAt: '2025-05-15' }) })).status).toBe(201);
    });

    it('takes it from city staff with a reason, recorded as 补录项目', async () => {
      const noReason = await t.request<Reply>('POST', '/api/v1/projects', { token: city, body: projectBody({ signedAt: '2025-04-15' }) });
      expect(noReason.status).toBe(409);
      expect(noReason.body.details?.[0].field).toBe('correctionReason');
      const created = await t.request<Reply>('POST', '/api/v1/projects', { token: city, body: { ...projectBody({ signedAt: '2025-04-15', contractAmountWan: '2500' }), correctionReason: '4月签约漏报，补录' } });
      expect(created.status).toBe(201);
      const [row] = await correctionsOf(created.body.id);
      expect(row).toMatchObject({ source: 'CREATE', months: ['2025-04'], reason: '4月签约漏报，补录', before: {} });
      expect(row.after).toMatchObject({ signedAt: '2025-04-15', contractAmountWan: '2500.00' });
    });

    it('treats a new import row signed in a closed month the same way', async () => {
      const row = projectImportRow({ 项目名称: '补录导入项目', 签约日期: '2025-03-20' });
      const refused = await importRows([row], district);
      expect(refused.status).toBe(422);
      expect(refused.body.errors?.[0]).toMatchObject({ row: 2, column: '签约日期', message: expect.stringContaining('2025年3月') });
      const accepted = await importRows([[...row.slice(0, PROJECT_HEADER.length - 1), '3月签约漏报']], city);
      expect(accepted.body).toMatchObject({ created: 1 });
      const [created] = await t.query<{ id: string }>(`SELECT id FROM projects WHERE name = '补录导入项目'`);
      expect(await correctionsOf(created.id)).toEqual([expect.objectContaining({ source: 'IMPORT', months: ['2025-03', '2025-04'], reason: '3月签约漏报' })]);
    });
  });

  describe('POST /projects/:id/stage', () => {
    it('refuses district staff a start dated in a closed month, and lets them date it in an open one', async () => {
      const refused = await move(aprilLocal, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-04-25' } }, district);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ error: 'PERIOD_CLOSED', message: expect.stringContaining('2025年4月已月结，修改开工日期') });
      const open = await move(aprilLocal, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-05-06' } }, district);
      expect(open.status).toBe(200);
      aprilLocal = open.body;
    });

    it('asks city staff for the reason of a start in a closed month, then records it', async () => {
      const refused = await move(startTarget, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-04-28' } }, city);
      expect(refused.status).toBe(409);
      expect(refused.body.details?.map((d) => d.field)).toEqual(['reason', 'constructionStartedAt']);
      const accepted = await move(startTarget, { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-04-28' }, reason: '漏报开工' }, city);
      expect(accepted.status).toBe(200);
      expect(await correctionsOf(startTarget.id)).toMatchObject([
        { source: 'STAGE', months: ['2025-04'], fields: ['constructionStartedAt'], before: { stage: 'SIGNED', constructionStartedAt: null }, after: { stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-28' } },
      ]);
    });

    it('records a backward move as a correction even when it touches no closed month', async () => {
      const moved = await move(backwardTarget, { to: 'SIGNED', dates: {}, reason: '误报开工' }, city);
      expect(moved.status).toBe(200);
      backwardTarget = moved.body;
      expect(await correctionsOf(backwardTarget.id)).toMatchObject([
        { source: 'STAGE', months: [], fields: ['stage'], before: { stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-07-01' }, after: { stage: 'SIGNED', constructionStartedAt: null }, reason: '误报开工' },
      ]);
    });
  });

  describe('POST /imports kind=projects', () => {
    it('refuses district staff a row that switches the origin of a closed month, at that row and column, and writes nothing', async () => {
      const before = await counts(t);
      const response = await importRows([rowOf(importTarget, { 投资方来源: '区外' }), projectImportRow({ 项目名称: '同一文件中的新项目', 签约日期: '2025-06-01' })], district);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([
        { sheet: 'Sheet1', row: 2, column: '投资方来源', message: '2025年4月已月结，修改投资方来源会改变该月已发布的数据；如需更正请联系市级招商人员' },
      ]);
      expect(await counts(t)).toEqual(before);
      expect((await get(importTarget.id)).investorOrigin).toBe('LOCAL');
    });

    it('asks city staff for 更正原因 at that column', async () => {
      const response = await importRows([rowOf(importTarget, { 投资方来源: '区外' })], city);
      expect(response.status).toBe(422);
      expect(response.body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '更正原因', message: expect.stringContaining('请填写更正原因') }]);
    });

    it('applies the row with 更正原因 and records the correction', async () => {
      const response = await importRows([rowOf(importTarget, { 投资方来源: '区外', 更正原因: '按合同更正投资方来源' })], city);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ updated: 1 });
      expect((await get(importTarget.id)).investorOrigin).toBe('OUT_OF_REGION');
      expect(await correctionsOf(importTarget.id)).toMatchObject([{ source: 'IMPORT', months: ['2025-04'], fields: ['investorOrigin'], reason: '按合同更正投资方来源' }]);
      // the audit entry (made by PostgreSQL for imports): the project before and after, the reason added to `after`
      const [entry] = await t.query<{ before: Record<string, unknown>; after: Record<string, unknown> }>(
        `SELECT before, after FROM audit_log WHERE entity = 'project' AND entity_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`,
        [importTarget.id],
      );
      expect(entry.before).toMatchObject({ investorOrigin: importTarget.investorOrigin, projectNo: importTarget.projectNo });
      expect(entry.after).toMatchObject({ investorOrigin: 'OUT_OF_REGION', projectNo: importTarget.projectNo, correctionReason: '按合同更正投资方来源' });
    });

    it('needs 更正原因 for a backward stage, and the right for it', async () => {
      const project = await get(aprilLocal.id);
      const back = rowOf(project, { 项目阶段: '已签约', 开工日期: null });
      expect((await importRows([back], district)).body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '项目阶段', message: expect.stringContaining('属于更正') }]);
      expect((await importRows([back], city)).body.errors).toEqual([{ sheet: 'Sheet1', row: 2, column: '更正原因', message: expect.stringContaining('必须填写更正原因') }]);
      const done = await importRows([rowOf(project, { 项目阶段: '已签约', 开工日期: null, 更正原因: '开工日期有误' })], city);
      expect(done.status).toBe(200);
      expect((await correctionsOf(aprilLocal.id)).at(-1)).toMatchObject({ source: 'IMPORT', months: [], fields: ['stage'] });
    });

    it('lets a row change what touches only open months without a reason', async () => {
      const project = await get(juneProject.id);
      const response = await importRows([rowOf(project, { '签约额(万元)': 4500 })], district);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ updated: 1 });
    });
  });

  describe('GET /corrections', () => {
    it('lists every correction newest first, readable by district staff, with filters', async () => {
      const all = await list('');
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(8);
      expect(all.body.items.map((c) => c.source)).toEqual(['IMPORT', 'IMPORT', 'STAGE', 'STAGE', 'IMPORT', 'CREATE', 'EDIT', 'EDIT']);
      const times = all.body.items.map((c) => c.at);
      expect([...times].sort().reverse()).toEqual(times);
      const first = all.body.items.find((c) => c.projectId === marchProject.id);
      expect(first).toMatchObject({ projectNo: marchProject.projectNo, projectName: marchProject.name, regionName: '奈曼旗', months: ['2025-03', '2025-04'], fields: ['signedAt'] });

      // the late registrations of POST /projects and of the import are listed too
      expect((await list('?month=2025-03')).body.items.map((c) => c.source)).toEqual(['IMPORT', 'EDIT']);
      expect((await list('?month=2025-04')).body.total).toBe(6);
      expect((await list('?month=2025-01')).body.total).toBe(0);
      expect((await list(`?q=${encodeURIComponent(marchProject.projectNo)}`)).body.total).toBe(1);
      expect((await list('?region=150502')).body.total).toBe(0);
      expect((await list('?page=1&pageSize=2')).body).toMatchObject({ page: 1, pageSize: 2, total: 8 });
      expect((await list('?page=1&pageSize=2')).body.items).toHaveLength(2);
      expect((await list('?from=2000-01-01&to=2000-12-31')).body.total).toBe(0);
      expect((await list('?month=2025-3')).status).toBe(400);
    });
  });

  describe('a month closed while a change is under way', () => {
    it('serialises with a first close of a month (no 月结 row yet): the change waits, then sees the month closed', async () => {
      const project = await get(juneProject.id);
      const closer = new Client({ connectionString: t.databaseUrl });
      await closer.connect();
      try {
        // a close of 2025-06 in flight, as MonthsService does it: the row is inserted, not yet committed
        await closer.query('BEGIN');
        await closer.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ('2025-06', true, now(), '测试', 1)`);
        let answered = false;
        const change = patch(project, { signedAt: '2025-07-01' }, district).then((response) => {
          answered = true;
          return response;
        });
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(answered).toBe(false);
        await closer.query('COMMIT');
        const response = await change;
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ error: 'PERIOD_CLOSED', message: expect.stringContaining('2025年6月已月结') });
      } finally {
        await closer.end();
      }
    });
  });
});
