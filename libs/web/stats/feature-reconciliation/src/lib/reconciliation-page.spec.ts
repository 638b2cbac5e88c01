import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LoginResponse, ReconciliationResponse, ReconciliationRow, RegionDto, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { reconciliationRoutes } from './reconciliation.routes';

const REGIONS: RegionDto[] = [
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150526', name: '扎鲁特旗', shortName: '扎鲁特', parentCode: '150500', sortOrder: 7 },
] as RegionDto[];

const row = (overrides: Partial<ReconciliationRow>): ReconciliationRow => ({
  projectId: 'p1',
  projectNo: '150526-2025-0001',
  projectName: '扎鲁特储能项目',
  projectVersion: 3,
  regionCode: '150526',
  regionName: '扎鲁特旗',
  nationalCode: '2025-150526-44-01-000001',
  statsName: '扎鲁特储能项目',
  statsNationalCode: '2025-150526-44-01-000001',
  matchedBy: 'CODE',
  statsRegistered: false,
  statsRegisteredMonth: null,
  theirRegisteredMonth: '2025-09',
  oursCompletedYtdWan: '0.00',
  theirsCompletedYtdWan: '320.50',
  differenceWan: '-320.50',
  amountDiffers: true,
  registeredMonthDiffers: true,
  ...overrides,
});

const result = (month: string, region: string): ReconciliationResponse => ({
  month,
  regionCode: region,
  listedCount: 1,
  tolerance: { toleranceWan: '10.00', toleranceRate: 0.05 },
  counts: { matched: 0, oursOnly: 0, notRegistered: 1, unknown: 0, amountDiffers: 1 },
  oursCompletedWan: '0.00',
  theirsCompletedWan: '320.50',
  differenceWan: '-320.50',
  lists: { matched: [], oursOnly: [], notRegistered: [row({})], unknown: [], amountDiffers: [row({})] },
});

async function open(url: string, role: Role, regionCode: string | null) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '其其格', role, regionCode, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'stats/reconciliation', children: reconciliationRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  const asked: string[] = [];
  const accepts: TestRequest[] = [];
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = backend.match(() => true).filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      for (const r of pending) {
        if (r.request.url === '/api/v1/regions') r.flush(REGIONS);
        else if (r.request.url === '/api/v1/stats-projects/reconciliation') {
          asked.push(r.request.params.toString());
          r.flush(result(r.request.params.get('month') ?? '', r.request.params.get('region') ?? ''));
        } else if (r.request.url === '/api/v1/stats-projects/accept') accepts.push(r);
        else r.flush([]);
      }
      if (accepts.length > 0) break;
    }
    TestBed.tick();
  };
  await settle();
  return { asked, accepts, settle, el: () => harness.routeNativeElement as HTMLElement };
}

const byId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('ReconciliationPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    localStorage.clear();
  });

  it('starts a district user on their own region and shows the counts', async () => {
    const { asked, el } = await open('/stats/reconciliation?month=2026-10', 'DISTRICT_STAFF', '150526');
    expect(asked.at(-1)).toBe('month=2026-10&region=150526');
    expect(byId(el(), 'reconciliation-count-notRegistered')?.textContent?.trim()).toBe('1');
    expect(byId(el(), 'reconciliation-count-matched')?.textContent?.trim()).toBe('0');
  });

  it('offers the accept on the user’s region only, and sends the project’s version with the month', async () => {
    const other = await open('/stats/reconciliation?month=2026-10&list=notRegistered', 'DISTRICT_STAFF', '150525');
    expect(byId(other.el(), 'reconciliation-list-notRegistered')?.textContent).toContain('扎鲁特储能项目');
    expect(byId(other.el(), 'reconciliation-accept')).toBeNull();
    TestBed.resetTestingModule();
    localStorage.clear();

    const { el, settle, accepts } = await open('/stats/reconciliation?month=2026-10&list=notRegistered', 'CITY_STAFF', null);
    byId(el(), 'reconciliation-accept')?.click();
    await settle();
    expect(document.querySelector('[data-testid="accept-dialog-text"]')?.textContent).toContain('2025年9月');
    document.querySelector<HTMLElement>('[data-testid="accept-dialog-submit"]')?.click();
    await settle();
    expect(accepts).toHaveLength(1);
    expect(accepts[0].request.body).toEqual({ projectId: 'p1', month: '2026-10', version: 3, reason: null });
  });
});
