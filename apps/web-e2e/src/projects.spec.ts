import { expect, test } from './support/test';
import { byTestId, choose, createUser, fillDate, keepScreenshot, signIn } from './support/app';

const NAIMAN = { username: 'naiman01', displayName: '奈曼 黄磊', password: 'Naiman#2026', role: 'DISTRICT_STAFF', regionCode: '150525' };
const PROJECT = { name: '奈曼旗 200MW 光伏治沙项目', investor: '内蒙古绿源新能源有限公司', uscc: '91440300708461136T', amount: '125000.50', signedAt: '2025-05-18' }; // after April 2025, which imports.spec closes: a signing in it would be a late registration (a correction)

test.describe.configure({ mode: 'serial' });

let projectUrl = '';

test.beforeAll(async ({ request }) => {
  await createUser(request, NAIMAN);
});

async function fillNewProject(page: import('./support/test').Page, name: string): Promise<void> {
  await page.goto('/projects/new');
  await byTestId(page, 'project-form-name').fill(name);
  await choose(page, 'project-form-industryCode', '新能源');
  await byTestId(page, 'project-form-investorName').fill(PROJECT.investor);
  await byTestId(page, 'project-form-investorUscc').fill(PROJECT.uscc);
  await choose(page, 'project-form-investorOrigin', '区外');
  await byTestId(page, 'project-form-contractAmountWan').fill(PROJECT.amount);
  await choose(page, 'project-form-stage', '已签约');
  await fillDate(page, 'project-form-signedAt', PROJECT.signedAt);
}

test('a district user creates a project, is warned of a look-alike, moves it to 开工在建 and reads its history', async ({ page }) => {
  await signIn(page, NAIMAN.username, NAIMAN.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(NAIMAN.displayName);

  await fillNewProject(page, PROJECT.name);
  await expect(byTestId(page, 'project-form-regionCode')).toContainText('奈曼旗');
  await keepScreenshot(page, 'project-form-desktop');
  await byTestId(page, 'project-form-submit').click();
  await expect(byTestId(page, 'project-detail-title')).toContainText(PROJECT.name);
  await expect(byTestId(page, 'project-detail-no')).toContainText(/150525-2025-\d{4}/);
  projectUrl = new URL(page.url()).pathname;

  // the same name in the same region again: the system shows the existing project first
  await fillNewProject(page, PROJECT.name);
  await byTestId(page, 'project-form-submit').click();
  await expect(byTestId(page, 'look-alike-dialog')).toBeVisible();
  await expect(byTestId(page, 'look-alike-row').first()).toContainText(PROJECT.name);
  await keepScreenshot(page, 'look-alike-desktop', { fullPage: false });
  await byTestId(page, 'look-alike-cancel').click();
  await expect(byTestId(page, 'look-alike-dialog')).toBeHidden();

  await page.goto(projectUrl);
  await byTestId(page, 'project-change-stage').click();
  await choose(page, 'stage-dialog-target', '开工在建');
  await fillDate(page, 'stage-dialog-date', '2025-09-01');
  await keepScreenshot(page, 'stage-dialog-desktop', { fullPage: false });
  await byTestId(page, 'stage-dialog-submit').click();
  await expect(byTestId(page, 'project-stage-tag')).toContainText('开工在建');
  await expect(byTestId(page, 'project-timeline')).toContainText('2025-09-01');
  await expect(byTestId(page, 'project-history')).toContainText('开工在建');
  await expect(byTestId(page, 'project-history')).toContainText(NAIMAN.displayName);
  await keepScreenshot(page, 'project-detail-desktop');
});

test('a second session editing the same project gets the 409 message and reloads', async ({ browser }) => {
  const sessions = await Promise.all([browser.newContext(), browser.newContext()]);
  const [first, second] = await Promise.all(sessions.map((c) => c.newPage()));
  for (const page of [first, second]) {
    await signIn(page, NAIMAN.username, NAIMAN.password);
    await expect(byTestId(page, 'current-user-name')).toBeVisible();
    await page.goto(`${projectUrl}/edit`);
    await expect(byTestId(page, 'project-form-name')).toHaveValue(PROJECT.name);
  }
  await byTestId(first, 'project-form-notes').fill('第一位同事的备注');
  await byTestId(first, 'project-form-submit').click();
  await expect(byTestId(first, 'project-detail-title')).toBeVisible();

  await byTestId(second, 'project-form-notes').fill('第二位同事的备注');
  await byTestId(second, 'project-form-submit').click();
  await expect(byTestId(second, 'project-form-conflict')).toContainText('已被他人修改');
  await keepScreenshot(second, 'project-conflict-desktop');
  await byTestId(second, 'version-conflict-reload').click();
  await expect(byTestId(second, 'project-form-notes')).toHaveValue('第一位同事的备注');
  await Promise.all(sessions.map((c) => c.close()));
});

test('the list keeps its filters in the address and shows totals, on desktop and phone', async ({ page, browser }) => {
  await signIn(page, NAIMAN.username, NAIMAN.password);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  // other specs add projects in 奈曼旗 to the same server: the text search keeps this one's view its own
  await page.goto(`/projects?regionCode=150525&q=${encodeURIComponent('光伏治沙')}&sort=signedAt&order=desc`);
  await expect(byTestId(page, 'project-totals')).toContainText('共 1 个项目，签约额 12.50 亿元');
  await expect(byTestId(page, 'project-row').first()).toContainText(PROJECT.name);
  await keepScreenshot(page, 'project-list-desktop');

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const mobile = await phone.newPage();
  await signIn(mobile, NAIMAN.username, NAIMAN.password);
  await expect(byTestId(mobile, 'current-user-name')).toBeVisible();
  await mobile.goto('/projects?regionCode=150525');
  await expect(byTestId(mobile, 'project-totals')).toBeVisible();
  await keepScreenshot(mobile, 'project-list-phone');
  await mobile.goto(projectUrl);
  await expect(byTestId(mobile, 'project-detail-title')).toBeVisible();
  await keepScreenshot(mobile, 'project-detail-phone');
  await mobile.goto('/projects/new');
  await expect(byTestId(mobile, 'project-form-name')).toBeVisible();
  await keepScreenshot(mobile, 'project-form-phone');
  await phone.close();
});

test('a district user’s list opens on their own region; the filter can be cleared', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, NAIMAN.username, NAIMAN.password);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/projects');
  await expect(page).toHaveURL(/\/projects\?regionCode=150525$/);
  await expect(byTestId(page, 'project-filter-regionCode')).toContainText('奈曼旗');
  await expect(byTestId(page, 'project-row').first()).toBeVisible();
  await expect(byTestId(page, 'project-row').first()).toContainText(PROJECT.name);
  // 预警 says what, not a bare dot; the region, industry and investor fit or show all in a tooltip
  await expect(byTestId(page, 'project-row').first().locator('td').nth(4)).toContainText(PROJECT.investor);
  await keepScreenshot(page, 'project-list-district-desktop', { fullPage: false });

  await byTestId(page, 'project-filter-reset').click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(byTestId(page, 'project-filter-regionCode')).not.toContainText('奈曼旗');
});

test('column settings hide a column of the list, and it stays hidden after a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, NAIMAN.username, NAIMAN.password);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/projects?regionCode=150525');
  await expect(byTestId(page, 'col-investor')).toBeVisible();
  await byTestId(page, 'column-settings').click();
  await byTestId(page, 'column-settings-investor').click();
  await expect(byTestId(page, 'col-investor')).toHaveCount(0);
  await expect(byTestId(page, 'column-settings')).toContainText('9/11');
  await keepScreenshot(page, 'project-list-column-settings-desktop', { fullPage: false });

  await page.reload();
  await expect(byTestId(page, 'project-row').first()).toBeVisible();
  await expect(byTestId(page, 'col-investor')).toHaveCount(0);
  await expect(byTestId(page, 'col-industry')).toBeVisible();

  await byTestId(page, 'column-settings').click();
  await byTestId(page, 'column-settings-reset').click();
  await expect(byTestId(page, 'col-investor')).toBeVisible();

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(byTestId(page, 'project-row').first()).toBeVisible();
  await keepScreenshot(page, 'project-list-district-phone', { fullPage: false });
});
