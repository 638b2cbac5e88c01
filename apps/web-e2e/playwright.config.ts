import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT } from './src/support/constants';

/**
 * Two workers, each with its own API and embedded PostgreSQL (src/support/test.ts gives the worker of
 * parallel index i the server on E2E_PORT + i). One worker left ~28 % of the two cores idle — the suite
 * waits on the browser, the API and the database in turn. E2E_WORKERS=1 runs everything on one server.
 */
const WORKERS = Math.max(1, Number(process.env['E2E_WORKERS'] ?? 2));

/**
 * The built web app and API, started on a fresh embedded PostgreSQL, driven in Debian's Chromium
 * (Playwright cannot download its own browser here).
 */
export default defineConfig({
  testDir: './src',
  outputDir: '../../dist/e2e/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['html', { outputFolder: '../../dist/e2e/report', open: 'never' }]],
  use: {
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // a failed test keeps its trace (DOM snapshots, network, console) and its screenshot, but the trace
    // records no screencast: with it, Chromium 156 (Debian) encoded frames for every test, pass or fail —
    // 3 specs 2.5 → 2.0 min, CPU 83 → 54 s (the whole suite had gone from 7.2 to 14 min)
    trace: { mode: 'retain-on-failure', screenshots: false },
    // the web app's service worker (apps/web/ngsw-config.json) would serve pages and files from its own
    // cache, out of Playwright's sight (routes, request events) and across a spec's steps; one spec,
    // service-worker.spec.ts, lets it run and checks what it does
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } },
  ],
  webServer: Array.from({ length: WORKERS }, (_, index) => ({
    command: 'node apps/web-e2e/src/support/server.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT + index}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
    // the test clock: a spec may move "today" per request with X-Test-Today (issue 14's overdue walk)
    env: { ZS_TEST_CLOCK: '1', E2E_PORT: String(E2E_PORT + index) },
  })),
});
