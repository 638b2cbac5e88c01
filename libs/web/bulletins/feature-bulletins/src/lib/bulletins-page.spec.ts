import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { BulletinContent, LoginResponse, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { bulletinsRoutes } from './bulletins.routes';
import { defaultQuarter, quarterOptions } from './bulletins-page';

describe('季度通报 page helpers', () => {
  it('offers the last eight quarters up to the current one, newest first, across the year', () => {
    expect(quarterOptions('2026-12-05')).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    expect(quarterOptions('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('opens on the last quarter that has ended', () => {
    expect(defaultQuarter('2026-12-05')).toBe('2026-Q3');
    expect(defaultQuarter('2026-01-02')).toBe('2025-Q4');
  });
});


const district = { regionCode: '150524', regionName: '库伦旗', signedAmountWan: '15000.00', arrivedFundsWan: '3000.00', startedCount: 0, arrivedTargetWan: '6000.00', completion: 0.5, rank: 1 };
function content(open: string[]): BulletinContent {
  const months = ['2026-07', '2026-08', '2026-09'];
  const closed = months.filter((m) => !open.includes(m));
  return {
    quarter: '2026-Q3',
    issueLabel: '2026年第3期',
    title: '关于2026年第三季度全市招商引资工作情况的通报',
    months: months.map((month) => ({ month, closed: !open.includes(month), revision: open.includes(month) ? null : 1 })),
    openMonths: open,
    figuresTo: closed.at(-1) ?? null,
    city: [{ key: 'arrivedFundsWan', label: '到位资金(万元)', kind: 'amount', value: '3000.00', yoy: null }],
    districts: [district],
    shine: { rule: '按到位资金年度目标完成率从高到低排序', best: [district], worst: [] },
    warnings: { asOf: '2026-09-30', rows: [], red: 1, yellow: 0 },
    notices: { asOf: '2026-09-30', rows: [], issued: 0, overdue: 0 },
    commitments: '截至2026年9月30日，全市梳理未兑现优惠政策 0 条，已完成整改 0 条，兑现资金 0 万元。',
  };
}

async function open(role: Role, preview: BulletinContent) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '李通报', role, regionCode: null, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'bulletins', children: bulletinsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create('/bulletins');
  const backend = TestBed.inject(HttpTestingController);
  const posts: TestRequest[] = [];
  let lists = 0;
  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = backend.match(() => true).filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      for (const r of pending) {
        if (r.request.url === '/api/v1/bulletins/preview') r.flush(preview);
        else if (r.request.method === 'POST') {
          posts.push(r);
          r.flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '该季度的通报已被他人修改' }, { status: 409, statusText: 'Conflict' });
        } else {
          lists += 1;
          r.flush([]);
        }
      }
    }
    await harness.fixture.whenStable();
  };
  await settle();
  return { settle, posts, lists: () => lists, el: () => harness.routeNativeElement as HTMLElement };
}

describe('BulletinsPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it('warns of the open month and shows a leader the preview without 生成', async () => {
    const { el } = await open('LEADER', content(['2026-09']));
    expect(el().querySelector('[data-testid="bulletin-open-months"]')?.textContent).toContain('2026年9月尚未月结，不计入通报');
    expect(el().querySelector('[data-testid="bulletin-districts"]')?.textContent).toContain('库伦旗');
    expect(el().querySelector('[data-testid="bulletin-best"]')?.textContent).toContain('库伦旗（50.0%）');
    expect(el().querySelector('[data-testid="bulletin-generate"]')).toBeNull();
  });

  it('lets city staff generate with their 下步要求 and the version they saw; a 409 is said and the list re-read', async () => {
    const { el, settle, posts, lists } = await open('CITY_STAFF', content([]));
    expect(el().querySelector('[data-testid="bulletin-open-months"]')).toBeNull();
    const before = lists();
    (el().querySelector('[data-testid="bulletin-generate-button"]') as HTMLButtonElement).click();
    await settle();
    expect(posts).toHaveLength(1);
    expect(posts[0].request.body).toEqual({ quarter: defaultQuarter(), closingParagraph: expect.stringContaining('一是'), version: 0 });
    expect(el().querySelector('[data-testid="bulletin-generate-conflict"]')?.textContent).toContain('其间他人已生成');
    expect(lists()).toBe(before + 1);
  });
});
