import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { StatsApi } from './stats.api';

describe('StatsApi', () => {
  let api: StatsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(StatsApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('asks for the reconciliation and the coverage of a month and region', () => {
    api.reconciliation('2026-11', '150526').subscribe();
    expect(http.expectOne((r) => r.url === '/api/v1/stats-projects/reconciliation').request.params.toString()).toBe('month=2026-11&region=150526');
    api.coverage('2026-11', '150500').subscribe();
    expect(http.expectOne((r) => r.url === '/api/v1/stats-projects/coverage').request.params.toString()).toBe('month=2026-11&region=150500');
  });

  it('posts the accept with the project’s version', () => {
    api.accept({ projectId: 'p1', month: '2026-11', version: 3, reason: null }).subscribe();
    const request = http.expectOne('/api/v1/stats-projects/accept');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ projectId: 'p1', month: '2026-11', version: 3, reason: null });
    request.flush({});
  });
});
