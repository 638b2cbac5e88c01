import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CITY_TOTAL_NOTE, type DrillResponse, type DrillRow, type FollowThroughSummary, type IndicatorResponse, type MonthOverview } from '@zhaoshang/shared/domain';
import { dashboardRoutes } from './dashboard.routes';
import { row, values, yoy } from './test-data';

function response(groupBy: IndicatorResponse['groupBy'], rows: IndicatorResponse['rows'], region = '150500'): IndicatorResponse {
  const total = values({
    signedCount: 3,
    signedCount10m: 2,
    signedAmountWan: '215000.00',
    arrivedFundsWan: '31000.00',
    fundsToFaiRatio: 0.771,
    arrivedByOrigin: { FOREIGN: '0.00', OUT_OF_REGION: '31000.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '4500.00', LOCAL: '300.00' },
    yoy: yoy({ signedCount: 0.5, signedAmountWan: -0.2, arrivedFundsWan: 0.123, keyProjects: { count: 1, startedCount: null, approvalsCompleteCount: null } }),
    keyProjects: { count: 2, startedCount: 1, approvalsCompleteCount: 0, startRate: 0.5, approvalsCompleteRate: 0 },
  });
  return { from: '2026-01', to: '2026-10', region, groupBy, includeUnverified: false, rows, total: { ...total, note: region === '150500' ? CITY_TOTAL_NOTE : null } };
}

function drillRow(name: string, stage: DrillRow['stage'], overrides: Partial<DrillRow> = {}): DrillRow {
  return { projectId: name, projectNo: `P-${name}`, name, regionCode: '150525', regionName: '奈曼旗', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', stage, contractAmountWan: '20000.00', date: '2026-03-01', months: [], amountWan: '20000.00', ...overrides };
}

/** The API's answer with `limit`: the counts of all `rows`, only the first `limit` of them sent. */
function drillResponse(indicator: DrillResponse['indicator'], rows: DrillRow[], limit?: number): DrillResponse {
  const byStage: DrillResponse['byStage'] = {};
  for (const r of rows) byStage[r.stage] = (byStage[r.stage] ?? 0) + 1;
  const sent = limit === undefined ? rows : rows.slice(0, limit);
  return { indicator, kind: 'count', from: '2026-01', to: '2026-06', region: '150500', regionName: '通辽市', industry: null, origin: null, includeUnverified: false, rule: '', rows: sent, rowCount: rows.length, byStage, total: String(rows.length), excluded: [] };
}

const june: MonthOverview = { month: '2026-06', closed: false, closedAt: null, closedBy: null, reopenReason: null, version: 0, expected: 40, counts: { DRAFT: 2, SUBMITTED: 20, VERIFIED: 10, RETURNED: 0, MISSING: 8 } };

describe('DashboardPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'dashboard', children: dashboardRoutes }])],
    });
    http = TestBed.inject(HttpTestingController);
  });

  it('reads the selection from the URL, shows the cards and the city note, the districts and industries from one request', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard?from=2026-01&to=2026-06');
    const indicators = http.match((r) => r.url === '/api/v1/indicators');
    // the city's districts and industries in one request (alsoGroupBy)
    expect(indicators.map((r) => r.request.params.toString()).sort()).toEqual(['from=2026-01&to=2026-06&groupBy=month', 'from=2026-01&to=2026-06&groupBy=region&alsoGroupBy=industry']);
    http.match((r) => r.url === '/api/v1/regions').forEach((r) => r.flush([]));
    http.match((r) => r.url === '/api/v1/warnings/counts').forEach((r) => r.flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' }));
    http.expectOne('/api/v1/months?year=2026&month=2026-06').flush([june]);
    http.expectOne((r) => r.url === '/api/v1/follow-through/summary').flush({ statusCode: 500, error: 'INTERNAL', message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    for (const request of http.match((r) => r.url === '/api/v1/indicators/drill')) {
      const indicator = request.request.params.get('indicator');
      // the funnel asks for the counts only, the key list for its first rows
      const limit = Number(request.request.params.get('limit'));
      expect(limit).toBe(indicator === 'signedCount' ? 0 : 8);
      if (indicator === 'signedCount') request.flush(drillResponse('signedCount', [drillRow('甲', 'SIGNED'), drillRow('乙', 'UNDER_CONSTRUCTION'), drillRow('丙', 'IN_PRODUCTION'), drillRow('丁', 'TERMINATED')], limit));
      else request.flush(drillResponse('keyProjects', [drillRow('重点甲', 'UNDER_CONSTRUCTION', { contractAmountWan: '150000.00' }), ...Array.from({ length: 9 }, (_, i) => drillRow(`重点${i}`, 'SIGNED', { contractAmountWan: '100.00' }))], limit));
    }
    for (const request of indicators) {
      const groupBy = request.request.params.get('groupBy') as IndicatorResponse['groupBy'];
      if (groupBy === 'month') request.flush(response(groupBy, [row('2026-01', '2026-01', { arrivedFundsWan: '31000.00' })]));
      else request.flush({ ...response(groupBy, [row('150525', '奈曼旗', { arrivedFundsWan: '35500.00' })]), also: { groupBy: 'industry', rows: [row('NE', '新能源', { signedAmountWan: '215000.00', arrivedFundsWan: '31000.00' })] } });
    }
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    // the panels below the trend are made once the figures are settled (a @defer block)
    await rendered(harness, page, 'panel-districts');
    const text = (id: string) => page.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

    expect(text('kpi-signed')).toContain('3个');
    expect(text('kpi-signedAmount')).toContain('21.50');
    expect(text('kpi-signedAmount')).toContain('-20.0%');
    expect(text('kpi-arrived')).toContain('3.10');
    expect(text('kpi-arrived')).toContain('77.1%');
    expect(page.querySelector('[data-testid="kpi-arrived"] [data-testid="kpi-note"]')).not.toBeNull();
    expect(text('dashboard-city-note')).toContain('全市到位资金不含市内县际');
    await rendered(harness, page, 'district-note');
    expect(text('district-note')).toContain('全市合计 3.10 亿元，各旗县市区之和 3.55 亿元');
    expect(text('dashboard-error')).toBeNull();
    await rendered(harness, page, 'chart-industries');
    expect(text('key-count')).toBe('2');
    expect(text('key-count-yoy')).toBe('同比 +100.0%');
    expect(text('kpi-foreign')).toContain('实际利用外资');
    // the last month's share of verified reports, so its dip is not read as a fall
    expect(text('trend-verified')).toContain('6月月报已核实 25.0%（全市）');
    expect(text('trend-verified')).toContain('待核实后计入');
    // 签约 → 注册 → 开工 → 投产 by the stage reached; the terminated one at signing only
    expect(text('funnel-SIGNED')).toContain('4 个');
    expect(text('funnel-REGISTERED')).toContain('2 个');
    expect(text('funnel-UNDER_CONSTRUCTION')).toContain('2 个');
    expect(text('funnel-IN_PRODUCTION')).toContain('1 个');
    expect(text('key-project-list')).toContain('重点甲');
    // 10 key projects, 8 of them sent: the rest counted from rowCount
    expect(page.querySelectorAll('[data-testid="key-project-list"] li').length).toBe(8);
    expect(text('panel-key-projects')).toContain('另有 2 个，查看全部');
    expect(text('key-project-list')).toContain('15.00 亿元');
    // no warnings module: no warnings card
    expect(page.querySelector('[data-testid="panel-warnings"]')).toBeNull();
    expect(text('follow-through-error')).toContain('跟踪落实加载失败');
  });

  it('says so when the indicators fail, and asks again on 重试', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard?from=2026-01&to=2026-06');
    const both = (r: { url: string; params: { get(name: string): string | null } }) => r.url === '/api/v1/indicators' && r.params.get('alsoGroupBy') === 'industry';
    http.expectOne(both).flush({ statusCode: 500, error: 'INTERNAL', message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    const page = harness.routeNativeElement as HTMLElement;
    await rendered(harness, page, 'dashboard-error');
    expect(page.querySelector('[data-testid="dashboard-error"]')?.textContent).toContain('指标加载失败：服务器出错了');
    const retry = Array.from(page.querySelectorAll<HTMLButtonElement>('[data-testid="dashboard-error"] button')).find((b) => b.textContent?.trim() === '重试');
    retry?.click();
    harness.fixture.detectChanges();
    // only what failed is asked again: by month is still on its way from the start
    expect(http.match(both)).toHaveLength(1);
    expect(http.match((r) => r.url === '/api/v1/indicators' && r.params.get('groupBy') === 'month')).toHaveLength(1);
  });

  it('says when the period has nothing yet, and shows empty charts as such', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard?from=2026-01&to=2026-01&region=150525');
    http.match((r) => r.url === '/api/v1/regions').forEach((r) => r.flush([]));
    http.match((r) => r.url === '/api/v1/warnings/counts').forEach((r) => r.flush({ date: '2026-11-23', counts: { byRegion: [], byRule: {} } }));
    http.match((r) => r.url === '/api/v1/months').forEach((r) => r.flush([]));
    const followThrough = http.expectOne((r) => r.url === '/api/v1/follow-through/summary');
    expect(followThrough.request.params.toString()).toBe('from=2026-01&to=2026-01&region=150525');
    const counts = (issued: number, overdue: number) => ({ issued, overdue });
    const summary: FollowThroughSummary = {
      from: '2026-01',
      to: '2026-01',
      region: '150525',
      asOf: '2026-01-31',
      rows: [],
      total: { problems: { total: 8, open: 5, overdue: 2, closed: 3, closedRate: 0.375 }, notices: { REMINDER: counts(4, 1), URGE: counts(2, 0), SUPERVISE: counts(1, 1), TRANSFER: counts(0, 0) } },
    };
    followThrough.flush(summary);
    http.match((r) => r.url === '/api/v1/indicators/drill').forEach((r) => r.flush(drillResponse('signedCount', [])));
    for (const request of http.match((r) => r.url === '/api/v1/indicators')) {
      const groupBy = request.request.params.get('groupBy') as IndicatorResponse['groupBy'];
      request.flush({ from: '2026-01', to: '2026-01', region: request.request.params.get('region') ?? '', groupBy, includeUnverified: false, rows: [], total: { ...values(), note: null } });
    }
    // issue 16: the line on the bureau's list is fetched once the figures are on screen (its own chunk)
    const coverage = await nextRequest(harness, http, '/api/v1/stats-projects/coverage');
    expect(coverage.request.params.toString()).toBe('month=2026-01&region=150525');
    coverage.flush({ month: '2026-01', listMonth: '2026-01', regionCode: '150525', registeredCount: 20, alsoListedCount: 17, share: 0.85 });
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const text = (id: string) => page.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

    expect(text('dashboard-empty')).toContain('暂无已核实的数据');
    expect(text('kpi-arrived')).toContain('0.00');
    expect(text('kpi-arrivalRate')).toContain('—');
    // a district: no 县际 note on its arrived funds
    expect(page.querySelector('[data-testid="kpi-arrived"] [data-testid="kpi-note"]')).toBeNull();
    expect(text('dashboard-city-note')).toBeNull();
    expect(text('panel-industries')).toContain('所选期间没有签约或到位资金');
    expect(text('panel-origins')).toContain('所选期间没有到位资金');
    expect(text('panel-warnings')).toContain('当前没有红色或黄色预警');
    expect(text('dashboard-error')).toBeNull();
    expect(text('panel-funnel')).toContain('所选期间没有签约项目');
    expect(text('warnings-as-of')).toMatch(/^截至 \d{4}-\d{2}-\d{2}$/);
    // 跟踪落实 of the district, its overdue figures leading to the lists filtered to it
    expect(text('ft-problems-open')).toBe('5未办结');
    expect(text('ft-problems-overdue')).toBe('2其中超期 ›');
    expect(text('ft-problems-rate')).toBe('37.5%办结率（累计 8 个）');
    expect(page.querySelector('[data-testid="ft-problems-overdue"]')?.getAttribute('href')).toBe('/problems?overdue=true&regionCode=150525');
    expect(text('ft-notices-issued')).toBe('7');
    expect(text('ft-notices-overdue')).toBe('2');
    const supervise = page.querySelector('[data-testid="ft-notice-row"][data-kind="SUPERVISE"]');
    expect(Array.from(supervise?.children ?? []).map((cell) => cell.textContent?.trim())).toEqual(['督办单', '1', '1']);
    expect(supervise?.querySelector('a')?.getAttribute('href')).toBe('/notices?overdue=true&kind=SUPERVISE&regionCode=150525');
    expect(page.querySelector('[data-testid="ft-notice-row"][data-kind="URGE"] a')).toBeNull();
    expect(page.querySelector('[data-testid="ft-notices-link"]')?.getAttribute('href')).toBe('/notices?overdue=true&regionCode=150525');
    expect(text('panel-follow-through')).toContain('截至 2026-01-31');
    expect(text('stats-coverage')).toBe('统计入库：我方已入库 20 个项目，统计局2026年1月清单列入 17 个，占 85.0%统计对账 ›');
  });
});

/** A request the page sends later (after a deferred chunk loads): change detection and a tick until it is there. */
async function rendered(harness: RouterTestingHarness, page: HTMLElement, testId: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    harness.fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (page.querySelector(`[data-testid="${testId}"]`)) return;
  }
  throw new Error(`${testId} was never rendered`);
}

async function nextRequest(harness: RouterTestingHarness, http: HttpTestingController, url: string): Promise<TestRequest> {
  for (let i = 0; i < 200; i++) {
    harness.fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [found] = http.match((r) => r.url === url);
    if (found) return found;
  }
  throw new Error(`no request to ${url}`);
}
