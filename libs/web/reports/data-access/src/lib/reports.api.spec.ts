import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SKIP_ERROR_MESSAGE, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { firstValueFrom } from 'rxjs';
import { defaultReportMonth, reportMonthFromUrl } from './report-months';
import { ReportsApi } from './reports.api';

describe('ReportsApi', () => {
  let backend: HttpTestingController;
  let api: ReportsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ReportsApi);
  });
  afterEach(() => backend.verify());

  it('reads the grid and the queue by query parameters', () => {
    api.grid('150525', '2026-10').subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/monthly-reports/grid').request.params.toString()).toBe('regionCode=150525&month=2026-10');
    api.queue({ month: '2026-10', status: 'SUBMITTED' }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/monthly-reports/queue').request.params.toString()).toBe('month=2026-10&status=SUBMITTED');
    api.months(2026).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/months').request.params.toString()).toBe('year=2026');
  });

  it('saves, submits, verifies and returns with the caller showing errors', () => {
    api.saveDrafts({ regionCode: '150525', month: '2026-10', items: [{ projectId: 'p1', version: null, arrivedEquityWan: '1' }] }).subscribe();
    api.submit({ regionCode: '150525', month: '2026-10' }).subscribe();
    api.verify([{ id: 'r1', version: 2 }]).subscribe();
    api.returnReports([{ id: 'r2', version: 3 }], '数据有误').subscribe();
    const save = backend.expectOne('/api/v1/monthly-reports/drafts');
    expect(save.request.method).toBe('PUT');
    const submit = backend.expectOne('/api/v1/monthly-reports/submit');
    const verify = backend.expectOne('/api/v1/monthly-reports/verify');
    const back = backend.expectOne('/api/v1/monthly-reports/return');
    expect(verify.request.body).toEqual({ items: [{ id: 'r1', version: 2 }] });
    expect(back.request.body).toEqual({ items: [{ id: 'r2', version: 3 }], reason: '数据有误' });
    for (const r of [save, submit, verify, back]) {
      expect(r.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
      r.flush({ items: [] });
    }
  });

  it('downloads the export and reads a failure out of the blob', async () => {
    const file = firstValueFrom(api.export({ from: '2026-10', to: '2026-10', regionCode: '150525' }));
    const request = backend.expectOne((r) => r.url === '/api/v1/monthly-reports/export');
    expect(request.request.params.toString()).toBe('from=2026-10&to=2026-10&regionCode=150525');
    request.flush(new Blob(['x']));
    expect((await file).fileName).toBe('月报-2026-10.xlsx');

    const failed = firstValueFrom(api.export({ from: '2026-10', to: '2026-09' }));
    backend
      .expectOne((r) => r.url === '/api/v1/monthly-reports/export')
      .flush(new Blob([JSON.stringify({ statusCode: 400, error: 'VALIDATION_FAILED', message: '起始月份不能晚于截止月份' })]), { status: 400, statusText: 'Bad Request' });
    const error = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(apiErrorMessage(error)).toBe('起始月份不能晚于截止月份');
  });
});

describe('report months', () => {
  const now = new Date('2026-11-05T02:00:00Z');
  it('opens on last month and refuses future months from a URL', () => {
    expect(defaultReportMonth(now)).toBe('2026-10');
    expect(defaultReportMonth(new Date('2026-01-03T00:00:00Z'))).toBe('2025-12');
    expect(reportMonthFromUrl('2026-11', now)).toBe('2026-11');
    expect(reportMonthFromUrl('2026-12', now)).toBe('2026-10');
    expect(reportMonthFromUrl('2026-13', now)).toBe('2026-10');
    expect(reportMonthFromUrl(null, now)).toBe('2026-10');
  });
});
