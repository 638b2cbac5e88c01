import { type APIRequestContext, expect, type Page, test } from './support/test';
import { ADMIN_PASSWORD, byTestId, dialogSettled, keepScreenshot, signIn } from './support/app';

/**
 * Issue 16 / DOMAIN.md §10: the admin gives a key a request budget per minute, the API refuses the
 * key past it (429, Retry-After), and the API keys page shows the budget and the minute's use.
 */
test.describe.configure({ mode: 'serial' });

const KEY_NAME = '统计局限额测试';

async function openKeys(page: Page): Promise<void> {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/admin/api-keys');
  await expect(byTestId(page, 'api-keys-table')).toBeVisible();
}

async function regions(request: APIRequestContext, key: string) {
  return request.get('/api/v1/regions', { headers: { 'x-api-key': key } });
}

let secret = '';

test('the admin creates a key with a budget of 10 a minute; the 11th request in a minute gets 429 with Retry-After', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openKeys(page);
  await byTestId(page, 'api-key-create').click();
  await dialogSettled(page);
  await byTestId(page, 'api-key-form-name').fill(KEY_NAME);
  await byTestId(page, 'api-key-scope-read').click();
  const limit = byTestId(page, 'api-key-form-rate-limit').locator('input');
  await expect(limit).toHaveValue('600');
  await limit.fill('10');
  await limit.press('Tab');
  await keepScreenshot(page, 'api-key-limits-create-desktop');
  await byTestId(page, 'api-key-form-submit').click();
  secret = (await byTestId(page, 'api-key-secret-value').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^zs_[\w-]{43}$/);
  await byTestId(page, 'api-key-secret-close').click();

  // the budget is a minute of the database's clock: start with 8 s of the minute left at least
  let probe = await regions(request, secret);
  if (Number(probe.headers()['ratelimit-reset']) < 8) {
    await page.waitForTimeout(Number(probe.headers()['ratelimit-reset']) * 1000 + 500);
    probe = await regions(request, secret);
  }
  expect(probe.status()).toBe(200);
  expect(probe.headers()['ratelimit-limit']).toBe('10');
  const remaining = [Number(probe.headers()['ratelimit-remaining'])];
  for (let i = 0; i < remaining[0]; i++) {
    const answer = await regions(request, secret);
    expect(answer.status()).toBe(200);
    remaining.push(Number(answer.headers()['ratelimit-remaining']));
  }
  expect(remaining.at(-1)).toBe(0);
  const refused = await regions(request, secret);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await refused.json()).toMatchObject({ statusCode: 429, error: 'RATE_LIMITED', message: expect.stringContaining('每分钟最多 10 次请求') });

  await byTestId(page, 'api-key-row').first().waitFor();
  await page.reload();
  const row = byTestId(page, 'api-key-row').filter({ hasText: KEY_NAME });
  await expect(row.locator('[data-testid="api-key-budget"]')).toContainText('10 次');
  await expect(row.locator('[data-testid="api-key-budget"]')).toContainText('已用 1');
  await keepScreenshot(page, 'api-key-limits-desktop');
});

test('the admin raises the budget; the key is served again at once', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openKeys(page);
  const row = byTestId(page, 'api-key-row').filter({ hasText: KEY_NAME });
  await row.locator('[data-testid="api-key-edit-limit"]').click();
  const value = byTestId(page, 'api-key-limit-form-value').locator('input');
  await expect(value).toHaveValue('10');
  await value.fill('1200');
  await value.press('Tab');
  await keepScreenshot(page, 'api-key-limits-edit-desktop');
  await byTestId(page, 'api-key-limit-form-submit').click();
  await expect(page.locator('.ant-message')).toContainText('上限已改为每分钟 1200 次');
  await expect(row.locator('[data-testid="api-key-budget"]')).toContainText('1200 次');
  const served = await regions(request, secret);
  expect(served.status()).toBe(200);
  expect(served.headers()['ratelimit-limit']).toBe('1200');

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(byTestId(page, 'api-keys-table')).toBeVisible();
  await keepScreenshot(page, 'api-key-limits-phone');
  await row.locator('[data-testid="api-key-edit-limit"]').scrollIntoViewIfNeeded();
  await row.locator('[data-testid="api-key-edit-limit"]').click();
  await expect(byTestId(page, 'api-key-limit-form-value').locator('input')).toHaveValue('1200');
  await keepScreenshot(page, 'api-key-limits-edit-phone', { fullPage: false });
});
