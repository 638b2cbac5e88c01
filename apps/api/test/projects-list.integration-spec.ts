import type { ApiErrorBody, Page, ProjectDetailDto, ProjectDto, ProjectSearchResponse } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/** The web list (search, totals, export) and the statistics feed of DOMAIN.md §8. */
describe('projects: list, export and feed', () => {
  let t: TestApp;
  let admin: string;
  let leader: string;
  const p = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', ProjectDetailDto>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    leader = (await t.userToken('LEADER')).token;
    // a 包联领导 whose name a spreadsheet would read as a formula (the export must defuse it)
    await t.request('POST', '/api/v1/leaders', { token: admin, body: { name: '-1', level: 'CITY' } });
    p.a = await createProject(t, admin, { regionCode: '150502', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '0.10', signedAt: '2024-01-15', isKeyProject: true, name: 'Alpha 风电', investorName: '远景能源' });
    p.b = await createProject(t, admin, { regionCode: '150502', industryCode: 'AG', investorOrigin: 'LOCAL', contractAmountWan: '0.20', signedAt: '2024-06-01', name: '100%_纯玉米', investorName: '本地农牧' });
    p.c = await createProject(t, admin, { regionCode: '150525', industryCode: 'NE', investorOrigin: 'FOREIGN', contractAmountWan: '5000', signedAt: '2025-02-01', isKeyProject: true, stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-01' });
    p.d = await createProject(t, admin, { regionCode: '150525', industryCode: 'EQ', investorOrigin: 'IN_REGION_OUT_OF_CITY', contractAmountWan: '1000', signedAt: null, stage: 'NEGOTIATING' });
    p.e = await createProject(t, admin, { regionCode: '150581', industryCode: 'CH', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '20000', signedAt: '2023-11-11', name: '=cmd|calc', investorName: '+danger', notes: '@SUM(A1)', leadOfficial: '-1' });
    p.f = await createProject(t, admin, { regionCode: '150581', industryCode: 'CH', investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '300.55', signedAt: '2025-07-01', stage: 'TERMINATED', terminatedAt: '2025-08-01', terminationReason: '停建' });
  });
  afterAll(() => t?.stop());

  const search = (query: string) => t.request<ProjectSearchResponse & ApiErrorBody>('GET', `/api/v1/projects/search?${query}`, { token: leader });
  const names = (response: { body: ProjectSearchResponse }) => response.body.items.map((i) => nameOf(i.id));
  const nameOf = (id: string) => Object.entries(p).find(([, v]) => v.id === id)?.[0];

  describe('search', () => {
    it('pages with the totals of the whole filtered set, summed exactly', async () => {
      const all = await search('');
      expect(all.status).toBe(200);
      expect(all.body.total).toEqual({ count: 6, contractAmountWan: '26300.85' });
      expect(all.body).toMatchObject({ page: 1, pageSize: 20 });
      expect(names(all)).toEqual(['f', 'e', 'd', 'c', 'b', 'a']); // most recently changed first by default
      const kerqin = await search('regionCode=150502');
      expect(kerqin.body.total).toEqual({ count: 2, contractAmountWan: '0.30' });
      expect(kerqin.body.items[0]).toEqual({
        id: p.b.id,
        projectNo: p.b.projectNo,
        name: '100%_纯玉米',
        regionCode: '150502',
        regionName: '科尔沁区',
        industryCode: 'AG',
        industryName: '玉米生物及农畜产品精深加工（含肉牛）',
        investorName: '本地农牧',
        investorOrigin: 'LOCAL',
        contractAmountWan: '0.20',
        stage: 'SIGNED',
        signedAt: '2024-06-01',
        isKeyProject: false,
        parentProjectNo: null,
        updatedAt: p.b.updatedAt,
        arrivedFundsWan: '0.00',
      });
      const none = await search('regionCode=150526');
      expect(none.body).toEqual({ items: [], page: 1, pageSize: 20, total: { count: 0, contractAmountWan: '0.00' } });
    });

    it.each([
      ['industryCode=CH', ['e', 'f']],
      ['stage=NEGOTIATING', ['d']],
      ['investorOrigin=LOCAL', ['b']],
      ['isKeyProject=true', ['a', 'c']],
      ['isKeyProject=false', ['b', 'd', 'e', 'f']],
      ['signedFrom=2024-01-01&signedTo=2024-12-31', ['a', 'b']],
      ['signedFrom=2025-02-01', ['c', 'f']],
      ['amountMin=1000&amountMax=5000', ['c', 'd']],
      ['q=风电', ['a']],
      ['q=远景', ['a']],
      ['q=%25', ['b']],
      ['q=_', ['b']],
      ['q=alpha', ['a']],
      ['q=ALPHA', ['a']],
      ['q=米', ['b']],
      ['q=风电远景', []], // pieces of two fields together are no match
      ['q=Alpha%20风电', ['a']],
      ['regionCode=150525&industryCode=NE&isKeyProject=true', ['c']],
    ])('filters by %s', async (query, expected) => {
      const response = await search(`${query}&sort=projectNo`);
      expect(response.status).toBe(200);
      expect(names(response).sort()).toEqual(expected);
      expect(response.body.total.count).toBe(expected.length);
    });

    it('finds the text through its index (the query matches the index expression)', async () => {
      // six rows make a sequential scan cheapest: forbid it, so the plan shows whether the index fits
      const client = new Client({ connectionString: t.databaseUrl });
      await client.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT id FROM projects p WHERE project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams('玉米')`,
        );
        expect(plan.rows.map((row) => row['QUERY PLAN']).join('\n')).toContain('idx_projects_search');
      } finally {
        await client.end();
      }
      // the pieces as a set: GIN keeps each key once per row and `@>` ignores repeats (FasterSearchGrams)
      const [{ grams, repeated, empty }] = await t.query<{ grams: string[]; repeated: string[]; empty: string[] }>(
        `SELECT search_grams('Ab玉米') AS grams, search_grams('米米米') AS repeated, search_grams('') AS empty`,
      );
      expect([...new Set(grams)].sort()).toEqual(['a', 'ab', 'b', 'b玉', '玉', '玉米', '米'].sort());
      expect([...new Set(repeated)].sort()).toEqual(['米', '米米']);
      expect(empty).toEqual([]);
    });

    it('searches the project number too', async () => {
      expect(names(await search(`q=${p.c.projectNo}`))).toEqual(['c']);
      expect(names(await search(`q=${p.e.projectNo.slice(0, 8)}`)).sort()).toEqual(['e', 'f']);
    });

    it.each([
      ['sort=contractAmountWan', ['a', 'b', 'f', 'd', 'c', 'e']],
      ['sort=contractAmountWan&order=desc', ['e', 'c', 'd', 'f', 'b', 'a']],
      ['sort=signedAt&order=desc', ['f', 'c', 'b', 'a', 'e', 'd']],
      ['sort=signedAt&order=asc', ['e', 'a', 'b', 'c', 'f', 'd']],
    ])('sorts by %s (unsigned projects last either way)', async (query, expected) => {
      expect(names(await search(query))).toEqual(expected);
    });

    it('sorts stages in the order of progress and breaks ties by id, the same way every time', async () => {
      const byStage = await search('sort=stage');
      expect(byStage.body.items.map((i) => i.stage)).toEqual(['NEGOTIATING', 'SIGNED', 'SIGNED', 'SIGNED', 'UNDER_CONSTRUCTION', 'TERMINATED']);
      const signed = byStage.body.items.filter((i) => i.stage === 'SIGNED').map((i) => i.id);
      expect(signed).toEqual([...signed].sort());
      expect((await search('sort=stage')).body.items).toEqual(byStage.body.items);
      const byRegion = await search('sort=regionCode&order=desc');
      expect(byRegion.body.items.map((i) => i.regionCode)).toEqual(['150581', '150581', '150525', '150525', '150502', '150502']);
    });

    it('pages without repeating or skipping', async () => {
      const page2 = await search('sort=contractAmountWan&pageSize=2&page=2');
      expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: { count: 6, contractAmountWan: '26300.85' } });
      expect(names(page2)).toEqual(['f', 'd']);
      expect(names(await search('sort=contractAmountWan&pageSize=2&page=4'))).toEqual([]);
    });

    it.each([
      ['pageSize=201', 'pageSize', '每页条数不能大于 200'],
      ['page=0', 'page', '页码不能小于 1'],
      ['sort=investorUscc', 'sort', expect.stringMatching(/^排序字段必须是以下之一：projectNo、/)],
      ['signedFrom=2025-02-30', 'signedFrom', '签约日期起应为有效日期（YYYY-MM-DD）'],
      ['amountMin=-1', 'amountMin', '签约额下限(万元)应为数字，最多 2 位小数'],
      ['isKeyProject=yes', 'isKeyProject', '重点项目必须是 true 或 false'],
      ['region=150502', 'region', '不允许的字段：region'],
    ])('refuses %s with 400 naming the parameter', async (query, field, message) => {
      const response = await search(query);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field, message }]);
    });
  });

  describe('export', () => {
    const HEADERS = [
      '项目编号', '项目名称', '所属地区', '产业类别', '投资方名称', '投资方统一社会信用代码', '投资方来源', '签约额(万元)', '计划总投资(万元)', '签约日期', '计划开工月份', '项目阶段',
      '注册日期', '开工日期', '投产日期', '终止日期', '终止原因', '重点项目', '包联领导', '责任单位', '旗县联系人', '投资项目代码', '统计入库', '入库月份', '备注',
    ];

    async function download(query: string): Promise<{ response: Response; rows: unknown[][] }> {
      const response = await fetch(`${t.baseUrl}/api/v1/projects/export?${query}`, { headers: { authorization: `Bearer ${leader}` } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await response.arrayBuffer());
      const sheet = workbook.worksheets[0];
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { response, rows };
    }

    it('writes the filtered, sorted list with the import’s headers, neutralising formula-like text', async () => {
      const { response, rows } = await download('regionCode=150581&sort=signedAt');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="projects-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`项目清单-${today}.xlsx`)}`);
      expect(rows[0]).toEqual(HEADERS);
      expect(rows).toHaveLength(3);
      const e = Object.fromEntries(HEADERS.map((h, i) => [h, rows[1][i]]));
      expect(e).toMatchObject({
        项目编号: p.e.projectNo,
        项目名称: "'=cmd|calc",
        所属地区: '霍林郭勒市',
        产业类别: '现代煤化工及天然碱化工',
        投资方名称: "'+danger",
        投资方来源: '区外',
        '签约额(万元)': 20000,
        签约日期: '2023-11-11',
        项目阶段: '已签约',
        重点项目: '否',
        包联领导: "'-1",
        统计入库: '否',
        备注: "'@SUM(A1)",
      });
      expect(rows[2][HEADERS.indexOf('项目阶段')]).toBe('已终止');
      expect(rows[2][HEADERS.indexOf('签约额(万元)')]).toBe(300.55);
      expect(rows[2][HEADERS.indexOf('终止原因')]).toBe('停建');
    });

    it('exports everything when unfiltered, ignoring paging, and an empty sheet when nothing matches', async () => {
      expect((await download('page=2&pageSize=1')).rows).toHaveLength(7);
      expect((await download('regionCode=150526')).rows).toEqual([HEADERS]);
      const bad = await t.request<ApiErrorBody>('GET', '/api/v1/projects/export?sort=nope', { token: leader });
      expect(bad.status).toBe(400);
    });
  });

  describe('statistics feed GET /projects (DOMAIN.md §8)', () => {
    const feed = (query: string, auth: { token?: string; apiKey?: string } = { token: leader }) =>
      t.request<Page<ProjectDto> & ApiErrorBody>('GET', `/api/v1/projects?${query}`, auth);

    it('pages through every project in commit order with an opaque cursor', async () => {
      const first = await feed('limit=4');
      expect(first.status).toBe(200);
      expect(first.body.items.map((i) => nameOf(i.id))).toEqual(['a', 'b', 'c', 'd']);
      const { capitalIncreases: _none, ...a } = p.a;
      expect(first.body.items[0]).toEqual(a);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await feed(`limit=4&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((i) => nameOf(i.id))).toEqual(['e', 'f']);
      expect(second.body.nextCursor).toBeNull();
      expect((await feed('limit=6')).body.nextCursor).toBeNull();
    });

    it('returns only what changed after updatedSince, with the filters', async () => {
      const since = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const patched = await t.request<ProjectDto>('PATCH', `/api/v1/projects/${p.c.id}`, { token: admin, body: { notes: '更新', version: p.c.version } });
      expect(patched.status).toBe(200);
      const changed = await feed(`updatedSince=${encodeURIComponent(since)}`);
      const { capitalIncreases: _none, ...c } = patched.body as ProjectDetailDto;
      expect(changed.body).toEqual({ items: [c], nextCursor: null, resumeCursor: expect.any(String) });
      expect((await feed(`updatedSince=${encodeURIComponent(since)}&regionCode=150502`)).body.items).toEqual([]);
      expect((await feed('regionCode=150502&limit=1000')).body.items.map((i) => nameOf(i.id))).toEqual(['a', 'b']);
      // the changed project moved to the end of the order
      expect((await feed('limit=1000')).body.items.map((i) => nameOf(i.id))).toEqual(['a', 'b', 'd', 'e', 'f', 'c']);
    });

    it('serves API keys of scope read', async () => {
      const key = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: 'statistics', scopes: ['read'] } })).body.key;
      const response = await feed('limit=1', { apiKey: key });
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(1);
    });

    it.each([
      ['cursor=garbage', 'cursor', '翻页游标格式不正确，请使用上一页返回的 nextCursor'],
      ['updatedSince=yesterday', 'updatedSince', '变更起始时间应为 ISO 8601 时刻，例如 2025-06-01T00:00:00Z'],
      ['limit=1001', 'limit', '每页条数不能大于 1000'],
    ])('refuses %s with 400', async (query, field, message) => {
      const response = await feed(query);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([{ field, message }]);
    });
  });

  it('documents every project route in OpenAPI, in Chinese', async () => {
    const doc = await t.request<{ paths: Record<string, Record<string, { summary: string; description: string }>> }>('GET', '/api/openapi.json');
    const operations = Object.entries(doc.body.paths)
      .filter(([path]) => path.startsWith('/api/v1/projects'))
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, ...op })));
    expect(operations).toHaveLength(11); // with GET /projects/{id}/warnings (issue 6)
    for (const op of operations) {
      expect(op.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(op.description).toContain('可用角色：');
    }
  });

  it('shows each row’s 累计到位资金: its verified reports of every month, summed in SQL (issue 13)', async () => {
    await fileReport(t, admin, p.c, '2025-05', { arrivedEquityWan: '100.10', arrivedLoanWan: '20', arrivedOtherWan: '5' });
    await fileReport(t, admin, p.c, '2025-06', { arrivedEquityWan: '0.45' });
    // submitted, not verified: not yet counted
    await fileReport(t, admin, p.c, '2025-07', { arrivedEquityWan: '1000' }, false);
    const list = await search('regionCode=150525&sort=projectNo');
    const arrived = Object.fromEntries(list.body.items.map((i) => [i.id, i.arrivedFundsWan]));
    expect(arrived).toEqual({ [p.c.id]: '125.55', [p.d.id]: '0.00' });
  });
});
