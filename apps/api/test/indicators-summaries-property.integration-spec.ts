import { APPROVAL_KINDS, type ApprovalStatus, type IndicatorQuery, INVESTOR_ORIGINS, type InvestorOrigin, type MonthState, type ProjectDetailDto, type ReportGridResponse } from '@zhaoshang/shared/domain';
import fc from 'fast-check';
import { Client } from 'pg';
import { IndicatorsService } from '../src/modules/indicators/indicators.service.js';
import { monthCountsSql } from '../src/modules/reports/months.service.js';
import { SummariesCompactor } from '../src/modules/indicators/summaries-compactor.js';
import { csv, MONTHLY_HEADER, upload } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 17: the indicator summaries (migration AddIndicatorSummaries) are kept by triggers in the
 * same transaction as every write. Random sequences of project edits (by district staff, and by city
 * staff with a reason: corrections of closed months), region moves, terminations, grid saves,
 * submits, verifies and returns, monthly imports, closes, reopens and compactions; after every step
 * the summaries equal the summaries rebuilt from the facts (`indicator_summaries_diff()` is empty),
 * and after each sequence GET /indicators' engine on the summaries equals the engine on the raw facts
 * (INDICATOR_SUMMARIES=off) for several periods, groupings, scopes and statuses.
 *
 * FAST_CHECK_SEED / FAST_CHECK_RUNS reproduce or widen a run.
 */
const YEAR = '2025';
const MONTHS = ['01', '02', '03', '04', '05', '06'].map((m) => `${YEAR}-${m}`);
const REGION = '150525';
const OTHER_REGION = '150526';
const INDUSTRIES = ['NE', 'AG', 'EQ'];
const REASON = '核对原始合同后更正';

type ReportAction = 'draft' | 'submit' | 'verify' | 'return';
type Step =
  | { kind: 'sign'; project: number; month: number; asCity: boolean }
  | { kind: 'origin'; project: number; origin: InvestorOrigin; asCity: boolean }
  | { kind: 'industry'; project: number; industry: string; asCity: boolean }
  | { kind: 'amount'; project: number; amount: string; asCity: boolean }
  | { kind: 'stats'; project: number; registered: boolean; month: number; asCity: boolean }
  | { kind: 'key'; project: number; key: boolean; asCity: boolean }
  | { kind: 'region'; project: number }
  | { kind: 'terminate'; project: number; month: number }
  | { kind: 'start'; project: number; month: number }
  | { kind: 'produce'; project: number; month: number }
  | { kind: 'approvals'; project: number; statuses: ApprovalStatus[]; months: number[] }
  | { kind: 'report'; project: number; month: number; amount: string; action: ReportAction }
  | { kind: 'import'; month: number; amount: string; verified: boolean }
  | { kind: 'close'; month: number }
  | { kind: 'reopen'; month: number }
  | { kind: 'compact' };

const project = fc.integer({ min: 0, max: 3 });
const month = fc.integer({ min: 0, max: MONTHS.length - 1 });
const asCity = fc.boolean();
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('sign' as const), project, month, asCity }),
  fc.record({ kind: fc.constant('origin' as const), project, origin: fc.constantFrom(...INVESTOR_ORIGINS), asCity }),
  fc.record({ kind: fc.constant('industry' as const), project, industry: fc.constantFrom(...INDUSTRIES), asCity }),
  fc.record({ kind: fc.constant('amount' as const), project, amount: fc.constantFrom('100', '1500', '8000'), asCity }),
  fc.record({ kind: fc.constant('stats' as const), project, registered: fc.boolean(), month, asCity }),
  fc.record({ kind: fc.constant('key' as const), project, key: fc.boolean(), asCity }),
  fc.record({ kind: fc.constant('region' as const), project }),
  fc.record({ kind: fc.constant('terminate' as const), project, month }),
  fc.record({ kind: fc.constant('start' as const), project, month }),
  fc.record({ kind: fc.constant('produce' as const), project, month }),
  fc.record({
    kind: fc.constant('approvals' as const),
    project,
    // none required at all is its own case (complete from the start), too rare to be drawn item by item
    statuses: fc.oneof(
      fc.constant(APPROVAL_KINDS.map((): ApprovalStatus => 'NOT_REQUIRED')),
      fc.array(fc.constantFrom<ApprovalStatus>('NOT_REQUIRED', 'DONE', 'DONE', 'IN_PROGRESS'), { minLength: APPROVAL_KINDS.length, maxLength: APPROVAL_KINDS.length }),
    ),
    months: fc.array(month, { minLength: APPROVAL_KINDS.length, maxLength: APPROVAL_KINDS.length }),
  }),
  { arbitrary: fc.record({ kind: fc.constant('report' as const), project, month, amount: fc.constantFrom('10', '250.5', '0'), action: fc.constantFrom<ReportAction>('draft', 'submit', 'verify', 'return') }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('import' as const), month, amount: fc.constantFrom('30', '77.25'), verified: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('close' as const), month }), weight: 2 },
  fc.record({ kind: fc.constant('reopen' as const), month }),
  fc.record({ kind: fc.constant('compact' as const) }),
);

/** The queries compared after a sequence: periods, groupings, scopes and statuses. */
const QUERIES: IndicatorQuery[] = [
  { from: `${YEAR}-01`, to: `${YEAR}-06`, groupBy: 'region' },
  { from: `${YEAR}-01`, to: `${YEAR}-06`, groupBy: 'industry' },
  { from: `${YEAR}-01`, to: `${YEAR}-06`, groupBy: 'month' },
  { from: `${YEAR}-02`, to: `${YEAR}-04`, groupBy: 'region', includeUnverified: true },
  { from: `${YEAR}-03`, to: `${YEAR}-03` },
  { from: `${YEAR}-01`, to: `${YEAR}-06`, region: REGION, groupBy: 'month', includeUnverified: true },
  { from: `${YEAR}-01`, to: `${YEAR}-06`, region: REGION, groupBy: 'industry' },
  { from: `${YEAR}-04`, to: `${YEAR}-06`, region: OTHER_REGION },
  // next year's request reads this year as its 上年同期
  { from: '2026-01', to: '2026-06', groupBy: 'region', includeUnverified: true },
  // two groupings at once: by region and by industry in one pass on the summaries (GROUPING SETS); any other pair each its own
  { from: `${YEAR}-01`, to: `${YEAR}-06`, groupBy: 'region', alsoGroupBy: 'industry' },
  { from: `${YEAR}-02`, to: `${YEAR}-05`, region: REGION, groupBy: 'industry', alsoGroupBy: 'region', includeUnverified: true },
  { from: '2026-01', to: '2026-06', groupBy: 'month', alsoGroupBy: 'industry' },
];

describe('indicator summaries (issue 17)', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;
  let engine: IndicatorsService;
  let compactor: SummariesCompactor;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', REGION)).token;
    engine = t.app.get(IndicatorsService);
    compactor = t.app.get(SummariesCompactor);
  });
  afterAll(() => t?.stop());

  const diff = () => t.query<{ summary: string; key: string; kept: string; facts: string }>('SELECT * FROM indicator_summaries_diff()');
  const monthStates = async () => (await t.request<MonthState[]>('GET', `/api/v1/months?year=${YEAR}`, { token: admin })).body;

  /** A fresh world: four projects of one district signed in the first months, every month open. */
  async function reset(): Promise<ProjectDetailDto[]> {
    await t.query('TRUNCATE published_indicators, publications, corrections, monthly_reports, month_closes, project_approvals, projects, project_sequences, audit_log CASCADE');
    const made: ProjectDetailDto[] = [];
    const origins: InvestorOrigin[] = ['OUT_OF_REGION', 'IN_CITY_OTHER_COUNTY', 'FOREIGN', 'LOCAL'];
    for (const [i, origin] of origins.entries()) {
      made.push(
        await createProject(t, admin, {
          name: `汇总项目${i}`,
          regionCode: REGION,
          industryCode: INDUSTRIES[i % INDUSTRIES.length],
          signedAt: `${MONTHS[i % 3]}-1${i}`,
          investorOrigin: origin,
          contractAmountWan: String(1000 * (i + 1)),
          plannedInvestmentWan: '6000',
          isKeyProject: i % 2 === 0,
        }),
      );
    }
    return made;
  }

  async function run(s: Step, projects: ProjectDetailDto[]): Promise<number> {
    const p = projects['project' in s ? s.project : 0];
    const current = async () => (await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${p.id}`, { token: admin })).body;
    const patch = async (body: Record<string, unknown>, byCity: boolean) => {
      const now = await current();
      // district staff edit only their own region's projects: a project moved away is edited by the city
      const cityActs = byCity || now.regionCode !== REGION;
      const response = await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: cityActs ? city : district, body: { version: now.version, ...body, ...(cityActs ? { correctionReason: REASON } : {}) } });
      return response.status;
    };
    switch (s.kind) {
      case 'sign':
        return patch({ signedAt: `${MONTHS[s.month]}-20` }, s.asCity);
      case 'origin':
        return patch({ investorOrigin: s.origin }, s.asCity);
      case 'industry':
        return patch({ industryCode: s.industry }, s.asCity);
      case 'amount':
        return patch({ contractAmountWan: s.amount }, s.asCity);
      case 'stats':
        return patch(s.registered ? { statsRegistered: true, statsRegisteredMonth: MONTHS[s.month] } : { statsRegistered: false, statsRegisteredMonth: null }, s.asCity);
      case 'key':
        return patch({ isKeyProject: s.key }, s.asCity);
      case 'region': {
        // no form moves a project to another district; an import or an operator's statement does: the triggers see the same UPDATE
        await t.query(`UPDATE projects SET region_code = CASE region_code WHEN $2 THEN $3 ELSE $2 END, version = version + 1 WHERE id = $1`, [p.id, REGION, OTHER_REGION]);
        return 200;
      }
      case 'terminate': {
        const now = await current();
        if (now.stage === 'TERMINATED') return 204;
        const day = `${MONTHS[s.month]}-25` < (now.signedAt ?? '') ? now.signedAt : `${MONTHS[s.month]}-25`;
        const response = await t.request('POST', `/api/v1/projects/${p.id}/stage`, {
          token: city,
          body: { version: now.version, to: 'TERMINATED', dates: { terminatedAt: day }, terminationReason: '投资方撤资', reason: REASON },
        });
        return response.status;
      }
      case 'start': {
        // 开工: the construction date moves the project's start month (a correction when a closed month is touched)
        const now = await current();
        if (now.stage === 'TERMINATED') return 204;
        const day = `${MONTHS[s.month]}-22` < (now.signedAt ?? '') ? now.signedAt : `${MONTHS[s.month]}-22`;
        const response = await t.request('POST', `/api/v1/projects/${p.id}/stage`, {
          token: city,
          body: { version: now.version, to: 'UNDER_CONSTRUCTION', dates: { constructionStartedAt: day }, reason: REASON },
        });
        return response.status;
      }
      case 'produce': {
        // 投产 ends the reporting obligation a few months later (DOMAIN.md §5): 月结管理's counts move
        const now = await current();
        if (now.stage === 'TERMINATED' || now.stage === 'IN_PRODUCTION') return 204;
        const floor = [now.signedAt ?? '', now.constructionStartedAt ?? ''].sort().at(-1) ?? '';
        // on the 1st: the obligation then ends exactly at a month's first moment (the boundary of 月结管理's counts)
        const day = `${MONTHS[s.month]}-01` < floor ? floor : `${MONTHS[s.month]}-01`;
        const response = await t.request('POST', `/api/v1/projects/${p.id}/stage`, {
          token: city,
          body: { version: now.version, to: 'IN_PRODUCTION', dates: { productionStartedAt: day }, reason: REASON },
        });
        return response.status;
      }
      case 'approvals': {
        // 手续办结 as of each month's end: the key projects' figures by month read it once per project
        const now = await current();
        const items = APPROVAL_KINDS.map((kind, i) => ({ kind, status: s.statuses[i], doneAt: s.statuses[i] === 'DONE' ? `${MONTHS[s.months[i]]}-05` : null }));
        return (await t.request('PUT', `/api/v1/projects/${p.id}/approvals`, { token: city, body: { version: now.version, items } })).status;
      }
      case 'report': {
        const m = MONTHS[s.month];
        const now = await current();
        const grid = await t.request<ReportGridResponse>('GET', `/api/v1/monthly-reports/grid?regionCode=${now.regionCode}&month=${m}`, { token: admin });
        const row = grid.body.rows?.find((r) => r.projectId === p.id);
        if (!row) return grid.status === 200 ? 204 : grid.status;
        const report = row.report;
        if (s.action === 'verify' || s.action === 'return') {
          // the month's report if it waits for verification, else the project's earliest that does
          const [waiting] = await t.query<{ id: string; version: number }>(
            `SELECT id, version FROM monthly_reports WHERE project_id = $1 AND status = 'SUBMITTED' ORDER BY month <> $2, month LIMIT 1`,
            [p.id, m],
          );
          if (!waiting) return 204;
          const body = { items: [waiting], ...(s.action === 'return' ? { returnReason: '数据有误，请核对' } : {}) };
          return (await t.request('POST', `/api/v1/monthly-reports/${s.action}`, { token: city, body })).status;
        }
        const token = now.regionCode === REGION ? district : city;
        if (report && report.status !== 'DRAFT' && report.status !== 'RETURNED') return 204;
        const saved = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
          token,
          body: {
            regionCode: now.regionCode,
            month: m,
            items: [{ projectId: p.id, version: report?.version ?? null, arrivedEquityWan: s.amount, arrivedLoanWan: '1.5', arrivedOtherWan: null, completedInvestmentWan: '40', progress: null }],
          },
        });
        if (saved.status !== 200 || s.action === 'draft') return saved.status;
        return (await t.request('POST', '/api/v1/monthly-reports/submit', { token, body: { regionCode: now.regionCode, month: m, projectIds: [p.id] } })).status;
      }
      case 'import': {
        const m = MONTHS[s.month];
        // the projects that report for the month (signed by then, not terminated before): one refused row would refuse the file
        const reporting = await t.query<{ project_no: string }>(
          `SELECT project_no FROM projects WHERE to_char(signed_at, 'YYYY-MM') <= $1 AND (terminated_at IS NULL OR to_char(terminated_at, 'YYYY-MM') >= $1) ORDER BY project_no`,
          [m],
        );
        if (reporting.length === 0) return 204;
        const rows = reporting.map((x, i) => [x.project_no, m, s.amount, String(i), null, '12.5', null, s.verified ? '已核实' : '待核实']);
        return (await upload(t, admin, csv([MONTHLY_HEADER, ...rows]), '月报.csv', { kind: 'monthly' })).status;
      }
      case 'close': {
        const m = MONTHS[s.month];
        const version = (await monthStates()).find((x) => x.month === m)?.version ?? 0;
        return (await t.request('POST', `/api/v1/months/${m}/close`, { token: city, body: { version, reason: '月结时仍有待核实月报，已确认' } })).status;
      }
      case 'reopen': {
        const m = MONTHS[s.month];
        const version = (await monthStates()).find((x) => x.month === m)?.version ?? 0;
        return (await t.request('POST', `/api/v1/months/${m}/reopen`, { token: admin, body: { version, reason: '补报数据' } })).status;
      }
      case 'compact':
        await compactor.compact();
        return 200;
    }
  }

  /** The engine on the summaries and on the raw facts, for every query of QUERIES. */
  async function engineAgrees(log: string[]): Promise<number> {
    for (const query of QUERIES) {
      const [summarised, raw] = [await engine.compute(query, undefined, true), await engine.compute(query, undefined, false)];
      expect({ query, figures: summarised, log }).toEqual({ query, figures: raw, log });
      if (query.alsoGroupBy) {
        // and each grouping as the request grouped by it alone gives it
        const { also, ...first } = summarised;
        const [alone, other] = [await engine.compute({ ...query, alsoGroupBy: undefined }, undefined, true), await engine.compute({ ...query, groupBy: query.alsoGroupBy, alsoGroupBy: undefined }, undefined, true)];
        expect({ query, figures: first, also, log }).toEqual({ query, figures: alone, also: { groupBy: query.alsoGroupBy, rows: other.rows }, log });
      }
    }
    return QUERIES.length + (await monthsAgree(log));
  }

  /**
   * 月结管理's counts (GET /months: expected, by status, missing) by the month-steps statement equal
   * the plain statement that joins every project with every month, for runs of months and for
   * several obligation settings.
   */
  async function monthsAgree(log: string[]): Promise<number> {
    const runs = [MONTHS, [`${YEAR}-03`], [`${YEAR}-02`, `${YEAR}-03`, `${YEAR}-04`, `${YEAR}-05`], ['2026-01', '2026-02'], [`${YEAR}-12`]];
    let compared = 0;
    for (const months of runs) {
      for (const after of [0, 1, 3]) {
        const counts = (engine: 'steps' | 'month' | 'reference', of = months) => {
          const statement = monthCountsSql(of, after, engine);
          return t.query(statement.text, statement.values);
        };
        const [steps, reference] = [await counts('steps'), await counts('reference')];
        expect({ months, after, counts: steps, log }).toEqual({ months, after, counts: reference, log });
        // and each month by the one-month statement (GET /months?month=)
        const oneByOne = [];
        for (const month of months) oneByOne.push(...(await counts('month', [month])));
        expect({ months, after, counts: oneByOne, log }).toEqual({ months, after, counts: reference, log });
        compared += 1;
      }
    }
    return compared;
  }

  it('after random edits, reports, imports, corrections, closes and reopens: the summaries equal a rebuild, the engine equals the raw one', async () => {
    let steps = 0;
    let compared = 0;
    const statuses = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 20 }), async (sequence) => {
        const projects = await reset();
        expect(await diff()).toEqual([]);
        const log: string[] = [];
        for (const [i, s] of sequence.entries()) {
          const status = await run(s, projects);
          steps += 1;
          statuses.set(`${s.kind} ${status}`, (statuses.get(`${s.kind} ${status}`) ?? 0) + 1);
          log.push(`${i}: ${JSON.stringify(s)} → ${status}`);
          expect({ step: s, status }).not.toMatchObject({ status: 500 });
          expect({ differences: await diff(), log }).toEqual({ differences: [], log });
        }
        compared += await engineAgrees(log);
        // and after folding the deltas
        await compactor.compact();
        expect(await t.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_month_sums WHERE delta')).toEqual([{ n: 0 }]);
        expect({ differences: await diff(), log }).toEqual({ differences: [], log });
        compared += await engineAgrees(log);
      }),
      {
        numRuns: Number(process.env['FAST_CHECK_RUNS'] ?? 7),
        seed: process.env['FAST_CHECK_SEED'] ? Number(process.env['FAST_CHECK_SEED']) : undefined,
        endOnFailure: true,
      },
    );
    console.log(`summaries property: ${steps} steps, ${compared} engine comparisons; outcomes ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    // the sequences must reach what they are about: reports that count, and edits that move them
    expect([...statuses.keys()].some((k) => k.startsWith('report 200'))).toBe(true);
    expect([...statuses.keys()].some((k) => k.startsWith('import 200') || k.startsWith('import 201'))).toBe(true);
  }, 600_000);

  it('a rebuild puts back summaries that went wrong; TRUNCATE of the facts empties them', async () => {
    const projects = await reset();
    expect(await run({ kind: 'import', month: 3, amount: '30', verified: true }, projects)).toBe(200);
    expect(await diff()).toEqual([]);
    expect((await t.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator_month_sums'))[0].n).toBeGreaterThan(0);
    await t.query(`UPDATE indicator_month_sums SET arrived_wan = arrived_wan + 1`);
    expect((await diff()).length).toBeGreaterThan(0);
    await t.query('SELECT indicator_summaries_rebuild()');
    expect(await diff()).toEqual([]);
    await t.query('TRUNCATE monthly_reports');
    expect(await t.query('SELECT * FROM indicator_month_sums UNION ALL SELECT NULL, NULL, NULL, NULL, month, arrived_wan, NULL, reports, delta FROM indicator_signed_sums')).toEqual([]);
  });

  it('two transactions filing reports of different projects of one region and month neither wait for nor deadlock each other', async () => {
    const projects = await reset();
    const [a, b] = [new Client({ connectionString: t.databaseUrl }), new Client({ connectionString: t.databaseUrl })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      for (const c of [a, b]) await c.query(`BEGIN; SET LOCAL lock_timeout = '2s'`);
      // same region, industry, origin and month: the same summary keys; b and a in opposite orders of two months
      await t.query(`UPDATE projects SET industry_code = 'NE', investor_origin = 'FOREIGN'`);
      const insert = (c: Client, projectId: string, months: string[]) =>
        c.query(
          `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, status, submitted_at, version) SELECT $1, m, 5, 'SUBMITTED', now(), 1 FROM unnest($2::varchar[]) m`,
          [projectId, months],
        );
      await insert(a, projects[0].id, [MONTHS[1], MONTHS[2]]);
      await insert(b, projects[1].id, [MONTHS[2], MONTHS[1]]);
      await insert(a, projects[2].id, [MONTHS[2]]);
      await insert(b, projects[3].id, [MONTHS[1]]);
      await Promise.all([a.query('COMMIT'), b.query('COMMIT')]);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    expect(await diff()).toEqual([]);
    const [{ arrived }] = await t.query<{ arrived: string }>(`SELECT sum(arrived_wan)::text AS arrived FROM indicator_month_sums WHERE month IN ($1, $2)`, [MONTHS[1], MONTHS[2]]);
    expect(arrived).toBe('30.00');
  });
});
