import { expect, test } from './support/test';
import { createUser } from './support/app';

/**
 * The web app's service worker (issue 13: a returning leader on a slow line starts without asking for
 * index.html first). The other specs block it (playwright.config.ts); here it runs as in a browser: the
 * first visit installs it, the next one is served from its cache — the page, its scripts — while the
 * data still comes from the API, fresh.
 */
const LEADER = { username: 'leader-sw', displayName: '市领导 钱伟', password: 'Leader#Sw2026', role: 'LEADER' };

test('a returning leader’s 驾驶舱 comes from the service worker’s cache, its figures from the API', async ({ browser, request }) => {
  await createUser(request, LEADER);
  const login = await request.post('/api/v1/auth/login', { data: { username: LEADER.username, password: LEADER.password } });
  expect(login.status()).toBe(200);
  const session = JSON.stringify(await login.json());
  const context = await browser.newContext({ serviceWorkers: 'allow', viewport: { width: 375, height: 812 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((stored) => {
    if (!localStorage.getItem('zs.session')) localStorage.setItem('zs.session', stored);
  }, session);
  const page = await context.newPage();
  // what the hidden frame of the code-cache warm-up (apps/web/src/app/code-cache.ts) asked for, and from where
  const frameAnswers: string[] = [];
  page.on('response', (response) => {
    if (response.frame().name() === 'zs-code-cache') frameAnswers.push(`${new URL(response.url()).pathname.slice(1)} ${response.fromServiceWorker() ? 'worker' : 'network'}`);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  // first visit: from the network; the worker is registered once the app is stable, and installs
  const first = await page.goto('/dashboard');
  expect(first?.fromServiceWorker()).toBe(false);
  await expect(page.locator('[data-testid="chart-trend"] canvas')).toBeVisible();
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.active) throw new Error('没有激活的 service worker');
  });

  // the install keeps, with the app, every chunk the 驾驶舱 route needs (route-preload.mjs moves them
  // into the install-at-once group): the next visit finds them in the worker's cache instead of the
  // worker fetching, hashing and storing them while the leader waits
  const routeChunks = await page.evaluate(() => window.document.querySelector('meta[name="zs-route-chunks-dashboard"]')?.getAttribute('content')?.split(/\s+/).filter(Boolean) ?? []);
  expect(routeChunks.length).toBeGreaterThan(0);
  await expect
    .poll(
      () =>
        page.evaluate(async (files) => {
          const name = (await caches.keys()).find((n) => n.endsWith(':assets:app:cache'));
          if (!name) return files;
          const cached = new Set((await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname.slice(1)));
          return files.filter((file: string) => !cached.has(file));
        }, routeChunks),
      { timeout: 30_000 },
    )
    .toEqual([]);

  // then, once, the first visit runs the page's scripts again from the worker's cache in a hidden frame, so
  // that the browser keeps their compiled code for the next visit: main and the route's chunks, all from
  // the worker; the app does not start in the frame (nothing asked of the API), and the frame is removed
  const main = await page.evaluate(() => window.document.querySelector('script[type="module"][src]')?.getAttribute('src'));
  expect(main).toMatch(/^main-\w+\.js$/);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('zs.codeCache')), { timeout: 60_000 }).toBe(main);
  await expect(page.locator('iframe')).toHaveCount(0);
  for (const file of [main, ...routeChunks]) expect(frameAnswers).toContain(`${file} worker`);
  expect(frameAnswers.filter((answer) => !answer.endsWith(' worker') || answer.startsWith('api/'))).toEqual([]);
  expect(pageErrors).toEqual([]);

  // the next visit: the page and its scripts from the worker, the figures asked of the API
  const indicators = page.waitForResponse((r) => r.url().includes('/api/v1/indicators?') && r.url().includes('groupBy=month'));
  const chunk = page.waitForResponse((r) => r.url().endsWith(`/${routeChunks[0]}`));
  const second = await page.goto('/dashboard');
  expect(second?.fromServiceWorker()).toBe(true);
  const answer = await indicators;
  expect((await chunk).fromServiceWorker()).toBe(true);
  expect(answer.status()).toBe(200);
  expect(answer.fromServiceWorker()).toBe(false);
  await expect(page.locator('[data-testid="chart-trend"] canvas')).toBeVisible();
  await expect(page.locator('[data-testid="kpi-arrived"] [data-testid="kpi-value"]')).toHaveText(/\d/);
  // the 驾驶舱's first data requests were sent by index.html's early script (public/first-load.js, from the
  // worker's cache at once), as the app had made them on the first visit, and the app took their answers:
  // each asked once, and by fetch (the app's own requests are XHR)
  await page.waitForLoadState('networkidle');
  const sentBy = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\/api\/v1\/(indicators|warnings\/counts)\?/.test(entry.name))
      .map((entry) => {
        const params = new URL(entry.name).searchParams;
        return `${(entry as PerformanceResourceTiming).initiatorType} ${[params.get('groupBy') ?? 'warnings', params.get('alsoGroupBy')].filter(Boolean).join('+')}`;
      })
      .sort(),
  );
  // by district and by industry in one request (the city's scope)
  expect(sentBy).toEqual(['fetch month', 'fetch region+industry', 'fetch warnings']);
  // the API's own addresses are never answered with the app's page (navigationUrls leave /api/ out)
  const document = await page.goto('/api/openapi.json');
  expect(document?.headers()['content-type']).toContain('application/json');
  const docs = await page.goto('/api/docs');
  expect(await docs?.text()).toContain('swagger');
  expect(await docs?.text()).not.toContain('<zs-root>');
  await context.close();
});
