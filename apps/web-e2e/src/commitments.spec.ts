import { type APIRequestContext, expect, test } from './support/test';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, createUser, dialogOpened, fillDate, keepScreenshot, signIn } from './support/app';

/**
 * Issue 15 item 1 (DOMAIN.md §9): a 科左中旗 user records two commitments on a project from its
 * page and honours one partly; the 兑现台账 (their region preselected) shows the summary sentence,
 * the counts and the amounts; the export downloads; an import dry run with one bad row says where;
 * city staff issue a 提醒单 about the overdue commitment from the ledger (DOMAIN.md §9).
 */
const KZZ = { code: '150521', name: '科尔沁左翼中旗' };
const CITY = { username: 'shiduixian', displayName: '市投促局 乌兰', password: 'Duixian#2026city', role: 'CITY_STAFF' };
const STAFF = { username: 'kzzduixian', displayName: '科左中旗 其其格', password: 'Duixian#2026e2e', role: 'DISTRICT_STAFF', regionCode: KZZ.code };
const PROJECT = '科左中旗 兑现测试 风电供热项目';
const UNIT = '科左中旗财政局（兑现测试）';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Beijing's today, as the API counts days */
function today(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

const ids = { project: '', projectNo: '' };

async function asAdmin(request: APIRequestContext) {
  return { authorization: `Bearer ${await apiToken(request, 'admin', ADMIN_PASSWORD)}` };
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  await createUser(request, STAFF);
  await createUser(request, CITY);
  const headers = await asAdmin(request);
  const unit = await request.post('/api/v1/units', { headers, data: { name: UNIT, level: 'DISTRICT', regionCode: KZZ.code } });
  expect(unit.status()).toBe(201);
  const project = await request.post('/api/v1/projects', {
    headers,
    data: { name: PROJECT, regionCode: KZZ.code, industryCode: 'AG', investorName: '科左中旗某新能源公司', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '86000', stage: 'SIGNED', signedAt: today(-120) },
  });
  expect(project.status()).toBe(201);
  const body = (await project.json()) as { id: string; projectNo: string };
  ids.project = body.id;
  ids.projectNo = body.projectNo;
});

test('a district user records two commitments on the project and honours one partly; the ledger sums them up', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(STAFF.displayName);
  await page.goto(`/projects/${ids.project}`);
  const card = byTestId(page, 'project-commitments');
  await expect(card).toContainText('没有登记优惠政策承诺');

  const record = async (type: string, content: string, amount: string, due: string) => {
    await byTestId(page, 'project-add-commitment').click();
    await choose(page, 'commitment-type', type);
    await byTestId(page, 'commitment-content').fill(content);
    await byTestId(page, 'commitment-amount').fill(amount);
    await fillDate(page, 'commitment-due', due);
    await choose(page, 'commitment-unit', UNIT);
    await byTestId(page, 'commitment-dialog-submit').click();
    await expect(byTestId(page, 'commitment-dialog-submit')).toHaveCount(0);
  };
  await record('财政奖补', '设备投资补助（按设备投资额 5% 奖补）', '1200', today(-10));
  await keepScreenshot(page, 'commitments-project-card-one-desktop', { fullPage: false });
  await record('基础设施配套', '修通厂区道路 3 公里并接通供热管网', '', today(90));
  await expect(card.locator('[data-testid="project-commitment"]')).toHaveCount(2);
  // the first is past its due date: 逾期, listed first
  await expect(card).toContainText('逾期 1');

  await card.locator('[data-testid="project-commitment"]').filter({ hasText: '设备投资补助' }).locator('[data-testid="project-commitment-honour"]').click();
  await choose(page, 'honour-status', '部分兑现');
  // the date first: its Enter submits the form, which without an amount only says what is missing
  await fillDate(page, 'honour-at', today(-1));
  await expect(page.locator('.ant-modal:visible')).toContainText('请填写累计兑现金额（万元）');
  await byTestId(page, 'honour-amount').fill('450.5');
  await keepScreenshot(page, 'commitments-honour-dialog-desktop', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'honour-dialog-submit').click();
  await expect(byTestId(page, 'honour-dialog-submit')).toHaveCount(0);
  await expect(card.locator('[data-testid="project-commitment"][data-status="PARTIAL"]')).toHaveCount(1);
  await keepScreenshot(page, 'commitments-project-card-desktop');

  // the ledger: the district user's region preselected
  await page.goto('/commitments');
  await expect(byTestId(page, 'commitment-row')).toHaveCount(2);
  await expect(byTestId(page, 'commitment-summary')).toHaveText('梳理未兑现优惠政策 2 条，已完成整改 0 条，兑现资金 450.5 万元');
  await expect(byTestId(page, 'commitment-count-total')).toHaveText('2');
  await expect(byTestId(page, 'commitment-count-partial')).toHaveText('1');
  await expect(byTestId(page, 'commitment-count-overdue')).toHaveText('1');
  await expect(byTestId(page, 'commitment-total-promised')).toHaveText('1,200.00 万元');
  await expect(byTestId(page, 'commitment-total-honoured')).toHaveText('450.50 万元');
  await expect(byTestId(page, 'commitment-row').first().locator('[data-testid="commitment-overdue"]')).toHaveText('逾期');
  await keepScreenshot(page, 'commitments-ledger-desktop');

  // 只看逾期 goes into the URL and survives a reload
  await byTestId(page, 'commitment-filter-overdue').click();
  await expect(page).toHaveURL(/overdue=true/);
  await page.reload();
  await expect(byTestId(page, 'commitment-row')).toHaveCount(1);
  await expect(byTestId(page, 'commitment-summary')).toHaveText('梳理未兑现优惠政策 1 条，已完成整改 0 条，兑现资金 450.5 万元');

  // the export downloads the ledger
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'commitment-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^优惠政策兑现台账-科尔沁左翼中旗-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync((await download.path()) ?? '') as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  expect(sheet.getCell('A1').value).toBe('优惠政策兑现台账');
  expect(String(sheet.getCell('A2').value)).toContain('梳理未兑现优惠政策 1 条');
  expect(sheet.getRow(4).getCell(5).value).toBe('设备投资补助（按设备投资额 5% 奖补）');

  // on a phone: cards, the summary on top
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/commitments');
  await expect(byTestId(page, 'commitment-row')).toHaveCount(2);
  await keepScreenshot(page, 'commitments-ledger-phone');
});

test('an import dry run with one bad row says where, and writes nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, STAFF.username, STAFF.password);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/commitments');
  await byTestId(page, 'commitment-import').click();
  await expect(page).toHaveURL(/\/imports\?kind=commitments/);
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('兑现台账');
  ws.addRow(['项目编号', '政策类型', '承诺内容', '承诺金额(万元)', '兑现期限', '责任单位', '兑现状态', '已兑现金额(万元)', '兑现日期', '不再兑现原因']);
  ws.addRow([ids.projectNo, '人才', '高管子女就近入学', null, today(30), UNIT, null, null, null, null]);
  ws.addRow([ids.projectNo, '土地', '按基准地价供地 200 亩', 3000, today(60), UNIT, '部分兑现', 3500, today(-1), null]);
  await byTestId(page, 'import-upload')
    .locator('input[type="file"]')
    .setInputFiles({ name: '兑现台账.xlsx', mimeType: XLSX, buffer: Buffer.from(await book.xlsx.writeBuffer()) });
  await expect(byTestId(page, 'import-errors')).toContainText('共 1 处错误，未写入任何数据');
  const rows = byTestId(page, 'import-errors-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0).locator('td')).toHaveText(['兑现台账', '3', '已兑现金额(万元)', '累计兑现金额（3500.00 万元）不能超过承诺金额（3000.00 万元）']);
  await expect(byTestId(page, 'import-run')).toHaveCount(0);
  await keepScreenshot(page, 'commitments-import-errors-desktop');
  await page.goto('/commitments');
  await expect(byTestId(page, 'commitment-row')).toHaveCount(2);
});

test('city staff issue a 提醒单 about the overdue commitment from the ledger', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, CITY.username, CITY.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(CITY.displayName);
  await page.goto(`/commitments?regionCode=${KZZ.code}`);
  await expect(byTestId(page, 'commitment-row')).toHaveCount(2);
  // only the overdue, still open commitment may be reminded about (the road is due in 90 days)
  const late = byTestId(page, 'commitment-row').filter({ hasText: '设备投资补助' });
  await expect(byTestId(page, 'commitment-row').filter({ hasText: '修通厂区道路' }).getByTestId('commitment-remind')).toHaveCount(0);
  await late.getByTestId('commitment-remind').click();
  await expect(byTestId(page, 'notice-compose-subject')).toContainText(PROJECT);
  // the suggested facts name the commitment, its unit (the recipient) and how late it is
  await expect(page.locator('.ant-modal:visible')).toContainText(UNIT);
  await expect(byTestId(page, 'notice-compose-facts')).toHaveValue(/设备投资补助.*现已逾期10天/);
  await keepScreenshot(page, 'commitments-remind-compose-desktop', { fullPage: false });
  await dialogOpened(page);
  await byTestId(page, 'notice-compose-submit').click();
  await expect(page.locator('.ant-message')).toContainText(/已下发 通招提〔\d{4}〕\d+号/);

  // the notice ledger lists it under its subject 优惠政策兑现
  await page.goto('/notices');
  const row = byTestId(page, 'notice-row').filter({ hasText: PROJECT });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-kind', 'REMINDER');

  // on a phone: the card offers 发提醒单 too
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto(`/commitments?regionCode=${KZZ.code}&overdue=true`);
  await expect(byTestId(page, 'commitment-row')).toHaveCount(1);
  await expect(byTestId(page, 'commitment-row').getByTestId('commitment-remind')).toBeVisible();
  await keepScreenshot(page, 'commitments-ledger-city-phone');
});
