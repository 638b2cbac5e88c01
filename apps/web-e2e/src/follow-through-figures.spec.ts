import { type APIRequestContext, expect, type Locator, type Page, test } from './support/test';
import { join } from 'node:path';
import type { FollowThroughSummary } from '@zhaoshang/shared/domain';
import { ADMIN_PASSWORD, apiToken, byTestId, keepScreenshot, signIn } from './support/app';
import { SCREENSHOT_DIR } from './support/constants';

/**
 * Issue 14 items 2 and 4: a project with overdue problems (raised through the API with past dates)
 * gets the ISSUE warning in the warnings list; the 驾驶舱's 跟踪落实 card and the 月调度表's columns
 * show the problems open and overdue of its district. Other specs share the server and may raise
 * problems in the same district: the figures are compared with the API's, and at least ours.
 */

const shanghaiToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
function daysAgo(n: number): string {
  const today = shanghaiToday();
  return new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
}
/** the last month that is over: the dashboard's and the 月调度表's default */
function lastMonth(): string {
  const today = shanghaiToday();
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const STAMP = Date.now().toString(36);
const PROJECT = { name: `霍林郭勒 跟踪落实 电解铝配套项目${STAMP}`, regionCode: '150581' };
const REGION = '150581';

test.describe.configure({ mode: 'serial' });

let token = '';
let projectId = '';

async function summary(request: APIRequestContext, from: string, to: string): Promise<FollowThroughSummary> {
  const response = await request.get(`/api/v1/follow-through/summary?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as FollowThroughSummary;
}

test.beforeAll(async ({ request }) => {
  token = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const headers = { authorization: `Bearer ${token}` };
  const project = await request.post('/api/v1/projects', {
    headers,
    data: { ...PROJECT, industryCode: 'NM', investorName: `${PROJECT.name}投资方`, investorOrigin: 'OUT_OF_REGION', contractAmountWan: '52000', stage: 'SIGNED', signedAt: daysAgo(200) },
  });
  expect(project.status()).toBe(201);
  projectId = ((await project.json()) as { id: string }).id;
  const unit = await request.post('/api/v1/units', { headers, data: { name: `霍林郭勒市发改委${STAMP}`, level: 'DISTRICT', regionCode: REGION } });
  expect(unit.status()).toBe(201);
  const unitId = ((await unit.json()) as { id: string }).id;
  const raise = async (category: string, raisedAt: string, dueAt: string) => {
    const response = await request.post('/api/v1/project-issues', { headers, data: { projectId, category, description: `${category} 问题（测试）`, unitId, raisedAt, dueAt } });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; version: number };
  };
  // two overdue (the first well past 15 days: red), one resolved
  await raise('LAND', daysAgo(120), daysAgo(90));
  await raise('FINANCING', daysAgo(100), daysAgo(70));
  const resolved = await raise('UTILITIES', daysAgo(110), daysAgo(95));
  const closed = await request.post(`/api/v1/project-issues/${resolved.id}/status`, { headers, data: { status: 'RESOLVED', note: '已通电', at: daysAgo(96), version: resolved.version } });
  expect(closed.status()).toBe(200);
});

/** A close picture of one block (the full page is kept too): the card or the table at its own size. */
async function keepBlock(block: Locator, name: string): Promise<void> {
  await block.page().waitForLoadState('networkidle');
  await block.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled' });
}

async function asPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.waitForTimeout(300);
}

test('the warnings list shows the ISSUE warning of the project with overdue problems', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto(`/warnings?regionCode=${REGION}&rule=ISSUE`);
  const row = byTestId(page, 'warning-row').filter({ hasText: PROJECT.name });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-rule', 'ISSUE');
  await expect(row).toHaveAttribute('data-level', 'RED');
  await expect(row).toContainText('2个问题超期未解决，最长超期90天（用地）');
  await expect(byTestId(page, 'warning-rule-counts')).toContainText('问题超期未解决');
  await keepScreenshot(page, 'follow-through-warnings-desktop');
  await asPhone(page);
  await expect(row).toBeVisible();
  await keepScreenshot(page, 'follow-through-warnings-phone');

  // the thresholds of the rule are settings, with the others
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/admin/warning-settings');
  await expect(page.locator('body')).toContainText('超过办理时限后转红色');
  await keepScreenshot(page, 'follow-through-warning-settings-desktop');
});

test('the dashboard’s 跟踪落实 card counts the district’s problems and links to the overdue ones', async ({ page, request }) => {
  const to = lastMonth();
  const from = `${to.slice(0, 4)}-01`;
  const expected = await summary(request, from, to);
  const mine = expected.rows.find((r) => r.regionCode === REGION);
  expect(mine?.problems.open).toBeGreaterThanOrEqual(2);
  expect(mine?.problems.overdue).toBeGreaterThanOrEqual(2);

  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto(`/dashboard?from=${from}&to=${to}&region=${REGION}`);
  const card = byTestId(page, 'panel-follow-through');
  await expect(card.getByTestId('ft-problems-open')).toContainText(String(mine?.problems.open));
  await expect(card.getByTestId('ft-problems-overdue')).toContainText(String(mine?.problems.overdue));
  await expect(card.getByTestId('ft-problems-overdue')).toHaveAttribute('href', `/problems?overdue=true&regionCode=${REGION}`);
  await expect(card.getByTestId('ft-notices-link')).toHaveAttribute('href', `/notices?overdue=true&regionCode=${REGION}`);
  await expect(card.getByTestId('ft-notice-row')).toHaveCount(4);
  await expect(card).toContainText('提醒单');
  await expect(card).toContainText('移交函');
  await keepScreenshot(page, 'follow-through-dashboard-desktop');
  await keepBlock(card, 'follow-through-card-desktop');
  // on paper (A4, as 打印 does it) the card closes the second page
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(card).toBeVisible();
  await page.waitForTimeout(800);
  await keepScreenshot(page, 'follow-through-dashboard-print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await asPhone(page);
  await expect(card.getByTestId('ft-problems-overdue')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'follow-through-dashboard-phone');
  await keepBlock(card, 'follow-through-card-phone');
});

test('the 月调度表 shows the problems and notices per district', async ({ page, request }) => {
  const to = lastMonth();
  const expected = await summary(request, `${to.slice(0, 4)}-01`, to);
  const mine = expected.rows.find((r) => r.regionCode === REGION);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/targets');
  await byTestId(page, 'targets-view-progress').click();
  const row = page.locator(`[data-testid="dispatch-row"][data-region="${REGION}"]`);
  await expect(row.getByTestId('dispatch-problems-open')).toHaveText(String(mine?.problems.open));
  await expect(row.getByTestId('dispatch-problems-overdue')).toHaveText(String(mine?.problems.overdue));
  await expect(row.getByTestId('dispatch-problems-overdue')).toHaveClass(/overdue/);
  await expect(byTestId(page, 'dispatch-figures')).toContainText('跟踪落实（截至');
  const city = page.locator('[data-testid="dispatch-row"].total');
  await expect(city.getByTestId('dispatch-problems-open')).toHaveText(String(expected.total.problems.open));
  // the 跟踪落实 columns are the table's last: scrolled into sight
  const scrollToEnd = () => page.locator('[data-testid="dispatch-table"] .ant-table-body, [data-testid="dispatch-table"] .ant-table-content').first().evaluate((el) => (el.scrollLeft = el.scrollWidth));
  await scrollToEnd();
  await keepScreenshot(page, 'follow-through-dispatch-desktop');
  await keepBlock(byTestId(page, 'dispatch-figures'), 'follow-through-dispatch-table-desktop');
  await asPhone(page);
  await scrollToEnd();
  await keepScreenshot(page, 'follow-through-dispatch-phone');
  await keepBlock(byTestId(page, 'dispatch-figures'), 'follow-through-dispatch-table-phone');
});
