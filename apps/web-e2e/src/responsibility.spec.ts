import { expect, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, createUser, dialogSettled, fillDate, keepScreenshot, signIn } from './support/app';

/**
 * Issue 14 item 1 (DOMAIN.md §9): the admin keeps the lists of 包联领导 and 责任单位; a district user
 * gives a project its 包联领导, 责任单位 and 旗县联系人 from them, and finds it under 我的项目. Its
 * region, 库伦旗, is one no other spec uses (they share the server).
 */
const KULUN = { code: '150524', name: '库伦旗' };
const STAFF = { username: 'kulunlianxi', displayName: '库伦 乌兰', password: 'Lianxi#2026e2e', role: 'DISTRICT_STAFF', regionCode: KULUN.code };
const LEADER = { name: '副旗长 其木格', portfolio: '招商引资、工业经济' };
const UNIT = '库伦旗发展和改革委员会';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await createUser(request, STAFF);
});

test('the admin adds a district leader and a unit to the lists', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/admin/responsibility');
  await expect(page.getByRole('heading', { name: '包联领导与责任单位' })).toBeVisible();

  await byTestId(page, 'list-entry-create').click();
  await dialogSettled(page);
  await byTestId(page, 'list-entry-name').fill(LEADER.name);
  await byTestId(page, 'list-entry-level').getByText('旗县区级').click();
  await choose(page, 'list-entry-region', KULUN.name);
  await byTestId(page, 'list-entry-portfolio').fill(LEADER.portfolio);
  await keepScreenshot(page, 'responsibility-dialog-desktop', { fullPage: false });
  await byTestId(page, 'list-entry-form-submit').click();
  await expect(byTestId(page, 'list-entry-row').filter({ hasText: LEADER.name })).toContainText(LEADER.portfolio);
  await expect(byTestId(page, 'list-entry-row').filter({ hasText: LEADER.name })).toContainText(`旗县区级 · ${KULUN.name}`);

  await page.getByRole('tab', { name: '责任单位' }).click();
  await expect(page).toHaveURL(/tab=unit/);
  await byTestId(page, 'list-entry-create').click();
  await dialogSettled(page);
  await byTestId(page, 'list-entry-name').fill(UNIT);
  await byTestId(page, 'list-entry-level').getByText('旗县区级').click();
  // a district entry without its district is refused at the field, before anything is sent
  await byTestId(page, 'list-entry-form-submit').click();
  await expect(page.getByText('旗县区级须选择所属旗县区')).toBeVisible();
  await choose(page, 'list-entry-region', KULUN.name);
  await byTestId(page, 'list-entry-form-submit').click();
  await expect(byTestId(page, 'list-entry-row').filter({ hasText: UNIT })).toBeVisible();
  await keepScreenshot(page, 'responsibility-units-desktop');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.getByRole('tab', { name: '包联领导' }).click();
  await keepScreenshot(page, 'responsibility-leaders-phone');
});

test('a district user gives a project its 包联领导, 责任单位 and 旗县联系人 and finds it under 我的项目', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(STAFF.displayName);
  await page.goto('/projects/new');
  await byTestId(page, 'project-form-name').fill('库伦旗 荞麦精深加工项目');
  await choose(page, 'project-form-industryCode', '玉米生物');
  await byTestId(page, 'project-form-investorName').fill('库伦旗某某食品有限公司');
  await choose(page, 'project-form-investorOrigin', '区外');
  await byTestId(page, 'project-form-contractAmountWan').fill('8000');
  await choose(page, 'project-form-stage', '已签约');
  await fillDate(page, 'project-form-signedAt', '2025-06-18');
  await choose(page, 'project-form-leadOfficial', LEADER.name);
  await choose(page, 'project-form-leadDepartment', UNIT);
  await choose(page, 'project-form-districtContact', STAFF.displayName);
  await keepScreenshot(page, 'project-form-responsibility-desktop');
  await byTestId(page, 'project-form-submit').click();
  await expect(byTestId(page, 'project-detail-title')).toContainText('荞麦精深加工');
  await expect(page.getByText(LEADER.name)).toBeVisible();
  await expect(page.getByText(UNIT)).toBeVisible();

  // 我联系的项目 on the 工作台: the project, as its 旗县联系人 sees it
  await page.goto('/');
  await expect(byTestId(page, 'my-projects')).toContainText('库伦旗 荞麦精深加工项目');
  await expect(byTestId(page, 'my-projects-summary')).toContainText('共 1 个');
  await keepScreenshot(page, 'workbench-my-projects-desktop');

  // 我的项目: the API's view of this account's projects as 旗县联系人
  const token = await apiToken(request, STAFF.username, STAFF.password);
  const mine = await request.get('/api/v1/projects/search?mine=true', { headers: { authorization: `Bearer ${token}` } });
  expect(((await mine.json()) as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(['库伦旗 荞麦精深加工项目']);
});
