import { expect, type Page, test } from './support/test';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN_PASSWORD, apiToken, byTestId, dialogSettled, keepScreenshot, signIn } from './support/app';

/**
 * Issue 16 item 1: an admin subscribes a receiver, sees the signing secret once, sends a test
 * delivery that a real receiver on 127.0.0.1 checks (Standard Webhooks signature), and reads the
 * delivery log, on a desktop and on a phone.
 */
test.describe.configure({ mode: 'serial' });

interface Got {
  id: string;
  type: string;
  signed: boolean;
}

let server: Server;
let receiverUrl = '';
let secret = '';
const got: Got[] = [];

function verified(id: string, timestamp: string, body: string, signature: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
  return signature.split(' ').includes(expected);
}

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(req.headers['webhook-id']);
      const signed = verified(id, String(req.headers['webhook-timestamp']), body, String(req.headers['webhook-signature']));
      got.push({ id, type: (JSON.parse(body) as { type: string }).type, signed });
      res.writeHead(signed ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/zhaoshang`;
});

test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function openPage(page: Page): Promise<void> {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto('/admin/webhooks');
  await expect(byTestId(page, 'webhooks-table')).toBeVisible();
}

test('an admin subscribes, sees the secret once, sends a test delivery and reads the log', async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPage(page);

  await byTestId(page, 'webhook-create').click();
  await dialogSettled(page);
  await byTestId(page, 'webhook-form-name').fill('市统计局项目库同步');
  await byTestId(page, 'webhook-form-url').fill('ftp://tj.example.gov.cn/hooks');
  await byTestId(page, 'webhook-form-all').click();
  await byTestId(page, 'webhook-form-submit').click();
  await expect(page.getByText('接收地址必须是以 http:// 或 https:// 开头的网址')).toBeVisible();
  await byTestId(page, 'webhook-form-url').fill(receiverUrl);
  await keepScreenshot(page, 'webhooks-create-1440');
  await byTestId(page, 'webhook-form-submit').click();

  const shown = byTestId(page, 'webhook-secret-value');
  await expect(shown).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);
  secret = (await shown.textContent()) ?? '';
  await keepScreenshot(page, 'webhooks-secret-1440');
  await byTestId(page, 'webhook-secret-close').click();
  await expect(shown).toHaveCount(0);
  // shown once: neither the page nor the API gives it again
  const row = byTestId(page, 'webhook-row').filter({ hasText: '市统计局项目库同步' });
  await expect(row).toContainText(secret.slice(0, 10));
  expect(await page.content()).not.toContain(secret);
  const token = await apiToken(request, 'admin', ADMIN_PASSWORD);
  expect(await (await request.get('/api/v1/webhooks', { headers: { authorization: `Bearer ${token}` } })).text()).not.toContain(secret);

  await row.locator('[data-testid="webhook-test"]').click();
  await expect(page.getByText(/测试事件已送达（HTTP 204/)).toBeVisible();
  const line = byTestId(page, 'webhook-delivery-row').filter({ hasText: 'webhook.test' }).first();
  await expect(line).toContainText('成功');
  await expect(line).toContainText('204');
  expect(got.filter((g) => g.type === 'webhook.test')).toEqual([expect.objectContaining({ signed: true })]);

  // a real change: the project created here reaches the receiver, signed, and shows in the log
  const created = await request.post('/api/v1/projects', {
    headers: { authorization: `Bearer ${token}` },
    data: { name: 'Webhook 演示 风电装备制造项目', regionCode: '150521', industryCode: 'NE', investorName: '某新能源装备有限公司', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '52000.00', stage: 'SIGNED', signedAt: '2026-11-20' },
  });
  expect(created.status()).toBe(201);
  await expect.poll(() => got.filter((g) => g.type === 'project.created' && g.signed).length, { timeout: 15_000 }).toBeGreaterThan(0);
  await byTestId(page, 'webhook-log-reload').click();
  await expect(byTestId(page, 'webhook-delivery-row').filter({ hasText: 'project.created' }).first()).toContainText('成功');
  expect(got.every((g) => g.signed)).toBe(true);
  await keepScreenshot(page, 'webhooks-log-1440');

  await page.setViewportSize({ width: 375, height: 812 });
  await page.reload();
  await expect(byTestId(page, 'webhook-delivery-row').first()).toBeVisible();
  await keepScreenshot(page, 'webhooks-log-375');
});

test('pausing and resuming, then the subscription is deleted', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openPage(page);
  const row = byTestId(page, 'webhook-row').filter({ hasText: '市统计局项目库同步' });
  await row.locator('[data-testid="webhook-pause"]').click();
  await expect(row.locator('[data-testid="webhook-status"]')).toHaveText('已暂停');
  await row.locator('[data-testid="webhook-resume"]').click();
  await expect(row.locator('[data-testid="webhook-status"]')).toHaveText('启用');
  // other specs share this server: without the subscription their changes go nowhere
  await row.locator('[data-testid="webhook-delete"]').click();
  await page.locator('.ant-popover .ant-btn-dangerous').click();
  await expect(row).toHaveCount(0);
});
