import { addMonths, type MonthOverview, monthOf, type ReportGridResponse, type ReportQueueResponse, type ReportsChanged, shanghaiToday } from '@zhaoshang/shared/domain';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * 填报义务 (DOMAIN.md §5): a project owes monthly reports from its signing month until its production
 * month plus a setting (default 3). After that a missing report is not 未报 — on the entry grid, the
 * verification queue and the month overview alike — but a report may still be filed and counts.
 */
describe('the reporting obligation', () => {
  let t: TestApp;
  let admin: string;
  const month = addMonths(monthOf(shanghaiToday()), -1);
  const day = (m: string) => `${m}-10`;
  const year = month.slice(0, 4);

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    const signed = day(addMonths(month, -12));
    // in production 5 months before `month`: its obligation ended 2 months before it
    await createProject(t, admin, { name: 'A 早已投产', signedAt: signed, stage: 'IN_PRODUCTION', constructionStartedAt: day(addMonths(month, -8)), productionStartedAt: day(addMonths(month, -5)) });
    // in production 3 months before: `month` is the last it owes
    await createProject(t, admin, { name: 'B 投产三月', signedAt: signed, stage: 'IN_PRODUCTION', constructionStartedAt: day(addMonths(month, -8)), productionStartedAt: day(addMonths(month, -3)) });
    await createProject(t, admin, { name: 'C 在建', signedAt: signed, stage: 'UNDER_CONSTRUCTION', constructionStartedAt: day(addMonths(month, -8)) });
    // in production on the 1st, 3 months before: its obligation ends at `month`'s very first moment, and `month` is still owed
    await createProject(t, admin, { name: 'D 月初投产', signedAt: signed, stage: 'IN_PRODUCTION', constructionStartedAt: day(addMonths(month, -8)), productionStartedAt: `${addMonths(month, -3)}-01` });
  });
  const draft = async (name: string) => {
    const grid = await t.request<ReportGridResponse>('GET', `/api/v1/monthly-reports/grid?regionCode=150525&month=${month}`, { token: admin });
    const row = grid.body.rows.find((r) => r.projectName === name)!;
    return t.request<ReportsChanged>('PUT', '/api/v1/monthly-reports/drafts', {
      token: admin,
      body: { regionCode: '150525', month, items: [{ projectId: row.projectId, version: null, arrivedEquityWan: '10', arrivedLoanWan: null, arrivedOtherWan: null, completedInvestmentWan: null, progress: null }] },
    });
  };
  afterAll(() => t?.stop());

  const missing = async () => {
    const grid = await t.request<ReportGridResponse>('GET', `/api/v1/monthly-reports/grid?regionCode=150525&month=${month}`, { token: admin });
    const queue = await t.request<ReportQueueResponse>('GET', `/api/v1/monthly-reports/queue?month=${month}`, { token: admin });
    const months = await t.request<MonthOverview[]>('GET', `/api/v1/months?year=${year}`, { token: admin });
    const overview = months.body.find((m) => m.month === month);
    return {
      rows: grid.body.rows.map((r) => r.projectName),
      grid: grid.body.counts.MISSING,
      queue: queue.body.byRegion.find((r) => r.regionCode === '150525')?.MISSING,
      expected: overview?.expected,
      overview: overview?.counts.MISSING,
    };
  };

  it('lists every project that may report, but counts as 未报 only those that owe it', async () => {
    expect(await missing()).toEqual({ rows: ['A 早已投产', 'B 投产三月', 'C 在建', 'D 月初投产'], grid: 3, queue: 3, expected: 3, overview: 3 });
  });

  it('still takes a report beyond the obligation, and counts it', async () => {
    expect((await draft('A 早已投产')).status).toBe(200);
    const after = await t.request<ReportGridResponse>('GET', `/api/v1/monthly-reports/grid?regionCode=150525&month=${month}`, { token: admin });
    expect(after.body.counts).toMatchObject({ DRAFT: 1, MISSING: 3 });
    expect(await missing()).toMatchObject({ grid: 3, queue: 3, expected: 3, overview: 3 });
  });

  it('counts the report of the last month owed as owed, to the day', async () => {
    expect((await draft('D 月初投产')).status).toBe(200);
    expect(await missing()).toMatchObject({ grid: 2, queue: 2, expected: 3, overview: 2 });
  });

  it('follows the setting', async () => {
    const { body } = await t.request<{ settings: Record<string, Record<string, number>>; version: number }>('GET', '/api/v1/settings/warnings', { token: admin });
    const settings = { ...body.settings, REPORT: { ...body.settings['REPORT'], monthsAfterProduction: 1 } };
    expect((await t.request('PUT', '/api/v1/settings/warnings', { token: admin, body: { settings, version: body.version } })).status).toBe(200);
    // B's and D's production month + 1 are before `month` now: only C owes it (D's report counts, not as owed)
    expect(await missing()).toMatchObject({ grid: 1, queue: 1, expected: 1, overview: 1 });
  });
});
