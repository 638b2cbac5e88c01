import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { MonthlyReportDto, ReportQueueResponse, ReportStatus } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { reportVerifyRoutes } from './report-verify.routes';
import { ReportSelection } from './selection';

type Row = ReportQueueResponse['items'][number];

function row(id: string, status: ReportStatus, version = 1): Row {
  const report: MonthlyReportDto = {
    id,
    projectId: `p${id}`,
    projectNo: `150525-2026-000${id}`,
    projectName: `项目${id}`,
    regionCode: '150525',
    month: '2026-10',
    arrivedEquityWan: '1000',
    arrivedLoanWan: '2000.5',
    arrivedOtherWan: '0',
    completedInvestmentWan: '1500',
    arrivedTotalWan: '3000.5',
    progress: '主体施工',
    status,
    returnReason: null,
    submittedAt: '2026-11-03T02:00:00Z',
    verifiedAt: null,
    version,
    updatedAt: '2026-11-03T02:00:00Z',
  };
  return { ...report, regionName: '奈曼旗' };
}

function queue(items: Row[], closed = false): ReportQueueResponse {
  return {
    month: '2026-10',
    monthState: { month: '2026-10', closed, closedAt: null, closedBy: null, reopenReason: null, version: 1 },
    items,
    byRegion: [
      { regionCode: '150502', regionName: '科尔沁区', DRAFT: 1, SUBMITTED: 0, VERIFIED: 2, RETURNED: 0, MISSING: 3 },
      { regionCode: '150525', regionName: '奈曼旗', DRAFT: 0, SUBMITTED: 3, VERIFIED: 0, RETURNED: 1, MISSING: 0 },
    ],
  };
}

describe('ReportSelection', () => {
  it('checks only submitted reports, forgets what a reload removed, and sends the versions seen', () => {
    const selection = new ReportSelection();
    const shown = [row('1', 'SUBMITTED', 3), row('2', 'VERIFIED'), row('3', 'SUBMITTED', 5)];
    selection.toggle(shown[1], true);
    expect(selection.size).toBe(0);
    selection.toggleAll(shown, true);
    expect(selection.state(shown)).toEqual({ all: true, some: false });
    expect(selection.items(shown)).toEqual([
      { id: '1', version: 3 },
      { id: '3', version: 5 },
    ]);
    selection.toggle(shown[0], false);
    expect(selection.state(shown)).toEqual({ all: false, some: true });
    selection.keepOnly([row('3', 'VERIFIED')]);
    expect(selection.size).toBe(0);
  });
});

async function open(url: string) {
  storeTestSession('CITY_STAFF');
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'reports/verify', children: reportVerifyRoutes }]), provideHttpClient(), provideHttpClientTesting()],
  });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  const el = () => harness.routeNativeElement as HTMLElement;
  const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
  const settle = async (ms = 0) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await harness.fixture.whenStable();
  };
  // the list's reads; the month before (2026-09) is read beside it for the 上月 figures
  const queues = () => backend.match((r) => r.url === '/api/v1/monthly-reports/queue' && r.params.get('month') !== '2026-09');
  const lastMonths = () => backend.match((r) => r.url === '/api/v1/monthly-reports/queue' && r.params.get('month') === '2026-09');
  const click = async (root: HTMLElement, testId: string, index = 0) => {
    (root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)[index] as HTMLElement).click();
    await settle();
  };
  return { harness, backend, el, overlay, settle, queues, lastMonths, click, router: TestBed.inject(Router) };
}

describe('ReportVerifyPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
    localStorage.clear();
  });

  it('lists the submitted reports of the month, and filters by a click on a region', async () => {
    const { el, settle, queues, router } = await open('/reports/verify?month=2026-10');
    const [first] = queues();
    expect(first.request.params.toString()).toBe('month=2026-10&status=SUBMITTED');
    first.flush(queue([row('1', 'SUBMITTED'), row('2', 'SUBMITTED')]));
    await settle();
    expect(el().querySelectorAll('[data-testid="verify-row"]')).toHaveLength(2);
    expect(el().querySelector('[data-testid="verify-row"]')?.textContent).toContain('3,000.50');
    (el().querySelectorAll<HTMLElement>('[data-testid="verify-region-row"]')[1] as HTMLElement).click();
    await settle();
    expect(router.url).toBe('/reports/verify?month=2026-10&regionCode=150525&status=SUBMITTED');
    expect(queues()[0].request.params.toString()).toBe('month=2026-10&regionCode=150525&status=SUBMITTED');
  });

  it('shows last month beside each report (issue 13)', async () => {
    const { el, settle, queues, lastMonths } = await open('/reports/verify?month=2026-10');
    queues()[0].flush(queue([row('1', 'SUBMITTED')]));
    const [last] = lastMonths();
    expect(last.request.params.toString()).toBe('month=2026-09');
    last.flush(queue([{ ...row('1', 'VERIFIED'), arrivedTotalWan: '777.70', completedInvestmentWan: '888.80' }]));
    await settle();
    const line = el().querySelector('[data-testid="verify-row"]')?.textContent ?? '';
    expect(line).toContain('777.70');
    expect(line).toContain('888.80');
  });

  it('verifies the checked reports with the versions seen, then reads the list again', async () => {
    const { el, settle, queues, backend } = await open('/reports/verify?month=2026-10');
    queues()[0].flush(queue([row('1', 'SUBMITTED', 3), row('2', 'SUBMITTED', 4), row('3', 'SUBMITTED', 5)]));
    await settle();
    const verifyButton = () => el().querySelector('[data-testid="verify-selected"]') as HTMLButtonElement;
    expect(verifyButton().disabled).toBe(true);
    const check = async (i: number) => {
      (el().querySelectorAll('[data-testid="verify-check"] input')[i] as HTMLInputElement).click();
      await settle();
    };
    await check(0);
    await check(2);
    expect(verifyButton().textContent).toContain('核实通过（选中 2）');
    verifyButton().click();
    const request = backend.expectOne('/api/v1/monthly-reports/verify');
    expect(request.request.body).toEqual({
      items: [
        { id: '1', version: 3 },
        { id: '3', version: 5 },
      ],
    });
    request.flush({ items: [] });
    await settle();
    queues()[0].flush(queue([row('2', 'SUBMITTED', 4)]));
    await settle();
    expect(verifyButton().textContent).toContain('选中 0');
  });

  it('returns only with a reason of at most 200 characters', async () => {
    const { el, overlay, settle, queues, backend, click } = await open('/reports/verify?month=2026-10');
    queues()[0].flush(queue([row('1', 'SUBMITTED', 3)]));
    await settle();
    await click(el(), 'return-one');
    expect(overlay().textContent).toContain('退回月报（1 条）');
    await click(overlay(), 'return-dialog-submit');
    backend.expectNone('/api/v1/monthly-reports/return');
    expect(overlay().textContent).toContain('请填写退回原因');

    const reason = overlay().querySelector('[data-testid="return-dialog-reason"]') as HTMLTextAreaElement;
    reason.value = '长'.repeat(201);
    reason.dispatchEvent(new Event('input'));
    await click(overlay(), 'return-dialog-submit');
    backend.expectNone('/api/v1/monthly-reports/return');
    expect(overlay().textContent).toContain('退回原因最多 200 个字');

    reason.value = '  银行贷款与凭证不符 ';
    reason.dispatchEvent(new Event('input'));
    await click(overlay(), 'return-dialog-submit');
    const request = backend.expectOne('/api/v1/monthly-reports/return');
    expect(request.request.body).toEqual({ items: [{ id: '1', version: 3 }], reason: '银行贷款与凭证不符' });
    request.flush({ items: [row('1', 'RETURNED', 4)] });
    await settle();
    expect(overlay().textContent).toContain('已退回 1 条月报');
    expect(queues()).toHaveLength(1);
  });

  it('asks to reload after a conflict, and shows a closed month read-only', async () => {
    const { el, settle, queues, backend, click } = await open('/reports/verify?month=2026-10');
    queues()[0].flush(queue([row('1', 'SUBMITTED', 3)]));
    await settle();
    await click(el(), 'verify-one');
    backend.expectOne('/api/v1/monthly-reports/verify').flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '已被修改' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(el().querySelector('[data-testid="verify-conflict"]')?.textContent).toContain('请重新加载');
    await click(el(), 'version-conflict-reload');
    queues()[0].flush(queue([row('1', 'VERIFIED', 4)], true));
    await settle();
    expect(el().querySelector('[data-testid="verify-closed-notice"]')).not.toBeNull();
    expect(el().querySelector('[data-testid="verify-selected"]')).toBeNull();
    expect(el().querySelector('[data-testid="verify-check"]')).toBeNull();
  });
});
