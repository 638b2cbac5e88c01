import { type APIRequestContext, expect, type Page, test } from './support/test';
import type { ProjectIssueDetailDto } from '@zhaoshang/shared/domain';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, createUser, dialogOpened, dialogSettled, keepScreenshot, signIn } from './support/app';

/**
 * Issue 14 item 2 (DOMAIN.md §9, §7): a 奈曼旗 user raises a problem from the project detail (the due
 * date prefilled by its category), writes its progress, finds the overdue one in the 问题清单 by 只看超期
 * (filters in the URL, kept on reload), resolves it with a note, and the counts and 办结率 follow; a
 * 开鲁县 user sees the problem but has no button to change it, and the API refuses them.
 *
 * The clock: the overdue problem is raised through the API with a date in the past (the per-request
 * test clock, X-Test-Today, is another branch's), so the browser's today and the API's agree.
 */
const NAIMAN = { code: '150525', name: '奈曼旗' };
const STAFF = { username: 'naimanwenti', displayName: '奈曼 萨仁', password: 'Wenti#2026e2e', role: 'DISTRICT_STAFF', regionCode: NAIMAN.code };
const OTHER = { username: 'kailuwenti', displayName: '开鲁 巴特尔', password: 'Wenti#2026e2e', role: 'DISTRICT_STAFF', regionCode: '150523' };
const PROJECT = '奈曼旗 问题诉求测试 沙地光储项目';
const UNIT = '奈曼旗自然资源局（问题测试）';
const LATE_TEXT = '施工用工缺口 120 人，需人社部门组织招聘';

/** Beijing's today, as the API counts days */
function today(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const ids = { project: '', late: '' };

async function asAdmin(request: APIRequestContext) {
  return { authorization: `Bearer ${await apiToken(request, 'admin', ADMIN_PASSWORD)}` };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await createUser(request, STAFF);
  await createUser(request, OTHER);
  const headers = await asAdmin(request);
  const unit = await request.post('/api/v1/units', { headers, data: { name: UNIT, level: 'DISTRICT', regionCode: NAIMAN.code } });
  expect(unit.status()).toBe(201);
  const unitId = ((await unit.json()) as { id: string }).id;
  const project = await request.post('/api/v1/projects', {
    headers,
    data: { name: PROJECT, regionCode: NAIMAN.code, industryCode: 'AG', investorName: '奈曼旗某新能源公司', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '52000', stage: 'SIGNED', signedAt: today(-90), leadDepartment: UNIT },
  });
  expect(project.status()).toBe(201);
  ids.project = ((await project.json()) as { id: string }).id;
  // raised 40 days ago, 用工 is due after 20 days: overdue by 20 days today
  const late = await request.post('/api/v1/project-issues', { headers, data: { projectId: ids.project, category: 'LABOUR', description: LATE_TEXT, unitId, raisedAt: today(-40) } });
  expect(late.status()).toBe(201);
  const body = (await late.json()) as ProjectIssueDetailDto;
  expect(body.overdue).toBe(true);
  ids.late = body.id;
});

async function counts(page: Page) {
  return {
    total: await byTestId(page, 'problem-count-total').innerText(),
    overdue: await byTestId(page, 'problem-count-overdue').innerText(),
    rate: await byTestId(page, 'problem-count-rate').innerText(),
  };
}

test('a district user raises a problem from the project, its due date prefilled, and writes its progress', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(STAFF.displayName);
  await page.goto(`/projects/${ids.project}`);
  await expect(byTestId(page, 'project-detail-title')).toContainText(PROJECT);
  const card = byTestId(page, 'project-problems');
  await expect(card).toContainText('超期 1');
  await expect(card.locator('[data-testid="project-problem"]')).toHaveCount(1);

  await byTestId(page, 'project-raise-problem').click();
  await expect(byTestId(page, 'raise-problem-project-fixed')).toContainText(PROJECT);
  await choose(page, 'raise-problem-category', '用地');
  // 用地: 60 days by default (问题诉求设置)
  await expect(byTestId(page, 'raise-problem-due').locator('input')).toHaveValue(today(60));
  await choose(page, 'raise-problem-category', '施工许可');
  await expect(byTestId(page, 'raise-problem-due').locator('input')).toHaveValue(today(20));
  await byTestId(page, 'raise-problem-description').fill('光伏区临时用地手续未批，影响进场施工');
  await choose(page, 'raise-problem-unit', UNIT);
  await keepScreenshot(page, 'problem-raise-dialog-desktop', { fullPage: false });
  await byTestId(page, 'raise-problem-submit').click();
  await expect(card.locator('[data-testid="project-problem"]')).toHaveCount(2);
  await expect(card).toContainText('未办结 2');
  await keepScreenshot(page, 'problem-project-card-desktop');

  // the new one: open it and write its progress
  await card.locator('[data-testid="project-problem"]').filter({ hasText: '临时用地' }).locator('a').click();
  await expect(byTestId(page, 'problem-detail')).toContainText('光伏区临时用地手续未批');
  await expect(byTestId(page, 'problem-notice')).toHaveCount(0);
  await byTestId(page, 'problem-note').click();
  await dialogSettled(page);
  await expect(byTestId(page, 'note-at').locator('input')).toHaveValue(today());
  await byTestId(page, 'note-text').fill('已与旗自然资源局对接，材料补正中');
  await byTestId(page, 'note-dialog-submit').click();
  await expect(byTestId(page, 'problem-note-item').first()).toContainText('材料补正中');
  await keepScreenshot(page, 'problem-detail-desktop');
});

test('the 问题清单 opens on the user’s region, filters the overdue (kept on reload), and a resolution changes the counts', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(STAFF.displayName);
  await page.goto('/problems');
  await expect(page.getByRole('heading', { name: '问题清单' })).toBeVisible();
  await expect(byTestId(page, 'problem-filter-region')).toContainText(NAIMAN.name);
  await expect(byTestId(page, 'problem-row')).toHaveCount(2);
  expect(await counts(page)).toEqual({ total: '2', overdue: '1', rate: '0.0%' });
  // overdue first, in red
  await expect(byTestId(page, 'problem-row').first()).toContainText('超期20天');

  await byTestId(page, 'problem-filter-overdue').click();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(byTestId(page, 'problem-row')).toHaveCount(1);
  await page.reload();
  await expect(byTestId(page, 'problem-filter-overdue').locator('input')).toBeChecked();
  await expect(byTestId(page, 'problem-row')).toHaveCount(1);
  await expect(byTestId(page, 'problem-row')).toContainText(LATE_TEXT.slice(0, 8));
  await byTestId(page, 'problem-stats-group').getByText('按类别').click();
  await expect(byTestId(page, 'problem-stats-row').filter({ hasText: '用工' })).toBeVisible();
  await byTestId(page, 'problem-stats-group').getByText('按旗县区').click();
  await keepScreenshot(page, 'problem-list-overdue-desktop');

  // resolve it, with the note the API requires
  await byTestId(page, 'problem-open').first().click();
  await expect(byTestId(page, 'problem-detail')).toHaveAttribute('data-status', 'OPEN');
  await byTestId(page, 'problem-move-RESOLVED').click();
  await dialogOpened(page);
  await byTestId(page, 'note-dialog-submit').click();
  await expect(page.getByText('请填写办理结果')).toBeVisible();
  await byTestId(page, 'note-text').fill('人社局专场招聘会补齐用工 126 人');
  await keepScreenshot(page, 'problem-resolve-dialog-desktop', { fullPage: false });
  await byTestId(page, 'note-dialog-submit').click();
  await expect(byTestId(page, 'problem-detail')).toHaveAttribute('data-status', 'RESOLVED');
  await expect(byTestId(page, 'problem-resolution')).toContainText('补齐用工');
  await expect(byTestId(page, 'problem-move-IN_PROGRESS')).toContainText('重新办理');

  // back to the list as it was filtered: nothing overdue now; without the filter, half closed
  await page.goBack();
  await expect(page).toHaveURL(/overdue=true/);
  await expect(byTestId(page, 'problem-row')).toHaveCount(0);
  await byTestId(page, 'problem-filter-overdue').click();
  await expect(byTestId(page, 'problem-row')).toHaveCount(2);
  await expect.poll(() => counts(page)).toEqual({ total: '2', overdue: '0', rate: '50.0%' });
  await expect(byTestId(page, 'problem-count-days')).toHaveText(/^\d+(\.\d)?$/);
  await keepScreenshot(page, 'problem-list-desktop');

  // the region filter can be removed, and stays removed on reload
  await byTestId(page, 'problem-filter-region').locator('.ant-select-clear').click({ force: true });
  await expect(page).toHaveURL(/regionCode=(&|$)/);
  await page.reload();
  await expect(byTestId(page, 'problem-filter-region')).toContainText('全部地区');
});

test('the project list filters by 责任单位 and 我的项目, kept in the URL', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(STAFF.displayName);
  await page.goto('/projects');
  await choose(page, 'project-filter-leadDepartment', UNIT);
  await expect(page).toHaveURL(/leadDepartment=/);
  await expect(byTestId(page, 'project-totals')).toContainText('共 1 个项目');
  await keepScreenshot(page, 'projects-filter-responsibility-desktop', { fullPage: false });
  await page.reload();
  await expect(byTestId(page, 'project-filter-leadDepartment')).toContainText(UNIT);
  // 我的项目 of a staff member: the projects they are 旗县联系人 of — none here
  await byTestId(page, 'project-filter-mine').click();
  await expect(page).toHaveURL(/mine=true/);
  await expect(byTestId(page, 'project-totals')).toContainText('共 0 个项目');
  await page.setViewportSize({ width: 375, height: 812 });
  await byTestId(page, 'project-filter-toggle').click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await keepScreenshot(page, 'projects-filter-responsibility-phone', { fullPage: false });
});

test('another district’s user reads the problem but has no button to change it, and the API refuses them', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, OTHER.username, OTHER.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(OTHER.displayName);
  await page.goto(`/problems/${ids.late}`);
  await expect(byTestId(page, 'problem-detail')).toContainText(LATE_TEXT);
  await expect(byTestId(page, 'problem-edit')).toHaveCount(0);
  await expect(byTestId(page, 'problem-move-IN_PROGRESS')).toHaveCount(0);
  await expect(byTestId(page, 'problem-note')).toHaveCount(0);
  const token = await apiToken(request, OTHER.username, OTHER.password);
  const patch = await request.patch(`/api/v1/project-issues/${ids.late}`, { headers: { authorization: `Bearer ${token}` }, data: { description: '越权修改', version: 3 } });
  expect(patch.status()).toBe(403);
  const note = await request.post(`/api/v1/project-issues/${ids.late}/notes`, { headers: { authorization: `Bearer ${token}` }, data: { text: '越权进展' } });
  expect(note.status()).toBe(403);
});

test('the admin keeps the due days; the pages read well on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/problems');
  await byTestId(page, 'issue-settings-open').click();
  await expect(byTestId(page, 'issue-settings').locator('[data-category="LAND"] input')).toHaveValue('60');
  await keepScreenshot(page, 'problem-settings-drawer-desktop', { fullPage: false });
  await byTestId(page, 'issue-settings').locator('[data-category="OTHER"] input').fill('25');
  await byTestId(page, 'issue-settings-save').click();
  await expect(page.getByText('办理时限已保存')).toBeVisible();
  await byTestId(page, 'raise-problem-open').click();
  // opened from the list, the dialog searches the project
  await byTestId(page, 'raise-problem-project').click();
  await page.keyboard.type('沙地光储');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: PROJECT }).click();
  await choose(page, 'raise-problem-unit', UNIT);
  await choose(page, 'raise-problem-category', '其他');
  await expect(byTestId(page, 'raise-problem-due').locator('input')).toHaveValue(today(25));
  await byTestId(page, 'raise-problem-cancel').click();

  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/problems?regionCode=${NAIMAN.code}`);
  await expect(byTestId(page, 'problem-row')).toHaveCount(2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await keepScreenshot(page, 'problem-list-phone');
  await byTestId(page, 'problem-open').first().click();
  await expect(byTestId(page, 'problem-detail')).toBeVisible();
  await keepScreenshot(page, 'problem-detail-phone');
  await page.goto(`/projects/${ids.project}`);
  await expect(byTestId(page, 'project-problems')).toBeVisible();
  await byTestId(page, 'project-problems').scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'problem-project-card-phone');
  await byTestId(page, 'project-raise-problem').click();
  await choose(page, 'raise-problem-category', '融资');
  await keepScreenshot(page, 'problem-raise-dialog-phone', { fullPage: false });
});
