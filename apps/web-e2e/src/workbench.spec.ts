import { type APIRequestContext, expect, type Page, test } from './support/test';
import type { WorkbenchResponse, WorkbenchTodo } from '@zhaoshang/shared/domain';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, keepScreenshot, signIn } from './support/app';

/**
 * 工作台 (issue 13): district and city staff find their to-dos counted, each card opening the page
 * filtered to exactly what it counts; leaders land on the 驾驶舱 and have no 月报填报.
 *
 * Other specs share this server and leave reports and warnings of their own: the counts are taken
 * through the API before this spec's data is created, and the cards must show that plus what was created.
 */
// 扎鲁特旗: only the 驾驶舱's spec (which runs before this one) has projects there; reports.spec keeps 库伦旗 to itself
const REGION = { code: '150526', name: '扎鲁特旗' };
const DISTRICT = { username: 'zhalute_wb', displayName: '扎鲁特 高娜', password: 'Zhalute#2026wb', role: 'DISTRICT_STAFF', regionCode: REGION.code };
const CITY = { username: 'city_wb', displayName: '市局 李强', password: 'Shiju#2026x', role: 'CITY_STAFF' };
const LEADER = { username: 'leader_wb', displayName: '市领导 赵敏', password: 'Lingdao#2026x', role: 'LEADER' };

const shanghai = () => new Date(Date.now() + 8 * 3_600_000);
function monthAgo(n: number): string {
  const d = shanghai();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 7);
}
const THIS_MONTH = monthAgo(0);
const LAST_MONTH = monthAgo(1);
const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

test.describe.configure({ mode: 'serial' });

const before: Record<'district' | 'city', WorkbenchResponse | null> = { district: null, city: null };
const names = { unfiled: '扎鲁特 蒙中药材种植基地', draft: '扎鲁特 小米深加工项目', submitted: '扎鲁特 光伏治沙项目', returned: '扎鲁特 肉羊养殖园区' };
const numbers: Record<keyof typeof names, string> = { unfiled: '', draft: '', submitted: '', returned: '' };

async function workbench(request: APIRequestContext, token: string): Promise<WorkbenchResponse> {
  const response = await request.get('/api/v1/workbench', { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  return (await response.json()) as WorkbenchResponse;
}

const count = (response: WorkbenchResponse | null, kind: WorkbenchTodo['kind'], month?: string): number => {
  const todo = response?.todos.find((t) => t.kind === kind);
  if (!todo) return 0;
  return month ? (todo.months.find((m) => m.month === month)?.count ?? 0) : todo.count;
};

test.beforeAll(async ({ request }) => {
  test.setTimeout(120_000);
  for (const user of [DISTRICT, CITY, LEADER]) await createUser(request, user);
  const district = await apiToken(request, DISTRICT.username, DISTRICT.password);
  const city = await apiToken(request, CITY.username, CITY.password);
  before.district = await workbench(request, district);
  before.city = await workbench(request, city);

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const ids: Record<string, string> = {};
  for (const [key, name] of Object.entries(names)) {
    const created = await request.post('/api/v1/projects', {
      headers: auth(district),
      data: { name, regionCode: REGION.code, industryCode: 'AG', investorName: `${name}投资方`, investorOrigin: 'OUT_OF_REGION', contractAmountWan: '5000', stage: 'SIGNED', signedAt: `${monthAgo(2)}-01` },
    });
    expect(created.status()).toBe(201);
    const body = (await created.json()) as { id: string; projectNo: string };
    ids[key] = body.id;
    numbers[key as keyof typeof names] = body.projectNo;
  }
  // last month: a draft, a submitted report, and a report returned with a reason; the first project has nothing
  for (const key of ['draft', 'submitted', 'returned']) {
    const saved = await request.put('/api/v1/monthly-reports/drafts', {
      headers: auth(district),
      data: { regionCode: REGION.code, month: LAST_MONTH, items: [{ projectId: ids[key], version: null, arrivedEquityWan: '100', completedInvestmentWan: '80', progress: '场地平整' }] },
    });
    expect(saved.status()).toBe(200);
  }
  const submitted = await request.post('/api/v1/monthly-reports/submit', {
    headers: auth(district),
    data: { regionCode: REGION.code, month: LAST_MONTH, projectIds: [ids['submitted'], ids['returned']] },
  });
  expect(submitted.status()).toBe(200);
  const items = ((await submitted.json()) as { items: { id: string; version: number; projectId: string }[] }).items;
  const toReturn = items.filter((r) => r.projectId === ids['returned']).map(({ id, version }) => ({ id, version }));
  const returned = await request.post('/api/v1/monthly-reports/return', { headers: auth(city), data: { items: toReturn, reason: '到位资金缺少银行回单' } });
  expect(returned.status()).toBe(200);
});

/** The count a card shows. */
async function cardCount(page: Page, kind: WorkbenchTodo['kind']): Promise<number> {
  return Number(await byTestId(page, `todo-${kind}`).getByTestId('todo-count').textContent());
}

test('district staff see their unfiled, draft and returned reports and red warnings, each card opening exactly those', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, DISTRICT.username, DISTRICT.password);
  await expect(page).toHaveURL(/\/$/);
  await expect(byTestId(page, 'home-todos')).toBeVisible();
  // four new projects owe this month's report, and the one with nothing owes last month's too
  expect(await cardCount(page, 'MISSING')).toBe(count(before.district, 'MISSING') + 5);
  expect(await cardCount(page, 'DRAFT')).toBe(count(before.district, 'DRAFT') + 1);
  expect(await cardCount(page, 'RETURNED')).toBe(count(before.district, 'RETURNED') + 1);
  await expect(byTestId(page, 'todo-RETURNED')).toContainText('附退回原因');
  await expect(byTestId(page, 'home-activity')).toContainText(`退回了 ${numbers.returned} ${names.returned} ${monthText(LAST_MONTH)}月报`);
  await keepScreenshot(page, 'workbench-district-desktop');

  // 未填报 of this month: the grid of the region and month, whose 未填 equals the card's month
  const missingThisMonth = await byTestId(page, 'todo-MISSING').locator('.todo__chip', { hasText: monthText(THIS_MONTH) }).textContent();
  await byTestId(page, 'todo-MISSING').locator('.todo__chip', { hasText: monthText(THIS_MONTH) }).click();
  await expect(page).toHaveURL(new RegExp(`/reports/entry\\?.*month=${THIS_MONTH}`));
  await expect(page).toHaveURL(new RegExp(`regionCode=${REGION.code}`));
  const missing = Number(/(\d+) 份/.exec(missingThisMonth ?? '')?.[1]);
  await expect(byTestId(page, 'report-entry-counts')).toContainText(`未填 ${missing}`);
  for (const no of Object.values(numbers)) await expect(page.locator(`[data-testid="report-row"][data-project-no="${no}"]`)).toHaveAttribute('data-status', 'MISSING');

  // 被退回: last month's grid, the returned row with its reason
  await page.goto('/');
  await byTestId(page, 'todo-RETURNED').locator('.todo__chip', { hasText: monthText(LAST_MONTH) }).click();
  await expect(page).toHaveURL(new RegExp(`month=${LAST_MONTH}`));
  const returnedRow = page.locator(`[data-testid="report-row"][data-project-no="${numbers.returned}"]`);
  await expect(returnedRow).toHaveAttribute('data-status', 'RETURNED');
  await expect(returnedRow.getByTestId('report-return-reason')).toContainText('到位资金缺少银行回单');
  // the card opens the grid on 只看退回: the region's draft of that month is not among the rows shown
  await expect(page.locator(`[data-testid="report-row"][data-project-no="${numbers.draft}"]`)).toHaveCount(0);
  for (const status of await page.locator('[data-testid="report-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))) expect(status).toBe('RETURNED');

  // 红色预警: the warnings of the region in red, as many as the card says
  await page.goto('/');
  const red = await cardCount(page, 'RED_WARNINGS');
  expect(red).toBeGreaterThan(0);
  await byTestId(page, 'todo-link-RED_WARNINGS').click();
  await expect(page).toHaveURL(/\/warnings\?/);
  await expect(page).toHaveURL(/level=RED/);
  await expect(page).toHaveURL(new RegExp(`regionCode=${REGION.code}`));
  await expect(byTestId(page, 'warning-total')).toContainText(`共 ${red} 条预警`);
  for (const row of (await byTestId(page, 'warning-row').all()).slice(0, 20)) await expect(row).toHaveAttribute('data-level', 'RED');
});

test('on a phone the district’s cards stack one a row and read in full', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, DISTRICT.username, DISTRICT.password);
  await expect(byTestId(page, 'home-todos')).toBeVisible();
  const boxes = await Promise.all((await page.locator('.todo').all()).map((card) => card.boundingBox()));
  for (const box of boxes) {
    expect(box?.x).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375);
  }
  // one a row: each card below the one before
  for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.y).toBeGreaterThan(boxes[i - 1]!.y + boxes[i - 1]!.height - 1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await keepScreenshot(page, 'workbench-district-phone');
  await context.close();
});

test('city staff see the reports waiting for verification, and a month’s card opens exactly its queue', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, CITY.username, CITY.password);
  await expect(byTestId(page, 'home-todos')).toBeVisible();
  expect(await cardCount(page, 'TO_VERIFY')).toBe(count(before.city, 'TO_VERIFY') + 1);
  await expect(byTestId(page, 'todo-MONTHS_TO_CLOSE')).toContainText(monthText(LAST_MONTH));
  await expect(byTestId(page, 'todo-RED_WARNINGS')).toContainText('全市');
  await keepScreenshot(page, 'workbench-city-desktop');

  const chip = byTestId(page, 'todo-TO_VERIFY').locator('.todo__chip', { hasText: monthText(LAST_MONTH) });
  await expect(chip).toHaveText(`${monthText(LAST_MONTH)} ${count(before.city, 'TO_VERIFY', LAST_MONTH) + 1} 份`);
  await chip.click();
  await expect(page).toHaveURL(new RegExp(`/reports/verify\\?.*month=${LAST_MONTH}`));
  await expect(page).toHaveURL(/status=SUBMITTED/);
  await expect(page.locator(`[data-testid="verify-row"][data-project-no="${numbers.submitted}"]`)).toBeVisible();
  await expect(byTestId(page, 'verify-row')).toHaveCount(count(before.city, 'TO_VERIFY', LAST_MONTH) + 1);

  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const small = await phone.newPage();
  await signIn(small, CITY.username, CITY.password);
  await expect(byTestId(small, 'home-todos')).toBeVisible();
  expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await keepScreenshot(small, 'workbench-city-phone');
  await phone.close();
});

test('the admin sees what city staff see', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'home-todos')).toBeVisible();
  await expect(byTestId(page, 'todo-TO_VERIFY')).toBeVisible();
  await expect(byTestId(page, 'todo-MONTHS_TO_CLOSE')).toBeVisible();
  await expect(byTestId(page, 'todo-MISSING')).toHaveCount(0);
  await keepScreenshot(page, 'workbench-admin-desktop');
});

test('a leader lands on the 驾驶舱, at sign-in and at /, and has no 工作台 nor 月报填报 in the menu', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, LEADER.username, LEADER.password);
  await expect(page).toHaveURL(/\/dashboard$/);
  const nav = byTestId(page, 'nav');
  await expect(nav).toContainText('驾驶舱');
  await expect(nav).not.toContainText('月报填报');
  await expect(nav).not.toContainText('工作台');
  await page.goto('/');
  await expect(page).toHaveURL(/\/dashboard$/);
  // the address of the page leads nowhere either: the menu and the route guard agree
  await page.goto('/reports/entry');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(byTestId(page, 'report-grid')).toHaveCount(0);
  await keepScreenshot(page, 'workbench-leader-landing-desktop', { fullPage: false });
});
