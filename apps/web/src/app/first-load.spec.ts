import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type IndicatorResponse, type LoginResponse, type Role, shanghaiToday } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY, authInterceptor } from '@zhaoshang/web/auth/data-access';
import { DashboardApi, parseSelection } from '@zhaoshang/web/dashboard/data-access';
import { NzMessageService } from 'ng-zorro-antd/message';
import { firstValueFrom } from 'rxjs';
import {
  EARLY_ANSWERS_GLOBAL,
  type EarlyAnswer,
  FIRST_REQUESTS_STORAGE_KEY,
  type FirstRequests,
  PREFETCH_TTL_MS,
  PrefetchCache,
  ROUTE_CHUNKS_META,
  linkRouteChunks,
  opensDashboard,
  prefetchInterceptor,
  startLeaderFirstLoad,
} from './first-load';

function setUp(role: Role | null) {
  localStorage.clear();
  if (role) {
    const session: LoginResponse = {
      accessToken: 'token-1',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u1', username: 'leader', displayName: '李强', role, regionCode: null, regionName: null },
    };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  }
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(withInterceptors([prefetchInterceptor, authInterceptor])),
      provideHttpClientTesting(),
      { provide: NzMessageService, useValue: { warning: () => undefined, error: () => undefined } },
    ],
  });
  const chunks: string[] = [];
  const start = (pathname: string, search = '') => TestBed.runInInjectionContext(() => startLeaderFirstLoad({ pathname, search }, () => chunks.push('dashboard')));
  return { start, chunks, http: TestBed.inject(HttpTestingController), api: TestBed.inject(DashboardApi), cache: TestBed.inject(PrefetchCache) };
}

const indicatorsOf = (groupBy: string) => (r: { url: string; params: { get(name: string): string | null } }) => r.url === '/api/v1/indicators' && r.params.get('groupBy') === groupBy;
const ANSWER = { total: { marker: 'month' } } as unknown as IndicatorResponse;

describe('a leader\'s first load of the 驾驶舱', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    jest.useRealTimers();
  });

  it('asks for the chunks and sends the page\'s first requests at the start, with the token', () => {
    const { start, chunks, http } = setUp('LEADER');
    start('/dashboard', '?from=2026-01&to=2026-10&region=150525');
    expect(chunks).toEqual(['dashboard']);
    const month = http.expectOne(indicatorsOf('month'));
    expect(month.request.params.get('from')).toBe('2026-01');
    expect(month.request.params.get('region')).toBe('150525');
    expect(month.request.headers.get('Authorization')).toBe('Bearer token-1');
    // the districts' ranking is always over the city, the industries the district's
    expect(http.expectOne(indicatorsOf('region')).request.params.has('region')).toBe(false);
    expect(http.expectOne(indicatorsOf('industry')).request.params.get('region')).toBe('150525');
    expect(http.expectOne((r) => r.url === '/api/v1/warnings/counts').request.params.get('date')).toBe(shanghaiToday());
    http.expectOne('/api/v1/regions');
  });

  it('asks for the city\'s districts and industries in one request, as the page does', () => {
    const { start, http } = setUp('LEADER');
    start('/dashboard', '?from=2026-01&to=2026-10');
    const both = http.expectOne(indicatorsOf('region'));
    expect(both.request.params.toString()).toBe('from=2026-01&to=2026-10&groupBy=region&alsoGroupBy=industry');
    http.expectNone(indicatorsOf('industry'));
    http.expectOne(indicatorsOf('month'));
  });

  it('hands the prefetched answer to the page\'s identical request instead of sending it again, once', async () => {
    const { start, http, api, cache } = setUp('LEADER');
    start('/');
    const selection = parseSelection({}, shanghaiToday());
    const prefetched = http.expectOne(indicatorsOf('month'));
    expect(cache.size).toBe(3);

    // the page, created later, makes the same call: no second request goes out
    const page = firstValueFrom(api.indicators(selection, 'month'));
    http.expectNone(indicatorsOf('month'));
    prefetched.flush(ANSWER);
    expect(await page).toEqual(ANSWER);
    expect(cache.size).toBe(2);

    // a reload afterwards asks the server again
    const reload = firstValueFrom(api.indicators(selection, 'month'));
    http.expectOne(indicatorsOf('month')).flush({ total: { marker: 'fresh' } });
    expect(await reload).toEqual({ total: { marker: 'fresh' } });
  });

  it('sends a request with other parameters to the server as usual', () => {
    const { start, http, api } = setUp('LEADER');
    start('/dashboard');
    http.expectOne(indicatorsOf('month'));
    api.indicators({ from: '2025-01', to: '2025-12', region: null }, 'month').subscribe();
    expect(http.match(indicatorsOf('month'))).toHaveLength(1);
  });

  it('gives the page the prefetch\'s failure as its own, so the page shows it', async () => {
    const { start, http, api } = setUp('LEADER');
    start('/dashboard');
    http.expectOne(indicatorsOf('region')).flush({ statusCode: 500, error: 'INTERNAL', message: '服务器内部错误' }, { status: 500, statusText: 'Server Error' });
    await expect(firstValueFrom(api.regionsAndIndustries(parseSelection({}, shanghaiToday())))).rejects.toMatchObject({ status: 500 });
  });

  it('drops an answer nobody picked up in time: the page opened later asks again', () => {
    jest.useFakeTimers({ now: new Date('2026-12-05T02:00:00Z'), doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const { start, http, api, cache } = setUp('LEADER');
    start('/dashboard');
    http.expectOne(indicatorsOf('month')).flush(ANSWER);
    jest.setSystemTime(Date.now() + PREFETCH_TTL_MS + 1);
    api.indicators(parseSelection({}, shanghaiToday()), 'month').subscribe();
    http.expectOne(indicatorsOf('month'));
    expect(cache.size).toBe(0);
  });

  it('preloads only the chunks for a leader opening another page, and nothing for others', () => {
    const leader = setUp('LEADER');
    leader.start('/projects');
    expect(leader.chunks).toEqual(['dashboard']);
    leader.http.expectNone(indicatorsOf('month'));
    TestBed.resetTestingModule();

    const district = setUp('DISTRICT_STAFF');
    district.start('/');
    expect(district.chunks).toEqual([]);
    district.http.expectNone(() => true);
    TestBed.resetTestingModule();

    const signedOut = setUp(null);
    signedOut.start('/dashboard');
    expect(signedOut.chunks).toEqual([]);
    signedOut.http.expectNone(() => true);
  });

  it('leaves other requests alone (not GET: never kept)', () => {
    const { http, cache } = setUp('LEADER');
    cache.prefetch(() => TestBed.inject(HttpClient).post('/api/v1/x', {}).subscribe());
    expect(cache.size).toBe(0);
    http.expectOne('/api/v1/x');
  });
});

describe('the first requests of the next start (sent by index.html\'s early script)', () => {
  const early = window as unknown as Record<string, Record<string, Promise<EarlyAnswer | null>> | undefined>;
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    delete early[EARLY_ANSWERS_GLOBAL];
  });

  /** What the first start wrote down for the next one. */
  function firstStart(): FirstRequests {
    const { start, http } = setUp('LEADER');
    start('/dashboard', '?from=2026-01&to=2026-10');
    const sent = http.match((r) => r.url !== '/api/v1/regions').map((r) => r.request.urlWithParams);
    const record = JSON.parse(localStorage.getItem(FIRST_REQUESTS_STORAGE_KEY) ?? 'null') as FirstRequests;
    expect(record).toEqual({ user: 'u1', day: shanghaiToday(), page: '/dashboard?from=2026-01&to=2026-10', urls: sent });
    // by month, by district and industry at once, the warnings
    expect(sent).toHaveLength(3);
    TestBed.resetTestingModule();
    return record;
  }

  const answer = (status: number, body: string): Promise<EarlyAnswer | null> => Promise.resolve({ status, statusText: status === 200 ? 'OK' : 'Error', url: '', headers: [['content-type', 'application/json']], body });

  it('writes down what the 驾驶舱 asked for, and takes the early answers instead of sending the requests again', async () => {
    const record = firstStart();
    early[EARLY_ANSWERS_GLOBAL] = Object.fromEntries(record.urls.map((url) => [url, answer(200, JSON.stringify({ total: { marker: url } }))]));
    const { start, http, api, cache } = setUp('LEADER');
    start('/dashboard', '?from=2026-01&to=2026-10');
    http.expectNone((r) => r.url !== '/api/v1/regions');
    expect(cache.size).toBe(3);
    // each taken once
    expect(Object.keys(early[EARLY_ANSWERS_GLOBAL] ?? {})).toEqual([]);
    const month = await firstValueFrom(api.indicators({ from: '2026-01', to: '2026-10', region: null }, 'month'));
    expect(month).toEqual({ total: { marker: record.urls.find((url) => url.includes('groupBy=month')) } });
    http.expectNone(indicatorsOf('month'));
  });

  it('sends a request itself when its early answer failed (a server error, a broken line, a body that is not JSON)', async () => {
    const record = firstStart();
    const [month, regionAndIndustry] = ['month', 'region'].map((groupBy) => record.urls.find((url) => url.includes(`groupBy=${groupBy}`)) ?? '');
    expect(regionAndIndustry).toContain('alsoGroupBy=industry');
    const warnings = record.urls.find((url) => url.includes('/warnings/counts')) ?? '';
    early[EARLY_ANSWERS_GLOBAL] = { [month]: answer(500, '{"message":"服务器内部错误"}'), [warnings]: Promise.resolve(null), [regionAndIndustry]: answer(200, '<html>') };
    const { start, http, api } = setUp('LEADER');
    start('/dashboard', '?from=2026-01&to=2026-10');
    await Promise.resolve();
    await Promise.resolve();
    http.expectOne((r) => r.url === '/api/v1/warnings/counts');
    const resent = http.expectOne(indicatorsOf('month'));
    expect(resent.request.headers.get('Authorization')).toBe('Bearer token-1');
    http.expectOne(indicatorsOf('region')).flush(ANSWER);
    expect(await firstValueFrom(api.indicators({ from: '2026-01', to: '2026-10', region: null }, 'region', 'industry'))).toEqual(ANSWER);
  });
});

describe('opensDashboard', () => {
  it('knows who lands on the 驾驶舱', () => {
    expect(opensDashboard('/', 'LEADER')).toBe(true);
    expect(opensDashboard('/dashboard', 'CITY_STAFF')).toBe(true);
    expect(opensDashboard('/', 'CITY_STAFF')).toBe(false);
    expect(opensDashboard('/dashboard', null)).toBe(false);
  });
});

describe('linkRouteChunks', () => {
  it('adds a modulepreload link for each chunk the build listed in index.html', () => {
    const doc = document.implementation.createHTMLDocument('t');
    const meta = doc.createElement('meta');
    meta.name = ROUTE_CHUNKS_META;
    meta.content = 'chunk-AAAAAAAA.js chunk-BBBBBBBB.js';
    doc.head.appendChild(meta);
    linkRouteChunks(doc);
    expect(Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (l) => l.getAttribute('href'))).toEqual(['chunk-AAAAAAAA.js', 'chunk-BBBBBBBB.js']);
  });
});
