import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { DashboardApi, isMissingEndpoint } from './dashboard.api';

describe('DashboardApi', () => {
  let api: DashboardApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DashboardApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks for the indicators of the selection, grouped', async () => {
    const result = firstValueFrom(api.indicators({ from: '2026-01', to: '2026-10', region: '150525' }, 'industry'));
    const request = http.expectOne((r) => r.url === '/api/v1/indicators');
    expect(request.request.params.toString()).toBe('from=2026-01&to=2026-10&region=150525&groupBy=industry');
    request.flush({ rows: [] });
    await expect(result).resolves.toEqual({ rows: [] });
  });

  it('asks for the city\'s districts and industries in one request, a district\'s in two', async () => {
    const rows = (key: string) => [{ key, label: key }];
    const city = firstValueFrom(api.regionsAndIndustries({ from: '2026-01', to: '2026-10', region: null }));
    const both = http.expectOne((r) => r.url === '/api/v1/indicators');
    expect(both.request.params.toString()).toBe('from=2026-01&to=2026-10&groupBy=region&alsoGroupBy=industry');
    both.flush({ groupBy: 'region', rows: rows('150525'), total: { signedCount: 3, note: '县际' }, also: { groupBy: 'industry', rows: rows('NE') } });
    await expect(city).resolves.toEqual({
      byRegion: { groupBy: 'region', rows: rows('150525'), total: { signedCount: 3, note: '县际' } },
      byIndustry: { groupBy: 'industry', rows: rows('NE'), total: { signedCount: 3, note: null } },
    });

    const district = firstValueFrom(api.regionsAndIndustries({ from: '2026-01', to: '2026-10', region: '150525' }));
    http.expectOne((r) => r.url === '/api/v1/indicators' && r.params.toString() === 'from=2026-01&to=2026-10&groupBy=region').flush({ rows: rows('150525') });
    http.expectOne((r) => r.url === '/api/v1/indicators' && r.params.toString() === 'from=2026-01&to=2026-10&region=150525&groupBy=industry').flush({ rows: rows('NE') });
    await expect(district).resolves.toEqual({ byRegion: { rows: rows('150525') }, byIndustry: { rows: rows('NE') } });
  });

  it('asks for the follow-through figures of the selection (the city without a region)', async () => {
    const summary = firstValueFrom(api.followThrough({ from: '2026-01', to: '2026-10', region: '150581' }));
    http.expectOne((r) => r.url === '/api/v1/follow-through/summary' && r.params.toString() === 'from=2026-01&to=2026-10&region=150581').flush({ rows: [] });
    await expect(summary).resolves.toEqual({ rows: [] });
    void firstValueFrom(api.followThrough({ from: '2026-01', to: '2026-10', region: null }));
    http.expectOne((r) => r.url === '/api/v1/follow-through/summary' && r.params.toString() === 'from=2026-01&to=2026-10').flush({ rows: [] });
  });

  it('reads warning counts, and null when the warnings module is not there', async () => {
    const counts = { date: '2026-11-23', counts: { byRegion: [{ regionCode: '150525', regionName: '奈曼旗', RED: 1, YELLOW: 2 }], byRule: {} } };
    const ok = firstValueFrom(api.warnings('2026-11-23'));
    http.expectOne('/api/v1/warnings/counts?date=2026-11-23').flush(counts);
    await expect(ok).resolves.toEqual(counts);

    const missing = firstValueFrom(api.warnings('2026-11-23'));
    http.expectOne('/api/v1/warnings/counts?date=2026-11-23').flush({ statusCode: 404 }, { status: 404, statusText: 'Not Found' });
    await expect(missing).resolves.toBeNull();
  });

  it('downloads the 月调度表 with the name the server proposes', async () => {
    const file = firstValueFrom(api.downloadDispatchTable('2026-10'));
    const request = http.expectOne('/api/v1/dispatch-table?month=2026-10');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['x']), { headers: { 'content-disposition': "attachment; filename=\"dispatch-table-2026-10.xlsx\"; filename*=UTF-8''%E6%9C%88%E8%B0%83%E5%BA%A6%E8%A1%A8.xlsx" } });
    await expect(file).resolves.toMatchObject({ fileName: '月调度表.xlsx' });
  });

  it('tells a missing endpoint from other failures', async () => {
    const file = firstValueFrom(api.downloadDispatchTable('2026-10'));
    http.expectOne('/api/v1/dispatch-table?month=2026-10').flush(new Blob(['{"statusCode":404,"error":"NOT_FOUND","message":"没有"}']), { status: 404, statusText: 'Not Found' });
    const error = await file.catch((e: unknown) => e);
    expect(isMissingEndpoint(error)).toBe(true);
  });
});
