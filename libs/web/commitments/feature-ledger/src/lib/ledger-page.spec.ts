import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type CommitmentListResponse, type CommitmentTotals, type LoginResponse, type PolicyCommitmentDto, type Role, commitmentSummarySentence } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { commitmentsRoutes } from './commitments.routes';

const item = (overrides: Partial<PolicyCommitmentDto>): PolicyCommitmentDto => ({
  id: 'c1',
  projectId: 'p1',
  projectNo: '150521-2026-0001',
  projectName: '科左中旗风电项目',
  regionCode: '150521',
  regionName: '科尔沁左翼中旗',
  type: 'SUBSIDY',
  content: '设备投资补助',
  promisedAmountWan: '500.00',
  dueAt: '2026-06-30',
  unitId: 'u1',
  unitName: '科左中旗财政局',
  status: 'PARTIAL',
  honouredAmountWan: '200.00',
  honouredAt: '2026-05-01',
  withdrawnAt: null,
  withdrawnReason: null,
  overdue: true,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-05-01T00:00:00Z',
  ...overrides,
});
const totals: CommitmentTotals = {
  count: 2,
  pending: 1,
  partial: 1,
  honoured: 0,
  withdrawn: 0,
  overdue: 1,
  promisedWan: '15500.00',
  honouredWan: '200.00',
  reviewed: 2,
  rectified: 0,
  reviewedHonouredWan: '200.00',
};
const list: CommitmentListResponse = {
  items: [item({}), item({ id: 'c2', regionCode: '150525', regionName: '奈曼旗', type: 'LAND', content: '供地 300 亩', promisedAmountWan: '15000.00', status: 'PENDING', honouredAmountWan: '0.00', honouredAt: null, overdue: false })],
  page: 1,
  pageSize: 20,
  totals,
  summary: commitmentSummarySentence(totals),
};

async function open(url: string, role: Role = 'CITY_STAFF', regionCode: string | null = null) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '萨仁', role, regionCode, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'commitments', children: commitmentsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  const lists: string[] = [];
  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = backend.match(() => true).filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      for (const r of pending) {
        if (r.request.url === '/api/v1/commitments') {
          lists.push(r.request.params.toString());
          r.flush(list);
        } else r.flush([]);
      }
    }
    await harness.fixture.whenStable();
  };
  await settle();
  return { harness, lists, settle, backend, el: () => harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
}

const text = (root: HTMLElement, id: string) => root.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();

describe('CommitmentLedgerPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it('asks for the URL’s filters and shows the summary sentence, the totals (亿元 from 1 亿 on) and 逾期 in red', async () => {
    const { lists, el } = await open('/commitments?regionCode=150521&type=SUBSIDY&status=PARTIAL&overdue=true&from=2026-01-01&to=2026-12-31');
    expect(lists[0]).toBe('regionCode=150521&type=SUBSIDY&status=PARTIAL&overdue=true&from=2026-01-01&to=2026-12-31&page=1&pageSize=20');
    expect(text(el(), 'commitment-summary')).toBe('梳理未兑现优惠政策 2 条，已完成整改 0 条，兑现资金 200 万元');
    expect(text(el(), 'commitment-count-total')).toBe('2');
    expect(text(el(), 'commitment-count-overdue')).toBe('1');
    expect(text(el(), 'commitment-total-promised')).toBe('1.55 亿元');
    expect(text(el(), 'commitment-total-honoured')).toBe('200.00 万元');
    const [late, onTime] = Array.from(el().querySelectorAll<HTMLElement>('[data-testid="commitment-row"]'));
    expect(late.classList).toContain('row--overdue');
    expect(late.querySelector('[data-testid="commitment-overdue"]')?.textContent).toBe('逾期');
    expect(onTime.querySelector('[data-testid="commitment-overdue"]')).toBeNull();
    expect(late.querySelector('a')?.getAttribute('href')).toBe('/projects/p1');
  });

  it('starts a district user on their own region, remembers "all regions", and offers 登记兑现 only on their region’s rows', async () => {
    const { lists, settle, router, el } = await open('/commitments', 'DISTRICT_STAFF', '150521');
    expect(lists.at(-1)).toBe('regionCode=150521&page=1&pageSize=20');
    const [own, other] = Array.from(el().querySelectorAll<HTMLElement>('[data-testid="commitment-row"]'));
    expect(own.querySelector('[data-testid="commitment-honour"]')).not.toBeNull();
    expect(other.querySelector('[data-testid="commitment-honour"]')).toBeNull();
    expect(el().querySelector('[data-testid="commitment-import"]')?.getAttribute('href')).toBe('/imports?kind=commitments');
    await router.navigateByUrl('/commitments?regionCode=');
    await settle();
    expect(lists.at(-1)).toBe('page=1&pageSize=20');
  });

  it('lets leaders read and export, but neither import nor change', async () => {
    const { el } = await open('/commitments', 'LEADER');
    expect(el().querySelector('[data-testid="commitment-import"]')).toBeNull();
    expect(el().querySelector('[data-testid="commitment-honour"]')).toBeNull();
    expect(el().querySelector('[data-testid="commitment-edit"]')).toBeNull();
    expect(el().querySelector('[data-testid="commitment-export"]')).not.toBeNull();
  });

  it('exports over the filters, without paging', async () => {
    const { el, backend, harness } = await open('/commitments?status=PENDING&page=2');
    (el().querySelector('[data-testid="commitment-export"]') as HTMLElement).click();
    harness.fixture.detectChanges();
    const request = backend.expectOne((r) => r.url === '/api/v1/commitments/export.xlsx');
    expect(request.request.params.toString()).toBe('status=PENDING');
  });

  it('offers 发提醒单 to city staff on overdue open commitments only, asking the notices for a 提醒单 about the commitment', async () => {
    const { el, backend, harness } = await open('/commitments');
    const [late, onTime] = Array.from(el().querySelectorAll<HTMLElement>('[data-testid="commitment-row"]'));
    expect(onTime.querySelector('[data-testid="commitment-remind"]')).toBeNull();
    (late.querySelector('[data-testid="commitment-remind"]') as HTMLElement).click();
    harness.fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    const compose = backend.expectOne((r) => r.url === '/api/v1/notices/compose');
    expect(compose.request.params.toString()).toBe('kind=REMINDER&subjectType=COMMITMENT&commitmentId=c1&projectId=p1');
  });

  it('does not offer 发提醒单 to district staff (they answer notices, they do not issue them)', async () => {
    const district = await open('/commitments', 'DISTRICT_STAFF', '150521');
    expect(district.el().querySelector('[data-testid="commitment-remind"]')).toBeNull();
  });
});
