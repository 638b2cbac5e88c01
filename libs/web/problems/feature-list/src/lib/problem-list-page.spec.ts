import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { IssueStatsResponse, LoginResponse, ProjectIssueListResponse, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { problemsRoutes } from './problems.routes';

const counts = { total: 3, open: 2, overdue: 1, closed: 1, closedRate: 0.3333, averageDaysToClose: 12.5 };
const list: ProjectIssueListResponse = {
  items: [
    {
      id: 'i1',
      projectId: 'p1',
      projectNo: '150525-2026-0001',
      projectName: '奈曼旗光伏治沙项目',
      regionCode: '150525',
      regionName: '奈曼旗',
      category: 'LABOUR',
      description: '施工用工缺口 120 人',
      raisedAt: '2026-10-01',
      raisedByName: '萨仁',
      unitId: 'u1',
      unitName: '奈曼旗人社局',
      dueAt: '2026-10-21',
      status: 'OPEN',
      resolution: null,
      closedAt: null,
      overdue: true,
      version: 1,
      createdAt: '2026-10-01T00:00:00Z',
      updatedAt: '2026-10-01T00:00:00Z',
    },
  ],
  page: 1,
  pageSize: 20,
  counts,
};
const stats: IssueStatsResponse = { groupBy: 'region', rows: [{ key: '150525', label: '奈曼旗', ...counts }], total: counts };

async function open(url: string, role: Role = 'CITY_STAFF', regionCode: string | null = null) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '萨仁', role, regionCode, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'problems', children: problemsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  const lists: string[] = [];
  const statsAsked: string[] = [];
  /** answers what the page asks until it is stable, noting the list's and the statistics' parameters */
  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = backend.match(() => true).filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      for (const r of pending) {
        if (r.request.url === '/api/v1/project-issues') {
          lists.push(r.request.params.toString());
          r.flush(list);
        } else if (r.request.url === '/api/v1/project-issues/stats') {
          statsAsked.push(r.request.params.toString());
          r.flush(stats);
        } else r.flush([]);
      }
    }
    await harness.fixture.whenStable();
  };
  await settle();
  return { harness, lists, statsAsked, settle, el: () => harness.routeNativeElement as HTMLElement, router: TestBed.inject(Router) };
}

describe('ProblemListPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it('asks for the URL’s filters, shows the counts (超期 in red, 办结率) and the overdue row with 超期N天', async () => {
    const { lists, statsAsked, el } = await open('/problems?regionCode=150525&category=LABOUR&overdue=true&page=2');
    expect(lists[0]).toBe('regionCode=150525&category=LABOUR&overdue=true&page=2&pageSize=20');
    // by district: every district, whatever the region filter (the chosen one is marked)
    expect(statsAsked.at(-1)).toBe('category=LABOUR&overdue=true&groupBy=region');
    expect(el().querySelector('[data-testid="problem-count-overdue"]')?.textContent?.trim()).toBe('1');
    expect(el().querySelector('[data-testid="problem-count-rate"]')?.textContent?.trim()).toBe('33.3%');
    expect(el().querySelector('[data-testid="problem-count-days"]')?.textContent?.trim()).toBe('12.5');
    const row = el().querySelector('[data-testid="problem-row"]') as HTMLElement;
    expect(row.querySelector('[data-testid="issue-overdue"]')?.textContent).toMatch(/^超期\d+天$/);
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/projects/p1');
    expect(el().querySelector('[data-testid="problem-stats-row"]')?.classList).toContain('stats__row--active');
  });

  it('starts a district user on their own region, and remembers "all regions" once they remove it', async () => {
    const { lists, settle, router } = await open('/problems', 'DISTRICT_STAFF', '150525');
    expect(lists.at(-1)).toBe('regionCode=150525&page=1&pageSize=20');
    await router.navigateByUrl('/problems?regionCode=');
    await settle();
    expect(lists.at(-1)).toBe('page=1&pageSize=20');
  });

  it('offers 提出问题 to staff and 办理时限设置 to admins only', async () => {
    const leader = await open('/problems', 'LEADER');
    expect(leader.el().querySelector('[data-testid="raise-problem-open"]')).toBeNull();
    expect(leader.el().querySelector('[data-testid="issue-settings-open"]')).toBeNull();
    TestBed.resetTestingModule();
    const city = await open('/problems', 'CITY_STAFF');
    expect(city.el().querySelector('[data-testid="raise-problem-open"]')).not.toBeNull();
    expect(city.el().querySelector('[data-testid="issue-settings-open"]')).toBeNull();
    TestBed.resetTestingModule();
    const admin = await open('/problems', 'ADMIN');
    expect(admin.el().querySelector('[data-testid="issue-settings-open"]')).not.toBeNull();
  });
});
