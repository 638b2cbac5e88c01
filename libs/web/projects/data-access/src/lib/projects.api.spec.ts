import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SKIP_ERROR_MESSAGE, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { firstValueFrom } from 'rxjs';
import { ProjectsApi, isLookAlikeError } from './projects.api';

describe('ProjectsApi', () => {
  let backend: HttpTestingController;
  let api: ProjectsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ProjectsApi);
  });
  afterEach(() => backend.verify());

  it('searches with the filters, sort and page as query parameters', () => {
    api.search({ regionCode: '150525', isKeyProject: false, sort: 'signedAt', order: 'desc', page: 2, pageSize: 50 }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/v1/projects/search');
    expect(request.request.params.toString()).toBe('regionCode=150525&isKeyProject=false&sort=signedAt&order=desc&page=2&pageSize=50');
    request.flush({ items: [], page: 2, pageSize: 50, total: { count: 0, contractAmountWan: '0' } });
  });

  it('exports the filtered list without paging and names the file as the API says', async () => {
    const file = firstValueFrom(api.export({ stage: 'SIGNED', q: '光伏', page: 3, pageSize: 50 }));
    const request = backend.expectOne((r) => r.url === '/api/v1/projects/export');
    expect(request.request.params.toString()).toBe(`stage=SIGNED&q=${encodeURIComponent('光伏')}`);
    expect(request.request.responseType).toBe('blob');
    expect(request.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    request.flush(new Blob(['xlsx']), {
      headers: { 'Content-Disposition': `attachment; filename="projects.xlsx"; filename*=UTF-8''${encodeURIComponent('招商项目清单.xlsx')}` },
    });
    expect((await file).fileName).toBe('招商项目清单.xlsx');
  });

  it("reads a failed export's JSON out of the blob so that its message shows", async () => {
    const file = firstValueFrom(api.export({}));
    const body = { statusCode: 400, error: 'VALIDATION_FAILED', message: '签约额下限不能大于上限' };
    backend
      .expectOne((r) => r.url === '/api/v1/projects/export')
      .flush(new Blob([JSON.stringify(body)], { type: 'application/json' }), { status: 400, statusText: 'Bad Request' });
    const error = await file.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpErrorResponse);
    expect(apiErrorMessage(error)).toBe('签约额下限不能大于上限');
  });

  it('pages the history by cursor and leaves errors of changes to the caller', () => {
    api.history('p 1', 'c9').subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/projects/p%201/history').request.params.toString()).toBe('limit=20&before=c9');

    api.moveStage('p1', { to: 'SIGNED', dates: { signedAt: '2025-01-02' }, version: 3 }).subscribe();
    const move = backend.expectOne('/api/v1/projects/p1/stage');
    expect(move.request.method).toBe('POST');
    expect(move.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    move.flush({});
  });

  it('recognises the look-alike refusal', () => {
    const lookAlike = new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'LOOK_ALIKE', message: '疑似重复项目' } });
    const conflict = new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'VERSION_CONFLICT', message: '已被修改' } });
    expect(isLookAlikeError(lookAlike)).toBe(true);
    expect(isLookAlikeError(conflict)).toBe(false);
  });
});
