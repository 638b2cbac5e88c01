import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@zhaoshang/shared/domain';
import { EARLY_ANSWERS_GLOBAL, claimEarlyAnswers, FIRST_REQUESTS_STORAGE_KEY, type FirstRequests, ROUTE_CHUNKS_META, linkRouteChunks, opensDashboard, takeEarlyAnswer } from './first-load';

/**
 * public/first-load.js (index.html's early script) repeats in plain ES5 the rule of `opensDashboard`
 * and `startLeaderFirstLoad`: who gets the 驾驶舱's chunks asked for at once. It is run here as the
 * browser runs it, for every role and address, and must agree with the app's own rule.
 */
const script = readFileSync(join(__dirname, '../../public/first-load.js'), 'utf8');
const FILES = ['chunk-SHELL.js', 'chunk-DASH.js', 'chunk-ECHARTS.js'];
const PATHS = ['/', '/dashboard', '/workbench', '/projects', '/dashboard/drill'];

function runEarly(path: string, session: unknown, firstRequests?: FirstRequests): string[] {
  document.head.innerHTML = `<meta name="${ROUTE_CHUNKS_META}" content="${FILES.join(' ')}">`;
  window.history.pushState({}, '', path);
  localStorage.clear();
  if (session !== undefined) localStorage.setItem('zs.session', typeof session === 'string' ? session : JSON.stringify(session));
  if (firstRequests) localStorage.setItem(FIRST_REQUESTS_STORAGE_KEY, JSON.stringify(firstRequests));
  new Function(script)();
  return Array.from(document.head.querySelectorAll('link[rel="modulepreload"]'), (link) => link.getAttribute('href') ?? '');
}

const session = (role: string, expiresInMs = 3_600_000) => ({ accessToken: 't', expiresAt: new Date(Date.now() + expiresInMs).toISOString(), user: { id: 'u1', role } });

describe('public/first-load.js, the early script', () => {
  afterEach(() => window.history.pushState({}, '', '/'));

  it.each(ROLES.flatMap((role) => PATHS.map((path) => [role, path] as [Role, string])))('%s at %s: the same decision as the app', (role, path) => {
    const expected = opensDashboard(path, role) || role === 'LEADER' ? FILES : [];
    expect(runEarly(path, session(role))).toEqual(expected);
  });

  it('asks for nothing without a session, with an expired or unreadable one', () => {
    expect(runEarly('/dashboard', undefined)).toEqual([]);
    expect(runEarly('/dashboard', session('LEADER', -1000))).toEqual([]);
    expect(runEarly('/dashboard', '{"user": ')).toEqual([]);
    expect(runEarly('/dashboard', { user: { role: 'LEADER' } })).toEqual([]);
  });

  it('the app does not link again what the early script linked', () => {
    runEarly('/', session('LEADER'));
    linkRouteChunks(document);
    const hrefs = Array.from(document.head.querySelectorAll('link[rel="modulepreload"]'), (link) => link.getAttribute('href'));
    expect(hrefs).toEqual(FILES);
  });
});

describe('public/first-load.js, the first data requests', () => {
  const URLS = ['/api/v1/indicators?from=2026-01&to=2026-12&groupBy=month', '/api/v1/warnings/counts?date=2026-12-06'];
  const sent: { url: string; headers: Record<string, string> }[] = [];
  const globals = window as unknown as Record<string, unknown>;
  beforeEach(() => {
    sent.length = 0;
    globals['fetch'] = (url: string, init: { headers: Record<string, string> }) => {
      sent.push({ url, headers: init.headers });
      return Promise.resolve({ status: 200, statusText: 'OK', url, headers: new Map([['content-type', 'application/json']]), text: () => Promise.resolve(`{"url":"${url}"}`) });
    };
  });
  afterEach(() => {
    delete globals['fetch'];
    delete globals[EARLY_ANSWERS_GLOBAL];
    window.history.pushState({}, '', '/');
  });
  // shanghaiToday() as the app computes it without a test clock
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const record = (overrides: Partial<FirstRequests> = {}): FirstRequests => ({ user: 'u1', day: today(), page: '/dashboard?from=2026-01', urls: URLS, ...overrides });

  it('sends what the app asked for at its last start, with the token, and leaves the answers for the app', async () => {
    runEarly('/dashboard?from=2026-01', session('LEADER'), record());
    expect(sent.map((s) => s.url)).toEqual(URLS);
    expect(sent[0]?.headers).toMatchObject({ Authorization: 'Bearer t', 'ngsw-bypass': 'true' });
    await expect(takeEarlyAnswer(URLS[0] ?? '')).resolves.toMatchObject({ status: 200, body: `{"url":"${URLS[0]}"}`, headers: [['content-type', 'application/json']] });
    // taken once
    expect(takeEarlyAnswer(URLS[0] ?? '')).toBeUndefined();
  });

  it('sends nothing for another user, another day, another address, or to another place than the API', () => {
    runEarly('/dashboard?from=2026-01', session('LEADER'), record({ user: 'u2' }));
    runEarly('/dashboard?from=2026-01', session('LEADER'), record({ day: '2026-01-01' }));
    runEarly('/dashboard?from=2026-02', session('LEADER'), record());
    runEarly('/dashboard', session('LEADER'), record());
    // a leader opening another page gets the chunks, not the data
    runEarly('/projects', session('LEADER'), record({ page: '/projects' }));
    expect(sent).toEqual([]);
    runEarly('/dashboard', session('LEADER'), record({ page: '/dashboard', urls: ['https://example.com/x', '//example.com/y', '/api/v1/regions'] }));
    expect(sent.map((s) => s.url)).toEqual(['/api/v1/regions']);
  });

  it('sends nothing when it runs after the app has started (the app sent them itself)', () => {
    claimEarlyAnswers();
    runEarly('/dashboard?from=2026-01', session('LEADER'), record());
    expect(sent).toEqual([]);
    expect(takeEarlyAnswer(URLS[0] ?? '')).toBeUndefined();
  });

  it('a request that fails on the way is left to the app (null)', async () => {
    globals['fetch'] = () => Promise.reject(new TypeError('Failed to fetch'));
    runEarly('/dashboard?from=2026-01', session('LEADER'), record());
    await expect(takeEarlyAnswer(URLS[1] ?? '')).resolves.toBeNull();
  });
});
