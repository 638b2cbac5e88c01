import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LoginResponse, MonthOverview, MonthState, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { currentMonth } from '@zhaoshang/web/reports/data-access';
import { CloseMonthDialog } from './close-month-dialog';
import { closeWarning } from './month-text';
import { CONFLICT_MESSAGE, selectableYears } from './months-page';
import { monthsRoutes } from './months.routes';
import { ReopenMonthDialog } from './reopen-month-dialog';

const march: MonthOverview = {
  month: '2026-03',
  closed: false,
  closedAt: null,
  closedBy: null,
  reopenReason: null,
  version: 4,
  counts: { DRAFT: 1, SUBMITTED: 1, VERIFIED: 10, RETURNED: 1, MISSING: 2 },
  expected: 15,
};
/** the same month with nothing waiting for verification */
const marchVerified: MonthOverview = { ...march, counts: { ...march.counts, SUBMITTED: 0 } };
const closedState: MonthState = { month: '2026-03', closed: true, closedAt: '2026-04-12T02:00:00Z', closedBy: '系统管理员', reopenReason: null, version: 5 };

@Component({
  selector: 'zs-host',
  imports: [CloseMonthDialog, ReopenMonthDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-close-month-dialog [month]="closing()" (saved)="saved.set($event)" (conflict)="conflicts.set(conflicts() + 1)" />
    <zs-reopen-month-dialog [month]="reopening()" (saved)="saved.set($event)" (conflict)="conflicts.set(conflicts() + 1)" />
  `,
})
class Host {
  readonly closing = signal<MonthOverview | null>(null);
  readonly reopening = signal<MonthOverview | null>(null);
  readonly saved = signal<MonthState | null>(null);
  readonly conflicts = signal(0);
}

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;
const byTestId = (id: string) => overlay()?.querySelector<HTMLElement>(`[data-testid="${id}"]`) ?? null;

async function setup() {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  return { fixture, host: fixture.componentInstance, backend: TestBed.inject(HttpTestingController) };
}

describe('close-month wording', () => {
  it('counts what is not verified and what is missing', () => {
    expect(closeWarning(march)).toEqual({ level: 'warning', text: '仍有 3 条未核实、2 个项目未填报，月结后将冻结该月全部月报。' });
    const clean = { ...march, counts: { DRAFT: 0, SUBMITTED: 0, VERIFIED: 1200, RETURNED: 0, MISSING: 0 } };
    expect(closeWarning(clean)).toEqual({ level: 'info', text: '该月 1,200 条月报已全部核实。月结后将冻结该月全部月报。' });
    const empty = { ...march, expected: 0, counts: { DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: 0 } };
    expect(closeWarning(empty).text).toBe('该月没有需要填报的项目。月结后该月将不能再填报月报。');
    expect(selectableYears('2026-05-01')).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });
});

describe('CloseMonthDialog', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('warns of what is still open, then closes the month with the version it showed', async () => {
    const { fixture, host, backend } = await setup();
    host.closing.set(marchVerified);
    await fixture.whenStable();
    expect(byTestId('close-month-warning')?.textContent).toContain('仍有 2 条未核实、2 个项目未填报，月结后将冻结该月全部月报');
    expect(byTestId('close-month-reason')).toBeNull();
    byTestId('close-month-submit')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/months/2026-03/close' });
    expect(request.request.body).toEqual({ version: 4 });
    request.flush(closedState);
    expect(host.saved()).toEqual(closedState);
  });

  it('asks for a reason while reports wait for verification, and sends it trimmed (DOMAIN.md §7)', async () => {
    const { fixture, host, backend } = await setup();
    host.closing.set(march);
    await fixture.whenStable();
    expect(byTestId('close-month-waiting')?.textContent).toContain('尚有 1 份月报待核实');
    byTestId('close-month-submit')?.click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/months/2026-03/close');
    expect(overlay().textContent).toContain('尚有待核实月报，确认月结须填写说明');

    const reason = byTestId('close-month-reason') as HTMLTextAreaElement;
    reason.value = '  统计局催报  ';
    reason.dispatchEvent(new Event('input'));
    byTestId('close-month-submit')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/months/2026-03/close' });
    expect(request.request.body).toEqual({ version: 4, reason: '统计局催报' });
    request.flush(closedState);
    expect(host.saved()).toEqual(closedState);
  });

  it('asks for the reason when the API says reports were submitted meanwhile', async () => {
    const { fixture, host, backend } = await setup();
    host.closing.set(marchVerified);
    await fixture.whenStable();
    byTestId('close-month-submit')?.click();
    backend
      .expectOne('/api/v1/months/2026-03/close')
      .flush({ statusCode: 409, error: 'REPORTS_WAITING', message: '2026年3月尚有 2 份月报待核实；如确需月结，请填写月结说明后确认' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(byTestId('close-month-waiting')?.textContent).toContain('尚有 2 份月报待核实');
    expect(host.conflicts()).toBe(0);
    const reason = byTestId('close-month-reason') as HTMLTextAreaElement;
    reason.value = '下月处理';
    reason.dispatchEvent(new Event('input'));
    byTestId('close-month-submit')?.click();
    expect(backend.expectOne('/api/v1/months/2026-03/close').request.body).toEqual({ version: 4, reason: '下月处理' });
  });

  it('hands a version conflict to the page and shows other errors itself', async () => {
    const { fixture, host, backend } = await setup();
    host.closing.set(marchVerified);
    await fixture.whenStable();
    byTestId('close-month-submit')?.click();
    backend.expectOne('/api/v1/months/2026-03/close').flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '数据已被他人修改' }, { status: 409, statusText: 'Conflict' });
    expect(host.conflicts()).toBe(1);
    byTestId('close-month-submit')?.click();
    backend.expectOne('/api/v1/months/2026-03/close').flush({ statusCode: 400, error: 'VALIDATION_FAILED', message: '当月尚未结束，不能月结' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(byTestId('close-month-error')?.textContent).toContain('当月尚未结束，不能月结');
    expect(host.saved()).toBeNull();
  });
});

describe('ReopenMonthDialog', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('requires a reason and sends it trimmed with the version', async () => {
    const { fixture, host, backend } = await setup();
    host.reopening.set({ ...march, ...closedState, counts: march.counts, expected: 15 });
    await fixture.whenStable();
    byTestId('reopen-month-submit')?.click();
    await fixture.whenStable();
    backend.expectNone('/api/v1/months/2026-03/reopen');
    expect(overlay().textContent).toContain('请填写重新打开的原因');

    const reason = byTestId('reopen-month-reason') as HTMLTextAreaElement;
    reason.value = '   ';
    reason.dispatchEvent(new Event('input'));
    byTestId('reopen-month-submit')?.click();
    backend.expectNone('/api/v1/months/2026-03/reopen');

    reason.value = '  科尔沁区 3 月完成投资误报  ';
    reason.dispatchEvent(new Event('input'));
    byTestId('reopen-month-submit')?.click();
    const request = backend.expectOne({ method: 'POST', url: '/api/v1/months/2026-03/reopen' });
    expect(request.request.body).toEqual({ version: 5, reason: '科尔沁区 3 月完成投资误报' });
    request.flush({ ...closedState, closed: false, reopenReason: '科尔沁区 3 月完成投资误报', version: 6 });
    expect(host.saved()?.closed).toBe(false);
  });
});

describe('MonthsPage', () => {
  afterEach(() => {
    overlay()?.replaceChildren();
    localStorage.clear();
  });

  async function open(role: Role) {
    const session: LoginResponse = {
      accessToken: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', username: 'u', displayName: '刘军', role, regionCode: null, regionName: null },
    };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'months', children: monthsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
    const harness = await RouterTestingHarness.create('/months');
    return { harness, backend: TestBed.inject(HttpTestingController), page: harness.routeNativeElement as HTMLElement };
  }

  it('lists the months, and after a conflict says so and reads them again', async () => {
    const { harness, backend, page } = await open('ADMIN');
    const year = selectableYears()[0];
    backend.expectOne(`/api/v1/months?year=${year}`).flush([marchVerified, { ...march, ...closedState, month: '2026-02' }]);
    await harness.fixture.whenStable();
    const rows = Array.from(page.querySelectorAll('[data-testid="month-row"]'));
    // in calendar order, whatever order they came in
    expect(rows.map((r) => r.getAttribute('data-month'))).toEqual(['2026-02', '2026-03']);
    expect(page.querySelector('[data-month="2026-02"] [data-testid="month-reopen"]')).not.toBeNull();
    const openButton = page.querySelector('[data-month="2026-03"] [data-testid="month-close"]') as HTMLElement;
    expect(page.textContent).toContain('2026年3月');
    openButton.click();
    await harness.fixture.whenStable();
    byTestId('close-month-submit')?.click();
    backend.expectOne('/api/v1/months/2026-03/close').flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '数据已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await harness.fixture.whenStable();
    expect(document.body.textContent).toContain(CONFLICT_MESSAGE);
    backend.expectOne(`/api/v1/months?year=${year}`).flush([{ ...march, ...closedState, counts: march.counts, expected: 15 }]);
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-testid="month-state"]')?.textContent).toContain('已月结');
    expect(page.textContent).toContain('系统管理员');
  });

  it('offers no 月结 for the month under way (issue 13): it is not over, its reports come next month', async () => {
    const { harness, backend, page } = await open('CITY_STAFF');
    const now = currentMonth();
    backend.expectOne(`/api/v1/months?year=${selectableYears()[0]}`).flush([{ ...march, month: now }]);
    await harness.fixture.whenStable();
    const row = page.querySelector(`[data-month="${now}"]`);
    expect(row?.querySelector('[data-testid="month-close"]')).toBeNull();
    expect(row?.querySelector('[data-testid="month-not-over"]')?.textContent).toContain('月底后可月结');
    expect(row?.querySelector('[data-testid="month-state"]')?.textContent).toContain('本月进行中');
  });

  it('lets city staff close a month but shows them no 重新打开 (admins only)', async () => {
    const { harness, backend, page } = await open('CITY_STAFF');
    backend.expectOne(`/api/v1/months?year=${selectableYears()[0]}`).flush([march, { ...march, ...closedState, month: '2026-02' }]);
    await harness.fixture.whenStable();
    expect(page.querySelector('[data-month="2026-03"] [data-testid="month-close"]')).not.toBeNull();
    expect(page.querySelector('[data-month="2026-02"] [data-testid="month-reopen"]')).toBeNull();
  });
});
