import { type APIRequestContext, type Browser, expect, type Page, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, fillDate, keepScreenshot, signIn } from './support/app';

/**
 * Issue 11's walk-through (DOMAIN.md §5–§6): June 2024 is closed and published. A district user
 * re-dates the signing of a project signed in it → refused, with the reason; city staff do it with a
 * reason → accepted, listed on 更正记录; the 驾驶舱 of June 2024 then says 已修订, and 数据修订 shows
 * what changed since publication.
 */
const MONTH = '2024-06';
const NAIMAN = { username: 'naiman_cp', displayName: '奈曼 周敏', password: 'Naiman#2026cp', role: 'DISTRICT_STAFF', regionCode: '150525' };
const CITY = { username: 'city_cp', displayName: '市局 孙丽', password: 'City#2026cp', role: 'CITY_STAFF' };
const PROJECT_NAME = '奈曼旗 农光互补示范项目';

test.describe.configure({ mode: 'serial' });

let projectId = '';

async function api(request: APIRequestContext, token: string, method: 'get' | 'post' | 'put', path: string, data?: unknown) {
  const response = await request[method](`/api/v1${path}`, { headers: { authorization: `Bearer ${token}` }, data });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test.beforeAll(async ({ request }) => {
  await createUser(request, NAIMAN);
  await createUser(request, CITY);
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const project = await api(request, admin, 'post', '/projects', {
    name: PROJECT_NAME,
    regionCode: '150525',
    industryCode: 'NE',
    investorName: '内蒙古晨光农业科技有限公司',
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '36000.00',
    // in production since August 2024: it owes no report after November 2024 (the other files count 2025's)
    stage: 'IN_PRODUCTION',
    signedAt: `${MONTH}-12`,
    constructionStartedAt: '2024-07-10',
    productionStartedAt: '2024-08-01',
  });
  projectId = project.id;
  // June's report, verified, then June closed and published (revision 1)
  await api(request, admin, 'put', '/monthly-reports/drafts', {
    regionCode: '150525',
    month: MONTH,
    items: [{ projectId, version: null, arrivedEquityWan: '5000', arrivedLoanWan: null, arrivedOtherWan: null, completedInvestmentWan: '4200', progress: '场地平整' }],
  });
  const submitted = await api(request, admin, 'post', '/monthly-reports/submit', { regionCode: '150525', month: MONTH, projectIds: [projectId] });
  await api(request, admin, 'post', '/monthly-reports/verify', { items: submitted.items.map((r: { id: string; version: number }) => ({ id: r.id, version: r.version })) });
  const months: { month: string; version: number }[] = await api(request, admin, 'get', `/months?year=${MONTH.slice(0, 4)}`);
  await api(request, admin, 'post', `/months/${MONTH}/close`, { version: months.find((m) => m.month === MONTH)?.version ?? 0 });
});

// the other files' data are signed in other months; June stays open for them
test.afterAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const months: { month: string; version: number; closed: boolean }[] = await api(request, admin, 'get', `/months?year=${MONTH.slice(0, 4)}`);
  const june = months.find((m) => m.month === MONTH);
  if (june?.closed) await api(request, admin, 'post', `/months/${MONTH}/reopen`, { version: june.version, reason: '演练结束，重新打开' });
});

async function pageAs(browser: Browser, user: { username: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, user.username, user.password);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  return page;
}

test('a district user who re-dates a signing of a closed month is refused, with the month and the reason', async ({ browser }) => {
  const page = await pageAs(browser, NAIMAN);
  await page.goto(`/projects/${projectId}/edit`);
  await fillDate(page, 'project-form-signedAt', '2024-07-03');
  await byTestId(page, 'project-form-submit').click();
  const message = byTestId(page, 'project-form-period-closed-message');
  await expect(message).toContainText('2024年6月已月结');
  await expect(message).toContainText('签约日期');
  await expect(byTestId(page, 'project-form-correction-reason')).toHaveCount(0);
  await keepScreenshot(page, 'correction-district-refused');
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByText('2024-06-12').first()).toBeVisible();
  await page.context().close();
});

test('city staff make the same change as a correction with a reason; it is on 更正记录', async ({ browser }) => {
  const page = await pageAs(browser, CITY);
  await page.goto(`/projects/${projectId}/edit`);
  await fillDate(page, 'project-form-signedAt', '2024-07-03');
  await byTestId(page, 'project-form-submit').click();
  await expect(byTestId(page, 'project-form-period-closed-message')).toContainText('2024年6月已月结');
  const reason = byTestId(page, 'project-form-correction-reason');
  await expect(reason).toBeVisible();
  await reason.fill('合同原件显示签约日期为7月3日，6月系误填');
  await keepScreenshot(page, 'correction-city-reason');
  await byTestId(page, 'project-form-submit').click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}$`));

  await page.goto('/corrections');
  const row = page.locator('[data-testid="correction-row"]').filter({ hasText: PROJECT_NAME });
  await expect(row).toContainText('2024年6月');
  await expect(row).toContainText('签约日期：2024-06-12 → 2024-07-03');
  await expect(row).toContainText('合同原件显示签约日期为7月3日');
  await expect(row).toContainText('市局 孙丽');
  await keepScreenshot(page, 'corrections-page');
  await page.context().close();
});

test('the 驾驶舱 of June 2024 says 已修订, and 数据修订 shows what changed since it was published', async ({ browser }) => {
  const page = await pageAs(browser, NAIMAN);
  await page.goto(`/dashboard?from=${MONTH}&to=${MONTH}`);
  const badge = byTestId(page, 'publication-badge');
  await expect(badge).toContainText('已修订');
  await keepScreenshot(page, 'dashboard-revised', { fullPage: false });
  await badge.click();
  await expect(page).toHaveURL(/\/reports\/revisions\?month=2024-06/);
  await expect(byTestId(page, 'differences').or(page.locator('nz-table')).first()).toBeVisible();
  await expect(page.getByText('签约项目数').first()).toBeVisible();
  await expect(page.getByText('合同原件显示签约日期为7月3日').first()).toBeVisible();
  await keepScreenshot(page, 'revisions-page');
  await page.context().close();
});
