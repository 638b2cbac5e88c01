import { addMonths, MONEY_WAN_PATTERN, monthRange, originCounts, PROGRESS_MAX_LENGTH, reportFigureProblems, reportMonthProblem } from '@zhaoshang/shared/domain';
import {
  ArrivalTally,
  CITY_REGION_CODE,
  type DemoDataSet,
  type DemoFaiTotal,
  type DemoReport,
  demoFaiTotals,
  demoReportChunks,
  DISTRICTS,
  generateDemoMonthlyData,
  generateDemoProjects,
  MONTH_CLOSED_BY,
  MonthlyContext,
  RETURN_REASONS,
} from '../index.js';

const NOW = new Date('2026-03-15T04:00:00Z');
const TODAY = '2026-03-15';
const THIS_MONTH = '2026-03';
const data = generateDemoProjects({ now: NOW });
const monthly = generateDemoMonthlyData(data, { now: NOW });
const reports = monthly.reports;
const byNo = new Map(data.projects.map((p) => [p.projectNo, p]));

/** hundredths of 万元 of a decimal string: exact, no binary fractions */
const cents = (wan: string) => {
  const [whole, fraction] = wan.split('.');
  return Number(whole) * 100 + Number(fraction);
};
const arrived = (r: DemoReport) => cents(r.arrivedEquityWan) + cents(r.arrivedLoanWan) + cents(r.arrivedOtherWan);

/** 到位资金占固投比重 of the city for a year, in plain TS: VERIFIED arrivals of city-level origins ÷ the city's own FAI. */
function cityRatio(set: DemoDataSet, generated: { reports: DemoReport[]; faiTotals: DemoFaiTotal[] }, year: string): number {
  const projects = new Map(set.projects.map((p) => [p.projectNo, p]));
  let funds = 0;
  for (const r of generated.reports) {
    if (r.status === 'VERIFIED' && r.month.startsWith(year) && originCounts(projects.get(r.projectNo)?.investorOrigin ?? 'LOCAL', 'CITY')) funds += arrived(r);
  }
  const fai = generated.faiTotals.filter((f) => f.regionCode === CITY_REGION_CODE && f.month.startsWith(year)).reduce((sum, f) => sum + cents(f.amountWan), 0);
  return funds / fai;
}

describe('generateDemoMonthlyData', () => {
  it('gives the same reports, FAI totals and closes for the same seed and day, others for another seed', () => {
    expect(generateDemoMonthlyData(generateDemoProjects({ now: NOW }), { now: NOW })).toEqual(monthly);
    const other = generateDemoMonthlyData(data, { now: NOW, seed: 7 });
    expect(other.reports.map(arrived)).not.toEqual(reports.map(arrived));
  });

  it('makes every report valid by the shared rules: a month the project must report for, figures ≥ 0 with 2 decimals', () => {
    expect(reports.length).toBeGreaterThan(10_000);
    // collected, then checked once: an expect per report would take seconds
    const problems: string[] = [];
    for (const r of reports) {
      const project = byNo.get(r.projectNo);
      const where = `${r.projectNo} ${r.month}`;
      if (!project) {
        problems.push(`${where}: no such project`);
        continue;
      }
      const monthProblem = reportMonthProblem(project, r.month, TODAY);
      if (monthProblem) problems.push(`${where}: ${monthProblem}`);
      for (const problem of reportFigureProblems(r)) problems.push(`${where}: ${problem.field} ${problem.message}`);
      for (const value of [r.arrivedEquityWan, r.arrivedLoanWan, r.arrivedOtherWan, r.completedInvestmentWan]) {
        if (!/^\d+\.\d{2}$/.test(value) || !MONEY_WAN_PATTERN.test(value)) problems.push(`${where}: amount ${value}`);
      }
      if (r.month > THIS_MONTH) problems.push(`${where}: a future month`);
      if (r.progress !== null && (r.progress.length === 0 || r.progress.length > PROGRESS_MAX_LENGTH)) problems.push(`${where}: progress ${r.progress}`);
    }
    expect(problems).toEqual([]);
    expect(new Set(reports.map((r) => `${r.projectNo}|${r.month}`)).size).toBe(reports.length);
  });

  it('gives each status its fields and times: reasons for RETURNED, verification for VERIFIED, nothing after now', () => {
    const problems: string[] = [];
    const nowIso = NOW.toISOString();
    for (const r of reports) {
      const where = `${r.projectNo} ${r.month} ${r.status}`;
      if ((r.returnReason === null) !== (r.status !== 'RETURNED')) problems.push(`${where}: return reason ${r.returnReason}`);
      if (r.returnReason !== null && !(RETURN_REASONS as readonly string[]).includes(r.returnReason)) problems.push(`${where}: reason ${r.returnReason}`);
      if ((r.verifiedAt === null) !== (r.status !== 'VERIFIED')) problems.push(`${where}: verifiedAt ${r.verifiedAt}`);
      if ((r.submittedAt === null) !== (r.status === 'DRAFT')) problems.push(`${where}: submittedAt ${r.submittedAt}`);
      if (r.version !== (r.status === 'DRAFT' ? 1 : r.status === 'SUBMITTED' ? 2 : 3)) problems.push(`${where}: version ${r.version}`);
      const times = [r.createdAt, r.submittedAt, r.verifiedAt].filter((t): t is string => t !== null);
      if (times.some((t, k) => (k > 0 && t < times[k - 1]) || t > r.updatedAt)) problems.push(`${where}: times ${times.join(' ')} ${r.updatedAt}`);
      if (r.updatedAt > nowIso) problems.push(`${where}: after now ${r.updatedAt}`);
      if (r.createdAt < (byNo.get(r.projectNo)?.createdAt ?? '')) problems.push(`${where}: before its project ${r.createdAt}`);
    }
    expect(problems).toEqual([]);
  });

  it('reports nearly every month up to two months ago as verified; last month mostly submitted; this month a few drafts', () => {
    const expected = (month: string) => data.projects.filter((p) => reportMonthProblem(p, month, TODAY) === null).length;
    const of = (month: string) => reports.filter((r) => r.month === month);
    const count = (month: string, status: string) => of(month).filter((r) => r.status === status).length;

    const current = of(THIS_MONTH);
    expect(current.every((r) => r.status === 'DRAFT')).toBe(true);
    expect(current.length).toBeGreaterThan(0);
    expect(current.length).toBeLessThan(expected(THIS_MONTH) * 0.2);

    const last = addMonths(THIS_MONTH, -1);
    expect(count(last, 'SUBMITTED')).toBeGreaterThan(expected(last) * 0.45);
    for (const status of ['VERIFIED', 'RETURNED', 'DRAFT']) expect(count(last, status)).toBeGreaterThan(0);
    const missingLast = expected(last) - of(last).length;
    expect(missingLast).toBeGreaterThan(0);
    expect(missingLast).toBeLessThan(expected(last) * 0.15);

    let older = 0;
    let olderVerified = 0;
    let olderExpected = 0;
    for (const month of monthRange('2021-01', addMonths(THIS_MONTH, -2))) {
      olderExpected += expected(month);
      older += of(month).length;
      olderVerified += count(month, 'VERIFIED');
    }
    expect(olderVerified / olderExpected).toBeGreaterThan(0.97);
    expect(older).toBeLessThan(olderExpected);
    expect(reports.filter((r) => r.month < last && r.status === 'RETURNED').length).toBeGreaterThan(0);
  });

  it('gives no report to a project in negotiation, none after a termination', () => {
    const wrong = reports.filter((r) => {
      const p = byNo.get(r.projectNo);
      return p?.stage === 'NEGOTIATING' || (p?.terminatedAt != null && r.month > p.terminatedAt.slice(0, 7));
    });
    expect(wrong).toEqual([]);
    expect(reports.some((r) => byNo.get(r.projectNo)?.stage === 'TERMINATED')).toBe(true);
  });

  it('shapes the money plausibly: ~15–30% of the contracts arrive, mostly after the start of construction, some months nothing', () => {
    const contracts = data.projects.filter((p) => p.signedAt !== null).reduce((sum, p) => sum + cents(p.contractAmountWan), 0);
    const total = reports.reduce((sum, r) => sum + arrived(r), 0);
    expect(total / contracts).toBeGreaterThan(0.15);
    expect(total / contracts).toBeLessThan(0.3);

    const afterStart = reports.filter((r) => {
      const started = byNo.get(r.projectNo)?.constructionStartedAt;
      return started != null && r.month >= started.slice(0, 7);
    });
    expect(afterStart.reduce((sum, r) => sum + arrived(r), 0) / total).toBeGreaterThan(0.8);
    const zero = reports.filter((r) => arrived(r) === 0).length / reports.length;
    expect(zero).toBeGreaterThan(0.15);
    expect(zero).toBeLessThan(0.75);
    // completed investment during construction, hardly before
    const started = new Set(afterStart);
    const completedBefore = reports.filter((r) => !started.has(r)).reduce((sum, r) => sum + cents(r.completedInvestmentWan), 0);
    const completed = reports.reduce((sum, r) => sum + cents(r.completedInvestmentWan), 0);
    expect(completedBefore / completed).toBeLessThan(0.05);
    expect(new Set(reports.map((r) => r.progress)).size).toBeGreaterThan(20);
    expect(reports.filter((r) => r.progress?.includes('主体施工')).length).toBeGreaterThan(100);
  });

  it('gives FAI totals for the city and all nine districts, every month from 2021-01 to last month, with Inner Mongolia seasons', () => {
    const months = monthRange('2021-01', addMonths(THIS_MONTH, -1));
    const totals = monthly.faiTotals;
    expect(totals).toHaveLength(months.length * 10);
    for (const month of months) {
      const rows = totals.filter((f) => f.month === month);
      expect(rows.map((f) => f.regionCode).sort()).toEqual([CITY_REGION_CODE, ...DISTRICTS.map((d) => d.code)].sort());
      const city = cents(rows.find((f) => f.regionCode === CITY_REGION_CODE)?.amountWan ?? '0');
      const districts = rows.filter((f) => f.regionCode !== CITY_REGION_CODE).reduce((sum, f) => sum + cents(f.amountWan), 0);
      expect(Math.abs(city - districts) / districts).toBeLessThanOrEqual(0.005);
      for (const f of rows) expect(f.amountWan).toMatch(/^\d+\.\d{2}$/);
    }
    expect(totals.some((f) => f.regionCode === CITY_REGION_CODE && cents(f.amountWan) !== 0)).toBe(true);
    for (const year of ['2022', '2023', '2024', '2025']) {
      const city = (m: string) => cents(totals.find((f) => f.regionCode === CITY_REGION_CODE && f.month === `${year}-${m}`)?.amountWan ?? '0');
      expect(city('01') + city('02')).toBeLessThan(0.6 * (city('06') + city('07')));
    }
  });

  it.each([NOW, new Date('2025-07-10T02:00:00Z'), new Date('2027-01-02T01:00:00Z')])('makes the city arrived funds of 2024 ≈ 77%% of its FAI (now %s)', (now) => {
    const set = now === NOW ? data : generateDemoProjects({ now });
    const ratio = cityRatio(set, now === NOW ? monthly : generateDemoMonthlyData(set, { now }), '2024');
    expect(ratio).toBeGreaterThanOrEqual(0.7);
    expect(ratio).toBeLessThanOrEqual(0.82);
    if (now === NOW) expect(ratio).toBeCloseTo(0.765, 1);
  });

  it('closes every month up to three months ago, none after', () => {
    const closes = monthly.monthCloses;
    expect(closes.map((c) => c.month)).toEqual(monthRange('2021-01', addMonths(THIS_MONTH, -3)));
    for (const c of closes) {
      expect(c.closedBy).toBe(MONTH_CLOSED_BY);
      expect(c.closedAt > `${addMonths(c.month, 1)}-01`).toBe(true);
      expect(new Date(c.closedAt) <= NOW).toBe(true);
    }
  });

  it('streams the reports in chunks of the size asked, the same as all at once, and tallies the same FAI', () => {
    const tally = new ArrivalTally();
    const chunks = [...demoReportChunks(data, { now: NOW }, 1000, tally)];
    expect(chunks.every((c) => c.length <= 1000)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(reports.length / 1000));
    expect(chunks.flat()).toEqual(reports);
    expect(tally.complete).toBe(true);
    expect(demoFaiTotals(data, { now: NOW }, tally)).toEqual(monthly.faiTotals);
    expect(demoFaiTotals(data, { now: NOW })).toEqual(monthly.faiTotals);
  });

  it('writes instants as Date#toISOString does', () => {
    const ctx = new MonthlyContext(data, { now: NOW });
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(1_600_000_000_000 + i * 7_919_993.7 + (i % 7) * 13);
      expect(ctx.iso(ms)).toBe(new Date(ms).toISOString());
    }
  });

  it.each([
    ['2021-01-05T02:00:00Z', 1],
    ['2023-07-01T15:59:00Z', 2],
  ])('stays valid on any day, however short the history (now %s, seed %d)', (now, seed) => {
    const set = generateDemoProjects({ now: new Date(now), seed, count: 200 });
    const generated = generateDemoMonthlyData(set, { now: new Date(now), seed });
    const projects = new Map(set.projects.map((p) => [p.projectNo, p]));
    for (const r of generated.reports) {
      expect(reportMonthProblem(projects.get(r.projectNo) as NonNullable<ReturnType<typeof projects.get>>, r.month, set.today)).toBeNull();
      expect(new Date(r.updatedAt) <= new Date(now)).toBe(true);
    }
    const lastMonth = addMonths(set.today.slice(0, 7), -1);
    expect(generated.faiTotals.every((f) => f.month <= lastMonth && f.month >= '2021-01')).toBe(true);
    expect(generated.monthCloses.every((c) => c.month <= addMonths(set.today.slice(0, 7), -3))).toBe(true);
  });
});
