import { type Browser, expect, type Page, test } from './support/test';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, keepScreenshot, signIn } from './support/app';

/**
 * 项目预警 (issue 6): projects created through the API raise warnings; the list shows them with
 * filters and counts, the project list its dots, the detail its box; the admin edits the thresholds.
 */

/** Today in Asia/Shanghai, and dates/months relative to it. */
const shanghai = () => new Date(Date.now() + 8 * 3_600_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
function monthsAgo(n: number, day = 5): string {
  const d = shanghai();
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, day)));
}

const STALLED = { name: '霍林郭勒 铝合金精深加工项目', regionCode: '150581', signedAt: monthsAgo(13) };
const PLANNED = { name: '奈曼旗 肉牛屠宰加工项目', regionCode: '150525', signedAt: monthsAgo(2), plannedStartMonth: monthsAgo(1).slice(0, 7) };

test.describe.configure({ mode: 'serial' });

const ids: Record<'stalled' | 'planned', string> = { stalled: '', planned: '' };

test.beforeAll(async ({ request }) => {
  const token = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const create = async (p: { name: string; regionCode: string; signedAt: string; plannedStartMonth?: string }) => {
    const response = await request.post('/api/v1/projects', {
      headers: { authorization: `Bearer ${token}` },
      data: { industryCode: p.regionCode === '150581' ? 'NM' : 'AG', investorName: `${p.name}投资方`, investorOrigin: 'OUT_OF_REGION', contractAmountWan: '30000', stage: 'SIGNED', ...p },
    });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  ids.stalled = await create(STALLED);
  ids.planned = await create(PLANNED);
});

test('the list shows the red and yellow warnings, filters them by region, rule and colour, and links to the project', async ({ page }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.getByRole('link', { name: '项目预警' }).click();
  await expect(page).toHaveURL(/\/warnings/);
  // other specs share this server and raise warnings of their own: look at this spec's projects, not at totals
  const huolin = page.locator('[data-testid="warning-region"][data-region="150581"]');
  expect(Number(await huolin.locator('.count--red').textContent())).toBeGreaterThanOrEqual(2); // START and REPORT at least
  await keepScreenshot(page, 'warnings-desktop');

  await huolin.click();
  await expect(page).toHaveURL(/regionCode=150581/);
  const stalledStart = page.locator(`[data-testid="warning-row"][data-rule="START"]`, { hasText: STALLED.name });
  await expect(stalledStart).toHaveAttribute('data-level', 'RED');
  await expect(stalledStart).toContainText('已满 12 个月，仍未开工');
  await expect(byTestId(page, 'warning-row').filter({ hasText: STALLED.name })).toHaveCount(2);
  await expect(byTestId(page, 'warning-row').filter({ hasText: PLANNED.name })).toHaveCount(0);

  await byTestId(page, 'warning-filter-reset').click();
  await choose(page, 'warning-filter-rule', '未按期开工');
  await choose(page, 'warning-filter-level', '黄色');
  await expect(page).toHaveURL(/rule=START/);
  await expect(page).toHaveURL(/level=YELLOW/);
  const planned = byTestId(page, 'warning-row').filter({ hasText: PLANNED.name });
  await expect(planned).toHaveCount(1);
  await expect(planned).toHaveAttribute('data-level', 'YELLOW');
  for (const row of await byTestId(page, 'warning-row').all()) {
    await expect(row).toHaveAttribute('data-rule', 'START');
    await expect(row).toHaveAttribute('data-level', 'YELLOW');
  }
  // the filters live in the URL: a reload keeps them
  await page.reload();
  await expect(byTestId(page, 'warning-row').filter({ hasText: PLANNED.name })).toHaveCount(1);

  await page.goto('/warnings?regionCode=150581&rule=START');
  await stalledStart.getByRole('link').click();
  await expect(byTestId(page, 'project-detail-title')).toContainText(STALLED.name);
  const box = byTestId(page, 'project-warnings');
  await expect(box.locator('[data-testid="project-warning"][data-rule="START"]')).toHaveAttribute('data-level', 'RED');
  await expect(box).toContainText('未按期开工');
  await keepScreenshot(page, 'warnings-project-detail-desktop');

  await page.goto(`/projects?q=${encodeURIComponent('加工项目')}`);
  // the list's 预警 column is a tag since issue 13 (the worst level's colour and short text); data-levels lists every flag
  const dots = page.locator(`[data-testid="project-row"]`, { hasText: STALLED.name }).locator('[data-testid="warning-tag"]');
  await expect(dots).toHaveAttribute('data-levels', 'RED,RED');
  await expect(page.locator(`[data-testid="project-row"]`, { hasText: PLANNED.name }).locator('[data-testid="warning-tag"]')).toHaveAttribute('data-levels', /YELLOW/);
  await keepScreenshot(page, 'warnings-project-list-desktop', { fullPage: false });
});

test('the admin changes a threshold and the list follows it', async ({ page }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  // signed in (the token stored) before going anywhere, or the app sends us back to the login page
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/admin/warning-settings');
  await expect(page.locator('nz-card[data-rule="START"]')).toContainText('未按期开工');
  await expect(page.getByText('当前版本 0')).toBeVisible();
  await keepScreenshot(page, 'warning-settings-desktop');

  // red 24 months after signing: the stalled project (13 months) falls back to yellow
  const red = byTestId(page, 'setting-START.redMonthsAfterSigning').locator('input');
  await red.fill('24');
  await red.press('Tab');
  await byTestId(page, 'settings-save').click();
  await expect(page.getByText('预警设置已保存')).toBeVisible();
  await expect(page.getByText('当前版本 1')).toBeVisible();

  await page.goto('/warnings?rule=START&regionCode=150581');
  const stalled = byTestId(page, 'warning-row').filter({ hasText: STALLED.name });
  await expect(stalled).toHaveAttribute('data-level', 'YELLOW');
  await expect(stalled).toContainText('已满 6 个月，仍未开工');

  await page.goto('/admin/warning-settings');
  await byTestId(page, 'settings-defaults').click();
  await byTestId(page, 'settings-save').click();
  await expect(page.getByText('当前版本 2')).toBeVisible();
});

async function phonePage(browser: Browser): Promise<Page> {
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return phone.newPage();
}

test('on a phone the warnings read as cards and the detail shows its box', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeAttached();
  await page.goto('/warnings?regionCode=150581');
  await expect(page.locator('[data-testid="warning-row"][data-rule="START"]', { hasText: STALLED.name })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(375);
  await keepScreenshot(page, 'warnings-phone');
  await page.goto(`/projects/${ids.stalled}`);
  await expect(byTestId(page, 'project-warnings')).toBeVisible();
  await keepScreenshot(page, 'warnings-project-detail-phone');
  await page.context().close();
});
