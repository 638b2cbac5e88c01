import { expect, type Page, type Response, test } from './support/test';
import { ADMIN_PASSWORD, byTestId, keepScreenshot, signIn } from './support/app';

/**
 * Issue 12: the Content-Security-Policy (SECURITY_HEADERS in apps/api/src/bootstrap/create-app.ts)
 * is on every answer, and the web app and Swagger UI work under it in Chromium: each main page and
 * /api/docs is opened and any violation — a `securitypolicyviolation` event or Chromium's console
 * message about it — fails the test.
 */

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  page: string;
}

/** The shell's pages as the admin sees them (NAV_ENTRIES in libs/web/shell/feature/src/lib/nav.ts), and a form. */
const PAGES: readonly [string, string][] = [
  ['工作台', '/'],
  ['驾驶舱', '/dashboard'],
  ['项目管理', '/projects'],
  ['新建项目', '/projects/new'],
  ['月报填报', '/reports/entry'],
  ['月报核实', '/reports/verify'],
  ['数据导入', '/imports'],
  ['固定资产投资', '/reports/fai'],
  ['目标任务', '/targets'],
  ['数据修订', '/reports/revisions'],
  ['更正记录', '/corrections'],
  ['项目预警', '/warnings'],
  ['操作日志', '/admin/audit'],
  ['月结管理', '/reports/months'],
  ['用户管理', '/admin/users'],
  ['API 密钥', '/admin/api-keys'],
  ['产业类别', '/admin/industries'],
  ['预警设置', '/admin/warning-settings'],
];

test.describe.configure({ mode: 'serial' });

/** Collects every CSP violation of the page, from the DOM event and from the console alike. */
async function watchViolations(page: Page): Promise<Violation[]> {
  const violations: Violation[] = [];
  await page.exposeFunction('__cspViolation', (v: Omit<Violation, 'page'>) => violations.push({ ...v, page: page.url() }));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (v: Omit<Violation, 'page'>) => void }).__cspViolation;
      report({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) {
      violations.push({ directive: 'console', blocked: '', sample: message.text().slice(0, 300), page: page.url() });
    }
  });
  return violations;
}

function expectCsp(response: Response | null): void {
  expect(response?.status()).toBe(200);
  const csp = response?.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
    expect(csp).toContain(directive);
  }
  // no way around the script rule
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
}

/** The global stylesheet applies from the first paint: no media="print" trick waiting for an inline onload handler. */
async function expectStylesApplied(page: Page): Promise<void> {
  const styles = await page.evaluate(() => ({
    sheets: Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).map((l) => ({ media: l.media, onload: l.getAttribute('onload') })),
    bodyMargin: getComputedStyle(document.body).margin,
    inlineHandlers: document.querySelectorAll('[onload],[onclick],[onerror]').length,
  }));
  expect(styles.sheets.length).toBeGreaterThan(0);
  for (const sheet of styles.sheets) expect(sheet).toEqual({ media: expect.not.stringMatching(/print/), onload: null });
  // ng-zorro's reset (in styles.css) takes the browser's 8px margin away
  expect(styles.bodyMargin).toBe('0px');
  expect(styles.inlineHandlers).toBe(0);
}

test('the web app’s pages work under the Content-Security-Policy, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);

  const login = await page.goto('/login');
  expectCsp(login);
  expect(login?.headers()['x-content-type-options']).toBe('nosniff');
  await expect(byTestId(page, 'login-submit')).toBeVisible();
  expect(violations, 'login page').toEqual([]);
  await expectStylesApplied(page);
  // the first paint as people see it, now that the stylesheet is no longer loaded by an inline onload handler
  await keepScreenshot(page, 'csp-login-desktop');

  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toContainText('系统管理员');

  for (const [label, path] of PAGES) {
    await test.step(label, async () => {
      const response = await page.goto(path);
      expectCsp(response);
      await expect(byTestId(page, 'nav')).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`${path === '/' ? '/$' : path}`));
      await page.waitForLoadState('networkidle');
      expect(violations, `${label} (${path})`).toEqual([]);
      await expectStylesApplied(page);
    });
  }

  // inside the app, as a user moves: the menu's links (no reload) to the dashboard's charts and back
  await page.goto('/');
  await byTestId(page, 'nav').getByText('驾驶舱').click();
  await expect(page).toHaveURL(/\/dashboard/);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('canvas').first()).toBeVisible();
  await keepScreenshot(page, 'csp-dashboard-desktop');
  // 月调度表: a download made in the page (fetch, then a blob: link)
  const download = page.waitForEvent('download');
  await byTestId(page, 'dashboard-dispatch').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  expect(violations).toEqual([]);
});

test('Swagger UI (/api/docs) works under the Content-Security-Policy, with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto('/api/docs');
  expectCsp(response);
  await expect(page.locator('.swagger-ui .info .title')).toContainText('招商项目全流程跟踪 API');
  // an operation opens (Swagger UI's own scripts at work)
  await page.locator('.opblock-summary').first().click();
  await expect(page.locator('.opblock-body').first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations).toEqual([]);
});

test('every answer carries the policy: an API error and the OpenAPI document included', async ({ request }) => {
  for (const path of ['/api/health', '/api/v1/projects', '/api/openapi.json', '/favicon.svg']) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expect(response.headers()['content-security-policy'], path).toContain("script-src 'self'");
  }
});
