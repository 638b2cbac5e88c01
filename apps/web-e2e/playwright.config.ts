import { defineConfig, devices } from '@playwright/test';
import { E2E_PORT } from './src/support/constants';

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
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list'], ['html', { outputFolder: '../../dist/e2e/report', open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
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
  webServer: {
    command: 'node apps/web-e2e/src/support/server.mjs',
    cwd: '../..',
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    // the test clock: a spec may move "today" per request with X-Test-Today (issue 14's overdue walk)
    env: { ZS_TEST_CLOCK: '1' },
  },
});
