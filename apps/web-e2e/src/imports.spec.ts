import { type APIRequestContext, type Browser, type Page, expect, test } from './support/test';
import ExcelJS from 'exceljs';
import { ADMIN_PASSWORD, apiToken, byTestId, choose, dialogOpened, keepScreenshot, signIn } from './support/app';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const NAIMAN_PROJECT = '奈曼旗 导入测试 肉牛屠宰加工项目';
const KERQIN_PROJECT = '科尔沁区 导入测试 储能电站项目';
const UNKNOWN_NO = '150525-2025-9999';

test.describe.configure({ mode: 'serial' });

async function workbook(sheet: string, rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(sheet);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const projectsFile = () =>
  workbook('项目清单', [
    ['项目名称', '所属地区', '产业类别', '投资方名称', '投资方来源', '签约额(万元)', '签约日期', '项目阶段'],
    [NAIMAN_PROJECT, '奈曼旗', '玉米生物及农畜产品精深加工', '内蒙古草原牧业有限公司', '区内市外', 35000.5, '2025-03-01', '已签约'],
    [KERQIN_PROJECT, '科尔沁区', '新能源', '通辽储能科技有限公司', '区外', 88000, '2025-02-10', '已签约'],
  ]);

/** Row 2: a known project with a bad amount; row 3: an unknown project; row 4 is fine. */
const badMonthlyFile = (naimanNo: string, kerqinNo: string) =>
  workbook('月报', [
    ['项目编号', '月份', '自有资金到位(万元)', '银行贷款到位(万元)', '其他资金到位(万元)', '完成投资(万元)', '形象进度', '核实状态'],
    [naimanNo, '2025-05', 100, null, null, '一百万', '厂房基础施工', '待核实'],
    [UNKNOWN_NO, '2025-05', 50, null, null, 20, null, '待核实'],
    [kerqinNo, '2025-05', 10, 5, null, 12.5, '设备安装', '待核实'],
  ]);

async function projectNo(request: APIRequestContext, token: string, regionCode: string): Promise<string> {
  const response = await request.get(`/api/v1/projects/search?regionCode=${regionCode}&pageSize=50`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { projectNo: string; name: string }[] };
  const project = items.find((p) => p.name === NAIMAN_PROJECT || p.name === KERQIN_PROJECT);
  expect(project).toBeTruthy();
  return project?.projectNo ?? '';
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await byTestId(page, 'import-upload').locator('input[type="file"]').setInputFiles({ name, mimeType: XLSX, buffer });
}

async function phonePage(browser: Browser): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  return { page, close: () => context.close() };
}

test('a projects file is checked without writing, then imported', async ({ page, request }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/imports');
  await expect(byTestId(page, 'import-kind-fai')).toBeVisible();
  await upload(page, '项目清单.xlsx', await projectsFile());

  await expect(byTestId(page, 'import-check-ok')).toContainText('将新增 2 · 更新 0 · 不变 0');
  const token = await apiToken(request, 'admin', ADMIN_PASSWORD);
  // the check wrote nothing
  const before = await request.get('/api/v1/projects/search?q=导入测试', { headers: { authorization: `Bearer ${token}` } });
  expect(((await before.json()) as { total: { count: number } }).total.count).toBe(0);

  await byTestId(page, 'import-run').click();
  await expect(byTestId(page, 'import-done')).toContainText('导入完成：新增 2，更新 0，不变 0');
  await expect(byTestId(page, 'import-done').getByRole('link', { name: '项目管理' })).toBeVisible();
  const after = await request.get('/api/v1/projects/search?q=导入测试', { headers: { authorization: `Bearer ${token}` } });
  expect(((await after.json()) as { total: { count: number } }).total.count).toBe(2);

  // the same file again changes nothing
  await byTestId(page, 'import-again').click();
  await upload(page, '项目清单.xlsx', await projectsFile());
  await expect(byTestId(page, 'import-check-ok')).toContainText('将新增 0 · 更新 0 · 不变 2');
  await expect(byTestId(page, 'import-run')).toBeDisabled();
});

test('a monthly file with a bad amount and an unknown project shows where, and writes nothing', async ({ page, request, browser }) => {
  const token = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const file = await badMonthlyFile(await projectNo(request, token, '150525'), await projectNo(request, token, '150502'));

  // other specs share this server: count May 2025's reports before, and compare after
  const mayReports = async () => {
    const response = await request.get('/api/v1/monthly-reports?from=2025-05&to=2025-05&status=DRAFT,SUBMITTED,VERIFIED,RETURNED&limit=5000', { headers: { authorization: `Bearer ${token}` } });
    return ((await response.json()) as { items: unknown[] }).items.length;
  };
  const reportsBefore = await mayReports();
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/imports');
  await byTestId(page, 'import-kind-monthly').click();
  await upload(page, '5月月报.xlsx', file);

  const table = byTestId(page, 'import-errors');
  await expect(table).toContainText('共 2 处错误，未写入任何数据');
  const rows = byTestId(page, 'import-errors-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator('td')).toHaveText(['月报', '2', '完成投资(万元)', /完成投资\(万元\)应为数字/]);
  await expect(rows.nth(1).locator('td')).toHaveText(['月报', '3', '项目编号', `项目编号 ${UNKNOWN_NO} 不存在`]);
  await expect(byTestId(page, 'import-run')).toHaveCount(0);
  await keepScreenshot(page, 'import-errors-desktop');

  const download = page.waitForEvent('download');
  await byTestId(page, 'import-error-report').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // nothing was written
  expect(await mayReports()).toBe(reportsBefore);

  const phone = await phonePage(browser);
  await phone.page.goto('/imports');
  await byTestId(phone.page, 'import-kind-monthly').click();
  await upload(phone.page, '5月月报.xlsx', file);
  await expect(byTestId(phone.page, 'import-errors')).toContainText('共 2 处错误');
  await keepScreenshot(phone.page, 'import-errors-phone');
  await phone.close();
});

test('the admin closes a month on the 月结 page', async ({ page, browser }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/reports/months');
  await expect(byTestId(page, 'month-row').first()).toBeVisible();
  await keepScreenshot(page, 'months-desktop');

  // April 2025: both imported projects (signed in February and March) should have reported
  await choose(page, 'months-year', '2025年');
  const april = page.locator('[data-testid="month-row"][data-month="2025-04"]');
  await expect(april.getByTestId('month-state')).toContainText('未月结');
  await april.getByTestId('month-close').click();
  await expect(page.getByTestId('close-month-warning')).toContainText('仍有 0 条未核实、2 个项目未填报，月结后将冻结该月全部月报');
  await keepScreenshot(page, 'months-close-dialog-desktop', { fullPage: false });
  await dialogOpened(page);
  await page.getByTestId('close-month-submit').click();
  await expect(april.getByTestId('month-state')).toContainText('已月结');
  await expect(april).toContainText('系统管理员');
  await expect(april.getByTestId('month-reopen')).toBeVisible();

  const phone = await phonePage(browser);
  await phone.page.goto('/reports/months');
  await expect(byTestId(phone.page, 'month-row').first()).toBeVisible();
  await keepScreenshot(phone.page, 'months-phone');
  await phone.close();
});

test('the FAI table takes a month and adds it up', async ({ page, browser }) => {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await expect(byTestId(page, 'current-user-name')).toBeVisible();
  await page.goto('/reports/fai');
  // a year no other spec on this server writes FAI for (the dashboard's uses this year and the last)
  const year = new Date().getFullYear() - 4;
  await choose(page, 'fai-year', `${year}年`);
  const cell = byTestId(page, `fai-cell-150502-${year}-01`);
  await cell.fill('123456.78');
  await byTestId(page, `fai-cell-150525-${year}-01`).fill('1.234');
  await expect(byTestId(page, 'fai-problems')).toContainText('奈曼旗 1月：金额最多保留 2 位小数');
  await byTestId(page, `fai-cell-150525-${year}-01`).fill('45678');
  await expect(byTestId(page, 'fai-pending')).toContainText('已修改 2 个月份');
  await byTestId(page, 'fai-save').click();
  await expect(page.locator('.ant-message')).toContainText('已保存：新增 2 个');
  await expect(byTestId(page, 'fai-total-150502')).toHaveText('123,456.78');
  await expect(byTestId(page, 'fai-district-total')).toHaveText('169,134.78');
  await keepScreenshot(page, 'fai-desktop');

  const phone = await phonePage(browser);
  await phone.page.goto('/reports/fai');
  await choose(phone.page, 'fai-year', `${year}年`);
  await expect(byTestId(phone.page, `fai-cell-150502-${year}-01`)).toHaveValue('123456.78');
  await keepScreenshot(phone.page, 'fai-phone');
  await phone.close();
});
