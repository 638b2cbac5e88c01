import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_WARNING_SETTINGS } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { parseWarningQuery, sameWarningQuery, warningQueryParams } from './warning-query';
import { FLAGS_TTL_MS, WarningFlagsStore } from './warning-flags.store';
import { WarningsApi } from './warnings.api';

describe('WarningsApi', () => {
  let backend: HttpTestingController;
  let api: WarningsApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(WarningsApi);
  });
  afterEach(() => backend.verify());

  it('asks for the list by query parameters and one project by its id', () => {
    api.list({ date: '2026-11-01', regionCode: '150525', rule: 'START', level: 'RED', page: 2, pageSize: 50 }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/warnings').request.params.toString()).toBe('date=2026-11-01&regionCode=150525&rule=START&level=RED&page=2&pageSize=50');
    api.forProject('p-1').subscribe();
    expect(backend.expectOne('/api/v1/projects/p-1/warnings').request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
  });

  it('reads and saves the settings, the form showing its own errors', () => {
    api.settings().subscribe();
    backend.expectOne('/api/v1/settings/warnings').flush({ settings: DEFAULT_WARNING_SETTINGS, version: 0 });
    api.saveSettings({ settings: DEFAULT_WARNING_SETTINGS, version: 3 }).subscribe();
    const put = backend.expectOne('/api/v1/settings/warnings');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ settings: DEFAULT_WARNING_SETTINGS, version: 3 });
    expect(put.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    put.flush({ settings: DEFAULT_WARNING_SETTINGS, version: 4 });
  });
});

describe('WarningFlagsStore', () => {
  let backend: HttpTestingController;
  let store: WarningFlagsStore;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(WarningFlagsStore);
  });
  afterEach(() => backend.verify());

  it('gathers the rows of one rendering into one request and remembers projects without flags as []', async () => {
    store.request('a', 0);
    store.request('b', 0);
    store.request('a', 0);
    await Promise.resolve();
    const request = backend.expectOne((r) => r.url === '/api/v1/warnings/by-projects');
    expect(request.request.params.get('ids')).toBe('a,b');
    request.flush({ a: [{ rule: 'START', level: 'RED' }] });
    expect(store.get('a')).toEqual([{ rule: 'START', level: 'RED' }]);
    expect(store.get('b')).toEqual([]);
    expect(store.get('c')).toBeUndefined();
    // fresh: not asked again; stale: asked again
    store.request('a', 1000);
    await Promise.resolve();
    backend.expectNone((r) => r.url === '/api/v1/warnings/by-projects');
    store.request('a', FLAGS_TTL_MS + 1);
    await Promise.resolve();
    backend.expectOne((r) => r.url === '/api/v1/warnings/by-projects').flush({});
    expect(store.get('a')).toEqual([]);
  });

  it('splits more than 200 projects into several requests', () => {
    for (let i = 0; i < 250; i += 1) store.request(`p${i}`, 0);
    store.flush();
    const requests = backend.match((r) => r.url === '/api/v1/warnings/by-projects');
    expect(requests.map((r) => r.request.params.get('ids')?.split(',').length)).toEqual([200, 50]);
    requests.forEach((r) => r.flush({}));
  });
});

describe('warning list query', () => {
  it('reads the URL, dropping what is not valid, and writes it back without defaults', () => {
    const today = '2026-11-23';
    expect(parseWarningQuery({ date: '2026-11-01', regionCode: '150525', rule: 'FUNDS', level: 'YELLOW', page: '3', pageSize: '50' }, today)).toEqual({
      date: '2026-11-01',
      regionCode: '150525',
      rule: 'FUNDS',
      level: 'YELLOW',
      page: 3,
      pageSize: 50,
    });
    expect(parseWarningQuery({ date: '2026-12-01', regionCode: 'x', rule: 'NOPE', level: 'BLUE', page: '0', pageSize: '33' }, today)).toEqual({ page: 1, pageSize: 20 });
    expect(warningQueryParams({ rule: 'REPORT', page: 1, pageSize: 20 }, { forUrl: true })).toEqual({ rule: 'REPORT' });
    expect(warningQueryParams({ rule: 'REPORT', page: 1, pageSize: 20 })).toEqual({ rule: 'REPORT', page: '1', pageSize: '20' });
    expect(sameWarningQuery({ page: 1, pageSize: 20 }, { page: 1, pageSize: 20 })).toBe(true);
    expect(sameWarningQuery({ page: 1, pageSize: 20 }, { page: 2, pageSize: 20 })).toBe(false);
  });
});
