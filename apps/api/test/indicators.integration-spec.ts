import type { ApiErrorBody, IndicatorResponse, ProjectDetailDto } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

/**
 * GET /api/v1/indicators (DOMAIN.md §6, §8) on a data set small enough to work every figure out by
 * hand; the property tests compare the engine with a naive implementation on random data.
 */
describe('indicators', () => {
  let t: TestApp;
  let admin: string;
  let district: string;
  let readKey: string;
  const p = {} as Record<'a' | 'b' | 'c' | 'd' | 'e', ProjectDetailDto>;

  const report = (project: ProjectDetailDto, month: string, figures: Record<string, string>, verify = true) => fileReport(t, admin, project, month, figures, verify);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    readKey = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
    p.a = await createProject(t, admin, { regionCode: '150525', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '2000', signedAt: '2025-02-10', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2025-04-01', isKeyProject: true });
    p.b = await createProject(t, admin, { regionCode: '150525', industryCode: 'AG', investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '500', signedAt: '2025-03-05' });
    p.c = await createProject(t, admin, { regionCode: '150502', industryCode: 'EQ', investorOrigin: 'LOCAL', contractAmountWan: '1500', signedAt: '2025-05-01' });
    p.d = await createProject(t, admin, { regionCode: '150502', industryCode: 'NE', investorOrigin: 'FOREIGN', contractAmountWan: '800', signedAt: '2024-03-01', stage: 'UNDER_CONSTRUCTION', constructionStartedAt: '2024-06-01' });
    p.e = await createProject(t, admin, { regionCode: '150525', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '3000', signedAt: '2025-01-10', stage: 'TERMINATED', terminatedAt: '2025-03-15', terminationReason: '投资方撤资' });
    await report(p.a, '2025-03', { arrivedEquityWan: '100' });
    await report(p.a, '2025-04', { arrivedLoanWan: '200' }, false); // submitted, not verified
    await report(p.b, '2025-03', { arrivedOtherWan: '50' });
    await report(p.c, '2025-05', { arrivedEquityWan: '70' });
    await report(p.d, '2024-06', { arrivedEquityWan: '40' });
    await report(p.d, '2025-02', { arrivedEquityWan: '60' });
    await report(p.e, '2025-02', { arrivedEquityWan: '10' });
    const fai = await t.request('PUT', '/api/v1/fai-totals', {
      token: admin,
      body: {
        basis: 'MONTH',
        items: [
          { regionCode: '150525', month: '2025-03', amountWan: '1000' },
          { regionCode: '150502', month: '2025-03', amountWan: '500' },
          { regionCode: '150500', month: '2025-03', amountWan: '1600' },
          { regionCode: '150525', month: '2024-03', amountWan: '800' },
          { regionCode: '150502', month: '2024-03', amountWan: '400' },
        ],
      },
    });
    if (fai.status !== 200) throw new Error(`fai ${fai.status} ${JSON.stringify(fai.body)}`);
  });
  afterAll(() => t?.stop());

  const get = (query: string, auth: { token?: string; apiKey?: string } = { token: district }) =>
    t.request<IndicatorResponse & ApiErrorBody>('GET', `/api/v1/indicators?${query}`, auth);

  it('gives the city figures of the period, counting arrived funds of city-level origins only', async () => {
    const response = await get('from=2025-01&to=2025-06');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ from: '2025-01', to: '2025-06', region: '150500', groupBy: null, includeUnverified: false, rows: [] });
    expect(response.body.total).toMatchObject({
      signedCount: 4,
      signedAmountWan: '7000.00',
      signedCount10m: 3,
      startedCount: 1,
      startRate: 0.25,
      arrivedFundsWan: '170.00', // A 100 + E 10 (区外) + D 60 (境外); not B's 县际 50 nor C's local 70
      arrivedByOrigin: { FOREIGN: '60.00', OUT_OF_REGION: '110.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '50.00', LOCAL: '70.00' },
      foreignCapitalWan: '60.00', // 实际利用外资: D's arrivals (境外)
      arrivalRate: 0.022, // (100 + 10) ÷ (2000 + 3000): the projects signed in the period whose origin counts
      faiTotalWan: '1600.00', // the city's own figure for March
      fundsToFaiRatio: 0.1063,
      registeredFaiShare: 0,
      lastYear: {
        signedCount: 1,
        signedAmountWan: '800.00',
        signedCount10m: 0,
        startedCount: 1,
        arrivedFundsWan: '40.00',
        foreignCapitalWan: '40.00',
        faiTotalWan: '1200.00',
        arrivedByOrigin: { FOREIGN: '40.00', OUT_OF_REGION: '0.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '0.00' },
        keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0 },
      },
      yoy: {
        signedCount: 3,
        signedAmountWan: 7.75,
        signedCount10m: null,
        startedCount: 0,
        arrivedFundsWan: 3.25,
        foreignCapitalWan: 0.5,
        faiTotalWan: 0.3333,
        arrivedByOrigin: { FOREIGN: 0.5, OUT_OF_REGION: null, IN_REGION_OUT_OF_CITY: null, IN_CITY_OTHER_COUNTY: null, LOCAL: null },
        keyProjects: { count: null, startedCount: null, approvalsCompleteCount: null },
      },
      growthContribution: 0.325, // (170 − 40) ÷ (1600 − 1200)
      pull: 10.8333, // (170 − 40) ÷ 1200 × 100
      keyProjects: { count: 1, startedCount: 1, approvalsCompleteCount: 0, startRate: 1, approvalsCompleteRate: 0 },
      targetCompletion: {},
      note: null,
    });
  });

  it('counts submitted reports too when asked', async () => {
    const response = await get('from=2025-01&to=2025-06&includeUnverified=true');
    expect(response.body.total.arrivedFundsWan).toBe('370.00');
    expect(response.body.includeUnverified).toBe(true);
  });

  it('groups by region with each district’s own rule, and says why the total is not the sum', async () => {
    const response = await get('from=2025-01&to=2025-06&groupBy=region');
    expect(response.body.rows.map((r) => r.key)).toHaveLength(9);
    const naiman = response.body.rows.find((r) => r.key === '150525');
    expect(naiman).toMatchObject({ label: '奈曼旗', signedCount: 3, signedAmountWan: '5500.00', arrivedFundsWan: '160.00', faiTotalWan: '1000.00', fundsToFaiRatio: 0.16, arrivalRate: 0.0291 });
    const kerqin = response.body.rows.find((r) => r.key === '150502');
    expect(kerqin).toMatchObject({ signedCount: 1, arrivedFundsWan: '60.00', faiTotalWan: '500.00', fundsToFaiRatio: 0.12, arrivalRate: null });
    const kailu = response.body.rows.find((r) => r.key === '150523');
    expect(kailu).toMatchObject({ signedCount: 0, signedAmountWan: '0.00', arrivedFundsWan: '0.00', faiTotalWan: '0.00', fundsToFaiRatio: null, startRate: null });
    expect(response.body.total.arrivedFundsWan).toBe('170.00'); // not 160 + 60
    expect(response.body.total.note).toContain('市内县际');
    expect(response.body.total.signedCount).toBe(4);
  });

  it('groups by month with each month its own period', async () => {
    const response = await get('from=2025-01&to=2025-06&groupBy=month');
    expect(response.body.rows.map((r) => r.label)).toEqual(['2025年1月', '2025年2月', '2025年3月', '2025年4月', '2025年5月', '2025年6月']);
    const feb = response.body.rows.find((r) => r.key === '2025-02');
    expect(feb).toMatchObject({ signedCount: 1, startRate: 0, arrivedFundsWan: '70.00', faiTotalWan: '0.00', fundsToFaiRatio: null });
    const march = response.body.rows.find((r) => r.key === '2025-03');
    expect(march).toMatchObject({ signedCount: 1, arrivedFundsWan: '100.00', faiTotalWan: '1600.00', fundsToFaiRatio: 0.0625, lastYear: { signedCount: 1, faiTotalWan: '1200.00' } });
    expect(response.body.total).toMatchObject({ signedCount: 4, startRate: 0.25, arrivedFundsWan: '170.00', note: null });
  });

  it('groups by industry, each row with the scope’s FAI and the industry’s part of the ratios', async () => {
    const response = await get('from=2025-01&to=2025-06&groupBy=industry');
    const ne = response.body.rows.find((r) => r.key === 'NE');
    // FAI is not split by industry: the city's 1600 (last year 1200); NE holds all the counted arrivals (170, last year 40)
    expect(ne).toMatchObject({ signedCount: 2, signedAmountWan: '5000.00', arrivedFundsWan: '170.00', foreignCapitalWan: '60.00', faiTotalWan: '1600.00', fundsToFaiRatio: 0.1063, growthContribution: 0.325, pull: 10.8333 });
    expect(response.body.rows.find((r) => r.key === 'AG')).toMatchObject({ signedCount: 1, arrivedFundsWan: '0.00', faiTotalWan: '1600.00', fundsToFaiRatio: 0, growthContribution: 0, pull: 0 });
    expect(response.body.rows).toHaveLength(10);
  });

  it('gives a district its own scope, for an API key of scope read too', async () => {
    const response = await get('from=2025-01&to=2025-06&region=150525', { apiKey: readKey });
    expect(response.status).toBe(200);
    expect(response.body.total).toMatchObject({ arrivedFundsWan: '160.00', faiTotalWan: '1000.00', fundsToFaiRatio: 0.16, note: null });
  });

  it('completes against the annual targets', async () => {
    const set = await t.request('PUT', '/api/v1/targets', {
      token: admin,
      body: { year: 2025, items: [{ regionCode: '150525', indicator: 'arrivedFundsWan', value: '1600' }, { regionCode: '150500', indicator: 'signedCount10m', value: '6' }] },
    });
    expect(set.status).toBe(200);
    const response = await get('from=2025-03&to=2025-06&groupBy=region');
    // since January, not since the period's start: 奈曼 160 of 1600
    expect(response.body.rows.find((r) => r.key === '150525')?.targetCompletion).toEqual({ arrivedFundsWan: 0.1 });
    expect(response.body.total.targetCompletion).toEqual({ signedCount10m: 0.5 });
  });

  it.each([
    // the 驾驶舱's: by region and by industry in one pass (the summaries' GROUPING SETS), with a year-so-far pass for the targets
    ['from=2025-03&to=2025-06', 'region', 'industry'],
    ['from=2025-01&to=2025-06&includeUnverified=true', 'industry', 'region'],
    ['from=2025-02&to=2025-06&region=150525', 'region', 'industry'],
    // any other pair: each grouping's own passes
    ['from=2025-03&to=2025-06', 'month', 'region'],
    ['from=2025-01&to=2025-06&region=150502', 'industry', 'month'],
  ])('answers %s by %s and also by %s as the two requests alone', async (query, groupBy, alsoGroupBy) => {
    const both = await get(`${query}&groupBy=${groupBy}&alsoGroupBy=${alsoGroupBy}`, { token: admin });
    const [first, second] = [await get(`${query}&groupBy=${groupBy}`, { token: admin }), await get(`${query}&groupBy=${alsoGroupBy}`, { token: admin })];
    expect(both.status).toBe(200);
    const { also, ...rest } = both.body;
    expect(rest).toEqual(first.body);
    expect(also).toEqual({ groupBy: alsoGroupBy, rows: second.body.rows });
    expect(second.body.rows.length).toBeGreaterThan(0);
    // the fixture's figures are in both: not two empty answers alike
    expect(first.body.rows.some((r) => r.signedCount > 0) && second.body.rows.some((r) => r.signedCount > 0)).toBe(true);
  });

  it('keeps one scope for both groupings: a district by region is its own row, by industry its own projects', async () => {
    const response = await get('from=2025-01&to=2025-06&region=150525&groupBy=region&alsoGroupBy=industry');
    expect(response.status).toBe(200);
    expect(response.body.rows.map((r) => r.key)).toEqual(['150525']);
    expect(response.body.also?.rows.find((r) => r.key === 'NE')).toMatchObject({ signedCount: 2, arrivedFundsWan: '110.00' }); // a's 100 and the terminated e's 10 of February
  });

  it.each([
    ['from=2025-13&to=2025-06', 'from', '起始月份应为 YYYY-MM 格式'],
    ['from=2025-06&to=2025-01', 'from', '起始月份不能晚于截止月份'],
    ['from=2025-01&to=2025-06&region=999999', 'region', '地区代码不存在'],
    ['from=2025-01&to=2025-06&groupBy=county', 'groupBy', '分组'],
    ['to=2025-06', 'from', '起始月份'],
    ['from=2025-01&to=2025-06&alsoGroupBy=industry', 'alsoGroupBy', '须与分组（groupBy）一起使用'],
    ['from=2025-01&to=2025-06&groupBy=region&alsoGroupBy=region', 'alsoGroupBy', '应与分组（groupBy）不同'],
    ['from=2025-01&to=2025-06&groupBy=region&alsoGroupBy=county', 'alsoGroupBy', '另一分组'],
  ])('refuses %s naming the parameter', async (query, field, message) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.body.details?.[0].field).toBe(field);
    expect(response.body.message).toContain(message);
  });
});
