import {
  addMonths,
  type ApiErrorBody,
  type MonthlyReportDto,
  monthOf,
  type MonthOverview,
  type MonthState,
  type Page,
  type ProjectDetailDto,
  type ReportGridResponse,
  type ReportQueueResponse,
  type ReportsChanged,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { upload } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/** Issue 5: the district's entry grid, drafts, submission, the city's verification, month close, FAI. */
describe('monthly reports, month close and FAI', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string; // 奈曼旗 150525
  let otherDistrict: string; // 开鲁县 150523
  let leader: string;
  const thisMonth = monthOf(shanghaiToday());
  const month = addMonths(thisMonth, -2); // a past month all tests file for
  const p = {} as Record<'signed' | 'started' | 'later' | 'terminatedBefore' | 'terminatedDuring' | 'negotiating' | 'other', ProjectDetailDto>;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    otherDistrict = (await t.userToken('DISTRICT_STAFF', '150523')).token;
    leader = (await t.userToken('LEADER')).token;
    const day = (m: string, d = 15) => `${m}-${String(d).padStart(2, '0')}`;
    p.signed = await createProject(t, admin, { name: 'A 已签约', signedAt: day(addMonths(month, -3)) });
    p.started = await createProject(t, admin, { name: 'B 开工', signedAt: day(addMonths(month, -3)), stage: 'UNDER_CONSTRUCTION', constructionStartedAt: day(addMonths(month, -1)) });
    p.later = await createProject(t, admin, { name: 'C 次月签约', signedAt: day(addMonths(month, 1), 1) });
    p.terminatedBefore = await createProject(t, admin, { name: 'D 上月终止', signedAt: day(addMonths(month, -3)), stage: 'TERMINATED', terminatedAt: day(addMonths(month, -1), 28), terminationReason: '撤资' });
    p.terminatedDuring = await createProject(t, admin, { name: 'E 当月终止', signedAt: day(addMonths(month, -3)), stage: 'TERMINATED', terminatedAt: day(month, 1), terminationReason: '撤资' });
    p.negotiating = await createProject(t, admin, { name: 'F 在谈', signedAt: null, stage: 'NEGOTIATING' });
    p.other = await createProject(t, admin, { name: 'G 开鲁', regionCode: '150523', signedAt: day(addMonths(month, -3)) });
  });
  afterAll(() => t?.stop());

  const grid = (token: string, query = `regionCode=150525&month=${month}`) => t.request<ReportGridResponse & ApiErrorBody>('GET', `/api/v1/monthly-reports/grid?${query}`, { token });
  const save = (token: string, items: unknown[], m = month, regionCode = '150525') =>
    t.request<ReportsChanged & ApiErrorBody>('PUT', '/api/v1/monthly-reports/drafts', { token, body: { regionCode, month: m, items } });
  const submit = (token: string, body: Record<string, unknown> = {}) =>
    t.request<ReportsChanged & ApiErrorBody>('POST', '/api/v1/monthly-reports/submit', { token, body: { regionCode: '150525', month, ...body } });
  const act = (token: string, action: 'verify' | 'return', reports: MonthlyReportDto[], reason?: string) =>
    t.request<ReportsChanged & ApiErrorBody>('POST', `/api/v1/monthly-reports/${action}`, { token, body: { items: reports.map(({ id, version }) => ({ id, version })), reason } });
  const auditCount = async (entity: string) => Number((await t.query<{ n: string }>('SELECT count(*) AS n FROM audit_log WHERE entity = $1', [entity]))[0].n);

  describe('entry grid and drafts', () => {
    it('lists exactly the projects due for the month, in project-number order', async () => {
      const response = await grid(leader);
      expect(response.status).toBe(200);
      expect(response.body.rows.map((r) => r.projectName)).toEqual(['A 已签约', 'B 开工', 'E 当月终止']);
      expect(response.body.counts).toEqual({ DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: 3 });
      expect(response.body.monthState).toMatchObject({ month, closed: false, version: 0 });
      expect(response.body.rows[0]).toMatchObject({ report: null, lastMonth: null, yearToDate: { arrivedTotalWan: '0.00', completedInvestmentWan: '0.00' } });
    });

    it.each([
      ['month=2025-13&regionCode=150525', 'month', '月份应为 YYYY-MM 格式'],
      [`month=${addMonths(thisMonth, 1)}&regionCode=150525`, 'month', '不能填报未来月份'],
      ['month=2025-01', 'regionCode', '所属地区'],
    ])('refuses a bad grid query %s naming the field', async (query, field, message) => {
      const response = await grid(district, query);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0]).toMatchObject({ field });
      expect(response.body.message).toContain(message);
    });

    it('saves drafts (empty = 0), sums exactly, and records each change in the audit log', async () => {
      const before = await auditCount('monthlyReport');
      const response = await save(district, [
        { projectId: p.signed.id, version: null, arrivedEquityWan: '100.1', arrivedLoanWan: '0.2', arrivedOtherWan: '', completedInvestmentWan: '50', progress: ' 厂房封顶 ' },
        { projectId: p.started.id, version: null, arrivedEquityWan: '0.10', arrivedLoanWan: '0.20' },
      ]);
      expect(response.status).toBe(200);
      expect(response.body.items).toHaveLength(2);
      expect(response.body.items[0]).toMatchObject({
        projectNo: p.signed.projectNo,
        month,
        status: 'DRAFT',
        arrivedEquityWan: '100.10',
        arrivedLoanWan: '0.20',
        arrivedOtherWan: '0.00',
        arrivedTotalWan: '100.30',
        completedInvestmentWan: '50.00',
        progress: '厂房封顶',
        version: 1,
      });
      expect(response.body.items[1].arrivedTotalWan).toBe('0.30');
      expect(await auditCount('monthlyReport')).toBe(before + 2);
      const again = await save(district, [{ projectId: p.signed.id, version: 1, arrivedEquityWan: '100.10', arrivedLoanWan: '0.2', completedInvestmentWan: '50.00', progress: '厂房封顶' }]);
      expect(again.status).toBe(200);
      expect(again.body.items).toEqual([]); // nothing changed: nothing written
      expect(await auditCount('monthlyReport')).toBe(before + 2);
      const counts = (await grid(district)).body.counts;
      expect(counts).toEqual({ DRAFT: 2, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: 1 });
    });

    it('refuses bad figures naming the row and field, and writes none of the batch', async () => {
      const response = await save(district, [
        { projectId: p.terminatedDuring.id, version: null, arrivedEquityWan: '5' },
        { projectId: p.signed.id, version: 1, arrivedEquityWan: '-1', arrivedLoanWan: '1.234', completedInvestmentWan: 'abc' },
      ]);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'items[1].arrivedEquityWan', message: '自有资金到位(万元)不能为负数' },
        { field: 'items[1].arrivedLoanWan', message: '银行贷款到位(万元)最多保留 2 位小数' },
        { field: 'items[1].completedInvestmentWan', message: '完成投资(万元)应为数字（单位：万元，最多 2 位小数）' },
      ]);
      expect((await grid(district)).body.rows.find((r) => r.projectId === p.terminatedDuring.id)?.report).toBeNull();
    });

    it.each([
      ['a project signed after the month', () => p.later.id, '项目在该月尚未签约'],
      ['a project terminated before the month', () => p.terminatedBefore.id, '项目在该月之前已终止'],
      ['a project without a signing date', () => p.negotiating.id, '项目在该月尚未签约'],
      ['a project of another region', () => p.other.id, '不属于所选地区'],
    ])('refuses %s', async (_label, id, message) => {
      const response = await save(admin, [{ projectId: id(), version: null, arrivedEquityWan: '1' }]);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0].field).toBe('items[0].projectId');
      expect(response.body.details?.[0].message).toContain(message);
    });

    it('refuses a future month and a stale version', async () => {
      const future = await save(admin, [{ projectId: p.signed.id, version: null, arrivedEquityWan: '1' }], addMonths(thisMonth, 1));
      expect(future.status).toBe(400);
      expect(future.body.details?.[0].message).toContain('不能填报未来月份');
      const stale = await save(district, [{ projectId: p.signed.id, version: 7, arrivedEquityWan: '1' }]);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('VERSION_CONFLICT');
      const created = await save(district, [{ projectId: p.signed.id, version: null, arrivedEquityWan: '1' }]);
      expect(created.status).toBe(409); // someone saved it meanwhile: the grid was stale
      expect(created.body.error).toBe('VERSION_CONFLICT');
    });

    it('lets district staff file only for their own region, and leaders not at all', async () => {
      expect((await save(otherDistrict, [{ projectId: p.signed.id, version: 1, arrivedEquityWan: '1' }])).status).toBe(403);
      expect((await save(leader, [{ projectId: p.signed.id, version: 1, arrivedEquityWan: '1' }])).status).toBe(403);
      expect((await submit(otherDistrict)).status).toBe(403);
      // naming one's own region with another region's project is a bad request, not a loophole
      const mixed = await save(otherDistrict, [{ projectId: p.signed.id, version: 1, arrivedEquityWan: '1' }], month, '150523');
      expect(mixed.status).toBe(400);
    });
  });

  describe('submission and verification', () => {
    let submitted: MonthlyReportDto[];

    it('submits every draft of the region and month', async () => {
      const response = await submit(district);
      expect(response.status).toBe(200);
      submitted = response.body.items;
      expect(submitted.map((r) => [r.projectNo, r.status])).toEqual([
        [p.signed.projectNo, 'SUBMITTED'],
        [p.started.projectNo, 'SUBMITTED'],
      ]);
      expect(submitted.every((r) => r.submittedAt !== null)).toBe(true);
      // a submitted report is no longer a draft
      const edit = await save(district, [{ projectId: p.signed.id, version: submitted[0].version, arrivedEquityWan: '1' }]);
      expect(edit.status).toBe(409);
      expect(edit.body).toMatchObject({ error: 'WRONG_STATUS', message: '该月报待核实，不能修改' });
    });

    it('lets only city staff and admins verify or return', async () => {
      for (const token of [district, leader]) {
        expect((await act(token, 'verify', submitted)).status).toBe(403);
        expect((await act(token, 'return', submitted, '不对')).status).toBe(403);
      }
    });

    it('shows the queue with counts per region, missing ones included', async () => {
      const queue = await t.request<ReportQueueResponse>('GET', `/api/v1/monthly-reports/queue?month=${month}&status=SUBMITTED`, { token: city });
      expect(queue.status).toBe(200);
      expect(queue.body.items.map((i) => i.projectNo)).toEqual([p.signed.projectNo, p.started.projectNo]);
      expect(queue.body.items[0].regionName).toBe('奈曼旗');
      expect(queue.body.byRegion).toHaveLength(9);
      expect(queue.body.byRegion.find((r) => r.regionCode === '150525')).toMatchObject({ SUBMITTED: 2, MISSING: 1 });
      expect(queue.body.byRegion.find((r) => r.regionCode === '150523')).toMatchObject({ SUBMITTED: 0, MISSING: 1 });
    });

    it('returns one with a reason, verifies the other; the district corrects and resubmits', async () => {
      expect((await act(city, 'return', [submitted[0]])).body.details?.[0]).toEqual({ field: 'reason', message: '退回时请填写退回原因' });
      const returned = await act(city, 'return', [submitted[0]], '自有资金与银行流水不符');
      expect(returned.status).toBe(200);
      expect(returned.body.items[0]).toMatchObject({ status: 'RETURNED', returnReason: '自有资金与银行流水不符' });
      const verified = await act(city, 'verify', [submitted[1]]);
      expect(verified.body.items[0]).toMatchObject({ status: 'VERIFIED' });
      expect(verified.body.items[0].verifiedAt).not.toBeNull();
      // acting on what changed since: stale version, and a report that is not waiting
      expect((await act(city, 'verify', [submitted[1]])).body.error).toBe('VERSION_CONFLICT');
      expect((await act(city, 'verify', verified.body.items)).body.error).toBe('WRONG_STATUS');

      const corrected = await save(district, [{ projectId: p.signed.id, version: returned.body.items[0].version, arrivedEquityWan: '90', completedInvestmentWan: '50', progress: '厂房封顶' }]);
      expect(corrected.status).toBe(200);
      expect(corrected.body.items[0]).toMatchObject({ status: 'RETURNED', arrivedEquityWan: '90.00', arrivedTotalWan: '90.00' });
      const resubmitted = await submit(district, { projectIds: [p.signed.id] });
      expect(resubmitted.body.items.map((r) => r.status)).toEqual(['SUBMITTED']);
      const final = await act(admin, 'verify', resubmitted.body.items);
      expect(final.body.items[0].status).toBe('VERIFIED');
      const actions = await t.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'monthlyReport' AND entity_id = $1 ORDER BY id`, [p.signed.id === '' ? '' : final.body.items[0].id]);
      expect(actions.map((a) => a.action)).toEqual(['CREATE', 'SUBMIT', 'RETURN', 'UPDATE', 'SUBMIT', 'VERIFY']);
    });

    it('puts the verified figures in next month’s grid as last month and year to date', async () => {
      const next = addMonths(month, 1);
      const response = await grid(district, `regionCode=150525&month=${next}`);
      const row = response.body.rows.find((r) => r.projectId === p.signed.id);
      expect(row?.lastMonth).toMatchObject({ arrivedTotalWan: '90.00', completedInvestmentWan: '50.00', progress: '厂房封顶' });
      expect(row?.yearToDate).toEqual(month.slice(0, 4) === next.slice(0, 4) ? { arrivedTotalWan: '90.00', completedInvestmentWan: '50.00' } : { arrivedTotalWan: '0.00', completedInvestmentWan: '0.00' });
    });
  });

  describe('month close', () => {
    const monthsOf = (token: string) => t.request<MonthOverview[] & ApiErrorBody>('GET', `/api/v1/months?year=${month.slice(0, 4)}`, { token });

    it('shows each month with its counts', async () => {
      const response = await monthsOf(leader);
      expect(response.status).toBe(200);
      expect(response.body.find((m) => m.month === month)).toMatchObject({ closed: false, version: 0, expected: 4, counts: { VERIFIED: 2, MISSING: 2 } });
      expect(response.body.every((m) => m.month <= thisMonth)).toBe(true);
      expect((await t.request<ApiErrorBody>('GET', '/api/v1/months?year=abc', { token: leader })).body.details?.[0].field).toBe('year');
      // one month of it (the 驾驶舱's question): the same row alone
      const one = await t.request<MonthOverview[]>('GET', `/api/v1/months?year=${month.slice(0, 4)}&month=${month}`, { token: leader });
      expect(one.body).toEqual([response.body.find((m) => m.month === month)]);
      const outside = await t.request<ApiErrorBody>('GET', `/api/v1/months?year=${Number(month.slice(0, 4)) - 1}&month=${month}`, { token: leader });
      expect(outside.status).toBe(400);
      expect(outside.body.details).toEqual([{ field: 'month', message: `月份应在 ${Number(month.slice(0, 4)) - 1} 年内` }]);
      const bad = await t.request<ApiErrorBody>('GET', `/api/v1/months?year=2025&month=2025-13`, { token: leader });
      expect(bad.body.details?.[0].field).toBe('month');
    });

    it('lets city staff and admins close (DOMAIN.md §7); a closed month freezes drafts, submission, verification', async () => {
      expect((await t.request('POST', `/api/v1/months/${month}/close`, { token: leader, body: { version: 0 } })).status).toBe(403);
      expect((await t.request<ApiErrorBody>('POST', `/api/v1/months/${addMonths(thisMonth, 1)}/close`, { token: admin, body: { version: 0 } })).status).toBe(400);
      const closed = await t.request<MonthState>('POST', `/api/v1/months/${month}/close`, { token: city, body: { version: 0 } });
      expect(closed.status).toBe(200);
      expect(closed.body).toMatchObject({ month, closed: true, version: 1 });
      expect(closed.body.closedBy).toContain('CITY_STAFF');
      const again = await t.request<ApiErrorBody>('POST', `/api/v1/months/${month}/close`, { token: admin, body: { version: 0 } });
      expect(again.body.error).toBe('VERSION_CONFLICT');

      const draft = await save(district, [{ projectId: p.terminatedDuring.id, version: null, arrivedEquityWan: '1' }]);
      expect(draft.status).toBe(409);
      expect(draft.body.error).toBe('MONTH_CLOSED');
      expect(draft.body.message).toContain('已月结');
      expect((await submit(district)).body.error).toBe('MONTH_CLOSED');
      expect((await grid(district)).body.monthState.closed).toBe(true);
    });

    it('refuses to close the current month, which is not over yet (issue 13), with a message naming it', async () => {
      const current = await t.request<ApiErrorBody>('POST', `/api/v1/months/${thisMonth}/close`, { token: admin, body: { version: 0, reason: '提前月结' } });
      expect(current.status).toBe(400);
      expect(current.body.details).toEqual([{ field: 'month', message: expect.stringContaining('尚未结束，不能月结') }]);
      expect(current.body.message).toContain(`${Number(thisMonth.slice(5))}月`);
      expect((await t.query('SELECT 1 FROM month_closes WHERE month = $1 AND closed', [thisMonth])).length).toBe(0);
      // last month (over, reported now) may still be closed: the rule is the current month only
      const last = addMonths(thisMonth, -1);
      const previous = await t.request<MonthState>('POST', `/api/v1/months/${last}/close`, { token: city, body: { version: 0, reason: '测试上月月结' } });
      expect(previous.status).toBe(200);
      const reopened = await t.request('POST', `/api/v1/months/${last}/reopen`, { token: admin, body: { version: previous.body.version, reason: '测试后重新打开' } });
      expect(reopened.status).toBe(200);
    });

    it('reopens with a reason (admins only), audited', async () => {
      expect((await t.request('POST', `/api/v1/months/${month}/reopen`, { token: city, body: { version: 1, reason: '开鲁县补报' } })).status).toBe(403);
      const noReason = await t.request<ApiErrorBody>('POST', `/api/v1/months/${month}/reopen`, { token: admin, body: { version: 1, reason: ' ' } });
      expect(noReason.status).toBe(400);
      expect(noReason.body.details?.[0].field).toBe('reason');
      const reopened = await t.request<MonthState>('POST', `/api/v1/months/${month}/reopen`, { token: admin, body: { version: 1, reason: '开鲁县补报' } });
      expect(reopened.body).toMatchObject({ closed: false, reopenReason: '开鲁县补报', version: 2 });
      const audit = await t.query<{ action: string; after: { reopenReason: string } }>(`SELECT action, after FROM audit_log WHERE entity = 'month' AND entity_id = $1 ORDER BY id`, [month]);
      expect(audit.map((a) => a.action)).toEqual(['CLOSE', 'REOPEN']);
      expect(audit[1].after.reopenReason).toBe('开鲁县补报');
      expect((await save(district, [{ projectId: p.terminatedDuring.id, version: null, arrivedEquityWan: '1' }])).status).toBe(200);
    });
  });

  describe('statistics feed and export', () => {
    it('pages the reports for an API key of scope read, by range, region and status', async () => {
      const key = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
      const all = 'status=DRAFT&status=SUBMITTED&status=VERIFIED&status=RETURNED';
      const first = await t.request<Page<MonthlyReportDto>>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}&limit=2&${all}`, { apiKey: key });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const second = await t.request<Page<MonthlyReportDto>>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}&limit=2&${all}&cursor=${first.body.nextCursor}`, { apiKey: key });
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const verified = await t.request<Page<MonthlyReportDto>>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}&status=VERIFIED&regionCode=150525`, { apiKey: key });
      expect(verified.body.items.map((r) => r.projectNo).sort()).toEqual([p.signed.projectNo, p.started.projectNo].sort());
      // DOMAIN.md §8: VERIFIED unless asked otherwise; a list as repeated or comma-separated values
      const byDefault = await t.request<Page<MonthlyReportDto>>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}`, { apiKey: key });
      expect(byDefault.body.items.map((r) => r.status)).toEqual(byDefault.body.items.map(() => 'VERIFIED'));
      const statuses = [...new Set([...first.body.items, ...second.body.items].map((r) => r.status))].sort();
      const listed = await t.request<Page<MonthlyReportDto>>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}&status=${statuses.join(',')}`, { apiKey: key });
      expect(listed.body.items).toHaveLength(3);
      expect(byDefault.body.items.length).toBeGreaterThanOrEqual(2);
      expect(byDefault.body.items.length).toBeLessThan(3);
      const badStatus = await t.request<ApiErrorBody>('GET', `/api/v1/monthly-reports?from=${month}&to=${month}&status=VERIFIED,NOPE`, { apiKey: key });
      expect(badStatus.status).toBe(400);
      expect(badStatus.body.details?.[0].field).toBe('status');
      const bad = await t.request<ApiErrorBody>('GET', `/api/v1/monthly-reports?from=${month}&to=${addMonths(month, -1)}`, { apiKey: key });
      expect(bad.status).toBe(400);
      expect(bad.body.details?.[0].field).toBe('from');
    });

    it('exports filed reports in the import layout', async () => {
      const response = await fetch(`${t.baseUrl}/api/v1/monthly-reports/export?from=${month}&to=${month}&regionCode=150525`, { headers: { authorization: `Bearer ${leader}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''");
      const workbook = new ExcelJS.Workbook();
      const exported = Buffer.from(await response.arrayBuffer());
      await workbook.xlsx.load(exported as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['项目编号', '月份', '自有资金到位(万元)', '银行贷款到位(万元)', '其他资金到位(万元)', '完成投资(万元)', '形象进度', '核实状态']);
      expect(sheet.rowCount).toBe(3); // the draft is not exported
      expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([p.signed.projectNo, month, 90, 0, 0, 50, '厂房封顶', '已核实']);

      // the export is an import file: imported back, it changes nothing
      const before = await auditCount('monthlyReport');
      const again = await upload<{ created: number; updated: number; unchanged: number }>(t, admin, exported, '月报导出.xlsx', { kind: 'monthly' });
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(await auditCount('monthlyReport')).toBe(before);
    });
  });

  describe('FAI totals', () => {
    const put = (auth: { token?: string; apiKey?: string }, body: unknown) => t.request<{ created: number; updated: number; unchanged: number } & ApiErrorBody>('PUT', '/api/v1/fai-totals', { ...auth, body });
    const year = month.slice(0, 4);

    it('takes monthly figures from city staff, idempotently, and refuses district staff', async () => {
      const body = { basis: 'MONTH', items: [{ regionCode: '150525', month: `${year}-01`, amountWan: '1000.5' }, { regionCode: '150500', month: `${year}-01`, amountWan: '9000' }] };
      expect((await put({ token: district }, body)).status).toBe(403);
      expect((await put({ token: city }, body)).body).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect((await put({ token: city }, body)).body).toEqual({ created: 0, updated: 0, unchanged: 2 });
      const list = await t.request<{ regionCode: string; amountWan: string; version: number }[]>('GET', `/api/v1/fai-totals?year=${year}`, { token: district });
      expect(list.body.map((f) => [f.regionCode, f.amountWan])).toEqual([['150500', '9000.00'], ['150525', '1000.50']]);
    });

    it('turns year-to-date figures into monthly ones (an API key of scope fai:write)', async () => {
      const key = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局推送', scopes: ['fai:write'] } })).body.key;
      const ytd = { basis: 'YTD', items: [{ regionCode: '150523', month: `${year}-01`, amountWan: '100' }, { regionCode: '150523', month: `${year}-02`, amountWan: '250.25' }] };
      expect((await put({ apiKey: key }, ytd)).body).toEqual({ created: 2, updated: 0, unchanged: 0 });
      expect((await put({ apiKey: key }, ytd)).body).toEqual({ created: 0, updated: 0, unchanged: 2 });
      const list = await t.request<{ month: string; amountWan: string }[]>('GET', `/api/v1/fai-totals?year=${year}&regionCode=150523`, { apiKey: key });
      expect(list.status).toBe(403); // fai:write does not read
      const read = await t.request<{ month: string; amountWan: string }[]>('GET', `/api/v1/fai-totals?year=${year}&regionCode=150523`, { token: leader });
      expect(read.body.map((f) => [f.month, f.amountWan])).toEqual([[`${year}-01`, '100.00'], [`${year}-02`, '150.25']]);
      // March alone: February's total comes from the stored months
      expect((await put({ apiKey: key }, { basis: 'YTD', items: [{ regionCode: '150523', month: `${year}-03`, amountWan: '300.25' }] })).body.created).toBe(1);
      const smaller = await put({ apiKey: key }, { basis: 'YTD', items: [{ regionCode: '150523', month: `${year}-04`, amountWan: '1' }] });
      expect(smaller.status).toBe(400);
      expect(smaller.body.details?.[0]).toEqual({ field: 'items[0].amountWan', message: `${year}年4月累计数不能小于${year}年3月累计数` });
      const gap = await put({ apiKey: key }, { basis: 'YTD', items: [{ regionCode: '150521', month: `${year}-03`, amountWan: '1' }] });
      expect(gap.body.details?.[0].message).toContain('缺少');
    });

    it('names each bad item, and gives 409 on a stale version', async () => {
      const bad = await put({ token: admin }, { basis: 'MONTH', items: [{ regionCode: '999999', month: `${year}-01`, amountWan: '-1' }, { regionCode: '150525', month: '2025-1', amountWan: '1' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['items[1].month']));
      const bad2 = await put({ token: admin }, { basis: 'MONTH', items: [{ regionCode: '999999', month: `${year}-01`, amountWan: '-1' }] });
      expect(bad2.body.details).toEqual([
        { field: 'items[0].amountWan', message: '全社会固定资产投资(万元)不能为负数' },
        { field: 'items[0].regionCode', message: '地区代码不存在：999999' },
      ]);
      const stale = await put({ token: admin }, { basis: 'MONTH', items: [{ regionCode: '150525', month: `${year}-01`, amountWan: '5', version: 0 }] });
      expect(stale.status).toBe(409);
      expect((await put({ token: admin }, { basis: 'MONTH', items: [{ regionCode: '150525', month: `${year}-01`, amountWan: '5', version: 1 }] })).body.updated).toBe(1);
    });
  });
});
