import { HttpErrorResponse, HttpHeaders, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SKIP_ERROR_MESSAGE, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { firstValueFrom } from 'rxjs';
import { TargetsApi } from './targets.api';

describe('TargetsApi', () => {
  let backend: HttpTestingController;
  let api: TargetsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(TargetsApi);
  });
  afterEach(() => backend.verify());

  it('reads targets and progress by year (and cut-off month)', () => {
    api.list(2026).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/targets').request.params.toString()).toBe('year=2026');
    api.progress(2026, '2026-06').subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/targets/progress').request.params.toString()).toBe('year=2026&to=2026-06');
    api.progress(2025).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/targets/progress').request.params.toString()).toBe('year=2025');
  });

  it('reads the 月调度表 figures: the month and January up to it, by district, with the 跟踪落实 since January', () => {
    let answer: unknown;
    api.dispatchFigures('2026-06').subscribe((figures) => (answer = figures));
    const requests = backend.match((r) => r.url === '/api/v1/indicators');
    expect(requests.map((r) => r.request.params.toString())).toEqual(['from=2026-06&to=2026-06&groupBy=region', 'from=2026-01&to=2026-06&groupBy=region']);
    requests[0].flush({ from: '2026-06' });
    requests[1].flush({ from: '2026-01' });
    expect(answer).toBeUndefined();
    const followThrough = backend.expectOne((r) => r.url === '/api/v1/follow-through/summary');
    expect(followThrough.request.params.toString()).toBe('from=2026-01&to=2026-06');
    expect(followThrough.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    followThrough.flush({ asOf: '2026-06-30' });
    expect(answer).toEqual({ month: { from: '2026-06' }, yearToDate: { from: '2026-01' }, followThrough: { asOf: '2026-06-30' } });
  });

  it('saves with versions, the page showing the errors', () => {
    api.save(2026, [{ regionCode: '150525', indicator: 'startedCount', value: '4', version: 0 }]).subscribe();
    const request = backend.expectOne('/api/v1/targets');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ year: 2026, items: [{ regionCode: '150525', indicator: 'startedCount', value: '4', version: 0 }] });
    expect(request.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    request.flush({ created: 1, updated: 0, deleted: 0, unchanged: 0, items: [] });
  });

  it('reads a failed download out of the blob', async () => {
    const failed = firstValueFrom(api.downloadDispatchTable('2099-01'));
    backend
      .expectOne((r) => r.url === '/api/v1/dispatch-table')
      .flush(new Blob([JSON.stringify({ statusCode: 400, error: 'VALIDATION_FAILED', message: '不能选择未来月份' })]), { status: 400, statusText: 'Bad Request' });
    const error = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(apiErrorMessage(error)).toBe('不能选择未来月份');
  });

  it('downloads the dispatch table under the proposed name', async () => {
    const file = firstValueFrom(api.downloadDispatchTable('2026-06'));
    const request = backend.expectOne((r) => r.url === '/api/v1/dispatch-table');
    expect(request.request.params.toString()).toBe('month=2026-06');
    expect(request.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    request.flush(new Blob(['x']), { headers: new HttpHeaders({ 'content-disposition': `attachment; filename="d.xlsx"; filename*=UTF-8''${encodeURIComponent('通辽市招商引资项目月调度表-2026年6月.xlsx')}` }) });
    expect((await file).fileName).toBe('通辽市招商引资项目月调度表-2026年6月.xlsx');
  });
});
