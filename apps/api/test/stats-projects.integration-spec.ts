import type { ApiErrorBody, ProjectDetailDto, ReconciliationResponse, StatsCoverageResponse, StatsProjectItem, StatsProjectsWriteResult } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/** DOMAIN.md §10: the statistics bureau's project list, the reconciliation's five lists, taking their 入库 month over. */
describe('stats projects: the bureau list and the reconciliation', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let otherDistrict: string;
  let leader: string;
  let statsKey: string;
  let readKey: string;
  const MONTH = '2026-02';

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    otherDistrict = (await t.userToken('DISTRICT_STAFF', '150526')).token;
    leader = (await t.userToken('LEADER')).token;
    for (const scope of ['stats:write', 'read'] as const) {
      const created = await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: `统计 ${scope}`, scopes: [scope] } });
      if (scope === 'read') readKey = created.body.key;
      else statsKey = created.body.key;
    }
  });
  afterAll(() => t?.stop());

  const item = (overrides: Partial<StatsProjectItem>): StatsProjectItem => ({
    nationalCode: '2025-150525-44-01-000001',
    name: '某项目',
    regionCode: '150525',
    registeredMonth: '2025-06',
    completedYtdWan: '100.00',
    month: MONTH,
    ...overrides,
  });
  const put = (body: unknown, auth: { apiKey?: string; token?: string } = { apiKey: statsKey }) => t.request<StatsProjectsWriteResult & ApiErrorBody>('PUT', '/api/v1/stats-projects', { ...auth, body });
  const rowsOf = async (month = MONTH) => (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM stats_projects WHERE month = $1`, [month]))[0].n;
  const reconcile = async (region = '150525', month = MONTH, token = leader) => {
    const response = await t.request<ReconciliationResponse>('GET', `/api/v1/stats-projects/reconciliation?month=${month}&region=${region}`, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  describe('PUT /stats-projects', () => {
    const month = '2026-01';
    const list = [
      item({ nationalCode: '2025-150525-44-01-100001', name: '甲', month }),
      item({ nationalCode: '2025-150525-44-01-100002', name: '乙', month, completedYtdWan: '250.5' }),
      item({ nationalCode: '2025-150526-44-01-100003', name: '丙', regionCode: '150526', month }),
    ];

    it('lists every problem at once, by row and field, in Chinese, and writes nothing', async () => {
      const response = await put({
        month,
        items: [
          item({ nationalCode: '2025-1505', month }),
          item({ nationalCode: '2025-150525-44-01-100009', regionCode: '999999', month, completedYtdWan: '12.345' }),
          item({ nationalCode: '2025-150525-44-01-100009', month: '2026-03', registeredMonth: '2026-13' }),
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('VALIDATION_FAILED');
      const fields = (response.body.details ?? []).map((d) => d.field).sort();
      expect(fields).toEqual(['items[0].nationalCode', 'items[1].completedYtdWan', 'items[1].regionCode', 'items[2].month', 'items[2].nationalCode', 'items[2].registeredMonth'].sort());
      expect(response.body.details?.find((d) => d.field === 'items[1].regionCode')?.message).toBe('第 2 行：地区代码不存在：999999');
      expect(response.body.details?.find((d) => d.field === 'items[2].nationalCode')?.message).toContain('与第 2 行重复');
      expect(await rowsOf(month)).toBe(0);
    });

    it('refuses a body that is not a list, with 400 naming the field', async () => {
      const response = await put({ month: '2026-1', items: 'x' });
      expect(response.status).toBe(400);
      expect((response.body.details ?? []).map((d) => d.field)).toEqual(expect.arrayContaining(['month', 'items']));
    });

    it('writes the list, and the same list again changes nothing (idempotent)', async () => {
      const first = await put({ month, items: list });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ created: 3, updated: 0, unchanged: 0, deleted: 0 });
      const again = await put({ month, items: list });
      expect(again.body).toEqual({ created: 0, updated: 0, unchanged: 3, deleted: 0 });
      expect((await t.query<{ v: string }>(`SELECT completed_ytd_wan::text AS v FROM stats_projects WHERE national_code = '2025-150525-44-01-100002'`))[0].v).toBe('250.50');
    });

    it('replaces the month: a row left out is deleted, a changed one updated', async () => {
      const response = await put({ month, items: [list[0], { ...list[1], completedYtdWan: '300' }] });
      expect(response.body).toEqual({ created: 0, updated: 1, unchanged: 1, deleted: 1 });
      expect(await rowsOf(month)).toBe(2);
    });

    it('with a region, replaces only that region’s rows', async () => {
      await put({ month, items: list });
      const response = await put({ month, regionCode: '150526', items: [] });
      expect(response.body).toEqual({ created: 0, updated: 0, unchanged: 0, deleted: 1 });
      expect(await rowsOf(month)).toBe(2);
      const wrong = await put({ month, regionCode: '150526', items: [list[0]] });
      expect(wrong.status).toBe(400);
      expect(wrong.body.details?.[0]).toMatchObject({ field: 'items[0].regionCode' });
    });

    it('is open to city staff and admins, not to district staff, and to keys with stats:write only', async () => {
      expect((await put({ month, items: list }, { token: city })).status).toBe(200);
      expect((await put({ month, items: list }, { token: district })).status).toBe(403);
      expect((await put({ month, items: list }, { apiKey: readKey })).status).toBe(403);
    });
  });

  describe('the five lists', () => {
    const projects: Record<string, ProjectDetailDto> = {};
    const base = { plannedInvestmentWan: '2000.00', regionCode: '150525' };

    beforeAll(async () => {
      projects.byCode = await createProject(t, admin, { ...base, name: '对账-代码匹配', nationalCode: '2025-150525-44-01-200001', statsRegistered: true, statsRegisteredMonth: '2025-06' });
      projects.byName = await createProject(t, admin, { ...base, name: '对账 名称匹配', statsRegistered: true, statsRegisteredMonth: '2025-07' });
      projects.oursOnly = await createProject(t, admin, { ...base, name: '对账-我方独有', statsRegistered: true, statsRegisteredMonth: '2025-05' });
      projects.later = await createProject(t, admin, { ...base, name: '对账-三月才入库', statsRegistered: true, statsRegisteredMonth: '2026-03' });
      projects.notRegistered = await createProject(t, admin, { ...base, name: '对账-我方未入库', nationalCode: '2025-150525-44-01-200004' });
      projects.differs = await createProject(t, admin, { ...base, name: '对账-金额不一致', nationalCode: '2025-150525-44-01-200005', statsRegistered: true, statsRegisteredMonth: '2025-06' });
      projects.twinA = await createProject(t, admin, { ...base, name: '对账-同名', investorName: '甲方' });
      projects.twinB = await createProject(t, admin, { ...base, name: '对账-同名', investorName: '乙方', confirmLookAlike: true });
      // ours: January + February verified, March not in the year-to-date of February; an unverified report counts nothing
      await fileReport(t, admin, projects.byCode, '2026-01', { completedInvestmentWan: '600' });
      await fileReport(t, admin, projects.byCode, '2026-02', { completedInvestmentWan: '400' });
      await fileReport(t, admin, projects.byCode, '2025-12', { completedInvestmentWan: '9999' });
      await fileReport(t, admin, projects.differs, '2026-01', { completedInvestmentWan: '100' });
      await fileReport(t, admin, projects.byName, '2026-02', { completedInvestmentWan: '300' }, false);
      const response = await put({
        month: MONTH,
        items: [
          item({ nationalCode: '2025-150525-44-01-200001', name: '统计里的另一个名字', completedYtdWan: '1008.00' }),
          item({ nationalCode: '2025-150525-44-01-200002', name: '对账名称匹配', completedYtdWan: '0' }),
          item({ nationalCode: '2025-150525-44-01-200004', name: '对账-我方未入库', registeredMonth: '2025-09', completedYtdWan: '50' }),
          item({ nationalCode: '2025-150525-44-01-200005', name: '对账-金额不一致', completedYtdWan: '500' }),
          item({ nationalCode: '2025-150525-44-01-200006', name: '统计独有的项目', completedYtdWan: '70' }),
          item({ nationalCode: '2025-150525-44-01-200007', name: '对账-同名', completedYtdWan: '10' }),
          item({ nationalCode: '2025-150526-44-01-200008', name: '扎鲁特的项目', regionCode: '150526', completedYtdWan: '80' }),
        ],
      });
      expect(response.status).toBe(200);
    });

    const names = (rows: { projectName: string | null; statsName: string | null }[]) => rows.map((r) => r.projectName ?? r.statsName).sort();

    it('pairs by code first, then by name within the region (case and spaces ignored), never a name two projects share', async () => {
      const r = await reconcile();
      expect(names(r.lists.matched)).toEqual(['对账 名称匹配', '对账-代码匹配', '对账-金额不一致'].sort());
      expect(r.lists.matched.find((x) => x.projectName === '对账-代码匹配')).toMatchObject({ matchedBy: 'CODE', statsName: '统计里的另一个名字', oursCompletedYtdWan: '1000.00', theirsCompletedYtdWan: '1008.00', differenceWan: '-8.00', amountDiffers: false });
      expect(r.lists.matched.find((x) => x.projectName === '对账 名称匹配')).toMatchObject({ matchedBy: 'NAME', nationalCode: '2025-150525-44-01-200002', oursCompletedYtdWan: '0.00', registeredMonthDiffers: true });
    });

    it('lists ours 入库 by the month that they lack, and not those registered later', async () => {
      const r = await reconcile();
      expect(names(r.lists.oursOnly)).toEqual(['对账-我方独有']);
    });

    it('lists theirs that we have but have not marked 入库', async () => {
      const r = await reconcile();
      expect(r.lists.notRegistered).toHaveLength(1);
      expect(r.lists.notRegistered[0]).toMatchObject({ projectId: projects.notRegistered.id, theirRegisteredMonth: '2025-09', registeredMonthDiffers: true, statsRegistered: false });
    });

    it('lists theirs unknown to us, the same-named pair among them', async () => {
      const r = await reconcile();
      expect(names(r.lists.unknown)).toEqual(['对账-同名', '统计独有的项目'].sort());
    });

    it('lists completed investment beyond the tolerance (10 万元 and 5%), with the sums done in SQL', async () => {
      const r = await reconcile();
      // the not-registered pair differs too: ours 0 (no verified report) against their 50
      expect(r.lists.amountDiffers.map((x) => x.projectName).sort()).toEqual(['对账-我方未入库', '对账-金额不一致'].sort());
      expect(r.lists.amountDiffers.find((x) => x.projectName === '对账-金额不一致')).toMatchObject({ oursCompletedYtdWan: '100.00', theirsCompletedYtdWan: '500.00', differenceWan: '-400.00' });
      expect(r.counts).toEqual({ matched: 3, oursOnly: 1, notRegistered: 1, unknown: 2, amountDiffers: 2 });
      expect(r.listedCount).toBe(6);
      // the pairs: 1000 + 0 + 100 (ours), 1008 + 0 + 500 + 50 (theirs, the not-registered pair included; ours 0 there)
      expect(r).toMatchObject({ oursCompletedWan: '1100.00', theirsCompletedWan: '1558.00', differenceWan: '-458.00' });
      expect(r.tolerance).toEqual({ toleranceWan: '10.00', toleranceRate: 0.05 });
    });

    it('follows the tolerance setting an admin saves (audited, versioned)', async () => {
      const saved = await t.request<{ version: number }>('PUT', '/api/v1/stats-projects/settings', { token: admin, body: { toleranceWan: '5', toleranceRate: 0, version: 0 } });
      expect(saved.status).toBe(200);
      expect((await reconcile()).lists.amountDiffers.map((x) => x.projectName).sort()).toEqual(['对账-代码匹配', '对账-我方未入库', '对账-金额不一致'].sort());
      const stale = await t.request<ApiErrorBody>('PUT', '/api/v1/stats-projects/settings', { token: admin, body: { toleranceWan: '10', toleranceRate: 0.05, version: 0 } });
      expect(stale.status).toBe(409);
      const bad = await t.request<ApiErrorBody>('PUT', '/api/v1/stats-projects/settings', { token: admin, body: { toleranceWan: '-1', toleranceRate: 2, version: 1 } });
      expect(bad.status).toBe(400);
      expect((bad.body.details ?? []).map((d) => d.field).sort()).toEqual(['toleranceRate', 'toleranceWan']);
      expect((await t.request('PUT', '/api/v1/stats-projects/settings', { token: admin, body: { toleranceWan: '10', toleranceRate: 0.05, version: 1 } })).status).toBe(200);
      expect((await t.query(`SELECT 1 FROM audit_log WHERE entity = 'setting' AND entity_id = 'statsReconciliation'`)).length).toBe(2);
    });

    it('covers a district through the city: the city’s lists hold every district’s rows', async () => {
      const r = await reconcile('150500');
      expect(r.listedCount).toBe(7);
      expect(names(r.lists.unknown)).toContain('扎鲁特的项目');
      expect((await reconcile('150526')).listedCount).toBe(1);
    });

    it('gives the dashboard the share of our 入库 projects the bureau also lists', async () => {
      const response = await t.request<StatsCoverageResponse>('GET', `/api/v1/stats-projects/coverage?month=${MONTH}&region=150525`, { apiKey: readKey });
      expect(response.status).toBe(200);
      // ours 入库 by February: byCode, byName, oursOnly, differs = 4; listed: 3
      expect(response.body).toEqual({ month: MONTH, listMonth: MONTH, regionCode: '150525', registeredCount: 4, alsoListedCount: 3, share: 0.75 });
      const later = await t.request<StatsCoverageResponse>('GET', `/api/v1/stats-projects/coverage?month=2026-03&region=150525`, { token: leader });
      expect(later.body).toMatchObject({ listMonth: MONTH, registeredCount: 5, alsoListedCount: 3, share: 0.6 });
      const none = await t.request<StatsCoverageResponse>('GET', `/api/v1/stats-projects/coverage?month=2025-01&region=150525`, { token: leader });
      expect(none.body).toMatchObject({ listMonth: null, registeredCount: 0, share: null });
    });

    it('refuses an unknown region with 400 naming it', async () => {
      const response = await t.request<ApiErrorBody>('GET', `/api/v1/stats-projects/reconciliation?month=${MONTH}&region=123456`, { token: leader });
      expect(response.status).toBe(400);
      expect(response.body.details?.[0]).toMatchObject({ field: 'region', message: '地区代码不存在：123456' });
    });

    describe('accepting their 入库 month', () => {
      const accept = (body: Record<string, unknown>, token: string) => t.request<ProjectDetailDto & ApiErrorBody>('POST', '/api/v1/stats-projects/accept', { token, body: { month: MONTH, ...body } });
      const current = async (id: string) => (await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${id}`, { token: admin })).body;

      it('refuses district staff of another region, leaders, and a stale version (409)', async () => {
        const p = await current(projects.notRegistered.id);
        expect((await accept({ projectId: p.id, version: p.version }, otherDistrict)).status).toBe(403);
        expect((await accept({ projectId: p.id, version: p.version }, leader)).status).toBe(403);
        const stale = await accept({ projectId: p.id, version: p.version + 5 }, district);
        expect(stale.status).toBe(409);
        expect(stale.body.error).toBe('VERSION_CONFLICT');
      });

      it('takes their month over as one audited project change, and the project moves to the matched list', async () => {
        const p = await current(projects.notRegistered.id);
        const response = await accept({ projectId: p.id, version: p.version }, district);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ statsRegistered: true, statsRegisteredMonth: '2025-09', version: p.version + 1 });
        const audit = await t.query<{ before: { statsRegistered: boolean }; after: { statsRegistered: boolean; statsRegisteredMonth: string } }>(
          `SELECT before, after FROM audit_log WHERE entity = 'project' AND entity_id = $1 AND action = 'UPDATE' ORDER BY at DESC LIMIT 1`,
          [p.id],
        );
        expect(audit[0].before.statsRegistered).toBe(false);
        expect(audit[0].after).toMatchObject({ statsRegistered: true, statsRegisteredMonth: '2025-09' });
        const r = await reconcile();
        expect(r.lists.notRegistered).toHaveLength(0);
        expect(r.lists.matched.map((x) => x.projectId)).toContain(p.id);
      });

      it('writes their code into a project matched by name that has none', async () => {
        const p = await current(projects.byName.id);
        const response = await accept({ projectId: p.id, version: p.version }, city);
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ nationalCode: '2025-150525-44-01-200002', statsRegisteredMonth: '2025-06' });
      });

      it('answers 404 for a project their list does not have', async () => {
        const p = await current(projects.oursOnly.id);
        const response = await accept({ projectId: p.id, version: p.version }, city);
        expect(response.status).toBe(404);
      });

      it('is a correction when it touches a closed month: district staff refused, city staff with a reason recorded', async () => {
        const p = await createProject(t, admin, { ...base, name: '对账-月结更正', nationalCode: '2025-150525-44-01-200009' });
        await put({ month: '2026-03', items: [item({ nationalCode: '2025-150525-44-01-200009', name: '对账-月结更正', registeredMonth: '2025-10', month: '2026-03' })] });
        await t.query(`INSERT INTO month_closes (month, closed, closed_at, closed_by, version) VALUES ('2025-11', true, now(), '测试', 1) ON CONFLICT (month) DO UPDATE SET closed = true`);
        const byDistrict = await accept({ projectId: p.id, version: p.version, month: '2026-03' }, district);
        expect(byDistrict.status).toBe(409);
        expect(byDistrict.body.error).toBe('PERIOD_CLOSED');
        const noReason = await accept({ projectId: p.id, version: p.version, month: '2026-03' }, city);
        expect(noReason.status).toBe(409);
        const done = await accept({ projectId: p.id, version: p.version, month: '2026-03', reason: '统计局 2025 年 10 月已入库，按统计对账更正' }, city);
        expect(done.status).toBe(200);
        const corrections = await t.query<{ reason: string; fields: string[] }>(`SELECT reason, fields FROM corrections WHERE project_id = $1`, [p.id]);
        expect(corrections).toHaveLength(1);
        expect(corrections[0].reason).toBe('统计局 2025 年 10 月已入库，按统计对账更正');
        expect(corrections[0].fields).toEqual(expect.arrayContaining(['statsRegistered']));
      });
    });
  });
});
