import { type IndicatorResponse, type IndicatorValues, INVESTOR_ORIGINS, type InvestorOrigin, type MonthState, type ProjectDetailDto, type PublicationStatus, type ReportGridResponse } from '@zhaoshang/shared/domain';
import fc from 'fast-check';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 11 item 6 (DOMAIN.md §5–§6): random sequences of project edits (by district staff, and by
 * city staff with a reason: corrections), reports filed and verified, month closes and reopens.
 * After every step, for every closed month, against its latest published revision:
 * - what was published never changes (the stored rows are the same as when first seen);
 * - the figures now equal the published ones — the month's own, and 1–M月累计 while every earlier
 *   month of the year has stayed closed since — unless a correction of that month was made after the
 *   publication, and then the month's status says 已修订.
 *
 * FAST_CHECK_SEED / FAST_CHECK_RUNS reproduce or widen a run.
 */
const YEAR = '2025';
const MONTHS = ['01', '02', '03', '04', '05', '06'].map((m) => `${YEAR}-${m}`);
const REGION = '150525';

type Step =
  | { kind: 'sign'; project: number; month: number; asCity: boolean }
  | { kind: 'origin'; project: number; origin: InvestorOrigin; asCity: boolean }
  | { kind: 'amount'; project: number; amount: string; asCity: boolean }
  | { kind: 'report'; project: number; month: number; amount: string; verify: boolean }
  | { kind: 'close'; month: number }
  | { kind: 'reopen'; month: number };

const project = fc.integer({ min: 0, max: 3 });
const month = fc.integer({ min: 0, max: MONTHS.length - 1 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('sign' as const), project, month, asCity: fc.boolean() }),
  fc.record({ kind: fc.constant('origin' as const), project, origin: fc.constantFrom(...INVESTOR_ORIGINS), asCity: fc.boolean() }),
  fc.record({ kind: fc.constant('amount' as const), project, amount: fc.constantFrom('100', '1500', '8000'), asCity: fc.boolean() }),
  fc.record({ kind: fc.constant('report' as const), project, month, amount: fc.constantFrom('10', '250'), verify: fc.boolean() }),
  { arbitrary: fc.record({ kind: fc.constant('close' as const), month }), weight: 3 },
  fc.record({ kind: fc.constant('reopen' as const), month }),
);

/** The figures as published: GET /indicators' values without the row's key and label and the total's note. */
function figures(values: IndicatorValues & { key?: string; label?: string; note?: string | null }): IndicatorValues {
  const { key: _key, label: _label, note: _note, ...rest } = values;
  return rest;
}

describe('closed periods stay closed (property)', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let district: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    city = (await t.userToken('CITY_STAFF')).token;
    district = (await t.userToken('DISTRICT_STAFF', REGION)).token;
  });
  afterAll(() => t?.stop());

  const monthStates = async () => (await t.request<MonthState[]>('GET', `/api/v1/months?year=${YEAR}`, { token: admin })).body;

  /** A fresh world: four projects of one district signed in the first months, every month open. */
  async function reset(): Promise<ProjectDetailDto[]> {
    await t.query('TRUNCATE published_indicators, publications, corrections, monthly_reports, month_closes, project_approvals, projects, project_sequences, audit_log CASCADE');
    const made: ProjectDetailDto[] = [];
    const origins: InvestorOrigin[] = ['OUT_OF_REGION', 'LOCAL', 'FOREIGN', 'IN_CITY_OTHER_COUNTY'];
    for (const [i, origin] of origins.entries()) {
      made.push(await createProject(t, admin, { name: `性质项目${i}`, regionCode: REGION, signedAt: `${MONTHS[i % 3]}-1${i}`, investorOrigin: origin, contractAmountWan: String(1000 * (i + 1)) }));
    }
    return made;
  }

  async function run(s: Step, projects: ProjectDetailDto[], log: string[]): Promise<number> {
    const p = projects['project' in s ? s.project : 0];
    const current = async () => (await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${p.id}`, { token: admin })).body;
    const patch = async (body: Record<string, unknown>, asCity: boolean) => {
      const { version } = await current();
      const response = await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: asCity ? city : district, body: { version, ...body, ...(asCity ? { correctionReason: '核对原始合同后更正' } : {}) } });
      return response.status;
    };
    switch (s.kind) {
      case 'sign':
        return patch({ signedAt: `${MONTHS[s.month]}-20` }, s.asCity);
      case 'origin':
        return patch({ investorOrigin: s.origin }, s.asCity);
      case 'amount':
        return patch({ contractAmountWan: s.amount }, s.asCity);
      case 'report': {
        const m = MONTHS[s.month];
        const grid = await t.request<ReportGridResponse>('GET', `/api/v1/monthly-reports/grid?regionCode=${REGION}&month=${m}`, { token: district });
        const row = grid.body.rows?.find((r) => r.projectId === p.id);
        if (!row) return grid.status === 200 ? 204 : grid.status;
        const saved = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
          token: district,
          body: { regionCode: REGION, month: m, items: [{ projectId: p.id, version: row.report?.version ?? null, arrivedEquityWan: s.amount, arrivedLoanWan: null, arrivedOtherWan: null, completedInvestmentWan: null, progress: null }] },
        });
        if (saved.status !== 200) return saved.status;
        const submitted = await t.request<{ items: { id: string; version: number }[] }>('POST', '/api/v1/monthly-reports/submit', { token: district, body: { regionCode: REGION, month: m, projectIds: [p.id] } });
        if (submitted.status !== 200 || !s.verify) return submitted.status;
        const items = submitted.body.items.map(({ id, version }) => ({ id, version }));
        return (await t.request('POST', '/api/v1/monthly-reports/verify', { token: city, body: { items } })).status;
      }
      case 'close': {
        const m = MONTHS[s.month];
        const version = (await monthStates()).find((x) => x.month === m)?.version ?? 0;
        return (await t.request('POST', `/api/v1/months/${m}/close`, { token: city, body: { version, reason: '月结时仍有待核实月报，已确认' } })).status;
      }
      case 'reopen': {
        const m = MONTHS[s.month];
        const version = (await monthStates()).find((x) => x.month === m)?.version ?? 0;
        const status = (await t.request('POST', `/api/v1/months/${m}/reopen`, { token: admin, body: { version, reason: '补报数据' } })).status;
        log.push(`reopen ${m}: ${status}`);
        return status;
      }
    }
  }

  it('keeps every closed month’s published figures, and its figures now equal them unless corrected (then 已修订)', async () => {
    let steps = 0;
    let checked = 0;
    let corrected = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 8, maxLength: 18 }), async (sequence) => {
        const projects = await reset();
        /** what each (month, revision) published, as first seen */
        const seen = new Map<string, string>();
        /** the step at which each month was last closed (absent: open) */
        const closedSince = new Map<string, number>();
        const log: string[] = [];
        for (const [i, s] of sequence.entries()) {
          const status = await run(s, projects, log);
          steps += 1;
          if (status === 409) refused += 1;
          log.push(`${i}: ${JSON.stringify(s)} → ${status}`);
          // a 500 is never an answer to any of these
          expect({ step: s, status }).not.toMatchObject({ status: 500 });
          if (s.kind === 'close' && status === 201) closedSince.set(MONTHS[s.month], i);
          if (s.kind === 'close' && status === 200) closedSince.set(MONTHS[s.month], i);
          if (s.kind === 'reopen' && (status === 200 || status === 201)) closedSince.delete(MONTHS[s.month]);

          for (const state of (await monthStates()).filter((x) => x.closed)) {
            const m = state.month;
            const [publication] = await t.query<{ revision: number; published_at: Date }>('SELECT revision, published_at FROM publications WHERE month = $1 ORDER BY revision DESC LIMIT 1', [m]);
            expect({ month: m, published: publication !== undefined }).toEqual({ month: m, published: true });
            const rows = await t.query<{ region_code: string; period: string; figures: IndicatorValues }>(
              'SELECT region_code, period, figures FROM published_indicators WHERE month = $1 AND revision = $2 ORDER BY region_code, period',
              [m, publication.revision],
            );
            const key = `${m}#${publication.revision}`;
            const stored = JSON.stringify(rows);
            if (!seen.has(key)) seen.set(key, stored);
            expect({ key, stored }).toEqual({ key, stored: seen.get(key) });

            const [{ n }] = await t.query<{ n: number }>('SELECT count(*)::int AS n FROM corrections WHERE $1 = ANY(months) AND at > $2', [m, publication.published_at]);
            const status = await t.request<PublicationStatus>('GET', `/api/v1/publications/${m}/status`, { token: district });
            if (n > 0) {
              corrected += 1;
              expect({ month: m, revised: status.body.revised, log }).toMatchObject({ month: m, revised: true });
              continue;
            }
            const publishedAt = closedSince.get(m) ?? -1;
            const earlierStayedClosed = MONTHS.filter((x) => x < m).every((x) => (closedSince.get(x) ?? Infinity) <= publishedAt);
            const periods: [string, string][] = [['MONTH', m], ...(earlierStayedClosed ? [['YTD', `${YEAR}-01`] as [string, string]] : [])];
            for (const [period, from] of periods) {
              const now = await t.request<IndicatorResponse>('GET', `/api/v1/indicators?from=${from}&to=${m}&groupBy=region`, { token: admin });
              const live = new Map([[now.body.region, figures(now.body.total)], ...now.body.rows.map((r) => [r.key, figures(r)] as const)]);
              for (const row of rows.filter((r) => r.period === period)) {
                expect({ month: m, period, region: row.region_code, figures: live.get(row.region_code), log }).toEqual({ month: m, period, region: row.region_code, figures: row.figures, log });
                checked += 1;
              }
            }
          }
        }
      }),
      {
        numRuns: Number(process.env['FAST_CHECK_RUNS'] ?? 6),
        seed: process.env['FAST_CHECK_SEED'] ? Number(process.env['FAST_CHECK_SEED']) : undefined,
        endOnFailure: true,
      },
    );
    console.log(`closed-period property: ${steps} steps, ${refused} refused with 409, ${checked} published figures compared, ${corrected} corrected months seen as revised`);
    expect(checked).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
