import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, type TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LoginResponse, ProjectListItem, ProjectSearchResponse, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { filterFormValue, filterFromForm } from './filter-form';
import { FILTER_DEBOUNCE_MS } from './project-list-page';
import { projectsRoutes } from './projects.routes';

const row: ProjectListItem = {
  id: 'p1',
  projectNo: '150525-2025-0012',
  name: '奈曼旗 50 万千瓦风电项目',
  regionCode: '150525',
  regionName: '奈曼旗',
  industryCode: 'NE',
  industryName: '新能源',
  investorName: '内蒙古某新能源有限公司',
  investorOrigin: 'OUT_OF_REGION',
  contractAmountWan: '350000.5',
  stage: 'UNDER_CONSTRUCTION',
  signedAt: '2025-01-02',
  isKeyProject: true,
  parentProjectNo: '150525-2023-0001',
  updatedAt: '2025-01-02T00:00:00Z',
  arrivedFundsWan: '12345.6',
};

const response = (count: number, amount: string): ProjectSearchResponse => ({ items: [row], page: 1, pageSize: 20, total: { count, contractAmountWan: amount } });

async function open(url: string, role: Role = 'CITY_STAFF', regionCode: string | null = null) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '刘军', role, regionCode, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({
    providers: [provideRouter([{ path: 'projects', children: projectsRoutes }]), provideHttpClient(), provideHttpClientTesting()],
  });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) => r.flush([]));
  backend.match('/api/v1/industries').forEach((r) => r.flush([]));
  // the searches asked and not yet taken by the test
  const asked: TestRequest[] = [];
  const collect = () => asked.push(...backend.match((r) => r.url === '/api/v1/projects/search'));
  const searches = () => {
    collect();
    return asked.splice(0);
  };
  const el = () => harness.routeNativeElement as HTMLElement;
  /** Renders; waits for stability only when no search is pending (the list is a resource: a pending one keeps the app unstable until the test answers it). */
  const settle = async (ms = 0) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    TestBed.tick();
    collect();
    if (!asked.some((r) => !r.cancelled)) await harness.fixture.whenStable();
  };
  return { harness, backend, searches, el, settle, router: TestBed.inject(Router) };
}

describe('the filter bar', () => {
  it('turns a filter into form values and back', () => {
    const filter = { regionCode: '150525', stage: 'SIGNED' as const, isKeyProject: false, signedFrom: '2025-01-01', signedTo: '2025-03-31', amountMin: '100', q: '风电', leadOfficial: '常务副市长', leadDepartment: '市发展和改革委员会', mine: true };
    const value = filterFormValue(filter);
    expect(value.signed?.map((d) => d.getDate())).toEqual([1, 31]);
    expect(filterFromForm(value)).toEqual(filter);
    expect(filterFromForm(filterFormValue({}))).toEqual({});
  });
});

describe('ProjectListPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it('reads the view from a link: filters, sort and page go to the API and into the filter bar', async () => {
    const { searches, el, settle } = await open('/projects?stage=UNDER_CONSTRUCTION&isKeyProject=true&q=%E9%A3%8E%E7%94%B5&sort=contractAmountWan&order=desc&page=3');
    const [search] = searches();
    expect(search.request.params.toString()).toBe(
      `stage=UNDER_CONSTRUCTION&isKeyProject=true&q=${encodeURIComponent('风电')}&sort=contractAmountWan&order=desc&page=3&pageSize=20`,
    );
    search.flush(response(1234, '875200'));
    await settle();

    expect(el().querySelector('[data-testid="project-totals"]')?.textContent?.trim()).toBe('共 1,234 个项目，签约额 87.52 亿元');
    const rowText = el().querySelector('[data-testid="project-row"]')?.textContent ?? '';
    expect(rowText).toContain('350,000.50');
    expect(rowText).toContain('12,345.60');
    expect(rowText).toContain('重点');
    expect(rowText).toContain('增资');
    expect((el().querySelector('[data-testid="project-filter-q"]') as HTMLInputElement).value).toBe('风电');
    // the sorted column shows its direction
    const sorted = Array.from(el().querySelectorAll('th')).filter((th) => th.querySelector('.ant-table-column-sorter-down.active'));
    expect(sorted.map((th) => th.textContent?.trim())).toEqual(['签约额(万元)']);
    expect(el().querySelector('[data-testid="project-create"]')).not.toBeNull();
  });

  it('writes a changed filter to the URL, back on page 1, keeping the sort', async () => {
    const { searches, settle, router, el } = await open('/projects?sort=signedAt&order=desc&page=4');
    searches()[0].flush(response(100, '5000'));
    await settle();

    const input = el().querySelector('[data-testid="project-filter-amountMin"]') as HTMLInputElement;
    input.value = '1000';
    input.dispatchEvent(new Event('input'));
    await settle(FILTER_DEBOUNCE_MS + 50);
    expect(router.url).toBe('/projects?amountMin=1000&sort=signedAt&order=desc');
    const [search] = searches();
    expect(search.request.params.get('amountMin')).toBe('1000');
    expect(search.request.params.get('page')).toBe('1');
    search.flush(response(3, '5000'));
    await settle();
    expect(el().querySelector('[data-testid="project-totals"]')?.textContent?.trim()).toBe('共 3 个项目，签约额 5,000.00 万元');
  });

  it('does not send an amount the API would refuse, and says why', async () => {
    const { searches, settle, router, el } = await open('/projects');
    searches()[0].flush(response(1, '1'));
    await settle();
    const input = el().querySelector('[data-testid="project-filter-amountMin"]') as HTMLInputElement;
    input.value = '-5';
    input.dispatchEvent(new Event('input'));
    await settle(FILTER_DEBOUNCE_MS + 50);
    expect(router.url).toBe('/projects');
    expect(searches()).toHaveLength(0);
    expect(el().textContent).toContain('签约额下限不能为负数');
  });

  it('sorts on the server when a column header is clicked', async () => {
    const { searches, settle, router, el } = await open('/projects?stage=SIGNED');
    searches()[0].flush(response(1, '1'));
    await settle();
    const header = Array.from(el().querySelectorAll('th')).find((th) => th.textContent?.includes('签约额(万元)')) as HTMLElement;
    header.click();
    await settle();
    expect(router.url).toBe('/projects?stage=SIGNED&sort=contractAmountWan&order=asc');
    expect(searches()[0].request.params.get('sort')).toBe('contractAmountWan');
  });

  it('keeps the rows shown while the next view loads and when it fails', async () => {
    const { searches, settle, el } = await open('/projects');
    searches()[0].flush(response(1234, '875200'));
    await settle();
    const header = Array.from(el().querySelectorAll('th')).find((th) => th.textContent?.includes('签约额(万元)')) as HTMLElement;
    header.click();
    await settle();
    const [next] = searches();
    expect(next.request.params.get('sort')).toBe('contractAmountWan');
    expect(el().querySelectorAll('[data-testid="project-row"]')).toHaveLength(1);
    expect(el().querySelector('.ant-spin-spinning')).not.toBeNull();
    next.flush({ message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    await settle();
    expect(el().querySelectorAll('[data-testid="project-row"]')).toHaveLength(1);
    expect(el().querySelector('.ant-spin-spinning')).toBeNull();
    expect(el().querySelector('[data-testid="project-totals"]')?.textContent?.trim()).toBe('共 1,234 个项目，签约额 87.52 亿元');
  });

  it('opens a district user’s list on their own region, a filter they can clear', async () => {
    const { searches, settle, router, el } = await open('/projects', 'DISTRICT_STAFF', '150525');
    await settle();
    expect(router.url).toBe('/projects?regionCode=150525');
    const asked = searches().filter((r) => !r.cancelled);
    expect(asked.map((r) => r.request.params.get('regionCode'))).toEqual(['150525']);
    asked[0].flush(response(1, '1'));
    await settle();
    el().querySelector<HTMLButtonElement>('[data-testid="project-filter-reset"]')?.click();
    await settle();
    expect(router.url).toBe('/projects');
    expect(searches().map((r) => r.request.params.get('regionCode'))).toEqual([null]);

    // a link that says what to show is taken as it is
    TestBed.resetTestingModule();
    const linked = await open('/projects?stage=SIGNED', 'DISTRICT_STAFF', '150525');
    await linked.settle();
    expect(linked.router.url).toBe('/projects?stage=SIGNED');
  });

  it('says what a warning is: the worst level’s colour, its short text, the details in the tooltip', async () => {
    const { searches, settle, el, backend } = await open('/projects');
    searches()[0].flush(response(1, '1'));
    await settle();
    backend.match((r) => r.url.startsWith('/api/v1/warnings')).forEach((r) =>
      r.flush({ p1: [{ rule: 'REPORT', level: 'YELLOW' }, { rule: 'START', level: 'RED' }] } as unknown as object),
    );
    await settle(10);
    const tag = el().querySelector('[data-testid="warning-tag"]');
    expect(tag?.textContent?.trim()).toBe('未开工 +1');
    expect(tag?.getAttribute('data-level')).toBe('RED');
    expect(tag?.getAttribute('aria-label')).toBe('红色预警：未按期开工；黄色预警：月报未报送');
  });

  it('offers 新建项目 only to those who may edit', async () => {
    const leader = await open('/projects', 'LEADER');
    expect(leader.el().querySelector('[data-testid="project-create"]')).toBeNull();
    expect(leader.el().querySelector('[data-testid="project-export"]')).not.toBeNull();
  });
});
