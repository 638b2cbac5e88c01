import { DEFAULT_WARNING_SETTINGS, type ProjectDetailDto, shanghaiToday, type WarningListResponse, type WarningSettings } from '@zhaoshang/shared/domain';
import fc from 'fast-check';
import { sql } from '../src/common/sql/sql.js';
import { sinceBounds, warningCountsCte } from '../src/modules/warnings/warning-levels-sql.js';
import { HIT_ORDER, type WarningEngine, warningCte, withReportCounts } from '../src/modules/warnings/warning-sql.js';
import { MONTHLY_HEADER, upload, xlsx, type Cell } from './fixtures/imports/files.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Issue 17 (warnings at province scale): `warn_project_state` — each project's first unsubmitted
 * month and last month with arrivals, kept by statement-level triggers on monthly_reports and
 * projects — must never drift from the facts. Random sequences of report saves, submits, verifies,
 * returns and deletes, monthly imports (.xlsx over HTTP), bulk statements and project signing, stage
 * and date edits; after every step:
 * - rebuild-and-compare: the table equals `warn_project_state_from_facts()` (the rebuild from scratch);
 * - the warnings of the `state` engine equal those of the plain `reference` statement (issue 6's SQL,
 *   which reads the reports themselves) on several days, with the default and with changed settings.
 * And the list's pages (`warningListCte`: thresholds computed for the hits a page needs only) against the
 * reference's order in a fixed world, with the date bounds that choice rests on (`sinceBounds`).
 *
 * FAST_CHECK_SEED / FAST_CHECK_RUNS reproduce or widen a run.
 */
// few months, so that runs of submitted months from the signing month (and gaps punched into them) are common
const MONTHS = Array.from({ length: 9 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
const REGION = '150525';
const DAYS = ['2025-03-15', '2025-08-11', '2026-02-28', shanghaiToday()];
const CHANGED: WarningSettings = {
  ...DEFAULT_WARNING_SETTINGS,
  FUNDS: { yellowMonths: 1, redMonths: 2 },
  REPORT: { yellowDay: 28, redMonths: 3, monthsAfterProduction: 0 },
};

/** Thresholds far apart: a since's bounds (`ruleLevels`) are wide for some rules and narrow for others. */
const WIDE: WarningSettings = {
  ...DEFAULT_WARNING_SETTINGS,
  START: { yellowMonthsAfterPlan: 1, redMonthsAfterPlan: 14, yellowMonthsAfterSigning: 2, redMonthsAfterSigning: 22 },
  STATS: { minPlannedInvestmentWan: 500, yellowMonths: 1, redMonths: 2 },
  FUNDS: { yellowMonths: 5, redMonths: 15 },
  REPORT: { yellowDay: 3, redMonths: 9, monthsAfterProduction: 8 },
};

type Step =
  | { kind: 'save'; project: number; month: number; arrived: string; then: 'draft' | 'submit' | 'verify' }
  | { kind: 'return'; project: number; month: number }
  | { kind: 'delete'; projects: number[]; month: number }
  | { kind: 'import'; projects: number[]; month: number; count: number; arrived: string }
  | { kind: 'bulk'; month: number; status: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' }
  | { kind: 'sign'; project: number; month: number; day: number }
  | { kind: 'shiftSigning'; projects: number[]; days: number }
  | { kind: 'stage'; project: number; stage: 'SIGNED' | 'UNDER_CONSTRUCTION' | 'IN_PRODUCTION' | 'TERMINATED'; month: number; day: number };

const project = fc.integer({ min: 0, max: 3 });
const projects = fc.uniqueArray(project, { minLength: 1, maxLength: 4 });
const month = fc.integer({ min: 0, max: MONTHS.length - 1 });
const arrived = fc.constantFrom('0', '25');
const step: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('save' as const), project, month, arrived, then: fc.constantFrom('draft' as const, 'submit' as const, 'verify' as const) }), weight: 5 },
  { arbitrary: fc.record({ kind: fc.constant('return' as const), project, month }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('delete' as const), projects, month }), weight: 2 },
  // a district catching up: several consecutive months of several projects in one file
  { arbitrary: fc.record({ kind: fc.constant('import' as const), projects, month: fc.integer({ min: 0, max: 3 }), count: fc.integer({ min: 1, max: 6 }), arrived }), weight: 3 },
  fc.record({ kind: fc.constant('bulk' as const), month, status: fc.constantFrom('DRAFT' as const, 'SUBMITTED' as const, 'VERIFIED' as const) }),
  fc.record({ kind: fc.constant('sign' as const), project, month: fc.integer({ min: 0, max: 5 }), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('shiftSigning' as const), projects, days: fc.constantFrom(-40, -10, 25, 70) }),
  fc.record({ kind: fc.constant('stage' as const), project, stage: fc.constantFrom('SIGNED' as const, 'UNDER_CONSTRUCTION' as const, 'IN_PRODUCTION' as const, 'TERMINATED' as const), month, day: fc.constantFrom(1, 20) }),
);

describe('warnings: the kept state equals the facts (property)', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
  });
  afterAll(() => t?.stop());

  /** A fresh world: four projects of one district signed in 2025, a few months apart, no reports. */
  async function reset(): Promise<ProjectDetailDto[]> {
    await t.query('TRUNCATE monthly_reports, month_closes, project_approvals, projects, project_sequences, audit_log CASCADE');
    const made: ProjectDetailDto[] = [];
    for (const [i, signedAt] of ['2025-01-05', '2025-01-31', '2025-03-15', '2025-06-30'].entries()) {
      made.push(await createProject(t, admin, { name: `预警性质项目${i}`, regionCode: REGION, signedAt, plannedInvestmentWan: '800' }));
    }
    return made;
  }

  const reportOf = async (projectId: string, m: string) =>
    (await t.query<{ id: string; version: number; status: string }>('SELECT id, version, status FROM monthly_reports WHERE project_id = $1 AND month = $2', [projectId, m]))[0];

  /** Runs one step through the API where the API offers it (a refusal is a valid outcome), else as one SQL statement. */
  async function run(s: Step, ps: ProjectDetailDto[]): Promise<string> {
    switch (s.kind) {
      case 'save': {
        const p = ps[s.project];
        const m = MONTHS[s.month];
        const existing = await reportOf(p.id, m);
        const saved = await t.request<{ items?: { id: string; version: number }[] }>('PUT', '/api/v1/monthly-reports/drafts', {
          token: admin,
          body: { regionCode: REGION, month: m, items: [{ projectId: p.id, version: existing?.version ?? null, arrivedEquityWan: s.arrived }] },
        });
        if (saved.status !== 200 || s.then === 'draft') return `save ${saved.status}`;
        const submitted = await t.request<{ items: { id: string; version: number }[] }>('POST', '/api/v1/monthly-reports/submit', { token: admin, body: { regionCode: REGION, month: m, projectIds: [p.id] } });
        if (submitted.status !== 200 || s.then === 'submit') return `submit ${submitted.status}`;
        const verified = await t.request('POST', '/api/v1/monthly-reports/verify', { token: admin, body: { items: submitted.body.items.map(({ id, version }) => ({ id, version })) } });
        return `verify ${verified.status}`;
      }
      case 'return': {
        const r = await reportOf(ps[s.project].id, MONTHS[s.month]);
        if (!r) return 'return: none';
        const returned = await t.request('POST', '/api/v1/monthly-reports/return', { token: admin, body: { items: [{ id: r.id, version: r.version }], reason: '数据有误，请核对' } });
        return `return ${returned.status}`;
      }
      case 'delete':
        // no endpoint deletes a report: one statement over several projects (a multi-row statement trigger)
        await t.query('DELETE FROM monthly_reports WHERE project_id = ANY($1::uuid[]) AND month = $2', [s.projects.map((i) => ps[i].id), MONTHS[s.month]]);
        return 'deleted';
      case 'import': {
        // an import is all or nothing: only the months each project may report (from signing to its termination)
        const months = MONTHS.slice(s.month, s.month + s.count);
        const spans = await t.query<{ id: string; first: string; last: string | null }>(
          `SELECT id, to_char(signed_at, 'YYYY-MM') AS first, to_char(terminated_at, 'YYYY-MM') AS last FROM projects WHERE id = ANY($1::uuid[])`,
          [s.projects.map((i) => ps[i].id)],
        );
        const rows: Cell[][] = s.projects.flatMap((i) => {
          const span = spans.find((x) => x.id === ps[i].id);
          return months.filter((m) => span && m >= span.first && (span.last === null || m <= span.last)).map((m) => [ps[i].projectNo, m, s.arrived, null, null, 10, null, null]);
        });
        if (rows.length === 0) return 'import: no month to report';
        const file = await xlsx([MONTHLY_HEADER, ...rows]);
        const imported = await upload(t, admin, file, '月报.xlsx', { kind: 'monthly' });
        return `import ${imported.status}`;
      }
      case 'bulk':
        // what a bulk loader does: one INSERT … ON CONFLICT DO UPDATE over every project (both statement triggers)
        await t.query(
          `INSERT INTO monthly_reports (project_id, month, arrived_loan_wan, status, version) SELECT id, $1, 5, $2::report_status, 1 FROM projects
           ON CONFLICT (project_id, month) DO UPDATE SET status = EXCLUDED.status, return_reason = NULL, version = monthly_reports.version + 1`,
          [MONTHS[s.month], s.status],
        );
        return 'bulk';
      case 'sign': {
        const p = ps[s.project];
        const { body: current } = await t.request<ProjectDetailDto>('GET', `/api/v1/projects/${p.id}`, { token: admin });
        const signedAt = `${MONTHS[s.month]}-${String(s.day).padStart(2, '0')}`;
        const patched = await t.request('PATCH', `/api/v1/projects/${p.id}`, { token: admin, body: { version: current.version, signedAt, correctionReason: '核对原始合同后更正' } });
        return `sign ${patched.status}`;
      }
      case 'shiftSigning':
        await t.query('UPDATE projects SET signed_at = signed_at + $2::int WHERE id = ANY($1::uuid[])', [s.projects.map((i) => ps[i].id), s.days]);
        return 'shifted';
      case 'stage': {
        // straight in SQL: the API's stage rules (dates in order, reasons) are not what is tested here
        // the 1st as well: a production month's first day is where the obligation's end meets a first gap
        const at = `${MONTHS[s.month]}-${String(s.day).padStart(2, '0')}`;
        await t.query(
          `UPDATE projects SET stage = $2::project_stage,
             construction_started_at = CASE WHEN $2 IN ('UNDER_CONSTRUCTION', 'IN_PRODUCTION') THEN GREATEST(signed_at, $3::date) END,
             production_started_at = CASE WHEN $2 = 'IN_PRODUCTION' THEN GREATEST(signed_at, $3::date) END,
             terminated_at = CASE WHEN $2 = 'TERMINATED' THEN GREATEST(signed_at, $3::date) END,
             termination_reason = CASE WHEN $2 = 'TERMINATED' THEN '投资方撤资' END
           WHERE id = $1`,
          [ps[s.project].id, s.stage, at],
        );
        return 'stage';
      }
    }
  }

  async function warnings(day: string, settings: WarningSettings, engine: WarningEngine): Promise<unknown[]> {
    const statement = sql`${warningCte(day, settings, { projects: sql`TRUE` }, engine)} ${withReportCounts(sql`SELECT * FROM hit h`, HIT_ORDER)}`;
    return t.query(statement.text, [...statement.values]);
  }

  /** The day's counts by region, rule and level as GET /warnings/counts computes them (no thresholds per project). */
  async function counts(day: string, settings: WarningSettings): Promise<{ regionCode: string; rule: string; level: string; n: number }[]> {
    const statement = sql`${warningCountsCte(day, settings)} SELECT region_code AS "regionCode", rule, level, sum(n)::int AS n FROM grouped GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`;
    return t.query(statement.text, [...statement.values]);
  }

  /** The same counts of the reference statement's warnings. */
  function countsOf(warnings: unknown[]): { regionCode: string; rule: string; level: string; n: number }[] {
    const byKey = new Map<string, { regionCode: string; rule: string; level: string; n: number }>();
    for (const { regionCode, rule, level } of warnings as { regionCode: string; rule: string; level: string }[]) {
      const key = [regionCode, rule, level].join(' ');
      const entry = byKey.get(key) ?? { regionCode, rule, level, n: 0 };
      entry.n++;
      byKey.set(key, entry);
    }
    return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
  }

  async function check(log: string[]): Promise<{ hits: number }> {
    const drift = await t.query(
      `SELECT coalesce(k.project_id, f.project_id) AS project_id, k.first_gap AS kept_gap, f.first_gap AS facts_gap, k.last_arrival AS kept_arrival, f.last_arrival AS facts_arrival
       FROM warn_project_state k FULL JOIN warn_project_state_from_facts() f ON f.project_id = k.project_id
       WHERE (k.first_gap, k.last_arrival) IS DISTINCT FROM (f.first_gap, f.last_arrival) OR k.project_id IS NULL OR f.project_id IS NULL`,
    );
    expect({ log, drift }).toEqual({ log, drift: [] });
    // the live projects the list reads (migration AddWarnLiveProjects) equal their rebuild from the facts
    expect({ log, live: await t.query('SELECT * FROM warn_live_projects_diff()') }).toEqual({ log, live: [] });
    let hits = 0;
    for (const [i, day] of DAYS.entries()) {
      // the changed settings on every other day: the comparison's cost is most of the test's
      for (const settings of i % 2 === 0 ? [DEFAULT_WARNING_SETTINGS, CHANGED] : [DEFAULT_WARNING_SETTINGS]) {
        const reference = await warnings(day, settings, 'reference');
        expect({ log, day, warnings: await warnings(day, settings, 'state') }).toEqual({ log, day, warnings: reference });
        // GET /warnings/counts: the same counts, from each rule's last base date reaching the day
        expect({ log, day, settings, counts: await counts(day, settings) }).toEqual({ log, day, settings, counts: countsOf(reference) });
        hits += reference.length;
      }
    }
    return { hits };
  }

  it('after random edits, imports and bulk statements', async () => {
    let reportHits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 12 }), async (steps) => {
        const ps = await reset();
        const log: string[] = [];
        await check(log);
        for (const s of steps) {
          log.push(`${JSON.stringify(s)} → ${await run(s, ps)}`);
          await check(log);
        }
        if (process.env.WARN_PROPERTY_LOG) console.log(log.join("\n"));
        reportHits += Number((await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM warn_project_state WHERE first_gap > '2025-01'`))[0].n);
      }),
      { seed: Number(process.env.FAST_CHECK_SEED ?? 20261205), numRuns: Number(process.env.FAST_CHECK_RUNS ?? 12) },
    );
    // the runs must have moved first gaps past the signing months, or the comparison proved little
    expect(reportHits).toBeGreaterThan(0);
  }, 600_000);

  it('counts a first gap in the last month owed, the obligation ending on a production month’s first day (fixed case)', async () => {
    const ps = await reset();
    const log: string[] = [];
    // project 0: production 2025-04-01, first gap 2025-04: the last month owed with CHANGED (0 months after production);
    // project 1: production 2025-01-01, first gap 2025-04: the last month owed with the defaults (3 months after)
    const steps: Step[] = [
      { kind: 'sign', project: 0, month: 0, day: 10 },
      { kind: 'sign', project: 1, month: 0, day: 1 },
      { kind: 'import', projects: [0, 1], month: 0, count: 3, arrived: '25' },
      { kind: 'stage', project: 0, stage: 'IN_PRODUCTION', month: 3, day: 1 },
      { kind: 'stage', project: 1, stage: 'IN_PRODUCTION', month: 0, day: 1 },
    ];
    for (const s of steps) log.push(`${JSON.stringify(s)} → ${await run(s, ps)}`);
    const [gaps] = await t.query<{ gaps: string[] }>(`SELECT array_agg(first_gap::text ORDER BY project_id = $1 DESC) AS gaps FROM warn_project_state WHERE project_id = ANY($2::uuid[])`, [ps[0].id, [ps[0].id, ps[1].id]]);
    expect({ log, gaps: gaps.gaps }).toEqual({ log, gaps: ['2025-04', '2025-04'] });
    await check(log);
  });

  it('bounds a threshold date as the list assumes: base + N months (+ days) within sinceBounds, every day of 2020–2030', async () => {
    const cases = Array.from({ length: 61 }, (_, months) => [0, 10, 28].map((days) => ({ months, days, ...sinceBounds(months, days) }))).flat();
    const [outside] = await t.query<{ n: number; example: string | null }>(
      `SELECT count(*)::int AS n, min(b::date::text || ' + ' || c.months || ' months ' || c.days || ' days') AS example
       FROM generate_series(date '2020-01-01', date '2030-12-31', interval '1 day') b
       CROSS JOIN unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS c(months, days, upper, slack)
       CROSS JOIN LATERAL (SELECT (b::date + make_interval(months => c.months, days => c.days))::date AS exact) x
       WHERE x.exact > b::date + c.upper OR x.exact < b::date + c.upper - c.slack`,
      [cases.map((c) => c.months), cases.map((c) => c.days), cases.map((c) => c.upper), cases.map((c) => c.slack)],
    );
    expect(outside).toEqual({ n: 0, example: null });
  });

  it('pages the list as the reference orders it, at every page size, page and filter (a world around month ends)', async () => {
    await t.query('TRUNCATE monthly_reports, month_closes, project_approvals, projects, project_sequences, audit_log CASCADE');
    // 240 projects straight in SQL, two districts: signed on the 28th–31st of a month (whose thresholds land on a
    // shorter month's last day, ties included) and on other days; not started (half with a planned month), started
    // (some registered with the statistics), in production; then every month from signing reported, with gaps
    await t.query(
      `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, planned_investment_wan, stage,
         signed_at, construction_started_at, production_started_at, planned_start_month, stats_registered, version)
       SELECT 'WP-' || lpad(i::text, 4, '0'), '分页项目' || i, CASE WHEN i % 3 = 0 THEN '150521' ELSE '150525' END, 'NE', '投资方', 'OUT_OF_REGION', 1000, 800, s.stage::project_stage,
         d.signed, CASE WHEN s.stage IN ('UNDER_CONSTRUCTION', 'IN_PRODUCTION') THEN d.signed + (i * 37 % 200) END,
         CASE WHEN s.stage = 'IN_PRODUCTION' THEN d.signed + 250 END,
         CASE WHEN s.stage IN ('SIGNED', 'REGISTERED') AND i % 2 = 0 THEN to_char(d.signed + (i * 13 % 120), 'YYYY-MM') END, i % 4 = 0, 1
       FROM generate_series(1, 240) i
       CROSS JOIN LATERAL (SELECT (ARRAY['SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION'])[1 + i % 5] AS stage) s
       CROSS JOIN LATERAL (SELECT CASE WHEN i % 2 = 0 THEN make_date(2023 + i % 3, 1 + i % 12, 1) + interval '1 month' - (1 + i % 4) * interval '1 day'
                                  ELSE date '2023-01-03' + (i * 11 % 1000) END::date AS signed) d`,
    );
    await t.query(
      `INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, status, version)
       SELECT p.id, to_char(m, 'YYYY-MM'), CASE WHEN h % 4 = 0 THEN 12.5 ELSE 0 END, 'VERIFIED', 1
       FROM projects p
       CROSS JOIN LATERAL generate_series(date_trunc('month', p.signed_at), date '2026-06-01', interval '1 month') m
       CROSS JOIN LATERAL (SELECT abs(hashtext(p.project_no || m::text)) AS h) x
       WHERE h % 9 <> 2`,
    );
    type Key = { projectNo: string; rule: string; level: string; since: string; regionCode: string };
    const key = ({ projectNo, rule, level, since, regionCode }: Key): Key => ({ projectNo, rule, level, since, regionCode });
    const filters: { regionCode?: string; rule?: string; level?: string }[] = [{}, { level: 'YELLOW' }, { level: 'RED' }, { rule: 'REPORT' }, { rule: 'START', level: 'RED' }, { regionCode: '150521' }, { regionCode: '150525', rule: 'FUNDS' }];
    let compared = 0;
    const levels = new Set<string>();
    // the default settings, then thresholds far apart (a wide bound of a since for one rule, a narrow one for another)
    for (const settings of [DEFAULT_WARNING_SETTINGS, WIDE]) {
      const current = await t.request<{ version: number }>('GET', '/api/v1/settings/warnings', { token: admin });
      expect((await t.request('PUT', '/api/v1/settings/warnings', { token: admin, body: { settings, version: current.body.version } })).status).toBe(200);
      for (const day of ['2024-02-29', '2025-03-31', '2026-11-30']) {
        const reference = ((await warnings(day, settings, 'reference')) as Key[]).map(key);
        for (const w of reference) levels.add(`${settings === WIDE ? 'wide' : 'default'} ${w.level}`);
        for (const [i, filter] of filters.entries()) {
          const expected = reference.filter((w) => Object.entries(filter).every(([field, value]) => w[field as keyof Key] === value));
          // every page at a size that does not divide the count, and one past the end; the wide filters at a second size too
          for (const size of i < 2 ? [7, 50] : [13]) {
            for (let page = 1; page <= Math.ceil(expected.length / size) + 1; page++) {
              const query = new URLSearchParams({ date: day, page: String(page), pageSize: String(size), ...filter });
              const listed = await t.request<WarningListResponse>('GET', `/api/v1/warnings?${query}`, { token: admin });
              const at = { settings: settings === WIDE ? 'wide' : 'default', day, filter, size, page };
              expect({ at, status: listed.status, total: listed.body.total, items: listed.body.items.map(key) }).toEqual({
                at,
                status: 200,
                total: expected.length,
                items: expected.slice((page - 1) * size, page * size),
              });
              compared += listed.body.items.length;
            }
          }
        }
      }
    }
    const last = await t.request<{ version: number }>('GET', '/api/v1/settings/warnings', { token: admin });
    await t.request('PUT', '/api/v1/settings/warnings', { token: admin, body: { settings: DEFAULT_WARNING_SETTINGS, version: last.body.version } });
    // the world must give enough warnings, of both levels under both settings, for the pages to cut through them
    expect(compared).toBeGreaterThan(2000);
    expect([...levels].sort()).toEqual(['default RED', 'default YELLOW', 'wide RED', 'wide YELLOW']);
  }, 300_000);

  it('detects a drifted state (the check is not vacuous)', async () => {
    const ps = await reset();
    await run({ kind: 'import', projects: [0], month: 0, count: 2, arrived: '25' }, ps);
    await t.query(`UPDATE warn_project_state SET first_gap = '2024-12' WHERE project_id = $1`, [ps[0].id]);
    const [drift] = await t.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM warn_project_state k JOIN warn_project_state_from_facts() f USING (project_id) WHERE k.first_gap IS DISTINCT FROM f.first_gap`,
    );
    expect(drift.n).toBe(1);
    // and the rebuild repairs it
    await t.query('SELECT warn_rebuild_project_state()');
    await check(['rebuilt']);
  });
});
