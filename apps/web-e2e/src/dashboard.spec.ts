import { type APIRequestContext, type Browser, type Page, expect, test } from './support/test';
import ExcelJS from 'exceljs';
import { ADMIN_PASSWORD, apiToken, byTestId, createUser, keepScreenshot, signIn } from './support/app';

/**
 * 驾驶舱: a leader reads this year's summary on a desktop and on a phone, drills from a district's bar,
 * a month's bar and a card to what the figure counts (whose sum is the figure), prints it and downloads the 月调度表. The e2e server starts empty: the projects,
 * verified monthly reports, FAI totals and targets behind the charts are made here through the API.
 * Its figures are in 2026 (this year), while the other specs use 2025.
 */
const LEADER = { username: 'leader01', displayName: '市领导 张伟', password: 'Leader#2026x', role: 'LEADER' };

// "today" of the e2e run decides the default period: January → last month
const TODAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const YEAR = Number(TODAY.slice(0, 4)) - (TODAY.slice(5, 7) === '01' ? 1 : 0);
const LAST_MONTH = TODAY.slice(5, 7) === '01' ? `${YEAR}-12` : `${YEAR}-${String(Number(TODAY.slice(5, 7)) - 1).padStart(2, '0')}`;
const lastMonthNumber = Number(LAST_MONTH.slice(5));
const month = (m: number, year = YEAR) => `${year}-${String(m).padStart(2, '0')}`;

interface Seed {
  name: string;
  regionCode: string;
  industryCode: string;
  investorOrigin: string;
  contractAmountWan: string;
  signedMonth: number;
  startedMonth?: number;
  isKeyProject?: boolean;
  /** arrived 万元 each month from signing on (equity) */
  monthlyWan: string;
  year?: number;
}

// signing months are kept at or before last month, whatever month the run is in
const m = (n: number) => Math.min(n, lastMonthNumber);
const SEEDS: Seed[] = [
  { name: '科尔沁区 风光储一体化示范项目', regionCode: '150502', industryCode: 'NE', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '120000', signedMonth: m(1), startedMonth: m(3), isKeyProject: true, monthlyWan: '2600' },
  { name: '科尔沁区 玉米生物精深加工项目', regionCode: '150502', industryCode: 'AG', investorOrigin: 'IN_REGION_OUT_OF_CITY', contractAmountWan: '45000', signedMonth: m(2), isKeyProject: true, monthlyWan: '900' },
  { name: '开鲁县 红干椒冷链物流园', regionCode: '150523', industryCode: 'LG', investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '8000', signedMonth: m(3), startedMonth: m(5), monthlyWan: '450' },
  { name: '奈曼旗 蒙中医药产业园', regionCode: '150525', industryCode: 'BM', investorOrigin: 'FOREIGN', contractAmountWan: '30000', signedMonth: m(2), monthlyWan: '700' },
  { name: '扎鲁特旗 高端铝合金新材料项目', regionCode: '150526', industryCode: 'NM', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '60000', signedMonth: m(4), startedMonth: m(6), isKeyProject: true, monthlyWan: '1500' },
  { name: '霍林郭勒市 煤化工循环经济项目', regionCode: '150581', industryCode: 'CH', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '90000', signedMonth: m(1), startedMonth: m(2), monthlyWan: '3200' },
  { name: '开发区 风电装备制造基地', regionCode: '150571', industryCode: 'EQ', investorOrigin: 'LOCAL', contractAmountWan: '5000', signedMonth: m(5), monthlyWan: '300' },
  { name: '科左中旗 科尔沁草原文旅小镇', regionCode: '150521', industryCode: 'CT', investorOrigin: 'IN_REGION_OUT_OF_CITY', contractAmountWan: '12000', signedMonth: m(6), monthlyWan: '400' },
  // last year's, for 同比
  { name: '霍林郭勒市 电解铝配套项目', regionCode: '150581', industryCode: 'NM', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '50000', signedMonth: 2, startedMonth: 4, monthlyWan: '3000', year: YEAR - 1 },
  { name: '科尔沁区 肉牛屠宰加工项目', regionCode: '150502', industryCode: 'AG', investorOrigin: 'OUT_OF_REGION', contractAmountWan: '20000', signedMonth: 3, monthlyWan: '2500', year: YEAR - 1 },
];
// 全社会固定资产投资 a month (万元) this year; last year's is four fifths of it
const FAI_BASE: Record<string, number> = { '150502': 4200, '150521': 900, '150522': 800, '150523': 1000, '150524': 700, '150525': 1200, '150526': 2200, '150581': 4500, '150571': 900 };
const DISTRICTS = Object.keys(FAI_BASE);
const HUOLIN = { code: '150581', name: '霍林郭勒市' };

test.describe.configure({ mode: 'serial' });

async function call(request: APIRequestContext, token: string, method: 'post' | 'put', url: string, data: unknown): Promise<unknown> {
  const response = await request[method](url, { headers: { authorization: `Bearer ${token}` }, data });
  expect(response.ok(), `${method.toUpperCase()} ${url}: ${await response.text()}`).toBe(true);
  return response.json();
}

/** Projects, a verified monthly report for every month from signing to last month, FAI totals and targets. */
async function seed(request: APIRequestContext): Promise<void> {
  const admin = await apiToken(request, 'admin', ADMIN_PASSWORD);
  const reports = new Map<string, { regionCode: string; month: string; items: { projectId: string; version: null; arrivedEquityWan: string; completedInvestmentWan: string }[] }>();
  for (const s of SEEDS) {
    const year = s.year ?? YEAR;
    const started = s.startedMonth !== undefined;
    const project = (await call(request, admin, 'post', '/api/v1/projects', {
      name: s.name,
      regionCode: s.regionCode,
      industryCode: s.industryCode,
      investorName: `${s.name.split(' ')[1]}投资有限公司`,
      investorOrigin: s.investorOrigin,
      contractAmountWan: s.contractAmountWan,
      plannedInvestmentWan: s.contractAmountWan,
      stage: started ? 'UNDER_CONSTRUCTION' : 'SIGNED',
      signedAt: `${month(s.signedMonth, year)}-10`,
      constructionStartedAt: started ? `${month(s.startedMonth ?? 1, year)}-15` : null,
      isKeyProject: s.isKeyProject ?? false,
      confirmLookAlike: true,
    })) as { id: string };
    const lastReported = year === YEAR ? lastMonthNumber : Math.min(12, lastMonthNumber);
    for (let n = s.signedMonth; n <= lastReported; n++) {
      const key = `${s.regionCode}|${month(n, year)}`;
      const batch = reports.get(key) ?? { regionCode: s.regionCode, month: month(n, year), items: [] };
      batch.items.push({ projectId: project.id, version: null, arrivedEquityWan: s.monthlyWan, completedInvestmentWan: s.monthlyWan });
      reports.set(key, batch);
    }
  }
  for (const batch of reports.values()) {
    await call(request, admin, 'put', '/api/v1/monthly-reports/drafts', batch);
    const submitted = (await call(request, admin, 'post', '/api/v1/monthly-reports/submit', { regionCode: batch.regionCode, month: batch.month })) as { items: { id: string; version: number }[] };
    await call(request, admin, 'post', '/api/v1/monthly-reports/verify', { items: submitted.items.map(({ id, version }) => ({ id, version })) });
  }
  // 全社会固定资产投资: every district, this year and last, up to last month
  const fai: { regionCode: string; month: string; amountWan: string }[] = [];
  for (const [regionCode, base] of Object.entries(FAI_BASE)) {
    for (let n = 1; n <= lastMonthNumber; n++) {
      fai.push({ regionCode, month: month(n), amountWan: String(base + n * 20) });
      fai.push({ regionCode, month: month(n, YEAR - 1), amountWan: String(Math.round(base * 0.8) + n * 16) });
    }
  }
  await call(request, admin, 'put', '/api/v1/fai-totals', { basis: 'MONTH', items: fai });
  // 到位资金 annual targets, so that the ranking can switch to 目标完成率
  await call(request, admin, 'put', '/api/v1/targets', {
    year: YEAR,
    items: DISTRICTS.map((regionCode, i) => ({ regionCode, indicator: 'arrivedFundsWan', value: String(20000 + i * 5000) })),
  });
}

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await createUser(request, LEADER);
  await seed(request);
});

async function openDashboard(page: Page): Promise<void> {
  await page.goto('/dashboard');
  await expect(byTestId(page, 'kpi-signed').getByTestId('kpi-value')).toBeVisible();
  await expect(page.locator('zs-dashboard-page')).toHaveAttribute('data-first-chart-ms', /\d+/);
  await expect(byTestId(page, 'chart-districts').locator('canvas')).toBeVisible();
}

/** Where a bar of a horizontal bar chart is, from the chart itself (its category's value, halfway). */
async function barPoint(page: Page, chartTestId: string, category: string): Promise<{ x: number; y: number }> {
  return byTestId(page, chartTestId).evaluate((host, name) => {
    // the chart component keeps its ECharts instance on its element for this
    const chart = (host as HTMLElement & { zsChart: { getOption(): { yAxis: { data: string[] }[]; series: { data: { value: number }[] }[] }; convertToPixel(finder: object, value: number[]): number[] } }).zsChart;
    const option = chart.getOption();
    const index = option.yAxis[0].data.indexOf(name);
    if (index < 0) throw new Error(`${name} is not on the chart`);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [Math.max(option.series[0].data[index].value / 2, 0.0001), index]);
    return { x: Math.max(x, 4), y };
  }, category);
}

test('a leader reads the summary on a desktop, checks a district and drills to its projects', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, LEADER.username, LEADER.password);
  await expect(byTestId(page, 'current-user-name')).toContainText(LEADER.displayName);
  // leaders land on the summary (issue 13)
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(byTestId(page, 'nav-/dashboard')).toHaveClass(/ant-menu-item-selected/);

  // time to the first chart, from navigation start, in this headless Chromium
  await openDashboard(page);
  const firstChartMs = await page.locator('zs-dashboard-page').getAttribute('data-first-chart-ms');
  console.log(`驾驶舱 time to first chart (headless Chromium, navigation start → first ECharts chart drawn): ${firstChartMs} ms`);

  await expect(byTestId(page, 'preset-year')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('zs-page-header')).toContainText(LAST_MONTH === `${YEAR}-01` ? `${YEAR}年1月` : `${YEAR}年1—${lastMonthNumber}月`);
  await expect(byTestId(page, 'kpi-arrived').getByTestId('kpi-note')).toBeVisible();
  await expect(byTestId(page, 'dashboard-city-note')).toContainText('全市到位资金不含市内县际');
  await expect(byTestId(page, 'district-note')).toContainText('全市合计不等于各旗县之和');
  await expect(byTestId(page, 'origin-note')).toContainText('中心为其合计。不计入：市内县际');
  await expect(byTestId(page, 'chart-trend').locator('canvas')).toBeVisible();
  await expect(byTestId(page, 'chart-industries').locator('canvas')).toBeVisible();
  await expect(byTestId(page, 'chart-origins').locator('canvas')).toBeVisible();
  await expect(byTestId(page, 'key-count')).not.toHaveText('0');
  await keepScreenshot(page, 'dashboard-desktop');

  // the charts keep to their panels' width when the window narrows (drawn once at their size, then
  // resized only when it changes)
  const trendWidth = () => byTestId(page, 'chart-trend').evaluate((host) => ({ chart: (host as HTMLElement & { zsChart: { getWidth(): number } }).zsChart.getWidth(), panel: host.clientWidth }));
  const wide = await trendWidth();
  expect(wide.chart).toBe(wide.panel);
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(async () => (await trendWidth()).chart).toBeLessThan(wide.chart);
  const narrow = await trendWidth();
  expect(narrow.chart).toBe(narrow.panel);
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect.poll(async () => (await trendWidth()).chart).toBe(wide.chart);

  // one district: its own figures (only this spec has projects there this year)
  await byTestId(page, 'dashboard-scope').selectOption({ label: HUOLIN.name });
  await expect(page).toHaveURL(new RegExp(`region=${HUOLIN.code}`));
  const months = lastMonthNumber;
  await expect(byTestId(page, 'kpi-signed').getByTestId('kpi-value')).toHaveText('1');
  await expect(byTestId(page, 'kpi-signedAmount').getByTestId('kpi-value')).toHaveText('9.00');
  await expect(byTestId(page, 'kpi-arrived').getByTestId('kpi-value')).toHaveText(((3200 * months) / 10000).toFixed(2));
  await expect(byTestId(page, 'kpi-arrived').getByTestId('kpi-note')).toHaveCount(0);
  await expect(byTestId(page, 'kpi-arrived').getByTestId('kpi-yoy')).toContainText(/同比/);
  await expect(byTestId(page, 'dashboard-city-note')).toHaveCount(0);

  // the ranking by target completion, then back to the money, then a click on the district's bar
  await byTestId(page, 'district-mode').getByText('目标完成率').click();
  await expect(byTestId(page, 'district-note')).toContainText('年度目标任务');
  await keepScreenshot(page, 'dashboard-district-desktop', { fullPage: false });
  await byTestId(page, 'district-mode').getByText('到位资金').click();
  await page.waitForTimeout(600); // the bars' animation
  const point = await barPoint(page, 'chart-districts', HUOLIN.name);
  await byTestId(page, 'chart-districts').click({ position: point });
  // the district's bar opens what its figure counts: its arrivals of the selected period, by report month
  await expect(page).toHaveURL(new RegExp(`/dashboard/detail\\?indicator=arrivedFundsWan&from=${YEAR}-01&to=${LAST_MONTH}&region=${HUOLIN.code}$`));
  await expect(byTestId(page, 'drill-total')).toHaveText(((3200 * months) / 10000).toFixed(2));
  await expect(byTestId(page, 'drill-row')).toHaveCount(1);
  await expect(byTestId(page, 'drill-row').filter({ hasText: '霍林郭勒市 煤化工循环经济项目' })).toHaveCount(1);
  await expect(byTestId(page, 'drill-row').filter({ hasText: '电解铝配套项目' })).toHaveCount(0);
  await expect(byTestId(page, 'drill-sum')).toContainText((3200 * months).toLocaleString('en-US', { minimumFractionDigits: 2 }));
  // the breadcrumb returns to the 驾驶舱 of the same district
  await byTestId(page, 'drill-back').click();
  await expect(page).toHaveURL(new RegExp(`/dashboard\\?region=${HUOLIN.code}$`));
  await expect(byTestId(page, 'kpi-signed').getByTestId('kpi-value')).toHaveText('1');
});

/** Where a bar of a vertical bar chart is (its category, halfway up its value). */
async function columnPoint(page: Page, chartTestId: string, index: number): Promise<{ x: number; y: number; value: number }> {
  return byTestId(page, chartTestId).evaluate((host, i) => {
    const chart = (host as HTMLElement & { zsChart: { getOption(): { series: { data: { value: number }[] }[] }; convertToPixel(finder: object, value: number[]): number[] } }).zsChart;
    const value = chart.getOption().series[0].data[i].value;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [i, value / 2]);
    return { x, y, value };
  }, index);
}

const yi = (text: string | null) => Number((text ?? '').replace(/,/g, ''));

test('the 到位资金 bar of a month and the 开工 card open what they count, whose sum is the figure clicked, and the breadcrumb returns', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signIn(page, LEADER.username, LEADER.password);
  await expect(byTestId(page, 'current-user-name')).toBeAttached();
  await openDashboard(page);
  await expect(byTestId(page, 'chart-trend').locator('canvas')).toBeVisible();
  await page.waitForTimeout(600); // the bars' animation

  // the month's city figure, worked out from the seed: city-level origins signed by then (not 县际, not 本地)
  const n = lastMonthNumber;
  const expectedWan = SEEDS.filter((s) => (s.year ?? YEAR) === YEAR && s.signedMonth <= n && !['IN_CITY_OTHER_COUNTY', 'LOCAL'].includes(s.investorOrigin)).reduce((sum, s) => sum + Number(s.monthlyWan), 0);
  const bar = await columnPoint(page, 'chart-trend', n - 1);
  expect(bar.value).toBeCloseTo(expectedWan / 10000, 2);
  await byTestId(page, 'chart-trend').click({ position: { x: bar.x, y: bar.y } });
  await expect(page).toHaveURL(new RegExp(`/dashboard/detail\\?indicator=arrivedFundsWan&from=${LAST_MONTH}&to=${LAST_MONTH}`));
  await expect(byTestId(page, 'drill-total')).toBeVisible();
  expect(yi(await byTestId(page, 'drill-total').textContent())).toBeCloseTo(bar.value, 2);
  // the rows' amounts add up to the figure, to the cent
  const amounts = await byTestId(page, 'drill-row-amount').allTextContents();
  const rowsWan = amounts.reduce((sum, a) => sum + Math.round(yi(a) * 100), 0) / 100;
  expect(rowsWan).toBe(expectedWan);
  await expect(byTestId(page, 'drill-sum')).toContainText(expectedWan.toLocaleString('en-US', { minimumFractionDigits: 2 }));
  await expect(byTestId(page, 'drill-rule')).toContainText('按月报所属月份计入');
  await expect(byTestId(page, 'drill-excluded')).toContainText('市内县际');
  await expect(byTestId(page, 'drill-row').filter({ hasText: '开鲁县 红干椒冷链物流园' })).toHaveCount(0); // 县际: not at the city
  await expect(byTestId(page, 'drill-row').first().locator('a')).toHaveAttribute('href', /\/projects\/[0-9a-f-]{36}$/);
  await keepScreenshot(page, 'dashboard-drill-desktop');

  // back to the 驾驶舱 of the whole period (the default: a plain link)
  await byTestId(page, 'drill-back').click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(byTestId(page, 'kpi-started').getByTestId('kpi-value')).toBeVisible();

  // the 开工项目 card: the projects started in the period, as many as the card says
  const started = await byTestId(page, 'kpi-started').getByTestId('kpi-value').textContent();
  const expectedStarted = SEEDS.filter((s) => (s.year ?? YEAR) === YEAR && s.startedMonth !== undefined).length;
  expect(Number(started)).toBe(expectedStarted);
  await byTestId(page, 'kpi-started').click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/detail\\?indicator=startedCount&from=${YEAR}-01&to=${LAST_MONTH}$`));
  await expect(byTestId(page, 'drill-total')).toHaveText(String(expectedStarted));
  await expect(byTestId(page, 'drill-row')).toHaveCount(expectedStarted);
  await expect(byTestId(page, 'drill-rule')).toContainText('开工日期');
  await byTestId(page, 'drill-back').click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await keepScreenshot(page, 'dashboard-desktop-1440');

  // the months are the browser's own lists: picking the first month moves the period
  await byTestId(page, 'dashboard-from').selectOption(LAST_MONTH);
  await expect(page).toHaveURL(new RegExp(`from=${LAST_MONTH}&to=${LAST_MONTH}`));
  await expect(byTestId(page, 'preset-lastMonth')).toHaveAttribute('aria-pressed', 'true');
});

test('the leader downloads the 月调度表 of the last month, prints the summary and drills to a district’s red warnings', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, LEADER.username, LEADER.password);
  await expect(byTestId(page, 'current-user-name')).toBeAttached();
  await openDashboard(page);

  const download = page.waitForEvent('download');
  await byTestId(page, 'dashboard-dispatch').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const text: string[] = [];
  book.worksheets[0].eachRow((row) => row.eachCell((cell) => text.push(String(cell.text))));
  const all = text.join(' ');
  expect(all).toContain(HUOLIN.name);
  expect(all).toContain('到位资金');

  // print as a browser does: beforeprint first, then the print layout (A4 width, print media);
  // the menu, header and controls go, a title with period and scope comes
  await page.waitForTimeout(600); // the charts' first animation is over, as it is when a person clicks 打印
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await expect(byTestId(page, 'dashboard-print-title')).toBeVisible();
  await expect(byTestId(page, 'dashboard-print-title')).toContainText(`${YEAR}年`);
  await expect(byTestId(page, 'nav')).toBeHidden();
  await expect(byTestId(page, 'dashboard-controls')).toBeHidden();
  await page.waitForTimeout(1000);
  await keepScreenshot(page, 'dashboard-print');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));

  // the red warnings of a district lead to the warnings page, filtered to them
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(byTestId(page, 'chart-warnings').locator('canvas')).toBeVisible();
  await page.waitForTimeout(600);
  const point = await barPoint(page, 'chart-warnings', HUOLIN.name);
  await byTestId(page, 'chart-warnings').click({ position: point });
  await expect(page).toHaveURL(new RegExp(`/warnings\\?level=RED&regionCode=${HUOLIN.code}`));
  await expect(byTestId(page, 'warning-filter-region')).toContainText(HUOLIN.name);
});

async function phonePage(browser: Browser): Promise<Page> {
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  return phone.newPage();
}

test('on a phone the leader reads the cards two a row and the charts full width, without sideways scrolling', async ({ browser }) => {
  const page = await phonePage(browser);
  await signIn(page, LEADER.username, LEADER.password);
  await expect(byTestId(page, 'current-user-name')).toBeAttached();
  await openDashboard(page);
  await expect(byTestId(page, 'chart-origins').locator('canvas')).toBeVisible();

  const box = async (id: string) => {
    const found = await byTestId(page, id).boundingBox();
    if (!found) throw new Error(`${id} is not on the page`);
    return found;
  };
  const boxes = await Promise.all(['kpi-signed', 'kpi-signedAmount', 'kpi-started'].map(box));
  expect(boxes[0].y).toBe(boxes[1].y); // two a row
  expect(boxes[2].y).toBeGreaterThan(boxes[0].y);
  const chart = await box('chart-trend');
  expect(chart.width).toBeGreaterThan(300);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'dashboard-phone');

  // a quick pick changes the period in the URL and the figures with it
  if (lastMonthNumber > 1) {
    await byTestId(page, 'preset-lastMonth').click();
    await expect(page).toHaveURL(new RegExp(`from=${LAST_MONTH}&to=${LAST_MONTH}`));
    await expect(page.locator('zs-page-header')).toContainText(`${YEAR}年${lastMonthNumber}月`);
    // every project here was signed by June
    if (lastMonthNumber > 6) await expect(byTestId(page, 'kpi-signed').getByTestId('kpi-value')).toHaveText('0');
    await byTestId(page, 'preset-year').click();
    await expect(page).toHaveURL(/\/dashboard$/);
  }

  // the drill-down works with a tap too, and shows cards on a phone
  const point = await barPoint(page, 'chart-districts', '霍林郭勒');
  await byTestId(page, 'chart-districts').click({ position: point });
  await expect(page).toHaveURL(new RegExp(`/dashboard/detail\\?indicator=arrivedFundsWan&from=${YEAR}-01&to=${LAST_MONTH}&region=${HUOLIN.code}&backRegion=city`));
  await expect(byTestId(page, 'drill-row')).toHaveCount(1);
  await expect(byTestId(page, 'drill-total')).toHaveText(((3200 * lastMonthNumber) / 10000).toFixed(2));
  const drillOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(drillOverflow).toBeLessThanOrEqual(0);
  await keepScreenshot(page, 'dashboard-drill-phone');
  await byTestId(page, 'drill-back').click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await page.context().close();
});
