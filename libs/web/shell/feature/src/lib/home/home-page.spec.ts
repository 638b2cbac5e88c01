import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { WorkbenchResponse } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { NAV_ENTRIES } from '../nav';
import { homeRoutes } from './home-page';

const RESPONSE: WorkbenchResponse = {
  today: '2026-12-05',
  month: '2026-12',
  regionCode: '150525',
  todos: [
    { kind: 'MISSING', count: 3, months: [{ month: '2026-11', count: 1 }, { month: '2026-12', count: 2 }] },
    { kind: 'DRAFT', count: 0, months: [] },
    { kind: 'RETURNED', count: 1, months: [{ month: '2026-11', count: 1 }], withReason: 1 },
    { kind: 'RED_WARNINGS', count: 6, months: [] },
  ],
  followUps: [],
  activity: [
    {
      id: '9',
      at: '2026-12-05T02:32:00Z',
      actorName: '市局 李强',
      action: 'RETURN',
      entity: 'monthlyReport',
      projectId: 'p1',
      projectNo: '150525-2026-0001',
      projectName: '风电项目',
      month: '2026-11',
      regionName: '奈曼旗',
      detail: null,
    },
  ],
};

async function open() {
  storeTestSession('DISTRICT_STAFF', { regionCode: '150525', regionName: '奈曼旗' });
  TestBed.configureTestingModule({
    // the menu's icons, which the layout registers in the app, for the shortcuts
    providers: [provideRouter([{ path: '', children: homeRoutes }]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(NAV_ENTRIES.map((entry) => entry.icon))],
  });
  const harness = await RouterTestingHarness.create();
  const backend = TestBed.inject(HttpTestingController);
  // zoneless: the navigation is stable only once the page's request is answered, so it is not awaited here
  void harness.navigateByUrl('/');
  const el = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
  };
  /** the page's request, once the navigation has created the page */
  const request = async () => {
    for (let i = 0; i < 50; i++) {
      const [found] = backend.match('/api/v1/workbench');
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('no GET /api/v1/workbench');
  };
  // 我联系的项目: none here (the card stays away); answered so that no request is left open
  const answerMine = () => backend.match((r) => r.url.endsWith('/projects/search') && r.params.get('mine') === 'true').forEach((r) => r.flush({ items: [], page: 1, pageSize: 100, total: { count: 0, contractAmountWan: '0.00' } }));
  const settleAll = async () => {
    answerMine();
    await settle();
  };
  return { request, el, settle: settleAll };
}

describe('HomePage (工作台)', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  it('shows a card per to-do with its count, its explanation and a link to the filtered page', async () => {
    const { request, el, settle } = await open();
    (await request()).flush(RESPONSE);
    await settle();
    const missing = el().querySelector('[data-testid="todo-MISSING"]') as HTMLElement;
    expect(missing.querySelector('[data-testid="todo-count"]')?.textContent?.trim()).toBe('3');
    expect(missing.textContent).toContain('本月和上月应报月报');
    expect(missing.querySelector('[data-testid="todo-link-MISSING"]')?.getAttribute('href')).toBe('/reports/entry?regionCode=150525&month=2026-11&show=MISSING');
    expect(Array.from(missing.querySelectorAll('.todo__chip')).map((a) => a.getAttribute('href'))).toEqual([
      '/reports/entry?regionCode=150525&month=2026-11&show=MISSING',
      '/reports/entry?regionCode=150525&month=2026-12&show=MISSING',
    ]);
    expect(el().querySelector('[data-testid="todo-DRAFT"]')?.classList).toContain('todo--done');
    expect(el().querySelector('[data-testid="todo-link-RED_WARNINGS"]')?.getAttribute('href')).toBe('/warnings?level=RED&regionCode=150525');
    expect(el().querySelector('[data-testid="home-activity"]')?.textContent).toContain('市局 李强');
    expect(el().querySelector('[data-testid="home-activity"] a')?.textContent).toBe('退回了 150525-2026-0001 风电项目 2026年11月月报');
    // the slot of 问题 and 督办 stays out of sight while it is empty
    expect(el().querySelector('[data-testid="home-follow-ups"]')).toBeNull();
  });

  it('says so when nothing waits, and keeps the page when the request fails', async () => {
    const done = await open();
    (await done.request()).flush({ ...RESPONSE, todos: RESPONSE.todos.map((t) => ({ ...t, count: 0, months: [] })) });
    await done.settle();
    expect(done.el().querySelector('[data-testid="home-all-done"]')?.textContent).toContain('暂无待办');

    TestBed.resetTestingModule();
    const failed = await open();
    (await failed.request()).flush({ statusCode: 500, error: 'INTERNAL', message: '服务器错误' }, { status: 500, statusText: 'x' });
    await failed.settle();
    expect(failed.el().querySelector('[data-testid="home-greeting"]')?.textContent).toContain('刘军');
    expect(failed.el().querySelectorAll('.todo')).toHaveLength(0);
  });
});
