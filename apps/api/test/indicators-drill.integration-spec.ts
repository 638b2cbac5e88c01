import { type ApiErrorBody, type DrillIndicator, type DrillResponse, type IndicatorResponse, type ProjectDetailDto, sumWan } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/**
 * GET /api/v1/indicators/drill (issue 13 item 4): the projects behind a figure, whose total is the
 * figure of GET /indicators, on data with traps: unverified reports, reports of other months, money
 * of origins that do not count at the city (市内县际) or anywhere (本地), a terminated project,
 * projects signed in one period and paying in another.
 */
describe('indicator drill-downs', () => {
  let t: TestApp;
  let admin: string;
  let district: string;
  let readKey: string;
  const p = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', ProjectDetailDto>;

  const report = (project: ProjectDetailDto, month: string, figures: Record<string, string>, verify = true) => fileReport(t, admin, project, month, figures, verify);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    readKey = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
    p.a = await createProject(t, admin, { name: '甲 新能源装备', regionCode: '150525', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '2000', signedAt: '2025-02-10', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-01', isKeyProject: true });
    p.b = await createProject(t, admin, { name: '乙 县际农业', regionCode: '150525', industryCode: 'AG', investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '500', signedAt: '2025-03-05' });
    p.c = await createProject(t, admin, { name: '丙 本地装备', regionCode: '150502', industryCode: 'EQ', investorOrigin: 'LOCAL', contractAmountWan: '1500', signedAt: '2025-05-01' });
    p.d = await createProject(t, admin, { name: '丁 境外风电', regionCode: '150502', industryCode: 'NE', investorOrigin: 'FOREIGN', contractAmountWan: '800', signedAt: '2024-03-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2024-06-01' });
    p.e = await createProject(t, admin, { name: '戊 已终止', regionCode: '150525', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '3000', signedAt: '2025-01-10', stage: 'TERMINATED', terminatedAt: '2025-03-15', terminationReason: '投资方撤资' });
    p.f = await createProject(t, admin, { name: '己 区内市外', regionCode: '150502', industryCode: 'EQ', investorOrigin: 'IN_REGION_OUT_OF_CITY', contractAmountWan: '1200', signedAt: '2024-11-20', stage: 'IN_PRODUCTION', productionStartedAt: '2025-03-20' });
    await report(p.a, '2025-03', { arrivedEquityWan: '100' });
    await report(p.a, '2025-04', { arrivedLoanWan: '200' }, false); // submitted, not verified
    await report(p.a, '2025-07', { arrivedLoanWan: '999' }); // after the period
    await report(p.b, '2025-03', { arrivedOtherWan: '50' }); // 市内县际: not at the city
    await report(p.c, '2025-05', { arrivedEquityWan: '70' }); // 本地: nowhere
    await report(p.d, '2024-06', { arrivedEquityWan: '40' }); // last year
    await report(p.d, '2025-02', { arrivedEquityWan: '60' });
    await report(p.e, '2025-02', { arrivedEquityWan: '10' });
    await report(p.f, '2025-03', { arrivedEquityWan: '30.55', arrivedLoanWan: '0.45' });
    await report(p.f, '2025-04', { arrivedEquityWan: '0' }); // a month without money
  });
  afterAll(() => t?.stop());

  const drill = (query: string, auth: { token?: string; apiKey?: string } = { token: district }) =>
    t.request<DrillResponse & ApiErrorBody>('GET', `/api/v1/indicators/drill?${query}`, auth);
  const figures = (query: string) => t.request<IndicatorResponse>('GET', `/api/v1/indicators?${query}`, { token: district });

  const figureOf = (response: IndicatorResponse, indicator: DrillIndicator, key: string | null, origin: string | null): string => {
    const values = key === null ? response.total : response.rows.find((r) => r.key === key);
    if (!values) throw new Error(`no row ${key}`);
    if (indicator === 'arrivedByOrigin') return values.arrivedByOrigin[origin as keyof typeof values.arrivedByOrigin];
    if (indicator === 'keyProjects') return String(values.keyProjects.count);
    const value = values[indicator];
    return String(value);
  };

  // [indicator, period and scope, grouping of GET /indicators and its row (null: the total), extra drill parameters]
  const cases: [DrillIndicator, string, string | null, string | null, string][] = [];
  for (const period of ['from=2025-01&to=2025-06', 'from=2025-03&to=2025-03', 'from=2024-01&to=2025-12', 'from=2025-04&to=2025-04']) {
    for (const region of ['', '&region=150525', '&region=150502']) {
      for (const indicator of ['signedCount', 'signedAmountWan', 'signedCount10m', 'startedCount', 'arrivedFundsWan', 'foreignCapitalWan', 'keyProjects'] as const) {
        cases.push([indicator, period + region, null, null, '']);
      }
      for (const origin of ['FOREIGN', 'IN_CITY_OTHER_COUNTY', 'LOCAL', 'IN_REGION_OUT_OF_CITY']) cases.push(['arrivedByOrigin', period + region, null, origin, `&origin=${origin}`]);
    }
  }

  it.each(cases)('%s over %s adds up to the figure of GET /indicators (origin %s %s)', async (indicator, query, _row, origin, extra) => {
    const [rows, figure] = await Promise.all([drill(`indicator=${indicator}&${query}${extra}`), figures(query)]);
    expect(rows.status).toBe(200);
    expect(rows.body.total).toBe(figureOf(figure.body, indicator, null, origin));
    if (rows.body.kind === 'amount') expect(sumWan(rows.body.rows.map((r) => r.amountWan))).toBe(rows.body.total);
    else expect(String(rows.body.rows.length)).toBe(rows.body.total);
    const byStage: Record<string, number> = {};
    for (const r of rows.body.rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
    expect({ rowCount: rows.body.rowCount, byStage: rows.body.byStage }).toEqual({ rowCount: rows.body.rows.length, byStage });
    // with a limit: the first rows only, the figure and the counts still of all of them (from SQL)
    for (const limit of [0, 1]) {
      const limited = await drill(`indicator=${indicator}&${query}${extra}&limit=${limit}`);
      expect({ status: limited.status, body: limited.status === 200 ? null : limited.body }).toEqual({ status: 200, body: null });
      expect({ ...limited.body, rows: undefined }).toEqual({ ...rows.body, rows: undefined });
      expect(limited.body.rows).toEqual(rows.body.rows.slice(0, limit));
    }
  });

  it('refuses a limit out of range, naming it', async () => {
    for (const limit of ['-1', '1001', 'abc']) {
      const response = await drill(`indicator=signedCount&from=2025-01&to=2025-06&limit=${limit}`);
      expect(response.status).toBe(400);
      expect(response.body.details?.[0]).toMatchObject({ field: 'limit' });
    }
  });

  it('matches the rows of GET /indicators grouped by region, month and industry, and with unverified reports', async () => {
    const period = 'from=2025-01&to=2025-06';
    const byRegion = (await figures(`${period}&groupBy=region`)).body;
    for (const row of byRegion.rows) {
      const drilled = await drill(`indicator=arrivedFundsWan&${period}&region=${row.key}`);
      expect({ region: row.key, total: drilled.body.total }).toEqual({ region: row.key, total: row.arrivedFundsWan });
    }
    const byMonth = (await figures(`${period}&groupBy=month`)).body;
    for (const row of byMonth.rows) {
      for (const indicator of ['arrivedFundsWan', 'signedCount', 'startedCount'] as const) {
        const drilled = await drill(`indicator=${indicator}&from=${row.key}&to=${row.key}`);
        expect({ month: row.key, indicator, total: drilled.body.total }).toEqual({ month: row.key, indicator, total: String(row[indicator]) });
      }
    }
    const byIndustry = (await figures(`${period}&groupBy=industry`)).body;
    for (const row of byIndustry.rows) {
      for (const indicator of ['arrivedFundsWan', 'signedAmountWan'] as const) {
        const drilled = await drill(`indicator=${indicator}&${period}&industry=${row.key}`);
        expect({ industry: row.key, indicator, total: drilled.body.total }).toEqual({ industry: row.key, indicator, total: row[indicator] });
      }
    }
    const unverified = await drill(`indicator=arrivedFundsWan&${period}&includeUnverified=true`);
    const unverifiedFigure = (await figures(`${period}&includeUnverified=true`)).body.total.arrivedFundsWan;
    expect(unverified.body.total).toBe(unverifiedFigure);
    expect(unverified.body.total).toBe('401.00');
  });

  it('lists the arrivals by the month of the report, with each project’s part and the money the origin rule leaves out', async () => {
    const response = await drill('indicator=arrivedFundsWan&from=2025-01&to=2025-06');
    expect(response.body).toMatchObject({ indicator: 'arrivedFundsWan', kind: 'amount', region: '150500', regionName: '通辽市', total: '201.00', includeUnverified: false });
    // A's verified March only (not April's unverified 200, not July's 999); F's March (April brought nothing); the terminated E's February
    expect(response.body.rows.map((r) => [r.name, r.amountWan, r.months])).toEqual([
      ['甲 新能源装备', '100.00', ['2025-03']],
      ['丁 境外风电', '60.00', ['2025-02']],
      ['己 区内市外', '31.00', ['2025-03']],
      ['戊 已终止', '10.00', ['2025-02']],
    ]);
    expect(response.body.rows[0]).toMatchObject({ projectNo: p.a.projectNo, projectId: p.a.id, regionName: '奈曼旗', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '2000.00' });
    expect(response.body.excluded).toEqual([
      { origin: 'IN_CITY_OTHER_COUNTY', projectCount: 1, amountWan: '50.00' },
      { origin: 'LOCAL', projectCount: 1, amountWan: '70.00' },
    ]);
    expect(response.body.rule).toContain('按月报所属月份');
    expect(response.body.rule).toContain('全市不计市内县际和本地资金');
    // a district counts its 县际 money
    const naiman = await drill('indicator=arrivedFundsWan&from=2025-01&to=2025-06&region=150525');
    expect(naiman.body.rows.map((r) => r.name)).toEqual(['甲 新能源装备', '乙 县际农业', '戊 已终止']);
    expect(naiman.body.excluded).toEqual([]);
    expect(naiman.body.rule).toContain('不计本地资金');
  });

  it('lists starts by the start date, a project gone straight into production included', async () => {
    const response = await drill('indicator=startedCount&from=2025-01&to=2025-06');
    expect(response.body.rows.map((r) => [r.name, r.date])).toEqual([
      ['甲 新能源装备', '2025-04-01'],
      ['己 区内市外', '2025-03-20'],
    ]);
    expect(response.body.total).toBe('2');
  });

  it('is open to every role and to API keys of scope read', async () => {
    for (const role of ['CITY_STAFF', 'LEADER'] as const) {
      const token = (await t.userToken(role)).token;
      expect((await drill('indicator=signedCount&from=2025-01&to=2025-06', { token })).status).toBe(200);
    }
    expect((await drill('indicator=signedCount&from=2025-01&to=2025-06', { apiKey: readKey })).status).toBe(200);
    expect((await drill('indicator=signedCount&from=2025-01&to=2025-06', {})).status).toBe(401);
  });

  it.each([
    ['indicator=arrived&from=2025-01&to=2025-06', 'indicator', '指标（indicator）应为以下之一'],
    ['from=2025-01&to=2025-06', 'indicator', '指标'],
    ['indicator=arrivedByOrigin&from=2025-01&to=2025-06', 'origin', '须指明资金来源'],
    ['indicator=arrivedByOrigin&from=2025-01&to=2025-06&origin=MARS', 'origin', '资金来源（origin）应为以下之一'],
    ['indicator=signedCount&from=2025-06&to=2025-01', 'from', '起始月份不能晚于截止月份'],
    ['indicator=signedCount&from=2025-01&to=2025-06&region=999999', 'region', '地区代码不存在'],
    ['indicator=signedCount&from=2025-01&to=2025-06&industry=XX', 'industry', '产业代码不存在'],
    ['indicator=signedCount&from=2025-1&to=2025-06', 'from', '起始月份应为 YYYY-MM 格式'],
  ])('refuses %s naming the parameter', async (query, field, message) => {
    const response = await drill(query);
    expect(response.status).toBe(400);
    expect(response.body.details?.[0].field).toBe(field);
    expect(response.body.message).toContain(message);
  });
});
