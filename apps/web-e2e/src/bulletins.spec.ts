import { type APIRequestContext, expect, test } from './support/test';
import { readFileSync } from 'node:fs';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, keepScreenshot, signIn } from './support/app';

/**
 * Issue 15 item 2 (acceptance): city staff generate the bulletin for a closed quarter and download
 * it. The quarter is the last one that has ended; its months are closed through the API by the admin
 * (the e2e database has no demo data), after a project, its report and a target were entered, in
 * 通辽经济技术开发区 (reports.spec counts 库伦旗’s rows, dashboard.spec 霍林郭勒市’s figures). The months are reopened at the end: the files after
 * this one file reports into them (as closed-periods.spec does with its June).
 */

const shanghaiToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** the last quarter that has ended, and its three months */
function lastQuarter(): { quarter: string; months: string[]; label: string } {
  const today = shanghaiToday();
  let year = Number(today.slice(0, 4));
  let q = Math.ceil(Number(today.slice(5, 7)) / 3) - 1;
  if (q === 0) {
    q = 4;
    year -= 1;
  }
  const months = [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
  return { quarter: `${year}-Q${q}`, months, label: `${year}年第${['一', '二', '三', '四'][q - 1]}季度` };
}

const { quarter, months, label } = lastQuarter();
const STAMP = Date.now().toString(36);
const CITY = { username: `bulletin_city_${STAMP}`, displayName: '市招商科 李通报', password: 'Bulletin#2026pw', role: 'CITY_STAFF' };

test.describe.configure({ mode: 'serial' });

async function closeMonth(request: APIRequestContext, token: string, month: string): Promise<void> {
  const headers = { authorization: `Bearer ${token}` };
  const states = (await (await request.get(`/api/v1/months?year=${month.slice(0, 4)}`, { headers })).json()) as { month: string; version: number; closed: boolean }[];
  const state = states.find((s) => s.month === month);
  if (state?.closed) return;
  const response = await request.post(`/api/v1/months/${month}/close`, { headers, data: { version: state?.version ?? 0 } });
  expect(response.status(), await response.text()).toBe(200);
}

test.beforeAll(async ({ request }) => {
  await createUser(request, CITY);
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const headers = { authorization: `Bearer ${admin}` };
  const project = await request.post('/api/v1/projects', {
    headers,
    data: { name: `开发区季通报测试项目${STAMP}`, regionCode: '150571', industryCode: 'NE', investorName: `季通报投资方${STAMP}`, investorOrigin: 'OUT_OF_REGION', contractAmountWan: '15000', stage: 'SIGNED', signedAt: `${months[0]}-10` },
  });
  expect(project.status()).toBe(201);
  const projectId = ((await project.json()) as { id: string }).id;
  const draft = await request.put('/api/v1/monthly-reports/drafts', { headers, data: { regionCode: '150571', month: months[1], items: [{ projectId, version: null, arrivedEquityWan: '3000' }] } });
  expect(draft.status()).toBe(200);
  const submitted = await request.post('/api/v1/monthly-reports/submit', { headers, data: { regionCode: '150571', month: months[1], projectIds: [projectId] } });
  const items = ((await submitted.json()) as { items: { id: string; version: number }[] }).items;
  expect(submitted.status(), await submitted.text()).toBe(200);
  const verified = await request.post('/api/v1/monthly-reports/verify', { headers, data: { items: items.map(({ id, version }) => ({ id, version })) } });
  expect(verified.status(), await verified.text()).toBe(200);
  const target = await request.put('/api/v1/targets', { headers, data: { year: Number(quarter.slice(0, 4)), items: [{ regionCode: '150571', indicator: 'arrivedFundsWan', value: '6000' }] } });
  expect(target.status()).toBe(200);
  // the first two months closed: the page warns of the third
  await closeMonth(request, admin, months[0]);
  await closeMonth(request, admin, months[1]);
});

test.afterAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const headers = { authorization: `Bearer ${admin}` };
  for (const month of months) {
    const states = (await (await request.get(`/api/v1/months?year=${month.slice(0, 4)}`, { headers })).json()) as { month: string; version: number; closed: boolean }[];
    const state = states.find((s) => s.month === month);
    if (!state?.closed) continue;
    const reopened = await request.post(`/api/v1/months/${month}/reopen`, { headers, data: { version: state.version, reason: '演练结束，重新打开' } });
    expect(reopened.status(), await reopened.text()).toBe(200);
  }
});

test('city staff see the open month warned, then generate the closed quarter’s bulletin and download it again', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, CITY.username, CITY.password);
  await page.locator('.ant-menu-item', { hasText: '季度通报' }).click();
  await expect(page).toHaveURL(/\/bulletins$/);
  await expect(byTestId(page, 'bulletin-preview')).toContainText(label);
  await expect(byTestId(page, 'bulletin-open-months')).toContainText(`${Number(months[2].slice(5, 7))}月尚未月结`);
  await keepScreenshot(page, 'bulletins-open-month');

  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  await closeMonth(request, admin, months[2]);
  await page.reload();
  await expect(byTestId(page, 'bulletin-open-months')).toHaveCount(0);
  await expect(byTestId(page, `bulletin-month-${months[2]}`)).toContainText('已月结');
  await expect(byTestId(page, 'bulletin-districts')).toContainText('通辽经济技术开发区');
  await expect(byTestId(page, 'bulletin-best')).toContainText('通辽经济技术开发区（50.0%）');

  await byTestId(page, 'bulletin-closing').fill('一是加快签约项目开工。\n二是排名靠后的旗县市区要制定追赶措施。');
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'bulletin-generate-button').click()]);
  expect(download.suggestedFilename()).toBe(`通辽市招商引资工作季度通报-${quarter.slice(0, 4)}年第${quarter.slice(6)}期.docx`);
  const file = readFileSync(await download.path());
  expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
  const item = byTestId(page, 'bulletin-item').filter({ has: page.locator(`[data-quarter="${quarter}"]`) }).or(page.locator(`[data-testid="bulletin-item"][data-quarter="${quarter}"]`));
  await expect(item.first()).toContainText('市招商科 李通报');
  await keepScreenshot(page, 'bulletins-desktop');

  // downloaded again from the list: the same file
  const [again] = await Promise.all([page.waitForEvent('download'), item.first().locator('[data-testid="bulletin-download"]').click()]);
  expect(readFileSync(await again.path()).equals(file)).toBe(true);

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(byTestId(page, 'bulletin-districts')).toBeVisible();
  await keepScreenshot(page, 'bulletins-phone');
});
