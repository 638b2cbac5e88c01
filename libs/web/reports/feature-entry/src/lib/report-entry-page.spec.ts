import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { RegionDto, Role } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { AUTOSAVE_DEBOUNCE_MS } from './autosaver';
import { reportEntryRoutes } from './report-entry.routes';
import { gridResponse, gridRow, report } from './test-data';

const regions: RegionDto[] = [
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
];

async function open(url: string, role: Role = 'DISTRICT_STAFF') {
  storeTestSession(role, { displayName: '黄磊', regionCode: role === 'DISTRICT_STAFF' ? '150525' : null });
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'reports/entry', children: reportEntryRoutes }]), provideHttpClient(), provideHttpClientTesting()],
  });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) => r.flush(regions));
  const el = () => harness.routeNativeElement as HTMLElement;
  const settle = async (ms = 0) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await harness.fixture.whenStable();
  };
  await settle();
  const cell = (row: number, col: number) => el().querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`) as HTMLInputElement;
  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const key = (input: HTMLInputElement, k: string, shift = false) => input.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey: shift, bubbles: true, cancelable: true }));
  return { harness, backend, el, settle, cell, type, key, router: TestBed.inject(Router) };
}

function paste(input: HTMLInputElement, text: string): void {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  Object.defineProperty(event, 'clipboardData', { value: { getData: () => text } });
  input.dispatchEvent(event);
}

const rows = () => [
  gridRow('0001'),
  gridRow('0002', report('0002', 'SUBMITTED', 2)),
  gridRow('0003', report('0003', 'RETURNED', 4, { arrivedEquityWan: '5.00' })),
  gridRow('0004', report('0004', 'DRAFT', 1)),
];

describe('ReportEntryPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it("opens a district user's own region on the month in the URL, with counts and the returned row highlighted", async () => {
    const { backend, el, settle, router } = await open('/reports/entry?month=2026-10&regionCode=150502');
    const grid = backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid');
    // district staff are held to their own region, whatever the link says
    expect(grid.request.params.toString()).toBe('regionCode=150525&month=2026-10');
    grid.flush(gridResponse(rows()));
    await settle();
    expect(router.url).toBe('/reports/entry?regionCode=150525&month=2026-10');
    expect(el().querySelector('[data-testid="report-entry-counts"]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('应报 4 · 已填 3 · 未填 1 · 待核实 1 · 已核实 0 · 已退回 1');
    expect(el().querySelector('[data-testid="report-submit-all"]')?.textContent).toContain('提交全部（2）');
    const returned = el().querySelector('[data-project-no="150525-2026-0003"]') as HTMLElement;
    expect(returned.classList).toContain('row--returned');
    expect(returned.textContent).toContain('退回原因：贷款金额与凭证不符');
    // the submitted row is read-only: no inputs
    expect(el().querySelector('[data-project-no="150525-2026-0002"] input')).toBeNull();
    expect(el().querySelector('[data-project-no="150525-2026-0001"]')?.textContent).toContain('1,234.50');
  });

  it('moves with Enter / Shift+Enter / arrows over the editable rows, and fills a pasted Excel block', async () => {
    const { backend, settle, cell, key, el } = await open('/reports/entry?month=2026-10');
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').flush(gridResponse(rows()));
    await settle();
    // work order (issue 13): 0003 returned, 0001 not entered, 0004 draft, 0002 submitted (not editable)
    expect(Array.from(el().querySelectorAll('[data-testid="report-row"]')).map((r) => r.getAttribute('data-project-no')?.slice(-4))).toEqual(['0003', '0001', '0004', '0002']);
    cell(0, 1).focus();
    key(cell(0, 1), 'Enter');
    expect(document.activeElement).toBe(cell(1, 1));
    key(cell(1, 1), 'ArrowDown');
    expect(document.activeElement).toBe(cell(2, 1));
    key(cell(2, 1), 'Enter', true);
    expect(document.activeElement).toBe(cell(1, 1));
    key(cell(1, 1), 'ArrowUp');
    expect(document.activeElement).toBe(cell(0, 1));
    // ←/→ from a cell just entered (all its text selected) go to the cell beside
    key(cell(0, 1), 'ArrowRight');
    expect(document.activeElement).toBe(cell(0, 2));
    key(cell(0, 2), 'ArrowLeft');
    key(cell(0, 1), 'ArrowLeft');
    expect(document.activeElement).toBe(cell(0, 0));

    paste(cell(1, 0), '1,200\t300\t0\n2 000.5\t\t\t100\n');
    await settle();
    // cells not being typed in show their amounts like the totals: separators, 2 decimals
    expect([cell(1, 0).value, cell(1, 1).value, cell(1, 2).value]).toEqual(['1,200.00', '300.00', '0.00']);
    expect([cell(2, 0).value, cell(2, 3).value]).toEqual(['2,000.50', '100.00']);
    cell(1, 0).focus();
    await settle();
    expect(cell(1, 0).value).toBe('1200');
    expect(el().querySelector('[data-project-no="150525-2026-0001"] [data-testid="report-row-total"]')?.textContent?.trim()).toBe('1,500.00');
  });

  it('marks a wrong cell as it is typed and autosaves the changed rows together after a pause', async () => {
    const { backend, settle, cell, type, el } = await open('/reports/entry?month=2026-10');
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').flush(gridResponse(rows()));
    await settle();
    type(cell(1, 0), '12.345');
    await settle();
    expect(cell(1, 0).closest('td')?.classList).toContain('cell--error');
    expect(el().querySelector('[data-testid="report-cell-error"]')?.textContent).toContain('最多保留 2 位小数');
    type(cell(1, 0), '12.34');
    type(cell(2, 4), '主体完工');
    await settle(AUTOSAVE_DEBOUNCE_MS + 50);
    const save = backend.expectOne('/api/v1/monthly-reports/drafts');
    expect(save.request.body.items.map((i: { projectId: string; version: number | null }) => [i.projectId, i.version])).toEqual([
      ['0001', null],
      ['0004', 1],
    ]);
    expect(el().querySelector('[data-testid="report-save-state"]')?.textContent).toContain('保存中');
    save.flush({ items: [report('0001', 'DRAFT', 1, { arrivedEquityWan: '12.34' }), report('0004', 'DRAFT', 2, { progress: '主体完工' })] });
    await settle();
    expect(el().querySelector('[data-testid="report-save-state"]')?.textContent).toMatch(/已保存 \d\d:\d\d:\d\d/);
    expect(el().querySelector('[data-testid="report-entry-counts"]')?.textContent).toContain('已填 4');
  });

  it('filters 只看未填 / 草稿 / 退回, and submits only the reports it lists, by project (issue 13)', async () => {
    const { backend, settle, el, type, cell } = await open('/reports/entry?month=2026-10');
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').flush(gridResponse(rows()));
    await settle();
    const shown = () => Array.from(el().querySelectorAll('[data-testid="report-row"]')).map((r) => r.getAttribute('data-project-no')?.slice(-4));
    (el().querySelector('[data-testid="report-filter-MISSING"]') as HTMLElement).click();
    await settle();
    expect(shown()).toEqual(['0001']);
    // a row filled under 只看未填 stays in view while it is being typed into
    type(cell(0, 0), '5');
    await settle(AUTOSAVE_DEBOUNCE_MS + 50);
    backend.expectOne('/api/v1/monthly-reports/drafts').flush({ items: [report('0001', 'DRAFT', 1, { arrivedEquityWan: '5.00' })] });
    await settle();
    expect(shown()).toEqual(['0001']);
    (el().querySelector('[data-testid="report-submit-all"]') as HTMLButtonElement).click();
    await settle();
    const dialog = document.querySelector('.cdk-overlay-container') as HTMLElement;
    expect(dialog.querySelector('[data-testid="report-submit-lines"]')?.textContent).toContain('项目0001');
    expect(dialog.querySelector('[data-testid="report-submit-lines"]')?.textContent).not.toContain('项目0004');
    // the draft 0004 and the returned 0003 are hidden by the filter: said, and not sent
    expect(dialog.querySelector('[data-testid="report-submit-intro"]')?.textContent).toContain('另有 2 条');
    (dialog.querySelector('[data-testid="report-submit-submit"]') as HTMLButtonElement).click();
    await settle();
    const submit = backend.expectOne('/api/v1/monthly-reports/submit');
    expect(submit.request.body).toEqual({ regionCode: '150525', month: '2026-10', projectIds: ['0001'] });
    submit.flush({ items: [report('0001', 'SUBMITTED', 2)] });
    await settle();
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid');
    (el().querySelector('[data-testid="report-filter-DRAFT"]') as HTMLElement).click();
    await settle();
    expect(shown()).toEqual(['0004']);
    dialog.replaceChildren();
  });

  it('says 「该月报已被他人修改」 on a version conflict and reloads on request', async () => {
    const { backend, settle, cell, type, el } = await open('/reports/entry?month=2026-10');
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').flush(gridResponse(rows()));
    await settle();
    type(cell(2, 0), '8');
    await settle(AUTOSAVE_DEBOUNCE_MS + 50);
    backend
      .expectOne('/api/v1/monthly-reports/drafts')
      .flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '数据已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await settle();
    expect(el().querySelector('[data-testid="report-entry-conflict"]')?.textContent).toContain('该月报已被他人修改');
    (el().querySelector('[data-testid="version-conflict-reload"]') as HTMLButtonElement).click();
    backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').flush(gridResponse(rows()));
    await settle();
    expect(el().querySelector('[data-testid="report-entry-conflict"]')).toBeNull();
  });

  it('shows a closed month read-only, and an empty month with a notice', async () => {
    const { backend, settle, el } = await open('/reports/entry?month=2026-10&regionCode=150502', 'CITY_STAFF');
    const grid = backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid');
    expect(grid.request.params.get('regionCode')).toBe('150502');
    grid.flush(gridResponse(rows(), true));
    await settle();
    expect(el().querySelector('[data-testid="report-month-closed"]')?.textContent).toContain('已月结');
    expect(el().querySelectorAll('[data-testid="report-grid"] input')).toHaveLength(0);
    expect(el().querySelector('[data-testid="report-submit-all"]')).toBeNull();
  });

  it('says so when no project has to report', async () => {
    const { backend, settle, el } = await open('/reports/entry?month=2026-10', 'CITY_STAFF');
    const grid = backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid');
    // a city user without a region in the link starts at the first district
    expect(grid.request.params.get('regionCode')).toBe('150502');
    grid.flush({ ...gridResponse([]), regionCode: '150502' });
    await settle();
    expect(el().textContent).toContain('科尔沁区2026年10月没有需要填报月报的项目');
  });
});
