import { type APIRequestContext, expect, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, keepScreenshot, signIn } from './support/app';

// issue 13 item 5: the audit log searched by project number, each row one line that opens to a before/after in Chinese
const CITY = { username: 'auditcity01', displayName: '市局 审计员', password: 'Audit#City2026', role: 'CITY_STAFF' };

test.describe.configure({ mode: 'serial' });

interface Created {
  id: string;
  projectNo: string;
  version: number;
}

/** Two projects by API, one moved to 开工在建 with another origin, so the log has changes of enumerations to show. */
async function seed(request: APIRequestContext): Promise<Created> {
  const token = await apiToken(request, CITY.username, CITY.password);
  const headers = { authorization: `Bearer ${token}` };
  const body = (name: string) => ({
    name,
    regionCode: '150525',
    industryCode: 'NE',
    investorName: '通辽审计测试投资有限公司',
    investorOrigin: 'LOCAL',
    contractAmountWan: '8800.00',
    stage: 'SIGNED',
    signedAt: '2025-06-03',
  });
  const created = await request.post('/api/v1/projects', { headers, data: body('审计日志演示风电项目') });
  expect(created.status()).toBe(201);
  const project = (await created.json()) as Created;
  expect((await request.post('/api/v1/projects', { headers, data: body('审计日志对照光伏项目') })).status()).toBe(201);
  const edited = await request.patch(`/api/v1/projects/${project.id}`, { headers, data: { investorOrigin: 'OUT_OF_REGION', version: project.version } });
  expect(edited.status()).toBe(200);
  const moved = await request.post(`/api/v1/projects/${project.id}/stage`, {
    headers,
    data: { to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: '2025-07-01' }, version: ((await edited.json()) as Created).version },
  });
  expect(moved.status()).toBe(200);
  return project;
}

let project: Created;

test.beforeAll(async ({ request }) => {
  await createUser(request, CITY);
  project = await seed(request);
});

test('the audit log finds a project’s entries by its number, and a row opens to its before and after in Chinese', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/admin/audit');
  await expect(byTestId(page, 'audit-row').first()).toBeVisible();

  await byTestId(page, 'audit-project-no').fill(project.projectNo);
  await byTestId(page, 'audit-search').click();
  // created, origin changed, stage moved: this project's three entries, newest first, named by number and name
  await expect(byTestId(page, 'audit-row')).toHaveCount(3);
  const subjects = byTestId(page, 'audit-subject');
  for (let i = 0; i < 3; i++) await expect(subjects.nth(i)).toHaveText(`${project.projectNo} 审计日志演示风电项目`);
  await expect(byTestId(page, 'audit-table')).not.toContainText('审计日志对照光伏项目');
  const first = byTestId(page, 'audit-row').first();
  await expect(first.getByTestId('audit-summary')).toContainText('项目阶段：已签约 → 开工在建');
  await expect(byTestId(page, 'audit-row').nth(1).getByTestId('audit-summary')).toContainText('投资方来源：本地 → 区外');
  // one line a row, not a column of raw fields
  const height = (await first.boundingBox())?.height ?? 0;
  expect(height).toBeLessThan(60);

  await first.locator('.ant-table-row-expand-icon').click();
  const details = byTestId(page, 'audit-details');
  await expect(details).toBeVisible();
  await expect(details.getByTestId('audit-change').filter({ hasText: '项目阶段' })).toContainText(/项目阶段\s*已签约\s*开工在建/);
  await expect(details.getByTestId('audit-change').filter({ hasText: '开工日期' })).toContainText('2025-07-01');
  await expect(byTestId(page, 'audit-table')).not.toContainText(/SIGNED|UNDER_CONSTRUCTION|OUT_OF_REGION|stage:/);
  await keepScreenshot(page, 'audit-log-desktop');

  // the person who made the change finds their entries too
  await byTestId(page, 'audit-project-no').fill('');
  await byTestId(page, 'audit-actor').fill(CITY.username);
  await byTestId(page, 'audit-search').click();
  await expect(byTestId(page, 'audit-row')).toHaveCount(4);

  await page.setViewportSize({ width: 375, height: 812 });
  await byTestId(page, 'audit-actor').fill('');
  await byTestId(page, 'audit-project-no').fill(project.projectNo);
  await byTestId(page, 'audit-search').click();
  await expect(byTestId(page, 'audit-row')).toHaveCount(3);
  await byTestId(page, 'audit-row').first().locator('button').first().click();
  await expect(byTestId(page, 'audit-details')).toContainText('开工在建');
  await keepScreenshot(page, 'audit-log-phone');
});
