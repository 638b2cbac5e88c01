import { getDataSourceToken } from '@nestjs/typeorm';
import { generateDemoMonthlyData, generateDemoProjects } from '@zhaoshang/api/demo';
import { formatProjectNo } from '@zhaoshang/shared/domain';
import type { DataSource } from 'typeorm';
import { TestApp } from '../../test/support/test-app.js';
import { ensureDemoProjects } from '../bootstrap/demo-data.js';
import { loadConfig } from '../config/config.js';
import { lastSequences, loadDemoMonthlyData, loadDemoProjects } from './load-demo.js';

describe('demo data in the database', () => {
  let api: TestApp;
  let db: DataSource;
  let loadedAt: Date;
  const seeding = { ...loadConfig({ LOG_LEVEL: 'error', WEB_DIR: 'none', JWT_SECRET: 'x'.repeat(32) }), seedDemo: true };

  beforeAll(async () => {
    api = await TestApp.start();
    db = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await api?.stop();
  });

  // how long it takes is for the benchmark and the CLI to report (tools/demo), not for a test on a busy machine
  it('loads the 600 demo projects and their monthly figures on a database without projects, and only once', async () => {
    const started = Date.now();
    expect(await ensureDemoProjects(db, seeding)).toBe(600);
    if (process.env.DEMO_TIMING) console.log(`SEED_DEMO load: ${Date.now() - started} ms`);
    loadedAt = new Date();
    expect(await ensureDemoProjects(db, seeding)).toBe(0);
    const [counts] = await db.query(`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM project_approvals)::int AS approvals,
      (SELECT count(*) FROM audit_log WHERE entity = 'project' AND action = 'CREATE' AND actor_type = 'SYSTEM')::int AS audit`);
    expect(counts).toEqual({ projects: 600, approvals: 3600, audit: 600 });
  });

  it('loads the monthly reports, FAI totals and month closes as generated, with an audit row per report', async () => {
    // the same generation as SEED_DEMO's (the same seed and day)
    const expected = generateDemoMonthlyData(generateDemoProjects({ now: loadedAt }), { now: loadedAt });
    const [counts] = await db.query(`SELECT (SELECT count(*) FROM monthly_reports)::int AS reports, (SELECT count(*) FROM fai_totals)::int AS fai,
      (SELECT count(*) FROM month_closes WHERE closed AND closed_by = '系统（演示数据）')::int AS closes,
      (SELECT count(*) FROM audit_log WHERE entity = 'monthlyReport' AND action = 'CREATE' AND actor_type = 'SYSTEM')::int AS audit,
      (SELECT count(*) FROM monthly_reports WHERE status = 'VERIFIED' AND (verified_by IS NULL OR verified_at IS NULL))::int AS "unverifiedVerified",
      (SELECT count(*) FROM monthly_reports WHERE status = 'RETURNED' AND return_reason IS NULL)::int AS "returnedWithoutReason"`);
    expect(counts).toEqual({
      reports: expected.reports.length,
      fai: expected.faiTotals.length,
      closes: expected.monthCloses.length,
      audit: expected.reports.length,
      unverifiedVerified: 0,
      returnedWithoutReason: 0,
    });
    expect(expected.reports.length).toBeGreaterThan(10_000);
    // money summed by PostgreSQL equals the generated strings' sum; the 2024 ratio holds in SQL too
    const [sums] = await db.query(`SELECT sum(arrived_equity_wan + arrived_loan_wan + arrived_other_wan)::text AS arrived, sum(completed_investment_wan)::text AS completed FROM monthly_reports`);
    const cents = (wan: string) => {
      const [whole, fraction] = wan.split('.');
      return Number(whole) * 100 + Number(fraction);
    };
    const total = (values: string[]) => values.reduce((sum, v) => sum + cents(v), 0);
    expect(cents(sums.arrived)).toBe(total(expected.reports.flatMap((r) => [r.arrivedEquityWan, r.arrivedLoanWan, r.arrivedOtherWan])));
    expect(cents(sums.completed)).toBe(total(expected.reports.map((r) => r.completedInvestmentWan)));
    const [{ ratio }] = await db.query(`SELECT (SELECT sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan) FROM monthly_reports m JOIN projects p ON p.id = m.project_id
        WHERE m.status = 'VERIFIED' AND m.month LIKE '2024-%' AND p.investor_origin IN ('FOREIGN', 'OUT_OF_REGION', 'IN_REGION_OUT_OF_CITY'))
      / (SELECT sum(amount_wan) FROM fai_totals WHERE region_code = '150500' AND month LIKE '2024-%') AS ratio`);
    expect(Number(ratio)).toBeGreaterThanOrEqual(0.7);
    expect(Number(ratio)).toBeLessThanOrEqual(0.82);
    const [audit] = await db.query(`SELECT after FROM audit_log WHERE entity = 'monthlyReport' AND after->>'status' = 'VERIFIED' LIMIT 1`);
    expect(Object.keys(audit.after).sort()).toEqual(
      ['id', 'projectId', 'projectNo', 'regionCode', 'month', 'arrivedEquityWan', 'arrivedLoanWan', 'arrivedOtherWan', 'completedInvestmentWan', 'progress', 'status', 'returnReason', 'submittedAt', 'verifiedAt', 'version'].sort(),
    );
  });

  it('keeps the data as generated: money, dates, links to parent projects', async () => {
    const rows = (await db.query(`SELECT project_no AS "projectNo", contract_amount_wan AS "amount", signed_at AS "signedAt", parent_project_no AS "parent" FROM projects`)) as {
      projectNo: string;
      amount: string;
      signedAt: string | null;
      parent: string | null;
    }[];
    const numbers = new Set(rows.map((r) => r.projectNo));
    expect(rows.every((r) => /^\d+\.\d{2}$/.test(r.amount) && (r.signedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(r.signedAt)))).toBe(true);
    expect(rows.filter((r) => r.parent !== null).every((r) => numbers.has(r.parent as string))).toBe(true);
    expect(rows.filter((r) => r.parent !== null).length).toBeGreaterThan(10);
  });

  it('leaves project_sequences at the last number of each district and year', async () => {
    const [{ behind }] = await db.query(`SELECT count(*)::int AS behind FROM (
        SELECT substring(project_no, 1, 6) AS region, substring(project_no, 8, 4)::int AS year, max(substring(project_no, 13, 4)::int) AS seq FROM projects GROUP BY 1, 2
      ) p LEFT JOIN project_sequences s ON s.region_code = p.region AND s.year = p.year WHERE s.last_seq IS DISTINCT FROM p.seq`);
    expect(behind).toBe(0);
  });

  it('lets the next project registered in the app continue the numbering', async () => {
    const [{ year, seq }] = await db.query(`SELECT year, last_seq AS seq FROM project_sequences WHERE region_code = '150525' ORDER BY year DESC LIMIT 1`);
    const created = await api.request<{ projectNo: string }>('POST', '/api/v1/projects', {
      token: await api.adminToken(),
      body: {
        name: '演示后新登记的测试项目',
        regionCode: '150525',
        industryCode: 'NE',
        investorName: '测试投资有限公司',
        investorOrigin: 'OUT_OF_REGION',
        contractAmountWan: '1000.00',
        stage: 'SIGNED',
        signedAt: `${year}-01-01`,
        // January of the demo year is closed: registering a project signed in it is a correction (DOMAIN.md §5)
        correctionReason: '补录一月签约的项目',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.projectNo).toBe(formatProjectNo('150525', year, seq + 1));
  });

  it('appends more generated projects after the numbers already given', async () => {
    const before = await lastSequences(db);
    const more = generateDemoProjects({ count: 50, seed: 99, lastSeqs: before });
    const [{ reportsBefore }] = await db.query(`SELECT count(*)::int AS "reportsBefore" FROM monthly_reports`);
    const monthly = await db.transaction(async (em) => {
      await loadDemoProjects(em, more);
      // their reports in chunks of 100, without audit rows; FAI totals and closes already there stay as they are
      return loadDemoMonthlyData(em, more, { chunkSize: 100, audit: false });
    });
    expect(monthly.reports).toBeGreaterThan(100);
    expect(monthly).toMatchObject({ faiTotals: 0, monthCloses: 0, auditRows: 0 });
    const [{ reportsAfter }] = await db.query(`SELECT count(*)::int AS "reportsAfter" FROM monthly_reports`);
    expect(reportsAfter).toBe(reportsBefore + monthly.reports);
    const first = more.projects[0];
    const [region, year] = first.projectNo.split('-');
    expect(first.projectNo).toBe(formatProjectNo(region, Number(year), (before.get(`${region}-${year}`) ?? 0) + 1));
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM projects`);
    expect(count).toBe(651);
  });

  it('seeds on the first start with SEED_DEMO=true', async () => {
    const seeded = await TestApp.start({ seedDemo: true });
    try {
      const [{ count, reports }] = await seeded.app.get<DataSource>(getDataSourceToken()).query(`SELECT count(*)::int AS count, (SELECT count(*) FROM monthly_reports)::int AS reports FROM projects`);
      expect(count).toBe(600);
      expect(reports).toBeGreaterThan(10_000);
      // 1+N+9 (DOMAIN.md §9): the lists the key projects name, the demo leader linked to the city's 招商引资 leader, district contacts
      const [links] = await seeded.app.get<DataSource>(getDataSourceToken()).query(`SELECT
          (SELECT count(*) FROM leaders)::int AS leaders, (SELECT count(*) FROM units)::int AS units,
          (SELECT l.portfolio FROM leaders l JOIN users u ON u.id = l.user_id WHERE u.username = 'leader') AS "leaderPortfolio",
          (SELECT count(*) FROM projects p JOIN leaders l ON l.name = p.lead_official JOIN users u ON u.id = l.user_id WHERE u.username = 'leader')::int AS "leaderProjects",
          (SELECT count(*) FROM projects WHERE is_key_project AND district_contact_id IS NULL)::int AS "keyWithoutContact"`);
      expect(links).toMatchObject({ leaders: 6 + 27, units: expect.any(Number), leaderPortfolio: expect.stringContaining('招商引资'), keyWithoutContact: 0 });
      expect(links.units).toBeGreaterThan(10);
      expect(links.leaderProjects).toBeGreaterThan(0);
    } finally {
      await seeded.stop();
    }
  });
});
