import { type APIRequestContext, type Page, expect, test } from './support/test';
import { readFileSync } from 'node:fs';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, createUser, dialogOpened, keepScreenshot, signIn } from './support/app';

/**
 * Issue 14's acceptance (DOMAIN.md §9, §7): the 三单一函 ladder walked in the browser. A 开鲁县 user
 * raises a problem on the project's page; past its due date city staff issue a 提醒单 from the
 * 问题详情 page; past its deadline it is 待升级 and city staff issue a 催办单 from there; past that one's
 * deadline they draft a 督办单; the leader signs it on a phone; the district answers; city staff close
 * it; its .docx downloads. The days are moved with the test clock (X-Test-Today to the API,
 * page.clock in the browser), never the machine's. The days are weeks before the real today, so that
 * the browser's clock stays behind the sign-in's expiry (8 hours after the real now).
 */
const KAILU = { code: '150523', name: '开鲁县' };
const PASSWORD = 'Duban#2026e2e';
const CITY = { username: 'dubancity', displayName: '市局 督办员', password: PASSWORD, role: 'CITY_STAFF' };
const DISTRICT = { username: 'dubankailu', displayName: '开鲁 反馈员', password: PASSWORD, role: 'DISTRICT_STAFF', regionCode: KAILU.code };
const LEADER = { username: 'dubanleader', displayName: '何副市长', password: PASSWORD, role: 'LEADER' };
const LEADER_ENTRY = '副市长 何某（督办）';
const UNIT = '开鲁县自然资源局（督办）';
const PROJECT = '开鲁县 督办测试 生物质热电项目';

/** YYYY-MM-DD of a UTC-midnight date */
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

// D0: the Monday three weeks back (or more); no holidays are set, so 7 working days from a Monday
// end on the Wednesday after next, 5 from a Thursday on the Thursday after.
const shanghaiNow = new Date(Date.now() + 8 * 3_600_000);
const back = plusDays(iso(shanghaiNow), -21);
const D0 = plusDays(back, -((new Date(`${back}T00:00:00Z`).getUTCDay() + 6) % 7));
const REMINDER_DEADLINE = plusDays(D0, 9);
const D1 = plusDays(D0, 10); // Thursday: the 提醒单 is one working day overdue
const URGE_DEADLINE = plusDays(D1, 7);
const D2 = plusDays(D1, 8); // Friday: the 催办单 is one working day overdue

// P: the day the district raises the problem (审批服务: due 15 days later by default, before D0)
const P = plusDays(D0, -20);
const PROBLEM_DUE = plusDays(P, 15);

const ids = { project: '', unit: '', issue: '', supervise: '' };

/** The API's and the browser's today for the rest of the test. */
async function onDay(page: Page, day: string): Promise<void> {
  await page.context().setExtraHTTPHeaders({ 'X-Test-Today': day });
  await page.clock.setFixedTime(new Date(`${day}T10:00:00+08:00`));
}

async function api<T>(request: APIRequestContext, token: string, method: 'GET' | 'POST', url: string, day: string, data?: unknown): Promise<T> {
  const response = await request.fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'x-test-today': day }, data });
  expect(response.status(), `${method} ${url}: ${await response.text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Signs in and waits for the shell: a page.goto before the sign-in has finished lands on /login again. */
async function signInAs(page: Page, user: { username: string; password: string; displayName: string }): Promise<void> {
  await signIn(page, user.username, user.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(user.displayName);
}

/** No sideways scrolling: what a phone shows fits its width. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  for (const user of [CITY, DISTRICT, LEADER]) await createUser(request, user);
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const users = await api<{ items?: { id: string; username: string }[] } | { id: string; username: string }[]>(request, admin, 'GET', '/api/v1/users', D0);
  const list = Array.isArray(users) ? users : (users.items ?? []);
  const leaderUser = list.find((u) => u.username === LEADER.username);
  expect(leaderUser).toBeDefined();
  await api(request, admin, 'POST', '/api/v1/leaders', D0, { name: LEADER_ENTRY, level: 'CITY', portfolio: '招商引资', userId: leaderUser?.id });
  ids.unit = (await api<{ id: string }>(request, admin, 'POST', '/api/v1/units', D0, { name: UNIT, level: 'DISTRICT', regionCode: KAILU.code })).id;

  // the district's project and its problem (the 问题清单's own pages are another spec's)
  const district = await apiToken(request, DISTRICT.username, DISTRICT.password);
  const project = await api<{ id: string }>(request, district, 'POST', '/api/v1/projects', D0, {
    name: PROJECT,
    regionCode: KAILU.code,
    industryCode: 'NE',
    investorName: '开鲁县某某热电有限公司',
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '32000.00',
    stage: 'SIGNED',
    signedAt: '2025-06-01',
  });
  ids.project = project.id;
});

test('the district raises a problem on the project’s page, due by the category’s days', async ({ page }) => {
  await onDay(page, P);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, DISTRICT);
  await page.goto(`/projects/${ids.project}`);
  await byTestId(page, 'project-raise-problem').click();
  await choose(page, 'raise-problem-category', '审批服务');
  await expect(byTestId(page, 'raise-problem-due').locator('input')).toHaveValue(PROBLEM_DUE);
  await byTestId(page, 'raise-problem-description').fill('项目用地预审与选址意见书办理滞后，影响开工');
  await choose(page, 'raise-problem-unit', UNIT);
  await byTestId(page, 'raise-problem-submit').click();
  const problem = byTestId(page, 'project-problems').locator('[data-testid="project-problem"]').filter({ hasText: '选址意见书' });
  await expect(problem).toHaveCount(1);
  await problem.locator('a').click();
  await expect(page).toHaveURL(/\/problems\/[0-9a-f-]{36}/);
  ids.issue = page.url().split('/problems/')[1].split(/[?#]/)[0];
  // the district does not issue notices
  await expect(byTestId(page, 'problem-notice')).toHaveCount(0);
});

test('past its due date city staff issue a 提醒单 from the 问题详情 page', async ({ page }) => {
  await onDay(page, D0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);
  await page.goto(`/problems/${ids.issue}`);
  await expect(byTestId(page, 'problem-detail')).toContainText('超期');
  await byTestId(page, 'problem-notice').click();
  await expect(page).toHaveURL(/\/notices\/new\?subjectType=ISSUE&issueId=/);
  await expect(byTestId(page, 'notice-compose-title')).toHaveValue(/提醒单/);
  await expect(byTestId(page, 'notice-compose-kind').locator('[data-kind="REMINDER"]')).toHaveClass(/ant-radio-button-wrapper-checked/);
  await expect(byTestId(page, 'notice-compose-deadline').locator('input')).toHaveValue(REMINDER_DEADLINE);
  await expect(byTestId(page, 'notice-compose-unit')).toContainText(UNIT);
  await keepScreenshot(page, 'notices-compose-reminder-desktop', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'notice-compose-submit').click();
  await expect(page.locator('.ant-message')).toContainText(/已下发 通招提〔\d{4}〕\d+号/);
  await expect(page).toHaveURL(/\/notices\/[0-9a-f-]{36}$/);
  await expect(byTestId(page, 'notice-heading-number')).toContainText(/通招提〔\d{4}〕\d+号/);
  await expect(byTestId(page, 'notice-paper')).toContainText(UNIT);
  await keepScreenshot(page, 'notice-reminder-desktop');
  await page.setViewportSize({ width: 375, height: 812 });
  await keepScreenshot(page, 'notice-reminder-phone');
  await expectNoHorizontalScroll(page);
});

test('past the 提醒单 deadline the problem is 待升级; city staff issue a 催办单 from there', async ({ page }) => {
  await onDay(page, D1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);

  await page.goto('/notices');
  await expect(page.getByRole('heading', { name: '督办台账' })).toBeVisible();
  const reminderRow = byTestId(page, 'notice-row').filter({ hasText: PROJECT });
  await expect(reminderRow).toHaveAttribute('data-kind', 'REMINDER');
  await expect(reminderRow).toContainText('超期');
  await keepScreenshot(page, 'notices-ledger-desktop');

  // 只看超期 lives in the URL
  await byTestId(page, 'notice-filter-overdue').click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(reminderRow).toBeVisible();

  await byTestId(page, 'notice-tab-escalate').click();
  await expect(page).toHaveURL(/tab=escalate/);
  const item = byTestId(page, 'escalation-row').filter({ hasText: PROJECT });
  await expect(item).toContainText('超期 1 个工作日');
  await keepScreenshot(page, 'notices-escalate-desktop');
  await item.getByTestId('escalate').click();
  await expect(byTestId(page, 'notice-compose-title')).toHaveValue(/催办/);
  await expect(byTestId(page, 'notice-compose-kind').locator('[data-kind="URGE"]')).toHaveClass(/ant-radio-button-wrapper-checked/);
  await expect(byTestId(page, 'notice-compose-deadline').locator('input')).toHaveValue(URGE_DEADLINE);
  await keepScreenshot(page, 'notices-compose-urge-desktop', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'notice-compose-submit').click();
  await expect(page.locator('.ant-message')).toContainText(/已下发 通招催〔\d{4}〕\d+号/);
  await expect(byTestId(page, 'escalation-row').filter({ hasText: PROJECT })).toHaveCount(0);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/notices');
  await expect(byTestId(page, 'notice-row').filter({ hasText: '催办' }).first()).toBeVisible();
  await keepScreenshot(page, 'notices-ledger-phone');
  await expectNoHorizontalScroll(page);
});

test('city staff send a 提醒单 about a red warning from the warnings list', async ({ page }) => {
  await onDay(page, D1);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);
  await page.goto(`/warnings?regionCode=${KAILU.code}&level=RED&rule=START`);
  const row = byTestId(page, 'warning-row').filter({ hasText: PROJECT });
  await row.getByTestId('warning-remind').click();
  await expect(byTestId(page, 'notice-compose-subject')).toContainText(PROJECT);
  await choose(page, 'notice-compose-unit', UNIT);
  await keepScreenshot(page, 'notices-compose-warning-desktop', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'notice-compose-submit').click();
  await expect(page.locator('.ant-message')).toContainText(/已下发 通招提〔\d{4}〕\d+号/);
});

test('past the 催办单 deadline city staff draft a 督办单 for the leader to sign', async ({ page }) => {
  await onDay(page, D2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);
  await page.goto('/notices?tab=escalate');
  const item = byTestId(page, 'escalation-row').filter({ hasText: PROJECT }).filter({ hasText: '问题诉求' });
  await expect(item).toHaveAttribute('data-latest-kind', 'URGE');
  await page.setViewportSize({ width: 375, height: 812 });
  await keepScreenshot(page, 'notices-escalate-phone');
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await item.getByTestId('escalate').click();
  await expect(byTestId(page, 'notice-compose-title')).toHaveValue(/督办/);
  await choose(page, 'notice-compose-signer', LEADER_ENTRY);
  await dialogOpened(page);
  await byTestId(page, 'notice-compose-submit').click();
  await expect(page.locator('.ant-message')).toContainText('已提交领导签发');

  await byTestId(page, 'notice-tab-sign').click();
  const draft = byTestId(page, 'notice-row').filter({ hasText: PROJECT });
  await expect(draft).toHaveAttribute('data-status', 'PENDING_SIGNATURE');
  ids.supervise = (await draft.getAttribute('data-id')) ?? '';
  await keepScreenshot(page, 'notices-to-sign-desktop');
  await draft.getByTestId('notice-open').click();
  await expect(byTestId(page, 'notice-paper')).toContainText(UNIT);
  await expect(byTestId(page, 'notice-edit')).toBeVisible();
  await expect(byTestId(page, 'notice-sign')).toHaveCount(0);
  await keepScreenshot(page, 'notice-draft-desktop');

  // 督办待办 on the 工作台: the draft waits for the leader
  await page.goto('/');
  await expect(byTestId(page, 'notice-todo-sign')).toContainText('待领导签发');
  await keepScreenshot(page, 'workbench-notice-todos-desktop');
  await page.setViewportSize({ width: 375, height: 812 });
  await byTestId(page, 'notice-todos').scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'workbench-notice-todos-phone', { fullPage: false });
});

test('the leader signs the 督办单 on a phone', async ({ page }) => {
  await onDay(page, D2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, LEADER);
  await expect(page).toHaveURL(/\/dashboard/);
  const card = byTestId(page, 'to-sign');
  await expect(card).toContainText(PROJECT);
  await card.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'dashboard-to-sign-desktop', { fullPage: false });
  // a leader's 待签发: only what waits for their signature
  await page.goto('/notices?tab=sign');
  await expect(byTestId(page, 'notice-row')).toHaveCount(1);
  await page.setViewportSize({ width: 375, height: 812 });
  await keepScreenshot(page, 'notices-leader-to-sign-phone');
  await page.goto('/dashboard');
  await expect(card).toContainText(PROJECT);
  await card.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'dashboard-to-sign-phone', { fullPage: false });
  await card.getByTestId('to-sign-item').first().click();
  await expect(page).toHaveURL(new RegExp(`/notices/${ids.supervise}`));
  await expect(byTestId(page, 'notice-paper')).toContainText('督办单');
  await expectNoHorizontalScroll(page);
  const sign = byTestId(page, 'notice-sign');
  expect((await sign.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await keepScreenshot(page, 'notice-sign-phone');
  await sign.click();
  await byTestId(page, 'notice-step-text').fill('同意，请开鲁县抓紧落实用地指标。');
  await keepScreenshot(page, 'notice-sign-dialog-phone', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'notice-step-submit').click();
  await expect(byTestId(page, 'notice-heading-number')).toContainText(/通招督〔\d{4}〕\d+号/);
  await expect(byTestId(page, 'notice-status')).toHaveAttribute('data-status', 'ISSUED');
  await expect(byTestId(page, 'notice-sign')).toHaveCount(0);
  await expect(byTestId(page, 'notice-history')).toContainText('领导签发');
  await expectNoHorizontalScroll(page);
  await keepScreenshot(page, 'notice-signed-phone');
});

test('the district answers and city staff close it', async ({ page }) => {
  await onDay(page, D2);
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAs(page, DISTRICT);
  await page.goto(`/notices/${ids.supervise}`);
  await byTestId(page, 'notice-feedback').click();
  await byTestId(page, 'notice-step-text').fill('已协调自治区调剂用地指标 120 亩，12 月底前完成供地。');
  await dialogOpened(page);
  await byTestId(page, 'notice-step-submit').click();
  await expect(byTestId(page, 'notice-status')).toHaveAttribute('data-status', 'ANSWERED');
  await expect(byTestId(page, 'notice-feedback-text')).toContainText('120 亩');
  await expect(byTestId(page, 'notice-close')).toHaveCount(0);
  await keepScreenshot(page, 'notice-answered-phone');

  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);
  await page.goto(`/notices/${ids.supervise}`);
  await byTestId(page, 'notice-close').click();
  // nothing to type: the click must wait for the dialog's opening animation, or it lands where the button was
  // at the animation's first frame (CI, 6 December: the 确认办结 button clicked at 17×6 px, the dialog left open)
  await dialogOpened(page);
  await byTestId(page, 'notice-step-submit').click();
  await expect(byTestId(page, 'notice-status')).toHaveAttribute('data-status', 'CLOSED');
  await expect(byTestId(page, 'notice-history')).toContainText('办结');
  await keepScreenshot(page, 'notice-closed-desktop');

  // the ledger's stats count it for 开鲁县
  await page.goto('/notices');
  await expect(byTestId(page, 'notice-stats-row').filter({ hasText: KAILU.name })).toBeVisible();
  await keepScreenshot(page, 'notices-ledger-closed-desktop');
  await byTestId(page, 'notice-stats-by').getByText('按责任单位').click();
  await expect(byTestId(page, 'notice-stats-row').filter({ hasText: UNIT })).toBeVisible();
  // the 催办单 the 督办单 escalated was closed when the leader signed, its note naming the 督办单
  await page.goto(`/notices?kind=URGE&regionCode=${KAILU.code}`);
  const urge = byTestId(page, 'notice-row').filter({ hasText: PROJECT });
  await expect(urge).toHaveAttribute('data-status', 'CLOSED');
  await urge.getByTestId('notice-open').click();
  await expect(byTestId(page, 'notice-history')).toContainText(/已升级为督办单（通招督〔\d{4}〕\d+号）/);
});

test('the admin keeps the 督办设置', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/admin/notice-settings');
  await expect(page.getByRole('heading', { name: '督办设置' })).toBeVisible();
  await byTestId(page, 'notice-settings-holidays').fill('2027-01-01');
  await byTestId(page, 'notice-settings-extra').fill('2027-01-01');
  await expect(page.getByText('不能既是节假日又是调休上班日')).toBeVisible();
  await expect(byTestId(page, 'notice-settings-save')).toBeDisabled();
  await byTestId(page, 'notice-settings-extra').fill('2027-02-07');
  await keepScreenshot(page, 'notice-settings-desktop');
  await byTestId(page, 'notice-settings-save').click();
  await expect(page.locator('.ant-message')).toContainText('督办设置已保存');
  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(byTestId(page, 'notice-settings-holidays')).toHaveValue('2027-01-01');
  await keepScreenshot(page, 'notice-settings-phone');
  await expectNoHorizontalScroll(page);
});

test('the 督办单 downloads as its Word file', async ({ page }) => {
  await onDay(page, D2);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, CITY);
  await page.goto(`/notices/${ids.supervise}`);
  await expect(byTestId(page, 'notice-status')).toHaveAttribute('data-status', 'CLOSED');
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'notice-docx').click()]);
  expect(download.suggestedFilename()).toMatch(/^通招督〔\d{4}〕\d+号-督办单\.docx$/);
  // a .docx is a zip
  expect(readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');
});
