import { expect, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, dialogSettled, keepScreenshot, signIn, signOut } from './support/app';

const DISTRICT_USER = { username: 'kailu01', displayName: '开鲁 孙丽', password: 'Kailu#2026' };

test.describe.configure({ mode: 'serial' });

test('a wrong password is refused with a Chinese message on the login page', async ({ page }) => {
  await signIn(page, 'admin', 'not-the-password');
  await expect(byTestId(page, 'login-error')).toContainText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login/);
  await keepScreenshot(page, 'login-error-desktop');
});

test('the admin creates a district user, who signs in and sees the shell with their region', async ({ page }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toContainText('系统管理员');
  await expect(byTestId(page, 'home-role')).toContainText('管理员');
  await keepScreenshot(page, 'home-admin-desktop');

  await page.goto('/admin/users');
  await expect(byTestId(page, 'users-table')).toContainText('admin');
  await byTestId(page, 'user-create').click();
  await dialogSettled(page);
  await byTestId(page, 'user-form-username').fill(DISTRICT_USER.username);
  await byTestId(page, 'user-form-display-name').fill(DISTRICT_USER.displayName);
  await choose(page, 'user-form-role', '旗县招商人员');
  await choose(page, 'user-form-region', '开鲁县');
  await byTestId(page, 'user-form-password').fill(DISTRICT_USER.password);
  await keepScreenshot(page, 'user-form-desktop');
  await byTestId(page, 'user-form-submit').click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  const row = byTestId(page, 'user-row').filter({ hasText: DISTRICT_USER.username });
  await expect(row).toContainText('开鲁县');
  await expect(row).toContainText('旗县招商人员');
  await keepScreenshot(page, 'users-desktop');
  await signOut(page);

  await signIn(page, DISTRICT_USER.username, DISTRICT_USER.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(DISTRICT_USER.displayName);
  await expect(byTestId(page, 'home-region')).toContainText('开鲁县');
  await expect(byTestId(page, 'home-role')).toContainText('旗县招商人员');
  // the menu shows only what the role may use
  await expect(byTestId(page, 'nav')).not.toContainText('用户管理');
  await expect(byTestId(page, 'nav')).not.toContainText('系统管理');
  await keepScreenshot(page, 'home-district-desktop');

  // a page the role may not use is not reachable by its address either
  await page.goto('/admin/users');
  await expect(page).not.toHaveURL(/admin\/users/);
  await expect(byTestId(page, 'users-table')).toHaveCount(0);
});

test('a district user reads the shell on a phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto('/login');
  await keepScreenshot(page, 'login-phone');
  await signIn(page, DISTRICT_USER.username, DISTRICT_USER.password);
  await expect(byTestId(page, 'home-region')).toContainText('开鲁县');
  await keepScreenshot(page, 'home-district-phone');
  // the hidden menu's entries are made when it is first opened (not part of the first frame), then kept
  await expect(byTestId(page, 'nav').locator('li[nz-menu-item]')).toHaveCount(0);
  await byTestId(page, 'nav-toggle').click();
  await expect(byTestId(page, 'nav')).toBeVisible();
  await expect(byTestId(page, 'nav-/projects')).toBeVisible();
  await keepScreenshot(page, 'menu-phone');
  await byTestId(page, 'nav-/projects').click();
  await expect(page).toHaveURL(/\/projects\?regionCode=150523$/);
  await expect(byTestId(page, 'nav-toggle')).toHaveAttribute('aria-expanded', 'false');
  await expect(byTestId(page, 'nav-/projects')).toBeAttached();
  await context.close();
});

test('when the session ends on the server, the next step goes back to the login with a notice', async ({ page, request }) => {
  await signIn(page, DISTRICT_USER.username, DISTRICT_USER.password);
  await expect(byTestId(page, 'home-region')).toContainText('开鲁县');
  // the admin resets the password: the user's token stops being accepted
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const users = (await (await request.get('/api/v1/users', { headers: { authorization: `Bearer ${admin}` } })).json()) as { id: string; username: string; version: number }[];
  const user = users.find((u) => u.username === DISTRICT_USER.username)!;
  const reset = await request.post(`/api/v1/users/${user.id}/reset-password`, { headers: { authorization: `Bearer ${admin}` }, data: { password: 'Kailu#2027', version: user.version } });
  expect(reset.status()).toBe(200);
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await expect(byTestId(page, 'login-expired')).toBeVisible();
  await keepScreenshot(page, 'login-expired-desktop');
});

test('a user changes their own password from the header menu (the dialog is fetched when first opened)', async ({ page }) => {
  // the password the admin set in the test before
  await signIn(page, DISTRICT_USER.username, 'Kailu#2027');
  await expect(byTestId(page, 'home-region')).toContainText('开鲁县');
  await byTestId(page, 'user-menu').click();
  await byTestId(page, 'change-password').click();
  await dialogSettled(page);
  await byTestId(page, 'cp-current').fill('not-my-password');
  await byTestId(page, 'cp-new').fill('Kailu#2028x');
  await byTestId(page, 'cp-confirm').fill('Kailu#2028x');
  await byTestId(page, 'cp-submit').click();
  // the server's refusal lands on the field it names
  await expect(page.locator('.ant-modal-wrap:visible')).toContainText('当前密码');
  await expect(page.locator('.ant-modal-wrap:visible .ant-form-item-explain-error')).toHaveCount(1);
  await byTestId(page, 'cp-current').fill('Kailu#2027');
  await byTestId(page, 'cp-submit').click();
  await expect(page.locator('.ant-message')).toContainText('密码已修改');
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await signOut(page);
  await signIn(page, DISTRICT_USER.username, 'Kailu#2028x');
  await expect(byTestId(page, 'home-region')).toContainText('开鲁县');
});

test('the admin creates an API key and sees it once', async ({ page }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  // signed in (the token stored) before going anywhere, or the app sends us back to the login page
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/admin/api-keys');
  await byTestId(page, 'api-key-create').click();
  await dialogSettled(page);
  await byTestId(page, 'api-key-form-name').fill('市统计局取数');
  await byTestId(page, 'api-key-scope-read').click();
  await byTestId(page, 'api-key-form-submit').click();
  await expect(byTestId(page, 'api-key-secret-value')).toContainText(/zs_[\w-]{43}/);
  await expect(byTestId(page, 'api-key-secret-warning')).toContainText('只显示这一次');
  await keepScreenshot(page, 'api-key-created-desktop');
  await byTestId(page, 'api-key-secret-close').click();
  await expect(page.locator('.ant-modal-wrap:visible')).toHaveCount(0);
  await expect(byTestId(page, 'api-key-row').filter({ hasText: '市统计局取数' })).toContainText('有效');
  await keepScreenshot(page, 'api-keys-desktop');
});
