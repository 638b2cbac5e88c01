import { type ApiErrorBody, CITY_TOTAL_NOTE, type IndicatorResponse, type ProjectDetailDto, type TargetDto, type TargetProgressResponse, type TargetsWriteResult, type WarningListResponse } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/** Issue 6: 目标任务 (targets, their completion and ranking) and the 月调度表 export. */
describe('targets and the monthly dispatch table', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let leader: string;
  const p = {} as Record<'a' | 'b' | 'c' | 'd', ProjectDetailDto>;

  const report = (project: ProjectDetailDto, month: string, figures: Record<string, string>, verify = true) => fileReport(t, admin, project, month, figures, verify);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    leader = (await t.userToken('LEADER')).token;
    // 2025, by hand: 奈曼 signs 2000 (A, 区外, started in April) and 500 (B, 县际); 科尔沁 1500 (C, 境外, started in June); 开鲁 800 (D, June)
    p.a = await createProject(t, admin, { regionCode: '150525', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '2000', signedAt: '2025-02-10', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-01' });
    p.b = await createProject(t, admin, { regionCode: '150525', investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '500', signedAt: '2025-03-05' });
    p.c = await createProject(t, admin, { regionCode: '150502', investorOrigin: 'FOREIGN', contractAmountWan: '1500', signedAt: '2025-05-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-06-01' });
    p.d = await createProject(t, admin, { regionCode: '150523', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '800', signedAt: '2025-06-10' });
    await report(p.a, '2025-03', { arrivedEquityWan: '100' });
    await report(p.a, '2025-04', { arrivedLoanWan: '200' }, false); // submitted only: does not count
    await report(p.b, '2025-03', { arrivedOtherWan: '50' }); // 县际: 奈曼's, not the city's
    await report(p.c, '2025-06', { arrivedEquityWan: '300' });
    const fai = await t.request('PUT', '/api/v1/fai-totals', {
      token: admin,
      body: { basis: 'MONTH', items: [{ regionCode: '150502', month: '2025-06', amountWan: '1200' }] },
    });
    if (fai.status !== 200) throw new Error(`fai ${fai.status}`);
  });
  afterAll(() => t?.stop());

  const list = (year: number, token = leader) => t.request<TargetDto[] & ApiErrorBody>('GET', `/api/v1/targets?year=${year}`, { token });
  const put = (body: unknown, token = admin) => t.request<TargetsWriteResult & ApiErrorBody>('PUT', '/api/v1/targets', { token, body });
  const auditCount = async () => Number((await t.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE entity = 'target'`))[0].n);

  describe('targets', () => {
    it('sets targets of the city and districts, amounts with two decimals and counts whole, with an audit row each', async () => {
      expect((await list(2026)).body).toEqual([]);
      const before = await auditCount();
      const response = await put({
        year: 2026,
        items: [
          { regionCode: '150525', indicator: 'signedAmountWan', value: '12000', version: 0 },
          { regionCode: '150500', indicator: 'startedCount', value: '25' },
          { regionCode: '150500', indicator: 'signedAmountWan', value: '80000.5' },
        ],
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 3, updated: 0, deleted: 0, unchanged: 0 });
      const expected = [
        { regionCode: '150500', regionName: '通辽市', year: 2026, indicator: 'signedAmountWan', value: '80000.50', version: 1 },
        { regionCode: '150500', regionName: '通辽市', year: 2026, indicator: 'startedCount', value: '25', version: 1 },
        { regionCode: '150525', regionName: '奈曼旗', year: 2026, indicator: 'signedAmountWan', value: '12000.00', version: 1 },
      ];
      expect(response.body.items).toEqual(expected);
      expect((await list(2026, district)).body).toEqual(expected);
      expect(await auditCount()).toBe(before + 3);
      const [entry] = await t.query<{ action: string; before: unknown; after: unknown; actor_name: string }>(
        `SELECT action, before, after, actor_name FROM audit_log WHERE entity = 'target' AND entity_id = '150525:2026:signedAmountWan'`,
      );
      expect(entry).toMatchObject({ action: 'CREATE', before: null, after: { value: '12000.00' } });
    });

    it('writes nothing for unchanged values (idempotent)', async () => {
      const before = await auditCount();
      const response = await put({ year: 2026, items: [{ regionCode: '150525', indicator: 'signedAmountWan', value: '12000.00', version: 1 }, { regionCode: '150500', indicator: 'startedCount', value: '25' }] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
      expect(response.body.items.every((i) => i.version === 1)).toBe(true);
      expect(await auditCount()).toBe(before);
    });

    it('updates with the version read, and answers 409 to a stale version without writing any of the batch', async () => {
      const updated = await put({ year: 2026, items: [{ regionCode: '150525', indicator: 'signedAmountWan', value: '15000', version: 1 }] });
      expect(updated.status).toBe(200);
      expect(updated.body.items.find((i) => i.regionCode === '150525')).toMatchObject({ value: '15000.00', version: 2 });
      const [entry] = await t.query<{ before: unknown; after: unknown }>(`SELECT before, after FROM audit_log WHERE entity = 'target' AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`);
      expect(entry).toEqual({ before: { value: '12000.00' }, after: { value: '15000.00' } });

      const stale = await put({
        year: 2026,
        items: [
          { regionCode: '150500', indicator: 'startedCount', value: '30', version: 1 },
          { regionCode: '150525', indicator: 'signedAmountWan', value: '16000', version: 1 },
        ],
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toBe('VERSION_CONFLICT');
      expect(stale.body.message).toContain('奈曼旗2026年签约额(万元)目标已被他人修改');
      const values = (await list(2026)).body.map((i) => i.value);
      expect(values).toEqual(['80000.50', '25', '15000.00']);
    });

    it('removes a target given an empty value', async () => {
      const response = await put({ year: 2026, items: [{ regionCode: '150500', indicator: 'signedAmountWan', value: '', version: 1 }] });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ deleted: 1 });
      expect(response.body.items.map((i) => i.indicator)).toEqual(['startedCount', 'signedAmountWan']);
      const [entry] = await t.query<{ action: string; before: unknown }>(`SELECT action, before FROM audit_log WHERE entity = 'target' ORDER BY id DESC LIMIT 1`);
      expect(entry).toEqual({ action: 'DELETE', before: { value: '80000.50' } });
    });

    it('refuses bad values naming items[i].field in Chinese, and writes none of them', async () => {
      const response = await put({
        year: 2026,
        items: [
          { regionCode: '150502', indicator: 'arrivedFundsWan', value: '100' },
          { regionCode: '150502', indicator: 'signedAmountWan', value: '-5' },
          { regionCode: '150502', indicator: 'startedCount', value: '2.5' },
          { regionCode: '150502', indicator: 'signedCount10m', value: '3.456' },
          { regionCode: '999999', indicator: 'arrivedFundsWan', value: '1.234' },
          { regionCode: '150502', indicator: 'arrivedFundsWan', value: '1' },
        ],
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([
        { field: 'items[1].value', message: '签约额(万元)不能为负数' },
        { field: 'items[2].value', message: '开工项目(个)应为不小于 0 的整数' },
        { field: 'items[3].value', message: '千万元以上签约项目(个)应为不小于 0 的整数' },
        { field: 'items[4].value', message: '到位资金(万元)最多保留 2 位小数' },
        { field: 'items[4].regionCode', message: '地区代码不存在：999999' },
        { field: 'items[5]', message: '150502 的到位资金(万元)重复出现' },
      ]);
      expect((await list(2026)).body.some((i) => i.regionCode === '150502')).toBe(false);
    });

    it.each([
      [{ year: 2026, items: [{ regionCode: '150502', indicator: 'signedCount', value: '1' }] }, 'items[0].indicator', '指标必须是以下之一'],
      [{ year: 2026, items: [{ regionCode: '150502', indicator: 'startedCount', value: 3 }] }, 'items[0].value', '目标值应以文本形式的数字提交'],
      [{ year: 1999, items: [{ regionCode: '150502', indicator: 'startedCount', value: '3' }] }, 'year', '年份应在 2000 至 2100 之间'],
    ])('refuses a malformed request naming the field (%#)', async (body, field, message) => {
      const response = await put(body);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0].field).toBe(field);
      expect(response.body.details?.[0].message).toContain(message);
    });

    it('lets everyone read targets but only an admin set them', async () => {
      const body = { year: 2026, items: [{ regionCode: '150525', indicator: 'startedCount', value: '3' }] };
      for (const token of [city, district, leader]) expect((await put(body, token)).status).toBe(403);
      for (const token of [city, district, leader]) expect((await list(2026, token)).status).toBe(200);
      expect((await t.request('GET', '/api/v1/targets?year=2026')).status).toBe(401);
      expect((await list(2026)).body.some((i) => i.indicator === 'startedCount' && i.regionCode === '150525')).toBe(false);
    });
  });

  describe('progress', () => {
    beforeAll(async () => {
      const response = await put({
        year: 2025,
        items: [
          { regionCode: '150525', indicator: 'signedAmountWan', value: '10000' },
          { regionCode: '150502', indicator: 'signedAmountWan', value: '3000' },
          { regionCode: '150523', indicator: 'signedAmountWan', value: '8000' },
          { regionCode: '150525', indicator: 'arrivedFundsWan', value: '300' },
          { regionCode: '150502', indicator: 'arrivedFundsWan', value: '600' },
          { regionCode: '150523', indicator: 'arrivedFundsWan', value: '0' },
          { regionCode: '150500', indicator: 'arrivedFundsWan', value: '1000' },
          { regionCode: '150525', indicator: 'startedCount', value: '4' },
          { regionCode: '150502', indicator: 'startedCount', value: '2' },
        ],
      });
      if (response.status !== 200) throw new Error(`targets ${response.status} ${JSON.stringify(response.body)}`);
    });

    const progress = (query: string, token = district) => t.request<TargetProgressResponse & ApiErrorBody>('GET', `/api/v1/targets/progress?${query}`, { token });

    it('gives each district its actual since January, its target, completion and rank', async () => {
      const response = await progress('year=2025&to=2025-06');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ year: 2025, from: '2025-01', to: '2025-06', note: CITY_TOTAL_NOTE });
      expect(response.body.indicators.map((i) => i.indicator)).toEqual(['signedAmountWan', 'signedCount10m', 'arrivedFundsWan', 'startedCount']);
      const [signed, count10m, arrived, started] = response.body.indicators;
      expect(signed.label).toBe('签约额(万元)');
      expect(signed.districts.slice(0, 4)).toEqual([
        { regionCode: '150502', regionName: '科尔沁区', actual: '1500.00', target: '3000.00', completion: 0.5, rank: 1 },
        { regionCode: '150525', regionName: '奈曼旗', actual: '2500.00', target: '10000.00', completion: 0.25, rank: 2 },
        { regionCode: '150523', regionName: '开鲁县', actual: '800.00', target: '8000.00', completion: 0.1, rank: 3 },
        { regionCode: '150521', regionName: '科尔沁左翼中旗', actual: '0.00', target: null, completion: null, rank: null },
      ]);
      expect(signed.districts).toHaveLength(9);
      expect(signed.city).toEqual({ regionCode: '150500', regionName: '通辽市', actual: '4800.00', target: null, completion: null, rank: null });
      expect(count10m.districts.every((d) => d.rank === null)).toBe(true);
      expect(count10m.districts.find((d) => d.regionCode === '150525')?.actual).toBe('1');
      // 奈曼 150 (A 100 + B's 县际 50) of 300, 科尔沁 300 of 600: a tie; 开鲁's target of 0 gives no completion
      expect(arrived.districts.slice(0, 3)).toEqual([
        { regionCode: '150502', regionName: '科尔沁区', actual: '300.00', target: '600.00', completion: 0.5, rank: 1 },
        { regionCode: '150525', regionName: '奈曼旗', actual: '150.00', target: '300.00', completion: 0.5, rank: 1 },
        { regionCode: '150521', regionName: '科尔沁左翼中旗', actual: '0.00', target: null, completion: null, rank: null },
      ]);
      expect(arrived.districts.find((d) => d.regionCode === '150523')).toMatchObject({ target: '0.00', completion: null, rank: null });
      // the city leaves out 县际 money: 100 + 300 of 1000
      expect(arrived.city).toMatchObject({ actual: '400.00', target: '1000.00', completion: 0.4 });
      expect(started.districts.slice(0, 2).map((d) => [d.regionCode, d.actual, d.target, d.completion, d.rank])).toEqual([
        ['150502', '1', '2', 0.5, 1],
        ['150525', '1', '4', 0.25, 2],
      ]);
    });

    it('counts only up to the month asked for', async () => {
      const response = await progress('year=2025&to=2025-03');
      const signed = response.body.indicators[0];
      expect(signed.districts[0]).toMatchObject({ regionCode: '150525', actual: '2500.00', completion: 0.25, rank: 1 });
      expect(signed.districts.find((d) => d.regionCode === '150502')).toMatchObject({ actual: '0.00', completion: 0, rank: 2 });
    });

    it.each([
      ['year=2025&to=2024-12', 'to', '截止月份应在 2025 年内'],
      ['year=2025&to=2025-13', 'to', '截止月份应为 YYYY-MM 格式'],
      ['to=2025-06', 'year', '年份'],
    ])('refuses %s', async (query, field, message) => {
      const response = await progress(query);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0].field).toBe(field);
      expect(response.body.message).toContain(message);
    });
  });

  describe('monthly dispatch table', () => {
    const download = (month: string, token = leader) => fetch(`${t.baseUrl}/api/v1/dispatch-table?month=${month}`, { headers: { authorization: `Bearer ${token}` } });

    it('downloads an .xlsx with the title, headers, the nine districts, the city total and the note under it', async () => {
      // 跟踪落实: an overdue problem of a 奈曼 project on 06-30, and an overdue 催办单 issued in May
      const unit = (await t.request<{ id: string }>('POST', '/api/v1/units', { token: admin, body: { name: '奈曼旗自然资源局', level: 'DISTRICT', regionCode: '150525' } })).body.id;
      const [project] = await t.query<{ id: string }>(`SELECT id FROM projects WHERE region_code = '150525' ORDER BY signed_at LIMIT 1`);
      await t.query(
        `INSERT INTO project_issues (project_id, category, description, raised_at, raised_by_name, unit_id, due_at, status, version) VALUES ($1, 'LAND', '用地', '2025-05-01', '测试', $2, '2025-06-01', 'OPEN', 1)`,
        [project.id, unit],
      );
      await t.query(
        `INSERT INTO notices (kind, status, year, seq, number, subject_type, project_id, warning_rule, recipient_unit_id, title, facts, requirement, deadline, drafted_by_name, issued_at, issued_by_name, version)
         VALUES ('URGE', 'ISSUED', 2025, 1, '通招催〔2025〕1号', 'WARNING', $1, 'START', $2, '催办', '事实', '要求', '2025-05-20', '测试', '2025-05-12', '测试', 1)`,
        [project.id, unit],
      );
      const response = await download('2025-06');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('spreadsheetml');
      expect(response.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('通辽市招商引资项目月调度表-2025年6月.xlsx')}`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const sheet = workbook.getWorksheet('月调度表');
      if (!sheet) throw new Error('no sheet');
      const text = (row: number, col: number) => String(sheet.getCell(row, col).value ?? '');
      expect(text(1, 1)).toBe('通辽市招商引资项目月调度表（2025年6月）');
      expect(sheet.getCell(1, 1).isMerged).toBe(true);
      expect(text(2, 1)).toContain('数据口径：已核实月报');
      expect(text(2, 1)).toMatch(/生成日期：\d{4}年\d{1,2}月\d{1,2}日/);
      const headers = (row: number) => Array.from({ length: sheet.columnCount }, (_, i) => text(row, i + 1));
      const groups = headers(3);
      const subs = headers(4);
      expect(groups[1]).toBe('本月');
      expect(groups[11]).toBe('1–6月累计');
      expect(subs.slice(1, 11)).toEqual([
        '签约项目(个)',
        '其中千万元以上(个)',
        '签约额(亿元)',
        '开工项目(个)',
        '开工率',
        '到位资金(亿元)',
        '到位资金同比',
        '到位资金占固投比重',
        '实际利用外资(亿元)',
        '实际利用外资同比',
      ]);
      expect(subs.slice(11, 21)).toEqual(subs.slice(1, 11));
      // 签约额 and 到位资金 always; 开工项目 because some region has that target; no 千万元以上 target, no column
      expect(groups.slice(21)).toEqual([
        '签约额',
        '签约额',
        '到位资金',
        '到位资金',
        '开工项目',
        '开工项目',
        '预警（截至6月30日）',
        '预警（截至6月30日）',
        ...Array.from({ length: 4 }, () => '跟踪落实（截至6月30日）'),
      ]);
      expect(subs.slice(21)).toEqual(['年度目标(亿元)', '完成率', '年度目标(亿元)', '完成率', '年度目标(个)', '完成率', '红色(个)', '黄色(个)', '问题未办结(个)', '其中超期(个)', '督办下发(件，1–6月)', '督办超期(件)']);

      const labels = Array.from({ length: 10 }, (_, i) => text(5 + i, 1));
      expect(labels).toEqual(['科尔沁区', '科尔沁左翼中旗', '科尔沁左翼后旗', '开鲁县', '库伦旗', '奈曼旗', '扎鲁特旗', '霍林郭勒市', '通辽经济技术开发区', '全市']);
      expect(text(15, 1)).toBe(`注：${CITY_TOTAL_NOTE}；督办指提醒单、催办单、督办单、移交函，下发为1–6月累计，问题与督办的未办结、超期按月末（本月为今天）状态统计。`);

      // figures against the indicator endpoint: 奈曼's year-to-date 签约额 and the city's 到位资金, in 亿元
      const ytd = (await t.request<IndicatorResponse>('GET', '/api/v1/indicators?from=2025-01&to=2025-06&groupBy=region', { token: leader })).body;
      const naiman = ytd.rows.find((r) => r.key === '150525');
      expect(naiman?.signedAmountWan).toBe('2500.00');
      expect(sheet.getCell(10, 14).value).toBe(0.25);
      expect(sheet.getCell(10, 14).numFmt).toBe('0.00');
      expect(ytd.total.arrivedFundsWan).toBe('400.00');
      expect(sheet.getCell(14, 17).value).toBe(0.04);
      expect(sheet.getCell(5, 7).value).toBe(0.03); // 科尔沁 June: 300 万元
      expect(sheet.getCell(5, 9).value).toBe(0.25); // of its FAI 1200
      expect(sheet.getCell(5, 9).numFmt).toBe('0.0%');
      // 实际利用外资: 科尔沁's June arrivals are 境外 (0.03 亿); nothing last year, so no 同比
      expect([8, 10, 11].map((c) => sheet.getCell(5, c).value)).toEqual(['—', 0.03, '—']);
      expect(sheet.getCell(5, 6).value).toBe('—'); // nothing signed in June there: no start rate
      expect(sheet.getCell(10, 12).value).toBe(2); // 奈曼 signed 2 projects in the year
      // targets and completion of 奈曼: 签约额 1 亿 → 25%, 到位资金 0.03 亿 → 50%, 开工 4 → 25%
      expect([22, 23, 24, 25, 26, 27].map((c) => sheet.getCell(10, c).value)).toEqual([1, 0.25, 0.03, 0.5, 4, 0.25]);
      expect([24, 25].map((c) => sheet.getCell(14, c).value)).toEqual([0.1, 0.4]);
      // 预警 as the warnings API had them at the month's end; the city's are the districts' sum
      const warnings = (await t.request<WarningListResponse>('GET', '/api/v1/warnings?date=2025-06-30&pageSize=1', { token: leader })).body.counts.byRegion;
      const naimanWarnings = warnings.find((w) => w.regionCode === '150525');
      expect([28, 29].map((c) => sheet.getCell(10, c).value)).toEqual([naimanWarnings?.RED, naimanWarnings?.YELLOW]);
      expect((naimanWarnings?.RED ?? 0) + (naimanWarnings?.YELLOW ?? 0)).toBeGreaterThan(0);
      const sum = (level: 'RED' | 'YELLOW') => warnings.reduce((n, w) => n + w[level], 0);
      expect([28, 29].map((c) => sheet.getCell(14, c).value)).toEqual([sum('RED'), sum('YELLOW')]);
      // 跟踪落实 of 奈曼 and of the city: the summary's figures on the month's end
      expect([30, 31, 32, 33].map((c) => sheet.getCell(10, c).value)).toEqual([1, 1, 1, 1]);
      expect([30, 31, 32, 33].map((c) => sheet.getCell(14, c).value)).toEqual([1, 1, 1, 1]);
      expect([30, 31, 32, 33].map((c) => sheet.getCell(5, c).value)).toEqual([0, 0, 0, 0]);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4, xSplit: 1 });
      expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, fitToHeight: 0 });
    });

    it('is open to every role and refuses a bad or future month', async () => {
      for (const token of [admin, city, district]) expect((await download('2025-06', token)).status).toBe(200);
      const bad = await download('2025-6');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ApiErrorBody).message).toContain('月份应为 YYYY-MM 格式');
      const future = await download('2099-01');
      expect(future.status).toBe(400);
      expect(((await future.json()) as ApiErrorBody).message).toContain('不能选择未来月份');
    });
  });
});
