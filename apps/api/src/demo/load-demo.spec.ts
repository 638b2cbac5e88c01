import { getDataSourceToken } from '@nestjs/typeorm';
import { type DemoCommitments, type DemoFollowThrough, generateDemoCommitments, generateDemoFollowThrough, generateDemoMonthlyData, generateDemoProjects } from '@zhaoshang/api/demo';
import { type CommitmentListResponse, commitmentSummarySentence, DEFAULT_NOTICE_SETTINGS, formatProjectNo, type IssueStatsResponse, type NoticeKind, noticeNumber, type ProjectIssueListResponse, sumWan } from '@zhaoshang/shared/domain';
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

  // issue 14 item 6: the follow-through of the demo, as generated, with the rules of DOMAIN.md §9 holding in SQL
  describe('the follow-through', () => {
    let expected: DemoFollowThrough;
    let today: string;
    beforeAll(() => {
      const data = generateDemoProjects({ now: loadedAt });
      today = data.today;
      expected = generateDemoFollowThrough(data, { now: loadedAt });
    });

    it('loads the problems, their notes, the notices and their counters as generated, with an audit row per problem', async () => {
      const [counts] = await db.query(`SELECT (SELECT count(*) FROM project_issues)::int AS issues, (SELECT count(*) FROM issue_notes)::int AS notes,
        (SELECT count(*) FROM notices WHERE subject_type <> 'COMMITMENT')::int AS notices, (SELECT count(*) FROM notice_counters)::int AS counters,
        (SELECT count(*) FROM audit_log WHERE entity = 'projectIssue' AND action = 'CREATE' AND actor_type = 'SYSTEM')::int AS audit`);
      expect(counts).toEqual({
        issues: expected.issues.length,
        notes: expected.issues.reduce((sum, i) => sum + i.notes.length, 0),
        notices: expected.notices.length,
        // issue 15's 提醒单 about commitments number on in the follow-through's counters
        counters: generateDemoCommitments(generateDemoProjects({ now: loadedAt }), { now: loadedAt, counters: expected.counters }).counters.length,
        audit: expected.issues.length,
      });
      expect(expected.issues.length).toBeGreaterThanOrEqual(140);
      const byStatus = (rows: { kind: string; status: string; count: number }[]) => Object.fromEntries(rows.map((r) => [`${r.kind}:${r.status}`, Number(r.count)]));
      const rows = await db.query(`SELECT kind, status, count(*)::int AS count FROM notices WHERE subject_type <> 'COMMITMENT' GROUP BY 1, 2`);
      const generated = new Map<string, number>();
      for (const n of expected.notices) generated.set(`${n.kind}:${n.status}`, (generated.get(`${n.kind}:${n.status}`) ?? 0) + 1);
      expect(byStatus(rows)).toEqual(Object.fromEntries(generated));
      // the audit row is the problems module's snapshot
      const [audit] = await db.query(`SELECT after FROM audit_log WHERE entity = 'projectIssue' LIMIT 1`);
      expect(Object.keys(audit.after).sort()).toEqual(
        ['id', 'projectId', 'projectNo', 'projectName', 'regionCode', 'regionName', 'category', 'description', 'raisedAt', 'raisedByName', 'unitId', 'unitName', 'dueAt', 'status', 'resolution', 'closedAt', 'version'].sort(),
      );
    });

    it('keeps the problems’ rules: an active unit, closed ⇔ resolution, 1–3 notes between raising and closing, ~55% closed, some red', async () => {
      const [facts] = await db.query(
        `SELECT (SELECT count(*) FROM project_issues i JOIN units u ON u.id = i.unit_id WHERE NOT u.active)::int AS "inactiveUnit",
           (SELECT count(*) FROM project_issues WHERE (status IN ('RESOLVED', 'UNRESOLVABLE')) <> (resolution IS NOT NULL AND closed_at IS NOT NULL))::int AS "closedWithoutResolution",
           (SELECT count(*) FROM project_issues i WHERE (SELECT count(*) FROM issue_notes n WHERE n.issue_id = i.id) NOT BETWEEN 1 AND 3
              OR EXISTS (SELECT 1 FROM issue_notes n WHERE n.issue_id = i.id AND n.at NOT BETWEEN i.raised_at AND coalesce(i.closed_at, $1::date)))::int AS "badNotes",
           (SELECT count(*) FROM project_issues i JOIN projects p ON p.id = i.project_id WHERE p.signed_at IS NULL OR p.signed_at > i.raised_at)::int AS "beforeSigning",
           round((SELECT count(*) FILTER (WHERE status IN ('RESOLVED', 'UNRESOLVABLE')) FROM project_issues)::numeric / (SELECT count(*) FROM project_issues), 2)::float8 AS "closedRate",
           (SELECT count(*) FROM project_issues WHERE status = 'UNRESOLVABLE')::int AS unresolvable,
           (SELECT count(*) FROM project_issues WHERE status IN ('OPEN', 'IN_PROGRESS') AND due_at < $1::date - 15)::int AS red`,
        [today],
      );
      expect(facts).toMatchObject({ inactiveUnit: 0, closedWithoutResolution: 0, badNotes: 0, beforeSigning: 0 });
      expect(facts.closedRate).toBeGreaterThanOrEqual(0.5);
      expect(facts.closedRate).toBeLessThanOrEqual(0.6);
      expect(facts.unresolvable).toBeGreaterThan(0);
      expect(facts.red).toBeGreaterThan(0);
    });

    it('keeps the ladder’s rules: chains one rung up about the same subject, numbers consecutive per kind and year, counters at the last, signed by the leader', async () => {
      const [facts] = await db.query(
        `SELECT (SELECT count(*) FROM notices n JOIN notices p ON p.id = n.previous_notice_id
                  WHERE array_position(enum_range(NULL::notice_kind), p.kind) + 1 <> array_position(enum_range(NULL::notice_kind), n.kind)
                     OR p.subject_type <> n.subject_type OR p.project_id <> n.project_id
                     OR p.issue_id IS DISTINCT FROM n.issue_id OR p.warning_rule IS DISTINCT FROM n.warning_rule)::int AS "badChains",
           (SELECT count(*) FROM notices WHERE (kind = 'REMINDER') <> (previous_notice_id IS NULL))::int AS "unchained",
           (SELECT count(*) FROM (SELECT kind, year, count(*) AS c, min(seq) AS lo, max(seq) AS hi FROM notices WHERE seq IS NOT NULL GROUP BY 1, 2) g
              FULL JOIN notice_counters c USING (kind, year)
             WHERE g.lo IS DISTINCT FROM 1 OR g.hi IS DISTINCT FROM g.c OR c.last IS DISTINCT FROM g.hi)::int AS "badNumbers",
           (SELECT count(*) FROM notices WHERE year IS DISTINCT FROM extract(year FROM issued_at)::int AND issued_at IS NOT NULL)::int AS "wrongYear",
           (SELECT count(DISTINCT signer_leader_id) FROM notices WHERE kind IN ('SUPERVISE', 'TRANSFER'))::int AS signers,
           (SELECT l.name FROM notices n JOIN leaders l ON l.id = n.signer_leader_id LIMIT 1) AS signer,
           (SELECT count(*) FROM notices n JOIN units u ON u.id = n.recipient_unit_id WHERE NOT u.active)::int AS "inactiveRecipient",
           (SELECT count(*) FROM notices n WHERE n.status IN ('ISSUED', 'ANSWERED') AND n.deadline < $1::date
               AND NOT EXISTS (SELECT 1 FROM notices m WHERE m.previous_notice_id = n.id)
               AND (n.issue_id IS NULL OR (SELECT status FROM project_issues WHERE id = n.issue_id) IN ('OPEN', 'IN_PROGRESS')))::int AS "toEscalate",
           (SELECT count(*) FROM notices WHERE status = 'CLOSED' AND closed_at <= deadline)::int AS "closedOnTime",
           (SELECT count(*) FROM notices WHERE status = 'CLOSED' AND closed_at > deadline AND close_note NOT LIKE '%升级%')::int AS "closedLate"`,
        [today],
      );
      expect(facts).toMatchObject({ badChains: 0, unchained: 0, badNumbers: 0, wrongYear: 0, signers: 1, signer: expect.stringMatching(/^常务副市长 /), inactiveRecipient: 0 });
      expect(facts.toEscalate).toBeGreaterThan(0);
      expect(facts.closedOnTime).toBeGreaterThan(0);
      expect(facts.closedLate).toBeGreaterThan(0);
      const numbers = (await db.query(`SELECT kind, year, seq, number FROM notices WHERE number IS NOT NULL`)) as { kind: NoticeKind; year: number; seq: number; number: string }[];
      expect(numbers.every((n) => n.number === noticeNumber(DEFAULT_NOTICE_SETTINGS.prefixes[n.kind], n.year, n.seq))).toBe(true);
      const kinds = await db.query(`SELECT kind, count(*)::int AS count FROM notices WHERE subject_type <> 'COMMITMENT' GROUP BY 1 ORDER BY array_position(enum_range(NULL::notice_kind), kind)`);
      expect(kinds.map((k: { count: number }) => k.count)).toEqual([40, 15, 6, 2]);
    });
  });

  describe('the policy commitments (issue 15)', () => {
    let expected: DemoCommitments;
    let today: string;
    beforeAll(() => {
      const data = generateDemoProjects({ now: loadedAt });
      today = data.today;
      expected = generateDemoCommitments(data, { now: loadedAt, counters: generateDemoFollowThrough(data, { now: loadedAt }).counters });
    });

    it('loads the commitments, their events and 提醒单 as generated, with an audit row per commitment and the sums in SQL', async () => {
      const [counts] = await db.query(`SELECT (SELECT count(*) FROM policy_commitments)::int AS commitments, (SELECT count(*) FROM commitment_events)::int AS events,
        (SELECT count(*) FROM notices WHERE subject_type = 'COMMITMENT' AND kind = 'REMINDER' AND status = 'ISSUED')::int AS notices,
        (SELECT count(*) FROM audit_log WHERE entity = 'commitment' AND action = 'CREATE' AND actor_type = 'SYSTEM')::int AS audit,
        (SELECT sum(promised_amount_wan)::text FROM policy_commitments) AS promised, (SELECT sum(honoured_amount_wan)::text FROM policy_commitments) AS honoured,
        (SELECT count(*) FROM policy_commitments c WHERE c.version <> 1 + (SELECT count(*) FROM commitment_events e WHERE e.commitment_id = c.id))::int AS "badVersions"`);
      expect(counts).toEqual({
        commitments: expected.commitments.length,
        events: expected.commitments.reduce((sum, c) => sum + c.events.length, 0),
        notices: expected.notices.length,
        audit: expected.commitments.length,
        promised: sumWan(expected.commitments.map((c) => c.promisedAmountWan)),
        honoured: sumWan(expected.commitments.map((c) => c.honouredAmountWan)),
        badVersions: 0,
      });
      expect(expected.commitments.length).toBe(120);
      // the audit row is the commitments module's snapshot
      const [audit] = await db.query(`SELECT after FROM audit_log WHERE entity = 'commitment' LIMIT 1`);
      expect(Object.keys(audit.after).sort()).toEqual(
        ['id', 'projectId', 'projectNo', 'projectName', 'regionCode', 'regionName', 'type', 'content', 'promisedAmountWan', 'dueAt', 'unitId', 'unitName', 'status', 'honouredAmountWan', 'honouredAt', 'withdrawnAt', 'withdrawnReason', 'version'].sort(),
      );
      // some more than 30 days overdue: red POLICY warnings
      const [{ red }] = await db.query(`SELECT count(*)::int AS red FROM policy_commitments WHERE status IN ('PENDING', 'PARTIAL') AND due_at < $1::date - 30`, [today]);
      expect(red).toBeGreaterThan(0);
    });

    it('says the §9 sentence for the demo as a count by hand in SQL does', async () => {
      const [hand] = await db.query(`SELECT count(*) FILTER (WHERE NOT on_time)::int AS reviewed,
          count(*) FILTER (WHERE NOT on_time AND status IN ('HONOURED', 'WITHDRAWN'))::int AS rectified,
          coalesce(sum(honoured_amount_wan) FILTER (WHERE NOT on_time), 0)::numeric(18,2)::text AS "reviewedHonouredWan"
        FROM (SELECT *, status = 'HONOURED' AND honoured_at <= due_at AS on_time FROM policy_commitments) c`);
      expect(hand.reviewed).toBeGreaterThan(hand.rectified);
      expect(hand.rectified).toBeGreaterThan(0);
      const list = await api.request<CommitmentListResponse>('GET', '/api/v1/commitments?pageSize=20', { token: await api.adminToken() });
      expect(list.status).toBe(200);
      expect(list.body.summary).toBe(commitmentSummarySentence(hand));
      expect(list.body.totals.count).toBe(expected.commitments.length);
    });

    it('numbers the 提醒单 after the follow-through’s and leaves the counters at the last', async () => {
      const [facts] = await db.query(`SELECT
          (SELECT count(*) FROM notices n JOIN policy_commitments c ON c.id = n.commitment_id
            WHERE n.subject_type = 'COMMITMENT' AND (c.status NOT IN ('PENDING', 'PARTIAL') OR c.due_at >= n.issued_at OR c.project_id <> n.project_id OR c.unit_id <> n.recipient_unit_id))::int AS "badSubjects",
          (SELECT count(*) FROM (SELECT kind, year, max(seq) AS hi, count(*) AS c FROM notices WHERE seq IS NOT NULL GROUP BY 1, 2) g
              FULL JOIN notice_counters c USING (kind, year) WHERE c.last IS DISTINCT FROM g.hi OR g.hi IS DISTINCT FROM g.c)::int AS "badCounters"`);
      expect(facts).toEqual({ badSubjects: 0, badCounters: 0 });
      const numbers = (await db.query(`SELECT number FROM notices WHERE subject_type = 'COMMITMENT' ORDER BY seq`)) as { number: string }[];
      expect(numbers.map((n) => n.number)).toEqual(expected.notices.map((n) => n.number));
    });
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
          (SELECT count(*) FROM projects p JOIN leaders l ON l.name = p.lead_official WHERE l.level = 'CITY' AND l.portfolio LIKE '%招商引资%')::int AS "executiveProjects",
          (SELECT count(*) FROM projects WHERE is_key_project AND district_contact_id IS NULL)::int AS "keyWithoutContact"`);
      expect(links).toMatchObject({ leaders: 6 + 27, units: expect.any(Number), leaderPortfolio: expect.stringContaining('招商引资'), keyWithoutContact: 0 });
      expect(links.units).toBeGreaterThan(10);
      // the projects of the city leader in charge of 招商引资 are the demo leader's; how many depends on the
      // day the demo is made (its dates run up to today): 3 to 9 over 2026, 7 on 6 December and 8 a day later
      expect(links.leaderProjects).toBe(links.executiveProjects);
      expect(links.leaderProjects).toBeGreaterThanOrEqual(3);
      // issue 14: the district accounts follow every project with a 包联领导; the follow-through names the demo accounts
      const [people] = await seeded.app.get<DataSource>(getDataSourceToken()).query(`SELECT
          (SELECT count(*) FROM projects WHERE lead_official IS NOT NULL)::int AS responsible,
          (SELECT count(*) FROM projects WHERE lead_official IS NOT NULL AND district_contact_id IS NULL)::int AS "withoutContact",
          (SELECT count(*) FROM project_issues WHERE raised_by_name NOT IN (SELECT display_name FROM users))::int AS "raisedByNobody",
          (SELECT count(*) FROM notices WHERE drafted_by_name <> (SELECT display_name FROM users WHERE username = 'city'))::int AS "draftedByOther",
          (SELECT count(*) FROM notices n JOIN leaders l ON l.id = n.signer_leader_id JOIN users u ON u.id = l.user_id
            WHERE u.username = 'leader' AND n.status = 'PENDING_SIGNATURE')::int AS "toSign"`);
      expect(people).toMatchObject({ withoutContact: 0, raisedByNobody: 0, draftedByOther: 0, toSign: 1 });
      expect(people.responsible).toBeGreaterThan(480);
      // the problems module reads the demo's problems as its own: overdue ones, 办结率 by unit
      const token = await seeded.adminToken();
      const overdue = await seeded.request<ProjectIssueListResponse>('GET', '/api/v1/project-issues?overdue=true&pageSize=5', { token });
      expect(overdue.status).toBe(200);
      expect(overdue.body.counts.overdue).toBeGreaterThan(10);
      expect(overdue.body.items.every((i) => i.overdue)).toBe(true);
      const byUnit = await seeded.request<IssueStatsResponse>('GET', '/api/v1/project-issues/stats?groupBy=unit', { token });
      expect(byUnit.status).toBe(200);
      expect(byUnit.body.rows.length).toBeGreaterThan(5);
      expect(byUnit.body.total.closedRate).toBeGreaterThan(0.5);
    } finally {
      await seeded.stop();
    }
  });
});
