import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CorrectionPage, RegionDto } from '@zhaoshang/shared/domain';
import { parseCorrectionQuery } from './correction-query';
import { correctionsRoutes } from './corrections.routes';

const regions = [
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
] as RegionDto[];

const page: CorrectionPage = {
  page: 1,
  pageSize: 20,
  total: 1,
  items: [
    {
      id: 'c1',
      at: '2026-11-20T02:30:00Z',
      actorName: '孙丽',
      projectId: 'p1',
      projectNo: '150525-2024-0003',
      projectName: '奈曼旗风电项目',
      regionCode: '150525',
      regionName: '奈曼旗',
      source: 'EDIT',
      months: ['2024-03', '2024-04'],
      fields: ['signedAt', 'investorOrigin'],
      before: { signedAt: '2024-03-05', investorOrigin: 'LOCAL' },
      after: { signedAt: '2024-05-10', investorOrigin: 'OUT_OF_REGION' },
      reason: '合同实际签订日期为5月10日',
    },
  ],
};

async function open(url: string) {
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'corrections', children: correctionsRoutes }, { path: 'projects/:id', children: [] }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) => r.flush(regions));
  const lists = () => backend.match((r) => r.url === '/api/v1/corrections');
  const el = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = lists().filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      // enough rows for any page the test opens
      pending.forEach((r) => r.flush({ ...page, total: 100 }));
    }
    await harness.fixture.whenStable();
  };
  return { harness, lists, el, settle, router: TestBed.inject(Router) };
}

describe('CorrectionsPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('reads the filters from the URL and shows time, who, project link, months, before → after in Chinese and the reason', async () => {
    const { lists, el, settle } = await open('/corrections?region=150525&q=%E9%A3%8E%E7%94%B5&month=2024-03&from=2026-11-01&to=2026-11-30');
    const [list] = lists();
    expect(list.request.params.toString()).toBe('region=150525&q=%E9%A3%8E%E7%94%B5&month=2024-03&from=2026-11-01&to=2026-11-30&page=1&pageSize=20');
    list.flush(page);
    await settle();
    expect(el().querySelector('[data-testid="correction-total"]')?.textContent).toContain('共 1 条更正');
    const row = el().querySelector('[data-testid="correction-row"]') as HTMLElement;
    expect(row.textContent).toContain('2026-11-20 10:30');
    expect(row.textContent).toContain('孙丽');
    expect(row.textContent).toContain('2024年3月');
    expect(row.textContent).toContain('2024年4月');
    expect(row.querySelector('[data-testid="correction-project"]')?.getAttribute('href')).toBe('/projects/p1');
    const changes = Array.from(row.querySelectorAll('[data-testid="correction-changes"] li')).map((li) => li.textContent?.trim());
    expect(changes).toEqual(['签约日期：2024-03-05 → 2024-05-10', '投资方来源：本地 → 区外']);
    expect(row.querySelector('[data-testid="correction-reason"]')?.textContent).toContain('合同实际签订日期为5月10日');
  });

  it('puts a new search in the URL and starts again at page 1', async () => {
    const { el, settle, router } = await open('/corrections?page=3');
    await settle();
    const input = el().querySelector('[data-testid="correction-filter-q"]') as HTMLInputElement;
    input.value = '0003';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(router.url).toBe('/corrections?q=0003');
  });

});

describe('parseCorrectionQuery', () => {
  it('ignores what does not parse in a hand-edited URL', () => {
    expect(parseCorrectionQuery({ month: '2024-3', from: '2024-02-30', region: 'x', page: '-1', pageSize: '7' })).toEqual({ page: 1, pageSize: 20 });
  });
});
