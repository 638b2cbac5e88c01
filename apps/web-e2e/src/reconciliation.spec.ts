import { type APIRequestContext, expect, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, dialogOpened, keepScreenshot, signIn } from './support/app';

/**
 * Issue 16 item 4 (DOMAIN.md §10): the statistics system pushes the bureau's list of 扎鲁特旗 for
 * last month; a 扎鲁特旗 user opens 统计对账 on their region, sees the five lists with their counts
 * and the differences, and takes the bureau's 入库 month into a project we had not marked 入库.
 * Its own projects (names starting 扎鲁特对账) in 扎鲁特旗, which other specs do not count.
 */
const ZLT = '150526';
const STAFF = { username: 'zltduizhang', displayName: '扎鲁特旗 对账员', password: 'Duizhang#2026e2e', role: 'DISTRICT_STAFF', regionCode: ZLT };

/** Beijing's last month, the page's default */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const MONTH = lastMonth();
const code = (n: number) => `2025-${ZLT}-44-01-77${String(n).padStart(4, '0')}`;

async function asAdmin(request: APIRequestContext) {
  return { authorization: `Bearer ${await apiToken(request, 'admin', ADMIN_PASSWORD)}` };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await createUser(request, STAFF);
  const headers = await asAdmin(request);
  // signed in 2025: on the shared server an earlier spec may have closed one of its months (imports.spec
  // closes April 2025), which makes entering them a correction with a reason (ignored when nothing is closed)
  const base = { regionCode: ZLT, industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '5000', plannedInvestmentWan: '8000', stage: 'SIGNED', signedAt: '2025-03-01', correctionReason: '补录 2025 年签约的对账测试项目' };
  const create = async (name: string, extra: Record<string, unknown>) => {
    const response = await request.post('/api/v1/projects', { headers, data: { ...base, name, investorName: `${name}投资方`, ...extra } });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: string; regionCode: string };
  };
  await create('扎鲁特对账 风电供热一体化项目', { nationalCode: code(1), statsRegistered: true, statsRegisteredMonth: '2025-06' });
  await create('扎鲁特对账 肉牛屠宰加工项目', { statsRegistered: true, statsRegisteredMonth: '2025-07' });
  await create('扎鲁特对账 光伏治沙项目', { statsRegistered: true, statsRegisteredMonth: '2025-05' });
  await create('扎鲁特对账 储能电站项目', { nationalCode: code(4) });
  const differs = await create('扎鲁特对账 煤化工延链项目', { nationalCode: code(5), statsRegistered: true, statsRegisteredMonth: '2025-06' });
  // our completed investment this year: one verified report of last month
  const drafts = await request.put('/api/v1/monthly-reports/drafts', { headers, data: { regionCode: ZLT, month: MONTH, items: [{ projectId: differs.id, version: null, completedInvestmentWan: '1800' }] } });
  expect(drafts.status()).toBe(200);
  const submitted = await request.post('/api/v1/monthly-reports/submit', { headers, data: { regionCode: ZLT, month: MONTH, projectIds: [differs.id] } });
  const { items } = (await submitted.json()) as { items: { id: string; version: number }[] };
  expect((await request.post('/api/v1/monthly-reports/verify', { headers, data: { items: items.map(({ id, version }) => ({ id, version })) } })).status()).toBe(200);

  // the statistics system pushes the bureau's list with its own key
  const key = await request.post('/api/v1/api-keys', { headers, data: { name: '统计局项目库（对账 e2e）', scopes: ['stats:write'] } });
  const { key: apiKey } = (await key.json()) as { key: string };
  const row = (n: number, name: string, registeredMonth: string, completedYtdWan: string) => ({ nationalCode: code(n), name, regionCode: ZLT, registeredMonth, completedYtdWan, month: MONTH });
  const pushed = await request.put('/api/v1/stats-projects', {
    headers: { 'x-api-key': apiKey },
    data: {
      month: MONTH,
      regionCode: ZLT,
      items: [
        row(1, '扎鲁特旗风电供热一体化项目', '2025-06', '0'),
        row(2, '扎鲁特对账肉牛屠宰加工项目', '2025-07', '5'),
        row(4, '扎鲁特对账 储能电站项目', '2025-09', '320.5'),
        row(5, '扎鲁特对账 煤化工延链项目', '2025-06', '1200'),
        row(6, '扎鲁特旗第二中学教学楼建设项目', '2024-11', '2650'),
      ],
    },
  });
  expect(pushed.status()).toBe(200);
});

test('a 扎鲁特旗 user reconciles last month’s list and takes the bureau’s 入库 month into a project', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/stats/reconciliation');
  // a district user starts on their own region, last month
  await expect(byTestId(page, 'reconciliation-region')).toContainText('扎鲁特旗');
  await expect(byTestId(page, 'reconciliation-count-matched')).toHaveText('3');
  await expect(byTestId(page, 'reconciliation-count-oursOnly')).toHaveText('1');
  await expect(byTestId(page, 'reconciliation-count-notRegistered')).toHaveText('1');
  await expect(byTestId(page, 'reconciliation-count-unknown')).toHaveText('1');
  await expect(byTestId(page, 'reconciliation-count-amountDiffers')).toHaveText('2');
  await expect(byTestId(page, 'reconciliation-list-matched')).toContainText('按名称');
  await expect(byTestId(page, 'reconciliation-totals')).toContainText('差额');
  await keepScreenshot(page, 'reconciliation-desktop-matched');

  await byTestId(page, 'reconciliation-tab-amountDiffers').click();
  const differs = byTestId(page, 'reconciliation-list-amountDiffers');
  await expect(differs).toContainText('扎鲁特对账 煤化工延链项目');
  await expect(differs).toContainText('600.00');
  await byTestId(page, 'reconciliation-tab-unknown').click();
  await expect(byTestId(page, 'reconciliation-list-unknown')).toContainText('扎鲁特旗第二中学教学楼建设项目');

  await byTestId(page, 'reconciliation-tab-notRegistered').click();
  const list = byTestId(page, 'reconciliation-list-notRegistered');
  await expect(list).toContainText('扎鲁特对账 储能电站项目');
  await keepScreenshot(page, 'reconciliation-desktop-not-registered');
  await list.getByTestId('reconciliation-accept').click();
  await expect(byTestId(page, 'accept-dialog-text')).toContainText('2025年9月');
  await keepScreenshot(page, 'reconciliation-desktop-accept-dialog', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'accept-dialog-submit').click();
  await expect(page.getByText('入库月份设为2025年9月')).toBeVisible();
  await expect(byTestId(page, 'reconciliation-count-notRegistered')).toHaveText('0');
  await expect(byTestId(page, 'reconciliation-count-matched')).toHaveText('4');

  // the project's own history has the change
  await byTestId(page, 'reconciliation-tab-matched').click();
  await byTestId(page, 'reconciliation-list-matched').getByRole('link', { name: '扎鲁特对账 储能电站项目' }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);

  // the 驾驶舱 says how many of our 入库 projects the bureau also lists, and leads here
  await page.goto('/dashboard');
  await expect(byTestId(page, 'stats-coverage')).toContainText('统计入库：我方已入库');
  await byTestId(page, 'stats-coverage').scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'reconciliation-dashboard-line', { fullPage: false });
  await byTestId(page, 'stats-coverage-link').click();
  await expect(byTestId(page, 'reconciliation-count-matched')).toBeVisible();
});

test('on a phone the lists read as cards', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto(`/stats/reconciliation?month=${MONTH}&region=${ZLT}&list=amountDiffers`);
  await expect(byTestId(page, 'reconciliation-list-amountDiffers').getByTestId('reconciliation-row')).toHaveCount(2);
  await keepScreenshot(page, 'reconciliation-phone-differs');
  await byTestId(page, 'reconciliation-tab-matched').click();
  await expect(byTestId(page, 'reconciliation-list-matched').getByTestId('reconciliation-row')).toHaveCount(4);
  await keepScreenshot(page, 'reconciliation-phone-matched');
});
