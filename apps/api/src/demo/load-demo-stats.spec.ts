import { addMonths, monthOf, type ReconciliationResponse, shanghaiToday, type StatsCoverageResponse } from '@zhaoshang/shared/domain';
import { TestApp } from '../../test/support/test-app.js';

/** Issue 16: SEED_DEMO loads the bureau's list with realistic disagreements, and the reconciliation shows them. */
describe('demo data: the statistics bureau list', () => {
  let t: TestApp;
  const month = addMonths(monthOf(shanghaiToday()), -1);

  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: true });
  });
  afterAll(() => t?.stop());

  it('loads the last two months of the list, and about 85% of our 入库 projects are in it', async () => {
    const [{ months }] = await t.query<{ months: string[] }>(`SELECT array_agg(DISTINCT month ORDER BY month) AS months FROM stats_projects`);
    expect(months).toEqual([addMonths(month, -1), month]);
    const token = await t.adminToken();
    const coverage = await t.request<StatsCoverageResponse>('GET', `/api/v1/stats-projects/coverage?month=${month}&region=150500`, { token });
    expect(coverage.body.listMonth).toBe(month);
    expect(coverage.body.share).toBeGreaterThan(0.8);
    expect(coverage.body.share).toBeLessThan(0.9);
    const r = (await t.request<ReconciliationResponse>('GET', `/api/v1/stats-projects/reconciliation?month=${month}&region=150500`, { token })).body;
    // every list has something to show, the differences too
    for (const list of ['matched', 'oursOnly', 'notRegistered', 'unknown', 'amountDiffers'] as const) expect(r.counts[list]).toBeGreaterThan(0);
    expect(r.lists.matched.some((row) => row.matchedBy === 'NAME')).toBe(true);
    expect(r.lists.matched.some((row) => row.registeredMonthDiffers)).toBe(true);
    expect(r.differenceWan).not.toBe('0.00');
    if (process.env.DEMO_TIMING) console.log(JSON.stringify({ counts: r.counts, listed: r.listedCount, coverage: coverage.body }));
  });
});
