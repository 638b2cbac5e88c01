import { APPROVAL_KINDS, CITY_TOTAL_NOTE, type IndicatorQuery, type IndicatorResponse, shanghaiToday } from '@zhaoshang/shared/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import { TestApp } from '../support/test-app.js';
import { differences, IndicatorReference, type RefProject, type RefReport, type RefWorld } from './reference.js';
import { buildQuery, buildWorld, describeWorld, querySpec, queryString, uuidOf, worldSpec } from './world.js';
import { readDictionaries, writeWorld } from './world-db.js';

/**
 * Reference check of the indicator engine (issue 6): GET /api/v1/indicators against a naive
 * implementation of DOMAIN.md §6 (reference.ts) on random small data sets written straight into
 * the tables (world.ts), and on hand-made edge cases. Amounts must agree to 0.01 万元 and rates to
 * 0.0001; in practice they agree exactly.
 *
 * FAST_CHECK_SEED / FAST_CHECK_RUNS reproduce or widen a run.
 */
describe('indicators: engine vs reference (DOMAIN.md §6)', () => {
  let t: TestApp;
  let db: Client;
  let token: string;
  let dictionaries: Awaited<ReturnType<typeof readDictionaries>>;
  const today = shanghaiToday();

  beforeAll(async () => {
    t = await TestApp.start();
    token = await t.adminToken();
    db = new Client({ connectionString: t.databaseUrl });
    await db.connect();
    dictionaries = await readDictionaries(db);
  });
  afterAll(async () => {
    await db?.end();
    await t?.stop();
  });

  async function engine(query: IndicatorQuery): Promise<IndicatorResponse> {
    const response = await t.request<IndicatorResponse>('GET', `/api/v1/indicators?${queryString(query)}`, { token });
    if (response.status !== 200) throw new Error(`GET /indicators?${queryString(query)} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** Loads the world, asks both sides, and answers the reference's response and where the engine differs. */
  async function compare(world: RefWorld, query: IndicatorQuery, loaded = false): Promise<{ reference: IndicatorResponse; diffs: string[] }> {
    if (!loaded) await writeWorld(db, world);
    const reference = new IndicatorReference(world).compute(query);
    return { reference, diffs: differences(await engine(query), reference) };
  }

  // ---- random data sets ----

  it('agrees with the reference on random data sets, scopes, periods and groupings', async () => {
    const districtCodes = dictionaries.regions.filter((r) => r.parentCode !== null).map((r) => r.code);
    const industryCodes = dictionaries.industries.map((i) => i.code);
    const city = dictionaries.regions.find((r) => r.parentCode === null)?.code as string;
    let queries = 0;
    let afterTermination = 0;
    // how often the random queries meet what they are meant to exercise (printed at the end)
    const seen: Record<string, number> = {};
    const tally = (r: IndicatorResponse) => {
      const all = [r.total, ...r.rows];
      const mark = (name: string, yes: boolean) => (seen[name] = (seen[name] ?? 0) + (yes ? 1 : 0));
      mark('arrived>0', all.some((v) => v.arrivedFundsWan !== '0.00'));
      mark('arrivalRate', all.some((v) => v.arrivalRate !== null && v.arrivalRate > 0));
      mark('fundsToFaiRatio', all.some((v) => v.fundsToFaiRatio !== null && v.fundsToFaiRatio > 0));
      mark('registeredFaiShare>0', all.some((v) => v.registeredFaiShare !== null && v.registeredFaiShare > 0));
      mark('growthContribution', all.some((v) => v.growthContribution !== null));
      mark('yoy.arrived', all.some((v) => v.yoy.arrivedFundsWan !== null));
      mark('startRate>0', all.some((v) => v.startRate !== null && v.startRate > 0));
      mark('keyProjects', all.some((v) => v.keyProjects.count > 0));
      mark('keyApprovals', all.some((v) => v.keyProjects.approvalsCompleteCount > 0));
      mark('targetCompletion', all.some((v) => Object.values(v.targetCompletion).some((x) => x !== null)));
      mark('县际 arrived', r.total.arrivedByOrigin.IN_CITY_OTHER_COUNTY !== '0.00');
      mark('foreignCapital>0', all.some((v) => v.foreignCapitalWan !== '0.00'));
      mark('yoy.origin', all.some((v) => Object.values(v.yoy.arrivedByOrigin).some((x) => x !== null)));
      mark('yoy.keyProjects', all.some((v) => Object.values(v.yoy.keyProjects).some((x) => x !== null)));
      mark('industry share', r.groupBy === 'industry' && r.rows.some((v) => v.fundsToFaiRatio !== null && v.fundsToFaiRatio > 0));
      mark('approvals later', all.some((v) => v.keyProjects.approvalsCompleteCount < v.keyProjects.count));
    };
    await fc.assert(
      fc.asyncProperty(worldSpec(districtCodes, industryCodes), fc.array(querySpec, { minLength: 2, maxLength: 5 }), async (spec, querySpecs) => {
        const world = buildWorld(spec, dictionaries.regions, dictionaries.industries, today);
        const terminatedAt = new Map(world.projects.map((p) => [p.id, p.terminatedAt]));
        afterTermination += world.reports.filter((r) => {
          const at = terminatedAt.get(r.projectId);
          return at && r.month > at.slice(0, 7);
        }).length;
        await writeWorld(db, world);
        const otherDistrict = districtCodes.find((c) => !spec.districts.includes(c)) as string;
        for (const qs of querySpecs) {
          const query = buildQuery(qs, spec, city, otherDistrict, today);
          const { reference, diffs } = await compare(world, query, true);
          queries += 1;
          tally(reference);
          if (diffs.length > 0) {
            throw new Error(`GET /indicators?${queryString(query)}: ${diffs.length} differences\n${diffs.slice(0, 25).join('\n')}\n\n${describeWorld(world)}`);
          }
        }
      }),
      {
        numRuns: Number(process.env['FAST_CHECK_RUNS'] ?? 50),
        seed: process.env['FAST_CHECK_SEED'] ? Number(process.env['FAST_CHECK_SEED']) : undefined,
        // shrinking a failure talks to the database each step: bound it
        interruptAfterTimeLimit: 150_000,
        markInterruptAsFailure: false,
      },
    );
    console.log(`${afterTermination} reports after a termination month in the worlds; ${queries} queries; share meeting each feature: ${Object.entries(seen).map(([k, v]) => `${k} ${Math.round((100 * v) / queries)}%`).join(', ')}`);
    expect(queries).toBeGreaterThan(0);
    expect(afterTermination).toBeGreaterThan(0);
  }, 240_000);

  // ---- hand-made edge cases: the reference's figures worked out by hand, and the engine equal to them ----

  let n = 0;
  function project(overrides: Partial<RefProject>): RefProject {
    n += 1;
    const projectNo = `150525-2025-${String(9000 + n).padStart(4, '0')}`;
    const stage = overrides.stage ?? (overrides.terminatedAt ? 'TERMINATED' : overrides.productionStartedAt ? 'IN_PRODUCTION' : overrides.constructionStartedAt ? 'UNDER_CONSTRUCTION' : 'SIGNED');
    return {
      id: uuidOf(projectNo),
      projectNo,
      regionCode: '150525',
      industryCode: 'NE',
      investorOrigin: 'OUT_OF_REGION',
      contractAmountWan: '1000.00',
      signedAt: '2025-02-10',
      registeredAt: null,
      constructionStartedAt: null,
      productionStartedAt: null,
      terminatedAt: null,
      isKeyProject: false,
      statsRegistered: false,
      statsRegisteredMonth: null,
      parentProjectNo: null,
      ...overrides,
      stage,
    };
  }
  const report = (p: RefProject, month: string, arrived: string, status: RefReport['status'] = 'VERIFIED', completed = '0.00'): RefReport => ({
    projectId: p.id,
    month,
    arrivedEquityWan: arrived,
    arrivedLoanWan: '0.00',
    arrivedOtherWan: '0.00',
    completedInvestmentWan: completed,
    status,
  });
  const world = (projects: RefProject[], parts: Partial<Omit<RefWorld, 'projects' | 'regions' | 'industries'>> = {}): RefWorld => ({
    ...dictionaries,
    projects,
    approvals: projects.flatMap((p) => APPROVAL_KINDS.map((kind) => ({ projectId: p.id, kind, status: 'NOT_STARTED' as const, doneAt: null }))),
    reports: [],
    fai: [],
    targets: [],
    ...parts,
  });

  it('keeps what a project terminated mid-period reported before its termination', async () => {
    const p = project({ contractAmountWan: '2000.00', signedAt: '2025-01-10', terminatedAt: '2025-03-15', isKeyProject: true });
    const w = world([p], { reports: [report(p, '2025-01', '10.00'), report(p, '2025-02', '20.00'), report(p, '2025-03', '30.00')] });
    const { reference, diffs } = await compare(w, { from: '2025-01', to: '2025-06', groupBy: 'month' });
    expect(reference.total).toMatchObject({ signedCount: 1, arrivedFundsWan: '60.00', arrivalRate: 0.03, keyProjects: { count: 0 } });
    expect(reference.rows.find((r) => r.key === '2025-03')).toMatchObject({ arrivedFundsWan: '30.00', keyProjects: { count: 0 } });
    expect(reference.rows.find((r) => r.key === '2025-02')).toMatchObject({ arrivedFundsWan: '20.00', keyProjects: { count: 1, startedCount: 0 } });
    expect(diffs).toEqual([]);
  });

  it('gives null ratios for months without FAI, and the city its own figure where it has one', async () => {
    const p = project({ signedAt: '2025-01-10' });
    const fai = [
      { regionCode: '150500', month: '2025-01', amountWan: '5000.00' },
      { regionCode: '150525', month: '2025-01', amountWan: '100.00' },
      { regionCode: '150525', month: '2025-02', amountWan: '200.00' },
      { regionCode: '150525', month: '2024-02', amountWan: '150.00' },
    ];
    const w = world([p], { reports: [report(p, '2025-01', '10.00', 'VERIFIED', '7.00'), report(p, '2025-04', '40.00')], fai });
    await writeWorld(db, w);
    const none = await compare(w, { from: '2025-04', to: '2025-06', region: '150525' }, true);
    expect(none.reference.total).toMatchObject({ arrivedFundsWan: '40.00', faiTotalWan: '0.00', fundsToFaiRatio: null, registeredFaiShare: null, growthContribution: null, pull: null });
    expect(none.reference.total.yoy.faiTotalWan).toBeNull();
    expect(none.diffs).toEqual([]);
    const city = await compare(w, { from: '2025-01', to: '2025-02' }, true);
    expect(city.reference.total).toMatchObject({ faiTotalWan: '5200.00', fundsToFaiRatio: 0.0019, lastYear: { faiTotalWan: '150.00' }, pull: 6.6667 });
    expect(city.diffs).toEqual([]);
    const district = await compare(w, { from: '2025-01', to: '2025-02', region: '150525', groupBy: 'month' }, true);
    expect(district.reference.total.faiTotalWan).toBe('300.00');
    expect(district.reference.rows.map((r) => r.fundsToFaiRatio)).toEqual([0.1, 0]); // February: FAI but no arrivals
    expect(district.diffs).toEqual([]);
  });

  it('counts a start without a registration date (a skipped stage)', async () => {
    const p = project({ signedAt: '2025-02-01', constructionStartedAt: '2025-04-01' });
    const q = project({ signedAt: '2025-02-01', registeredAt: '2025-03-01' });
    const { reference, diffs } = await compare(world([p, q]), { from: '2025-01', to: '2025-06' });
    expect(reference.total).toMatchObject({ signedCount: 2, startedCount: 1, startRate: 0.5 });
    expect(diffs).toEqual([]);
  });

  // Found by this file: the engine counted key projects "started" by construction_started_at only, so a key
  // project that skipped 开工在建 straight to 竣工投产 (§5) was not 开复工 (§6 says "started or in production").
  // Fixed in 7d6605f; this case keeps it fixed.
  it('counts a key project in production without a start date as started (开复工)', async () => {
    const p = project({ signedAt: '2025-01-05', productionStartedAt: '2025-05-01', isKeyProject: true });
    const { reference, diffs } = await compare(world([p]), { from: '2025-01', to: '2025-06' });
    expect(reference.total.keyProjects).toEqual({ count: 1, startedCount: 1, approvalsCompleteCount: 0, startRate: 1, approvalsCompleteRate: 0 });
    expect(reference.total.startedCount).toBe(1); // started at its production date (§5, one "started" rule)
    expect(diffs).toEqual([]);
  });

  it('counts a capital increase as its own project with the increment only', async () => {
    const parent = project({ regionCode: '150502', contractAmountWan: '1500.00', signedAt: '2024-05-01' });
    const increase = project({ regionCode: '150502', contractAmountWan: '300.00', signedAt: '2025-03-01', parentProjectNo: parent.projectNo });
    const { reference, diffs } = await compare(world([parent, increase]), { from: '2025-01', to: '2025-06' });
    expect(reference.total).toMatchObject({ signedCount: 1, signedAmountWan: '300.00', signedCount10m: 0, lastYear: { signedCount: 1, signedAmountWan: '1500.00', signedCount10m: 1 } });
    expect(reference.total.yoy).toMatchObject({ signedCount: 0, signedAmountWan: -0.8, signedCount10m: -1 });
    expect(diffs).toEqual([]);
  });

  it('leaves 市内县际 out of the city and in the district, and LOCAL out of both', async () => {
    const between = project({ investorOrigin: 'IN_CITY_OTHER_COUNTY', contractAmountWan: '500.00' });
    const local = project({ regionCode: '150502', investorOrigin: 'LOCAL' });
    const foreign = project({ regionCode: '150502', investorOrigin: 'FOREIGN', contractAmountWan: '600.00' });
    const w = world([between, local, foreign], { reports: [report(between, '2025-03', '50.00'), report(local, '2025-03', '70.00'), report(foreign, '2025-03', '60.00')] });
    await writeWorld(db, w);
    const byRegion = await compare(w, { from: '2025-01', to: '2025-06', groupBy: 'region' }, true);
    expect(byRegion.reference.total).toMatchObject({ arrivedFundsWan: '60.00', arrivalRate: 0.1, note: CITY_TOTAL_NOTE });
    expect(byRegion.reference.total.arrivedByOrigin).toEqual({ FOREIGN: '60.00', OUT_OF_REGION: '0.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '50.00', LOCAL: '70.00' });
    expect(byRegion.reference.rows.find((r) => r.key === '150525')).toMatchObject({ arrivedFundsWan: '50.00', arrivalRate: 0.1 });
    expect(byRegion.diffs).toEqual([]);
    const district = await compare(w, { from: '2025-01', to: '2025-06', region: '150525' }, true);
    expect(district.reference.total).toMatchObject({ arrivedFundsWan: '50.00', note: null });
    expect(district.diffs).toEqual([]);
  });

  it('gives null, not 0 or Infinity, for every zero denominator', async () => {
    const { reference, diffs } = await compare(world([]), { from: '2025-01', to: '2025-03', groupBy: 'industry' });
    expect(reference.total).toMatchObject({ signedCount: 0, signedAmountWan: '0.00', startRate: null, arrivalRate: null, fundsToFaiRatio: null, registeredFaiShare: null, growthContribution: null, pull: null });
    expect(reference.total.yoy).toEqual({
      signedCount: null,
      signedAmountWan: null,
      signedCount10m: null,
      startedCount: null,
      arrivedFundsWan: null,
      foreignCapitalWan: null,
      faiTotalWan: null,
      arrivedByOrigin: { FOREIGN: null, OUT_OF_REGION: null, IN_REGION_OUT_OF_CITY: null, IN_CITY_OTHER_COUNTY: null, LOCAL: null },
      keyProjects: { count: null, startedCount: null, approvalsCompleteCount: null },
    });
    expect(reference.total.keyProjects).toEqual({ count: 0, startedCount: 0, approvalsCompleteCount: 0, startRate: null, approvalsCompleteRate: null });
    expect(reference.rows[0]).toMatchObject({ faiTotalWan: '0.00', fundsToFaiRatio: null }); // the scope's FAI, none here
    expect(diffs).toEqual([]);
  });

  it('completes the targets from January of the year of `to`', async () => {
    const p = project({ signedAt: '2025-01-20', contractAmountWan: '1200.00' });
    const q = project({ signedAt: '2025-04-02', contractAmountWan: '800.00', investorOrigin: 'IN_CITY_OTHER_COUNTY' });
    const w = world([p, q], {
      reports: [report(p, '2025-02', '100.00'), report(q, '2025-04', '50.00')],
      targets: [
        { regionCode: '150525', year: 2025, indicator: 'arrivedFundsWan', value: '600.00' },
        { regionCode: '150500', year: 2025, indicator: 'signedCount10m', value: '4.00' },
        { regionCode: '150500', year: 2025, indicator: 'startedCount', value: '0.00' },
      ],
    });
    const { reference, diffs } = await compare(w, { from: '2025-03', to: '2025-06', groupBy: 'region' });
    expect(reference.rows.find((r) => r.key === '150525')?.targetCompletion).toEqual({ arrivedFundsWan: 0.25 });
    expect(reference.total.targetCompletion).toEqual({ signedCount10m: 0.25, startedCount: null });
    expect(diffs).toEqual([]);
  });

  it('gives the period’s total and its target completion from the month rows when it starts in January', async () => {
    // issue 17: by month (and by industry) from January, the total and the completion come from the period's own
    // pass — the month rows' sums, the rates' numerators to the period's end, the key projects of its last month
    const p = project({ signedAt: '2025-01-20', contractAmountWan: '1200.00', constructionStartedAt: '2025-03-05', isKeyProject: true });
    const q = project({ signedAt: '2025-02-02', contractAmountWan: '800.00', investorOrigin: 'IN_CITY_OTHER_COUNTY', isKeyProject: true, terminatedAt: '2025-04-10' });
    const r = project({ signedAt: '2024-03-02', contractAmountWan: '2000.00', constructionStartedAt: '2024-05-01' });
    const w = world([p, q, r], {
      reports: [report(p, '2025-01', '100.00'), report(p, '2025-03', '60.00'), report(q, '2025-02', '50.00'), report(r, '2024-04', '70.00'), report(r, '2025-02', '30.00')],
      targets: [
        { regionCode: '150500', year: 2025, indicator: 'arrivedFundsWan', value: '400.00' },
        { regionCode: '150500', year: 2025, indicator: 'startedCount', value: '4.00' },
      ],
    });
    await writeWorld(db, w);
    const byMonth = await compare(w, { from: '2025-01', to: '2025-05', groupBy: 'month' }, true);
    expect(byMonth.reference.total).toMatchObject({
      signedCount: 2,
      startedCount: 1,
      startRate: 0.5,
      arrivedFundsWan: '190.00',
      keyProjects: { count: 1, startedCount: 1 },
      targetCompletion: { arrivedFundsWan: 0.475, startedCount: 0.25 },
      lastYear: { signedCount: 1, startedCount: 1, arrivedFundsWan: '70.00' },
    });
    // the month rows' own rates stop at their month: p signed in January started in March
    expect(byMonth.reference.rows[0]).toMatchObject({ key: '2025-01', startRate: 0, keyProjects: { count: 1, startedCount: 0 } });
    expect(byMonth.diffs).toEqual([]);
    const byIndustry = await compare(w, { from: '2025-01', to: '2025-05', groupBy: 'industry' }, true);
    expect(byIndustry.reference.total.targetCompletion).toEqual({ arrivedFundsWan: 0.475, startedCount: 0.25 });
    expect(byIndustry.diffs).toEqual([]);
  });

  // ---- the rules of issue 11: terminations, started via production, approvals as of the period end, 实际利用外资, the full 同比, industry rows ----

  it('counts nothing a terminated project reported after its termination month', async () => {
    // reports for April and May got in before the rule (or straight into the table): they must not count anywhere
    const p = project({ investorOrigin: 'FOREIGN', contractAmountWan: '1000.00', signedAt: '2025-01-10', terminatedAt: '2025-03-15', statsRegistered: true, statsRegisteredMonth: '2025-01' });
    const w = world([p], {
      reports: [report(p, '2025-02', '10.00', 'VERIFIED', '5.00'), report(p, '2025-03', '20.00', 'VERIFIED', '5.00'), report(p, '2025-04', '40.00', 'VERIFIED', '5.00'), report(p, '2025-05', '80.00', 'SUBMITTED', '5.00')],
      fai: [{ regionCode: '150525', month: '2025-04', amountWan: '1000.00' }],
    });
    await writeWorld(db, w);
    const total = await compare(w, { from: '2025-01', to: '2025-06', region: '150525', includeUnverified: true }, true);
    expect(total.reference.total).toMatchObject({ arrivedFundsWan: '30.00', foreignCapitalWan: '30.00', arrivalRate: 0.03, registeredFaiShare: 0.01 });
    expect(total.diffs).toEqual([]);
    const byMonth = await compare(w, { from: '2025-03', to: '2025-05', groupBy: 'month' }, true);
    expect(byMonth.reference.rows.map((r) => r.arrivedFundsWan)).toEqual(['20.00', '0.00', '0.00']);
    expect(byMonth.diffs).toEqual([]);
  });

  it('counts a project recorded straight into production as started at its production date', async () => {
    const p = project({ signedAt: '2025-01-10', productionStartedAt: '2025-03-20' });
    const q = project({ signedAt: '2024-02-10', productionStartedAt: '2024-03-20' });
    const { reference, diffs } = await compare(world([p, q]), { from: '2025-01', to: '2025-03' });
    expect(reference.total).toMatchObject({ startedCount: 1, startRate: 1, lastYear: { startedCount: 1 }, yoy: { startedCount: 0 } });
    expect(diffs).toEqual([]);
    const february = await compare(world([p, q]), { from: '2025-01', to: '2025-02' });
    expect(february.reference.total).toMatchObject({ startedCount: 0, startRate: 0 });
    expect(february.diffs).toEqual([]);
  });

  it('judges 手续办结 by the approvals done by the period end, not by today', async () => {
    const p = project({ signedAt: '2024-12-01', isKeyProject: true });
    const approvals = APPROVAL_KINDS.map((kind, i) =>
      i === 0 ? { projectId: p.id, kind, status: 'DONE' as const, doneAt: '2025-05-10' } : { projectId: p.id, kind, status: 'NOT_REQUIRED' as const, doneAt: null },
    );
    const w = { ...world([p]), approvals };
    await writeWorld(db, w);
    const byMonth = await compare(w, { from: '2025-04', to: '2025-05', groupBy: 'month' }, true);
    expect(byMonth.reference.rows.map((r) => r.keyProjects.approvalsCompleteCount)).toEqual([0, 1]);
    expect(byMonth.reference.total.keyProjects).toMatchObject({ count: 1, approvalsCompleteCount: 1 });
    expect(byMonth.diffs).toEqual([]);
    const april = await compare(w, { from: '2025-01', to: '2025-04' }, true);
    expect(april.reference.total.keyProjects).toMatchObject({ count: 1, approvalsCompleteCount: 0, approvalsCompleteRate: 0 });
    expect(april.diffs).toEqual([]);
  });

  it('gives 实际利用外资 and the complete 同比, origins and key projects included', async () => {
    const now = project({ investorOrigin: 'FOREIGN', signedAt: '2025-02-01', isKeyProject: true, constructionStartedAt: '2025-03-01' });
    const before = project({ investorOrigin: 'FOREIGN', signedAt: '2024-02-01', isKeyProject: true });
    const local = project({ investorOrigin: 'LOCAL', signedAt: '2024-02-01' });
    const w = world([now, before, local], {
      reports: [report(now, '2025-03', '150.00'), report(before, '2024-03', '100.00'), report(before, '2025-03', '50.00'), report(local, '2024-03', '10.00')],
    });
    const { reference, diffs } = await compare(w, { from: '2025-01', to: '2025-06' });
    expect(reference.total).toMatchObject({ foreignCapitalWan: '200.00', lastYear: { foreignCapitalWan: '100.00', keyProjects: { count: 1, startedCount: 0 } } });
    expect(reference.total.yoy).toMatchObject({
      foreignCapitalWan: 1,
      arrivedByOrigin: { FOREIGN: 1, LOCAL: -1, OUT_OF_REGION: null },
      keyProjects: { count: 1, startedCount: null, approvalsCompleteCount: null },
    });
    expect(diffs).toEqual([]);
  });

  it('gives rows by industry the scope FAI and the industry part of its ratios', async () => {
    const ne = project({ industryCode: 'NE', signedAt: '2024-01-10' });
    const ag = project({ industryCode: 'AG', signedAt: '2024-01-10' });
    const w = world([ne, ag], {
      reports: [report(ne, '2024-03', '100.00'), report(ne, '2025-03', '300.00'), report(ag, '2025-03', '100.00')],
      fai: [
        { regionCode: '150525', month: '2024-03', amountWan: '1000.00' },
        { regionCode: '150525', month: '2025-03', amountWan: '2000.00' },
      ],
    });
    const { reference, diffs } = await compare(w, { from: '2025-03', to: '2025-03', region: '150525', groupBy: 'industry' });
    const row = (code: string) => reference.rows.find((r) => r.key === code);
    // NE: 300 of 2000 (15%); Δ 200 of Δ FAI 1000 (0.2); 200 ÷ 1000 × 100 = 20 点
    expect(row('NE')).toMatchObject({ faiTotalWan: '2000.00', fundsToFaiRatio: 0.15, growthContribution: 0.2, pull: 20, lastYear: { faiTotalWan: '1000.00' } });
    expect(row('AG')).toMatchObject({ faiTotalWan: '2000.00', fundsToFaiRatio: 0.05, growthContribution: 0.1, pull: 10 });
    // the parts add up to the whole
    expect(reference.total).toMatchObject({ faiTotalWan: '2000.00', fundsToFaiRatio: 0.2, growthContribution: 0.3, pull: 30 });
    expect(diffs).toEqual([]);
  });
});
