import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { DrillResponse } from '@zhaoshang/shared/domain';
import { dashboardRoutes } from './dashboard.routes';
import { whenOf } from './drill-page';

const response: DrillResponse = {
  indicator: 'arrivedFundsWan',
  kind: 'amount',
  from: '2026-03',
  to: '2026-03',
  region: '150500',
  regionName: '通辽市',
  industry: null,
  origin: null,
  includeUnverified: false,
  rule: '所选期间各月已核实月报中的到位资金之和，按月报所属月份计入。',
  rows: [
    { projectId: 'a', projectNo: '150502-2026-0001', name: '风光储一体化', regionCode: '150502', regionName: '科尔沁区', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', stage: 'UNDER_CONSTRUCTION', contractAmountWan: '120000.00', date: null, months: ['2026-03'], amountWan: '2600.50' },
    { projectId: 'b', projectNo: '150525-2026-0001', name: '蒙中医药产业园', regionCode: '150525', regionName: '奈曼旗', industryCode: 'BM', investorOrigin: 'FOREIGN', stage: 'SIGNED', contractAmountWan: '30000.00', date: null, months: ['2026-03'], amountWan: '700.25' },
  ],
  rowCount: 2,
  byStage: { UNDER_CONSTRUCTION: 1, SIGNED: 1 },
  total: '3300.75',
  excluded: [{ origin: 'LOCAL', projectCount: 1, amountWan: '300.00' }],
};

describe('DrillPage', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([{ path: 'dashboard', children: dashboardRoutes }])] });
    http = TestBed.inject(HttpTestingController);
  });

  it('asks for the figure of the URL and shows its rows, their sum, the rule and the way back to the same selection', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard/detail?indicator=arrivedFundsWan&from=2026-03&to=2026-03&backFrom=2026-01&backTo=2026-06');
    const request = http.expectOne((r) => r.url === '/api/v1/indicators/drill');
    expect(request.request.params.toString()).toBe('indicator=arrivedFundsWan&from=2026-03&to=2026-03');
    request.flush(response);
    http.match(() => true).forEach((r) => r.flush([]));
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    const text = (id: string) => page.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

    expect(text('drill-total')).toBe('0.33');
    expect(page.querySelectorAll('[data-testid="drill-row"]')).toHaveLength(2);
    expect(Array.from(page.querySelectorAll('[data-testid="drill-row-amount"]')).map((e) => e.textContent?.trim())).toEqual(['2,600.50', '700.25']);
    expect(text('drill-sum')).toContain('3,300.75');
    expect(text('drill-rule')).toContain('按月报所属月份计入');
    expect(text('drill-excluded')).toContain('本地 300.00 万元（1 个项目）');
    expect(page.querySelector('[data-testid="drill-back"]')?.getAttribute('href')).toBe('/dashboard?from=2026-01&to=2026-06');
    expect(page.querySelector('[data-testid="drill-row"] a')?.getAttribute('href')).toBe('/projects/a');
  });

  it('says so when the link names no figure', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/dashboard/detail?indicator=nothing');
    http.match(() => true).forEach((r) => r.flush([]));
    await harness.fixture.whenStable();
    expect((harness.routeNativeElement as HTMLElement).querySelector('[data-testid="drill-invalid"]')).not.toBeNull();
    http.expectNone((r) => r.url === '/api/v1/indicators/drill');
  });

  it('tells when a row counted: a date, or the months of the arrivals as periods', () => {
    expect(whenOf({ date: '2026-04-01', months: [] })).toBe('2026-04-01');
    expect(whenOf({ date: null, months: ['2026-01', '2026-02', '2026-03', '2026-05'] })).toBe('2026年1—3月、2026年5月');
    expect(whenOf({ date: null, months: ['2025-12', '2026-01'] })).toBe('2025年12月—2026年1月');
  });
});
