import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_ISSUE_DUE_DAYS } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { effectiveRegion, parseProblemQuery, problemQueryParams, sameProblemQuery } from './problem-query';
import { ProblemsApi } from './problems.api';

const UNIT = '6f1c2b7e-8a4d-4c3b-9e2f-0a1b2c3d4e5f';

describe('ProblemsApi', () => {
  let backend: HttpTestingController;
  let api: ProblemsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ProblemsApi);
  });
  afterEach(() => backend.verify());

  it('asks for the list and the statistics by the same filters, the statistics without paging', () => {
    api.list({ regionCode: '150525', unitId: UNIT, category: 'LAND', status: 'OPEN', overdue: true, page: 2, pageSize: 50 }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/project-issues').request.params.toString()).toBe(`regionCode=150525&unitId=${UNIT}&category=LAND&status=OPEN&overdue=true&page=2&pageSize=50`);
    api.stats('unit', { regionCode: '150525', page: 3, pageSize: 20 }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/project-issues/stats').request.params.toString()).toBe('regionCode=150525&groupBy=unit');
  });

  it('sends the changes with the caller showing their errors', () => {
    api.create({ projectId: 'p', category: 'LAND', description: 'x', unitId: UNIT }).subscribe();
    api.update('i-1', { description: 'y', version: 2 }).subscribe();
    api.changeStatus('i-1', { status: 'RESOLVED', note: '已解决', version: 3 }).subscribe();
    api.addNote('i-1', { text: '进展' }).subscribe();
    api.saveSettings({ dueDays: DEFAULT_ISSUE_DUE_DAYS, version: 0 }).subscribe();
    const sent = [
      backend.expectOne({ method: 'POST', url: '/api/v1/project-issues' }),
      backend.expectOne({ method: 'PATCH', url: '/api/v1/project-issues/i-1' }),
      backend.expectOne({ method: 'POST', url: '/api/v1/project-issues/i-1/status' }),
      backend.expectOne({ method: 'POST', url: '/api/v1/project-issues/i-1/notes' }),
      backend.expectOne({ method: 'PUT', url: '/api/v1/settings/issues' }),
    ];
    expect(sent.map((r) => r.request.context.get(SKIP_ERROR_MESSAGE))).toEqual([true, true, true, true, true]);
    api.get('i-1').subscribe();
    api.settings().subscribe();
    backend.expectOne('/api/v1/project-issues/i-1');
    backend.expectOne('/api/v1/settings/issues');
  });
});

describe('problem query in the URL', () => {
  it('keeps what is valid and drops the rest', () => {
    expect(parseProblemQuery({ regionCode: '150525', unitId: UNIT, category: 'LAND', status: 'OPEN', overdue: 'true', page: '3', pageSize: '50' })).toEqual({
      regionCode: '150525',
      unitId: UNIT,
      category: 'LAND',
      status: 'OPEN',
      overdue: true,
      page: 3,
      pageSize: 50,
    });
    expect(parseProblemQuery({ regionCode: 'x', unitId: 'nope', category: 'WEATHER', status: 'DONE', overdue: '1', page: '-1', pageSize: '7' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('remembers "all regions" chosen by a district user, which the request leaves out', () => {
    const all = parseProblemQuery({ regionCode: '' });
    expect(all.regionCode).toBe('');
    expect(problemQueryParams(all, { forUrl: true })).toEqual({ regionCode: '' });
    expect(problemQueryParams(all)).toEqual({ page: '1', pageSize: '20' });
    expect(effectiveRegion(all, '150525')).toBeUndefined();
    expect(effectiveRegion(parseProblemQuery({}), '150525')).toBe('150525');
    expect(effectiveRegion(parseProblemQuery({}), null)).toBeUndefined();
    expect(sameProblemQuery(all, parseProblemQuery({}))).toBe(false);
  });
});
