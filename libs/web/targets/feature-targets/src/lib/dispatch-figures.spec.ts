import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FollowThroughCounts, FollowThroughSummary, IndicatorResponse, IndicatorRow, IndicatorValues, IndicatorYoy } from '@zhaoshang/shared/domain';
import { DispatchFiguresView, dispatchAsOf, dispatchRows, yoyCell } from './dispatch-figures';

const noYoy: IndicatorYoy = {
  signedCount: null,
  signedAmountWan: null,
  signedCount10m: null,
  startedCount: null,
  arrivedFundsWan: null,
  foreignCapitalWan: null,
  faiTotalWan: null,
  arrivedByOrigin: { FOREIGN: null, OUT_OF_REGION: null, IN_REGION_OUT_OF_CITY: null, IN_CITY_OTHER_COUNTY: null, LOCAL: null },
  keyProjects: { count: null, startedCount: null, approvalsCompleteCount: null },
};

/** Only what the 月调度表 reads; the rest of IndicatorValues does not matter here. */
const values = (v: Partial<IndicatorValues>): IndicatorValues =>
  ({ signedCount: 0, signedAmountWan: '0.00', startedCount: 0, arrivedFundsWan: '0.00', foreignCapitalWan: '0.00', fundsToFaiRatio: null, yoy: noYoy, ...v }) as IndicatorValues;
const row = (key: string, label: string, v: Partial<IndicatorValues>): IndicatorRow => ({ key, label, ...values(v) });
const response = (from: string, rows: IndicatorRow[], total: Partial<IndicatorValues>) =>
  ({ from, to: '2026-06', region: '150500', groupBy: 'region', includeUnverified: false, rows, total: { ...values(total), note: null } }) as IndicatorResponse;

const month = response('2026-06', [row('150502', '科尔沁区', { foreignCapitalWan: '3000.00', yoy: { ...noYoy, foreignCapitalWan: 0.5 } })], { foreignCapitalWan: '3000.00' });
const yearToDate = response(
  '2026-01',
  [row('150502', '科尔沁区', { signedCount: 2, signedAmountWan: '25000.00', arrivedFundsWan: '12000.00', foreignCapitalWan: '8000.00', fundsToFaiRatio: 0.25, yoy: { ...noYoy, arrivedFundsWan: -0.04 } })],
  { arrivedFundsWan: '12000.00', foreignCapitalWan: '8000.00' },
);

const ft = (open: number, overdue: number, issued: [number, number, number, number], late: [number, number, number, number]): FollowThroughCounts => ({
  problems: { total: open + 1, open, overdue, closed: 1, closedRate: 1 / (open + 1) },
  notices: {
    REMINDER: { issued: issued[0], overdue: late[0] },
    URGE: { issued: issued[1], overdue: late[1] },
    SUPERVISE: { issued: issued[2], overdue: late[2] },
    TRANSFER: { issued: issued[3], overdue: late[3] },
  },
});
const followThrough: FollowThroughSummary = {
  from: '2026-01',
  to: '2026-06',
  region: '150500',
  asOf: '2026-06-30',
  rows: [{ regionCode: '150502', regionName: '科尔沁区', ...ft(3, 2, [4, 2, 1, 0], [1, 0, 1, 0]) }],
  total: ft(5, 0, [6, 2, 1, 1], [0, 0, 0, 0]),
};

describe('月调度表 on screen', () => {
  it('gives 同比 a sign and a trend, and — without last year', () => {
    expect(yoyCell(0.1234)).toEqual({ text: '+12.3%', trend: 'up' });
    expect(yoyCell(-0.04)).toEqual({ text: '-4.0%', trend: 'down' });
    expect(yoyCell(0.00001)).toEqual({ text: '0.0%', trend: 'flat' });
    expect(yoyCell(null)).toEqual({ text: '—', trend: null });
  });

  it('puts each district beside its month and year to date, the city last, amounts in 亿元', () => {
    const rows = dispatchRows({ month, yearToDate, followThrough });
    expect(rows.map((r) => [r.label, r.isTotal])).toEqual([
      ['科尔沁区', false],
      ['全市', true],
    ]);
    expect(rows[0].month).toMatchObject({ foreignCapital: '0.30', foreignCapitalYoy: { text: '+50.0%', trend: 'up' } });
    expect(rows[0].yearToDate).toMatchObject({ signedCount: '2', signedAmount: '2.50', arrived: '1.20', arrivedYoy: { text: '-4.0%', trend: 'down' }, fundsToFai: '25.0%', foreignCapital: '0.80' });
    expect(rows[1].yearToDate).toMatchObject({ foreignCapital: '0.80', foreignCapitalYoy: { text: '—', trend: null } });
    // 跟踪落实: the notices of all four kinds added up
    expect(rows[0].followThrough).toEqual({ problemsOpen: '3', problemsOverdue: '2', noticesIssued: '7', noticesOverdue: '2', anyOverdue: { problems: true, notices: true } });
    expect(rows[1].followThrough).toEqual({ problemsOpen: '5', problemsOverdue: '0', noticesIssued: '10', noticesOverdue: '0', anyOverdue: { problems: false, notices: false } });
  });

  it('loads the month and the year to date and shows 实际利用外资 with its 同比', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DispatchFiguresView);
    fixture.componentRef.setInput('month', '2026-06');
    // the requests keep the page unstable until they are answered: answer them first
    TestBed.tick();
    const [m, ytd] = backend.match((r) => r.url === '/api/v1/indicators');
    m.flush(month);
    ytd.flush(yearToDate);
    const summary = backend.expectOne((r) => r.url === '/api/v1/follow-through/summary');
    expect(summary.request.params.toString()).toBe('from=2026-01&to=2026-06');
    summary.flush(followThrough);
    await fixture.whenStable();
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const district = el.querySelector('[data-testid="dispatch-row"][data-region="150502"]');
    expect(Array.from(district?.querySelectorAll('[data-testid="dispatch-foreign"]') ?? []).map((c) => c.textContent?.trim())).toEqual(['0.30', '0.80']);
    const yoy = district?.querySelector('[data-testid="dispatch-foreign-yoy"]');
    expect(yoy?.textContent?.trim()).toBe('+50.0%');
    expect(yoy?.classList).toContain('yoy--up');
    expect(el.textContent).toContain('1–6月累计');
    expect(el.textContent).toContain('跟踪落实（截至');
    const overdue = district?.querySelector('[data-testid="dispatch-problems-overdue"]');
    expect([overdue?.textContent?.trim(), overdue?.classList.contains('overdue')]).toEqual(['2', true]);
    expect(district?.querySelector('[data-testid="dispatch-notices-issued"]')?.textContent?.trim()).toBe('7');
    backend.verify();
  });
});

describe('dispatchAsOf (issue 13: 截至 said)', () => {
  it('is the month end of a month that is over, today for the month under way', () => {
    expect(dispatchAsOf('2026-11', '2026-12-05')).toBe('11月30日');
    expect(dispatchAsOf('2024-02', '2026-12-05')).toBe('2月29日');
    expect(dispatchAsOf('2026-12', '2026-12-05')).toBe('12月5日（今天）');
    expect(dispatchAsOf(null)).toBe('');
  });
});
