import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type Role } from '@zhaoshang/shared/domain';
import { ROUTE_CHUNKS_META, linkRouteChunks, opensDashboard } from './first-load';

/**
 * public/first-load.js (index.html's early script) repeats in plain ES5 the rule of `opensDashboard`
 * and `startLeaderFirstLoad`: who gets the 驾驶舱's chunks asked for at once. It is run here as the
 * browser runs it, for every role and address, and must agree with the app's own rule.
 */
const script = readFileSync(join(__dirname, '../../public/first-load.js'), 'utf8');
const FILES = ['chunk-SHELL.js', 'chunk-DASH.js', 'chunk-ECHARTS.js'];
const PATHS = ['/', '/dashboard', '/workbench', '/projects', '/dashboard/drill'];

function runEarly(path: string, session: unknown): string[] {
  document.head.innerHTML = `<meta name="${ROUTE_CHUNKS_META}" content="${FILES.join(' ')}">`;
  window.history.pushState({}, '', path);
  localStorage.clear();
  if (session !== undefined) localStorage.setItem('zs.session', typeof session === 'string' ? session : JSON.stringify(session));
  new Function(script)();
  return Array.from(document.head.querySelectorAll('link[rel="modulepreload"]'), (link) => link.getAttribute('href') ?? '');
}

const session = (role: string, expiresInMs = 3_600_000) => ({ accessToken: 't', expiresAt: new Date(Date.now() + expiresInMs).toISOString(), user: { role } });

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
