import { type APIRequestContext, type Page, expect, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, keepScreenshot, signIn } from './support/app';

/**
 * 考核 (issue 15 item 3): the admin sets the weights in the drawer; the leader sees the ranking on
 * the 驾驶舱 and the 考核排名 page on a phone. The last ended quarter is ranked (no month of it is
 * closed here: other specs write reports into this year), so the follow-through decides: two
 * districts few other specs use get a problem due in that quarter, one resolved on time, one not.
 * Other specs share the server and may add problems there too: the page is compared with the API.
 */
const LEADER = { username: 'kaohe_leader', displayName: '考核领导', password: 'Lead#Rank2026', role: 'LEADER' };

const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
const year = Number(today.slice(0, 4));
const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
const PERIOD = quarter === 0 ? { year: year - 1, q: 4 } : { year, q: quarter };
const dueMonth = `${PERIOD.year}-${String(PERIOD.q * 3 - 1).padStart(2, '0')}`;

interface Ranking {
  openMonths: string[];
  rows: { regionCode: string; regionName: string; score: number | null; rank: number | null }[];
}

test.describe.configure({ mode: 'serial' });

async function api<T>(request: APIRequestContext, token: string, method: 'get' | 'post' | 'put', url: string, data?: unknown): Promise<T> {
  const response = await request[method](`/api/v1${url}`, { headers: { authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

test.beforeAll(async ({ request }) => {
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  await createUser(request, LEADER);
  const unit = await api<{ id: string }>(request, admin, 'post', '/units', { name: '市营商环境局（考核测试）', level: 'CITY' });
  for (const [regionCode, resolved] of [['150571', true], ['150521', false]] as const) {
    const project = await api<{ id: string }>(request, admin, 'post', '/projects', {
      name: `考核测试项目 ${regionCode}`,
      regionCode,
      industryCode: 'NE',
      investorName: `考核测试投资方 ${regionCode}`,
      investorOrigin: 'OUT_OF_REGION',
      contractAmountWan: '3000',
      stage: 'SIGNED',
      signedAt: `${PERIOD.year}-01-10`,
      confirmLookAlike: true,
    });
    const issue = await api<{ id: string; version: number }>(request, admin, 'post', '/project-issues', {
      projectId: project.id,
      category: 'UTILITIES',
      description: '用电报装（考核测试）',
      unitId: unit.id,
      raisedAt: `${dueMonth}-01`,
      dueAt: `${dueMonth}-20`,
    });
    if (resolved) await api(request, admin, 'post', `/project-issues/${issue.id}/status`, { status: 'RESOLVED', note: '已送电', at: `${dueMonth}-18`, version: issue.version });
  }
});

async function ranking(request: APIRequestContext, token: string): Promise<Ranking> {
  return api<Ranking>(request, token, 'get', `/assessment?period=${PERIOD.year}-Q${PERIOD.q}`);
}

/** the page's rows against the API's: names and scores in the same order */
async function expectRowsAsApi(page: Page, expected: Ranking['rows']): Promise<void> {
  const rows = byTestId(page, 'ranking-row');
  await expect(rows).toHaveCount(expected.length);
  for (const [i, row] of expected.entries()) {
    await expect(rows.nth(i)).toContainText(row.regionName);
    await expect(rows.nth(i).getByTestId('ranking-score')).toHaveText(row.score === null ? '—' : row.score.toFixed(2));
  }
}

test('the admin sets the weights and the ranking follows', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.getByRole('link', { name: '考核排名' }).click();
  await expect(page.getByRole('heading', { name: '考核排名' })).toBeVisible();
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const before = await ranking(request, admin);
  await expectRowsAsApi(page, before.rows);
  const resolved = before.rows.find((r) => r.regionCode === '150571');
  const open = before.rows.find((r) => r.regionCode === '150521');
  expect(resolved?.score).not.toBeNull();
  expect(open?.score).not.toBeNull();
  expect(resolved?.rank ?? 99).toBeLessThan(open?.rank ?? 0);
  if (before.openMonths.length > 0) await expect(byTestId(page, 'open-months')).toContainText('尚未结账');

  await byTestId(page, 'weights-open').click();
  const weight = (component: string) => byTestId(page, `weight-${component}`).locator('input');
  await weight('issuesOnTime').fill('40');
  await weight('issuesOnTime').press('Tab');
  // 30 + 30 + 40 + 15 + 10: over 100 %
  await expect(byTestId(page, 'weights-sum')).toHaveText('合计 125%');
  await expect(byTestId(page, 'weights-save')).toBeDisabled();
  await keepScreenshot(page, 'assessment-weights-desktop');
  await weight('noticesOnTime').fill('0');
  await weight('noticesOnTime').press('Tab');
  await weight('commitmentsHonoured').fill('0');
  await weight('commitmentsHonoured').press('Tab');
  await expect(byTestId(page, 'weights-sum')).toHaveText('合计 100%');
  await byTestId(page, 'weights-save').click();
  await expect(page.locator('.ant-drawer-open')).toHaveCount(0);
  const settings = await api<{ weights: Record<string, number>; version: number }>(request, admin, 'get', '/settings/assessment');
  expect(settings.weights).toMatchObject({ signedAmountWan: 0.3, arrivedFundsWan: 0.3, issuesOnTime: 0.4, noticesOnTime: 0, commitmentsHonoured: 0 });
  await expectRowsAsApi(page, (await ranking(request, admin)).rows);
  await keepScreenshot(page, 'assessment-ranking-desktop');
});

test('the leader sees the ranking on a phone', async ({ browser, request }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, LEADER.username, LEADER.password);
  await expect(page).toHaveURL(/\/dashboard/);
  const card = byTestId(page, 'ranking-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card).toContainText('考核排名');
  const leader = await apiToken(request, LEADER.username, LEADER.password);
  const scored = (await ranking(request, leader)).rows.filter((r) => r.score !== null);
  await expect(card.getByTestId('ranking-row')).toHaveCount(scored.length);
  await expect(card.getByTestId('ranking-row').first()).toContainText(scored[0].regionName);
  await card.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'assessment-dashboard-card-phone', { fullPage: false });

  await card.getByTestId('ranking-card-all').click();
  await expect(page.getByRole('heading', { name: '考核排名' })).toBeVisible();
  await expectRowsAsApi(page, (await ranking(request, leader)).rows);
  // a leader reads, an admin weighs
  await expect(byTestId(page, 'weights-open')).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'assessment-ranking-phone');
  await context.close();
});
