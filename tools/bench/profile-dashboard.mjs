// A one-off helper for finding where the 驾驶舱's first load spends the main thread (issue 13): starts the
// built API + web app with the demo data (as first-load.mjs), visits /dashboard as a leader on a phone profile
// (4× CPU, no network throttling: only the CPU part), twice to warm the cache, then a third, traced visit; prints
// the main thread's time by kind (script compile/evaluate, style/layout, paint, …) up to the first chart and the
// longest tasks. Usage: node tools/bench/profile-dashboard.mjs (after npm run bench:load's builds).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { Scratch } from './scratch.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiDist = resolve(root, 'dist/apps/api/apps/api/src');
const webDir = resolve(root, 'dist/apps/web/browser');
const ADMIN_PASSWORD = 'Bench#2026-chief';
const LEADER = { username: 'bench-leader', displayName: '市领导 测速', password: 'Bench#Leader-2026', role: 'LEADER', regionCode: null };
const CPU = Number(process.env.PROFILE_CPU ?? 4);

async function api(baseUrl, path, { token, body } = {}) {
  const response = await fetch(`${baseUrl}${path}`, { method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: body ? JSON.stringify(body) : undefined });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

const scratch = new Scratch(apiDist);
scratch.cleanupOnSignals();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
try {
  const baseUrl = await scratch.startApi(await scratch.startDatabase(), ADMIN_PASSWORD, 'warn', [], { WEB_DIR: webDir, SEED_DEMO: 'true' });
  const admin = await api(baseUrl, '/api/v1/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } });
  await api(baseUrl, '/api/v1/users', { token: admin.accessToken, body: LEADER });
  const session = await api(baseUrl, '/api/v1/auth/login', { body: { username: LEADER.username, password: LEADER.password } });
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await context.addInitScript((stored) => { if (!localStorage.getItem('zs.session')) localStorage.setItem('zs.session', stored); }, JSON.stringify(session));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  const firstChart = () => page.waitForFunction(() => document.querySelector('zs-dashboard-page')?.getAttribute('data-first-chart-ms'), null, { timeout: 60_000 });
  for (let i = 0; i < Number(process.env.PROFILE_WARMUPS ?? 2); i++) {
    await page.goto('/dashboard');
    await firstChart();
    await page.waitForLoadState('networkidle');
    await page.goto('about:blank');
  }
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto('/dashboard');
  const marker = Number(await (await firstChart()).jsonValue());
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await done;
  const { profile } = await cdp.send('Profiler.stop');
  {
    // self time by function (and by script) over the whole traced visit
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map();
    const dt = profile.timeDeltas;
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i + 1] ?? 0) / 1000));
    const byFn = {};
    const byUrl = {};
    for (const [id, ms] of self) {
      const f = byId.get(id).callFrame;
      const file = f.url.replace(/^.*\//, '') || '(' + f.functionName + ')';
      const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}:${f.columnNumber}`;
      byFn[key] = (byFn[key] ?? 0) + ms;
      byUrl[file] = (byUrl[file] ?? 0) + ms;
    }
    console.log('self time by script:');
    for (const [k, v] of Object.entries(byUrl).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${String(Math.round(v)).padStart(6)} ms  ${k}`);
    console.log('self time by function:');
    for (const [k, v] of Object.entries(byFn).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(Math.round(v)).padStart(6)} ms  ${k}`);
  }
  const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationStartToFirstContentfulPaint' )?.ts ?? Math.min(...events.filter((e) => e.ph === 'X').map((e) => e.ts));
  const rendererPid = events.filter((e) => e.name === 'RunTask' && e.cat.includes('devtools.timeline')).reduce((acc, e) => { acc[e.pid] = (acc[e.pid] ?? 0) + (e.dur ?? 0); return acc; }, {});
  const pid = Number(Object.entries(rendererPid).sort((a, b) => b[1] - a[1])[0][0]);
  const end = nav + marker * 1000;
  const kinds = {};
  const tasks = [];
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.ts < nav || e.ts > end) continue;
    if (e.name === 'RunTask') tasks.push(e);
    if (['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'ParseHTML', 'EventDispatch', 'v8.produceModuleCache', 'v8.produceCache', 'V8.GCScavenger', 'MajorGC', 'MinorGC', 'XHRReadyStateChange', 'ResourceReceivedData', 'PrePaint', 'Layerize', 'Commit', 'ParseAuthorStyleSheet', 'v8.run'].includes(e.name)) {
      const key = e.name + (e.args?.data?.url ? ` ${e.args.data.url.replace(/^.*\//, '')}` : e.args?.fileName ? ` ${String(e.args.fileName).replace(/^.*\//, '')}` : '');
      kinds[key] = (kinds[key] ?? 0) + e.dur / 1000;
    }
  }
  console.log(`first chart (page marker) ${marker} ms at CPU ×${CPU}; main-thread tasks before it: ${tasks.length}, busy ${Math.round(tasks.reduce((a, t) => a + t.dur, 0) / 1000)} ms`);
  for (const [k, v] of Object.entries(kinds).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${String(Math.round(v)).padStart(6)} ms  ${k}`);
  console.log('longest tasks (start ms after navigation, duration ms):');
  for (const t of tasks.sort((a, b) => b.dur - a.dur).slice(0, 12)) console.log(`  ${Math.round((t.ts - nav) / 1000)}  ${Math.round(t.dur / 1000)}`);
} finally {
  await browser.close();
  await scratch.cleanup();
}
