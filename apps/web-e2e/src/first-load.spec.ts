import { type Request, expect, test } from './support/test';
import { apiToken, createUser, keepScreenshot } from './support/app';

/**
 * A leader's first load of the 驾驶舱 (issue 13 item 6), against the real build served by the API:
 * the files come compressed and cached as they should, and the page's first data requests go out
 * while the route's chunks are still loading — once each, the page taking the prefetched answers.
 * Timings are for tools/bench/first-load.mjs (npm run bench:load); this checks the behaviour.
 */
/** The 驾驶舱's first data requests: the indicators and the warnings' counts. */
const FIRST_DATA = /\/api\/v1\/(indicators|warnings\/counts)\?/;
const LEADER = { username: 'leader-load', displayName: '市领导 赵刚', password: 'Leader#Load2026', role: 'LEADER' };

test('the 驾驶舱 loads compressed, cached, and asks for its data while its chunks load', async ({ browser, request }) => {
  await createUser(request, LEADER);
  const login = await request.post('/api/v1/auth/login', { data: { username: LEADER.username, password: LEADER.password } });
  expect(login.status()).toBe(200);
  const session = JSON.stringify(await login.json());

  for (const viewport of [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'phone', width: 375, height: 812 },
  ]) {
    // a new context: an empty HTTP cache, the leader's session already kept, as on a returning visit
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await context.addInitScript((stored) => {
      if (!localStorage.getItem('zs.session')) localStorage.setItem('zs.session', stored);
    }, session);
    const page = await context.newPage();
    // a round trip of 300 ms, as on a real line: on the local loopback the route's chunks (asked for by
    // index.html's early script) all arrive before the app has even started, and "sent while the
    // chunks load" would say nothing
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 300, downloadThroughput: -1, uploadThroughput: -1 });
    const events: { at: number; kind: 'request' | 'finished'; request: Request }[] = [];
    page.on('request', (r) => events.push({ at: performance.now(), kind: 'request', request: r }));
    page.on('requestfinished', (r) => events.push({ at: performance.now(), kind: 'finished', request: r }));

    const index = await page.goto('/dashboard');
    expect(index?.headers()['cache-control']).toBe('no-cache');
    await expect(page.locator('zs-dashboard-page')).toBeVisible();
    await page.waitForLoadState('networkidle');

    const path = (r: Request) => new URL(r.url()).pathname + new URL(r.url()).search;
    const api = events.filter((e) => e.kind === 'request' && FIRST_DATA.test(path(e.request)));
    // by month, by district and industry at once, the warnings: each asked once — the page took the prefetched answers
    const urls = api.map((e) => path(e.request));
    expect(urls.filter((u) => u.includes('groupBy=month'))).toHaveLength(1);
    expect(urls.filter((u) => u.includes('groupBy=region&alsoGroupBy=industry'))).toHaveLength(1);
    expect(urls.filter((u) => u.includes('groupBy=industry'))).toHaveLength(0);
    expect(urls.filter((u) => u.includes('/warnings/counts?'))).toHaveLength(1);
    // … and sent before the route's scripts had all arrived
    const scripts = events.filter((e) => e.kind === 'finished' && e.request.resourceType() === 'script');
    const lastScript = Math.max(...scripts.map((e) => e.at));
    expect(Math.min(...api.map((e) => e.at))).toBeLessThan(lastScript);

    // every chunk of the route, listed in index.html after the build, asked for at once as modulepreload
    const listed = (await page.evaluate(() => document.querySelector('meta[name="zs-route-chunks-dashboard"]')?.getAttribute('content') ?? '')).split(' ').filter(Boolean);
    expect(listed.length).toBeGreaterThan(3);
    const preloaded = await page.locator('link[rel="modulepreload"]').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(preloaded).toEqual(expect.arrayContaining(listed));
    const loaded = scripts.map((e) => new URL(e.request.url()).pathname.slice(1));
    expect(loaded).toEqual(expect.arrayContaining(listed));

    // main and the route's chunks start with V8's compile hint (tools/scripts/route-preload.mjs): compiled
    // while they stream in, off the main thread; the service worker's manifest has their hashes as
    // served (service-worker.spec installs them)
    for (const file of ['main', ...listed]) {
      const url = file === 'main' ? (scripts.find((e) => /\/main-[^/]+\.js$/.test(path(e.request)))?.request.url() ?? '') : `/${file}`;
      const body = await page.evaluate(async (u) => (await fetch(u)).text(), url);
      expect(body.startsWith('//# allFunctionsCalledOnLoad\n'), file).toBe(true);
    }

    // the early script of index.html (public/first-load.js) linked them before main.js had run
    expect(scripts.some((e) => path(e.request) === '/first-load.js')).toBe(true);
    // every script: brotli from the files written after the build, cached for a year by its hashed
    // name; the early script has no hash in its name, so it is asked again each time (no-cache)
    for (const script of scripts) {
      const headers = await script.request.response().then((r) => r?.allHeaders());
      expect(headers?.['content-encoding'], path(script.request)).toBe('br');
      expect(headers?.['cache-control'], path(script.request)).toBe(path(script.request) === '/first-load.js' ? 'no-cache' : 'public, max-age=31536000, immutable');
    }
    await keepScreenshot(page, `first-load-dashboard-${viewport.name}`, { fullPage: false });

    // the next start, the same day at the same address: index.html's early script may send the data requests
    // the app made this time (written down in localStorage) — here, without the service worker, it is asked
    // again over the 300 ms line while main.js comes from the cache, so it may run before the app or after
    // it: either way each request is sent once (service-worker.spec checks the early script's own sending)
    const before = events.length;
    const figures = await page.getByTestId('dashboard-kpis').innerText();
    await page.reload();
    await page.waitForLoadState('networkidle');
    const again = events.slice(before).filter((e) => e.kind === 'request' && FIRST_DATA.test(path(e.request)));
    expect(again.map((e) => path(e.request)).sort()).toEqual([...urls].sort());
    // … and the page shows what they answered: the same figures, no error
    await expect.poll(() => page.getByTestId('dashboard-kpis').innerText()).toBe(figures);
    await expect(page.getByTestId('dashboard-error')).toHaveCount(0);
    await context.close();
  }
  // the leader's token still works for the API (nothing above signed out)
  expect(await apiToken(request, LEADER.username, LEADER.password)).toBeTruthy();
});
