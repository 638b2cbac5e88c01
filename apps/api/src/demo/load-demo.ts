import { ArrivalTally, type DemoAuthor, type DemoCommitments, type DemoDataSet, type DemoFollowThrough, DISTRICTS, type DemoFaiTotal, type DemoListEntry, type DemoMonthClose, type DemoMonthlyOptions, type DemoProject, type DemoReport, demoFaiTotals, demoMonthCloses, demoReportChunks } from '@zhaoshang/api/demo';
import { PROJECT_FIELD_LABELS } from '@zhaoshang/shared/domain';
import { randomUUID } from 'node:crypto';
import { SYSTEM_ACTOR } from '../common/access/actor.js';
import { runSql, sql, type SqlFragment, type SqlRunner, type SqlValue } from '../common/sql/sql.js';
import { auditInsert } from '../modules/audit/audit.service.js';
import { reportSnapshot } from '../modules/reports/reports.service.js';

/** A TypeORM EntityManager or DataSource, or a `pg` client: whatever runs a parameterised statement. */
export type { SqlRunner };

export interface LoadOptions {
  /** rows per INSERT: each statement sends one array per column */
  chunkSize?: number;
  /** one audit row per project (actor SYSTEM, action CREATE), as every other creation has */
  audit?: boolean;
}

export interface LoadResult {
  projects: number;
  approvals: number;
  auditRows: number;
}

/** The columns of `projects` the generator fills, with the array type each is sent as. */
const PROJECT_COLUMNS: readonly [column: SqlFragment, arrayType: SqlFragment, value: (p: DemoProject) => SqlValue][] = [
  [sql`project_no`, sql`varchar[]`, (p) => p.projectNo],
  [sql`name`, sql`varchar[]`, (p) => p.name],
  [sql`region_code`, sql`varchar[]`, (p) => p.regionCode],
  [sql`industry_code`, sql`varchar[]`, (p) => p.industryCode],
  [sql`investor_name`, sql`varchar[]`, (p) => p.investorName],
  [sql`investor_uscc`, sql`varchar[]`, (p) => p.investorUscc],
  [sql`investor_origin`, sql`investor_origin[]`, (p) => p.investorOrigin],
  [sql`contract_amount_wan`, sql`numeric[]`, (p) => p.contractAmountWan],
  [sql`planned_investment_wan`, sql`numeric[]`, (p) => p.plannedInvestmentWan],
  [sql`stage`, sql`project_stage[]`, (p) => p.stage],
  [sql`signed_at`, sql`date[]`, (p) => p.signedAt],
  [sql`registered_at`, sql`date[]`, (p) => p.registeredAt],
  [sql`construction_started_at`, sql`date[]`, (p) => p.constructionStartedAt],
  [sql`production_started_at`, sql`date[]`, (p) => p.productionStartedAt],
  [sql`terminated_at`, sql`date[]`, (p) => p.terminatedAt],
  [sql`termination_reason`, sql`varchar[]`, (p) => p.terminationReason],
  [sql`planned_start_month`, sql`varchar[]`, (p) => p.plannedStartMonth],
  [sql`is_key_project`, sql`boolean[]`, (p) => p.isKeyProject],
  [sql`lead_official`, sql`varchar[]`, (p) => p.leadOfficial],
  [sql`lead_department`, sql`varchar[]`, (p) => p.leadDepartment],
  [sql`national_code`, sql`varchar[]`, (p) => p.nationalCode],
  [sql`stats_registered`, sql`boolean[]`, (p) => p.statsRegistered],
  [sql`stats_registered_month`, sql`varchar[]`, (p) => p.statsRegisteredMonth],
  [sql`stats_code`, sql`varchar[]`, (p) => p.statsCode],
  [sql`notes`, sql`text[]`, (p) => p.notes],
  [sql`parent_project_no`, sql`varchar[]`, (p) => p.parentProjectNo],
  [sql`created_at`, sql`timestamptz[]`, (p) => p.createdAt],
  [sql`updated_at`, sql`timestamptz[]`, (p) => p.updatedAt],
];

const LIST = sql`, `;

const INSERT_PROJECTS = (chunk: DemoProject[]) => sql`INSERT INTO projects (${sql.join(
  PROJECT_COLUMNS.map(([c]) => c),
  LIST,
)}, version)
  SELECT *, 1 FROM unnest(${sql.join(
    PROJECT_COLUMNS.map(([, type, value]) => sql`${chunk.map(value)}::${type}`),
    LIST,
  )})`;

const INSERT_APPROVALS = (columns: SqlValue[][]) => sql`INSERT INTO project_approvals (project_id, kind, status, done_at)
  SELECT p.id, a.kind, a.status, a.done_at
  FROM unnest(${columns[0]}::varchar[], ${columns[1]}::approval_kind[], ${columns[2]}::approval_status[], ${columns[3]}::date[]) AS a(project_no, kind, status, done_at)
  JOIN projects p ON p.project_no = a.project_no`;

const INSERT_AUDIT = (projectNos: string[], afters: string[]) =>
  auditInsert(
    SYSTEM_ACTOR,
    'project',
    sql`SELECT p.id::text, 'CREATE', NULL::jsonb, a.after
  FROM unnest(${projectNos}::varchar[], ${afters}::jsonb[]) AS a(project_no, after)
  JOIN projects p ON p.project_no = a.project_no`,
  );

/** Afterwards the next number the app gives in a district and year follows the demo's last one. */
const UPSERT_SEQUENCES = (sequences: DemoDataSet['sequences']) => sql`INSERT INTO project_sequences (region_code, year, last_seq)
  SELECT * FROM unnest(${sequences.map((s) => s.regionCode)}::varchar[], ${sequences.map((s) => s.year)}::int[], ${sequences.map((s) => s.lastSeq)}::int[])
  ON CONFLICT (region_code, year) DO UPDATE SET last_seq = GREATEST(project_sequences.last_seq, EXCLUDED.last_seq)`;

/** What the audit log keeps of a created project: its fields under the names of PROJECT_FIELD_LABELS. */
function snapshot(p: DemoProject): Record<string, unknown> {
  return Object.fromEntries(Object.keys(PROJECT_FIELD_LABELS).map((key) => [key, p[key as keyof typeof PROJECT_FIELD_LABELS]]));
}

/**
 * Writes a generated data set with a handful of set-based statements (one array per column through
 * `unnest`), not a statement per row: 600 projects take some tens of milliseconds, 100,000 seconds.
 * Run it inside a transaction. Projects come in entry order, so a parent is always in the same or
 * an earlier statement than its capital increases and the foreign key holds after each statement.
 */
/** The 包联领导 list (with 分管领域) or the 责任单位 list, in the generator's order; entries already there (a second load) are kept. */
const INSERT_LIST = (table: 'leaders' | 'units', entries: readonly DemoListEntry[]) => {
  const portfolio = table === 'leaders' ? sql`, portfolio` : sql.empty;
  return sql`INSERT INTO ${table === 'leaders' ? sql`leaders` : sql`units`} (name, level, region_code, sort_order, version ${portfolio})
      SELECT name, level::responsibility_level, region_code, ordinality * 10, 1 ${portfolio}
        FROM unnest(${entries.map((e) => e.name)}::varchar[], ${entries.map((e) => e.level)}::varchar[], ${entries.map((e) => e.regionCode)}::varchar[], ${entries.map((e) => e.portfolio)}::varchar[])
             WITH ORDINALITY AS e(name, level, region_code, portfolio, ordinality)
      ON CONFLICT (name) DO NOTHING`;
};

export async function loadDemoProjects(db: SqlRunner, data: DemoDataSet, options: LoadOptions = {}): Promise<LoadResult> {
  const chunkSize = options.chunkSize ?? 5000;
  const result: LoadResult = { projects: 0, approvals: 0, auditRows: 0 };
  // the lists first: a project's 包联领导 and 责任单位 are foreign keys to their names
  await runSql(db, INSERT_LIST('leaders', data.leaders));
  await runSql(db, INSERT_LIST('units', data.units));
  for (let start = 0; start < data.projects.length; start += chunkSize) {
    const chunk = data.projects.slice(start, start + chunkSize);
    await runSql(db, INSERT_PROJECTS(chunk));
    const approvals = chunk.flatMap((p) => p.approvals.map((a) => [p.projectNo, a.kind, a.status, a.doneAt] as const));
    await runSql(db, INSERT_APPROVALS([0, 1, 2, 3].map((i) => approvals.map((row) => row[i]))));
    if (options.audit) {
      await runSql(db, INSERT_AUDIT(chunk.map((p) => p.projectNo), chunk.map((p) => JSON.stringify(snapshot(p)))));
      result.auditRows += chunk.length;
    }
    result.projects += chunk.length;
    result.approvals += approvals.length;
  }
  await runSql(db, UPSERT_SEQUENCES(data.sequences));
  return result;
}

/**
 * The last number given per district and year in a database that already has projects, read from
 * `project_sequences` and from the numbers themselves (imported legacy numbers of the same shape
 * may have passed the sequence): generated numbers continue after both.
 */
export async function lastSequences(db: SqlRunner): Promise<Map<string, number>> {
  const rows = await runSql<{ key: string; seq: number }>(
    db,
    sql`
    SELECT key, max(seq)::int AS seq FROM (
      SELECT region_code || '-' || year AS key, last_seq AS seq FROM project_sequences
      UNION ALL
      SELECT substring(project_no, 1, 11), substring(project_no, 13, 4)::int FROM projects WHERE project_no ~ '^\\d{6}-\\d{4}-\\d{4}$'
    ) s GROUP BY key`,
  );
  return new Map(rows.map((r) => [r.key, r.seq]));
}

/** The columns of `monthly_reports` the generator fills, with the array type each is sent as. */
const REPORT_COLUMNS: readonly [column: SqlFragment, arrayType: SqlFragment, value: (r: DemoReport) => SqlValue][] = [
  [sql`month`, sql`varchar[]`, (r) => r.month],
  [sql`arrived_equity_wan`, sql`numeric[]`, (r) => r.arrivedEquityWan],
  [sql`arrived_loan_wan`, sql`numeric[]`, (r) => r.arrivedLoanWan],
  [sql`arrived_other_wan`, sql`numeric[]`, (r) => r.arrivedOtherWan],
  [sql`completed_investment_wan`, sql`numeric[]`, (r) => r.completedInvestmentWan],
  [sql`progress`, sql`varchar[]`, (r) => r.progress],
  [sql`status`, sql`report_status[]`, (r) => r.status],
  [sql`return_reason`, sql`varchar[]`, (r) => r.returnReason],
  [sql`submitted_at`, sql`timestamptz[]`, (r) => r.submittedAt],
  [sql`verified_at`, sql`timestamptz[]`, (r) => r.verifiedAt],
  [sql`version`, sql`int[]`, (r) => r.version],
  [sql`created_at`, sql`timestamptz[]`, (r) => r.createdAt],
  [sql`updated_at`, sql`timestamptz[]`, (r) => r.updatedAt],
];

/**
 * One statement per chunk: the reports (their project found by number, as the approvals are), and
 * with `audit` one audit row each in the same statement, its snapshot the app's own (reportSnapshot).
 * Answers how many rows it wrote.
 */
function insertReports(chunk: DemoReport[], audit: boolean, verifiedBy: string | null): SqlFragment {
  return sql`WITH a AS (
    SELECT * FROM unnest(${chunk.map((r) => r.projectNo)}::varchar[], ${sql.join(
      REPORT_COLUMNS.map(([, type, value]) => sql`${chunk.map(value)}::${type}`),
      LIST,
    )}) AS a(project_no, ${sql.join(
      REPORT_COLUMNS.map(([c]) => c),
      LIST,
    )})
  ), r AS (
    INSERT INTO monthly_reports (project_id, ${sql.join(
      REPORT_COLUMNS.map(([c]) => c),
      LIST,
    )}, verified_by)
    SELECT p.id, ${sql.join(
      REPORT_COLUMNS.map(([c]) => sql`a.${c}`),
      LIST,
    )}, CASE WHEN a.status = 'VERIFIED' THEN ${verifiedBy}::uuid END
    FROM a JOIN projects p ON p.project_no = a.project_no
    RETURNING ${audit ? sql`*` : sql`1`}
  )${
    audit
      ? sql`, logged AS (
    ${auditInsert(
      SYSTEM_ACTOR,
      'monthlyReport',
      sql`SELECT r.id::text, 'CREATE', NULL::jsonb, ${reportSnapshot(sql`r`, sql`p`)}
    FROM r JOIN projects p ON p.id = r.project_id`,
    )}
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM r)::int AS reports, (SELECT count(*) FROM logged)::int AS audit`
      : sql`
  SELECT count(*)::int AS reports, 0 AS audit FROM r`
  }`;
}

const INSERT_FAI = (totals: readonly DemoFaiTotal[]) => sql`WITH written AS (
    INSERT INTO fai_totals (region_code, month, amount_wan, version)
    SELECT a.region_code, a.month, a.amount_wan, 1
    FROM unnest(${totals.map((t) => t.regionCode)}::varchar[], ${totals.map((t) => t.month)}::varchar[], ${totals.map((t) => t.amountWan)}::numeric[]) AS a(region_code, month, amount_wan)
    JOIN regions g ON g.code = a.region_code
    ON CONFLICT (region_code, month) DO NOTHING
    RETURNING 1
  ) SELECT count(*)::int AS count FROM written`;

const INSERT_CLOSES = (closes: readonly DemoMonthClose[]) => sql`WITH written AS (
    INSERT INTO month_closes (month, closed, closed_at, closed_by, reopen_reason, version)
    SELECT a.month, true, a.closed_at, a.closed_by, NULL, 1
    FROM unnest(${closes.map((c) => c.month)}::varchar[], ${closes.map((c) => c.closedAt)}::timestamptz[], ${closes.map((c) => c.closedBy)}::varchar[]) AS a(month, closed_at, closed_by)
    ON CONFLICT (month) DO NOTHING
    RETURNING 1
  ) SELECT count(*)::int AS count FROM written`;

export interface ReportsLoadOptions {
  /** one audit row per report (actor SYSTEM, entity monthlyReport, action CREATE); off for benchmarks */
  audit?: boolean;
  /** who verified the VERIFIED reports; by default the demo's city staff (`city`), else `admin`, else nobody */
  verifiedBy?: string | null;
}

/** The user shown as the verifier of the demo's VERIFIED reports, when there is one. */
async function demoVerifier(db: SqlRunner): Promise<string | null> {
  const rows = await runSql<{ id: string }>(db, sql`SELECT id FROM users WHERE username IN ('city', 'admin') ORDER BY username = 'city' DESC LIMIT 1`);
  return rows[0]?.id ?? null;
}

/**
 * Writes generated reports chunk by chunk, as they come (an array of chunks, or a generator that makes
 * them as it goes, so that millions of reports never sit in memory at once). Their projects must be
 * in the database already; a report whose project is not is an error.
 */
export async function loadDemoReports(db: SqlRunner, chunks: Iterable<DemoReport[]>, options: ReportsLoadOptions = {}): Promise<{ reports: number; auditRows: number }> {
  const verifiedBy = options.verifiedBy === undefined ? await demoVerifier(db) : options.verifiedBy;
  const result = { reports: 0, auditRows: 0 };
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    const [written] = await runSql<{ reports: number; audit: number }>(db, insertReports(chunk, options.audit ?? false, verifiedBy));
    if (written.reports !== chunk.length) throw new Error(`演示月报写入 ${written.reports} 条，应为 ${chunk.length} 条：有月报的项目不在数据库中`);
    result.reports += written.reports;
    result.auditRows += written.audit;
  }
  return result;
}

/** FAI totals of regions the database has; a month that already has a figure keeps it. */
export async function loadDemoFaiTotals(db: SqlRunner, totals: readonly DemoFaiTotal[]): Promise<number> {
  if (totals.length === 0) return 0;
  return written(await runSql<{ count: number }>(db, INSERT_FAI(totals)));
}

/** Closes the months; a month that already has a close state keeps it. */
export async function loadDemoMonthCloses(db: SqlRunner, closes: readonly DemoMonthClose[]): Promise<number> {
  if (closes.length === 0) return 0;
  return written(await runSql<{ count: number }>(db, INSERT_CLOSES(closes)));
}

const written = (rows: { count: number }[]) => rows[0]?.count ?? 0;

export interface MonthlyLoadOptions extends DemoMonthlyOptions, ReportsLoadOptions {
  /** reports per INSERT (and per generated chunk) */
  chunkSize?: number;
}

export interface MonthlyLoadResult {
  reports: number;
  faiTotals: number;
  monthCloses: number;
  auditRows: number;
}

/**
 * The monthly side of a generated data set (issue 5): its projects' monthly reports (generated and
 * written a chunk at a time, memory bounded), the FAI totals shaped from their arrivals, and the
 * closed months. Run it in the transaction that wrote the projects, after loadDemoProjects.
 */
export async function loadDemoMonthlyData(db: SqlRunner, data: DemoDataSet, options: MonthlyLoadOptions = {}): Promise<MonthlyLoadResult> {
  const tally = new ArrivalTally();
  const loaded = await loadDemoReports(db, demoReportChunks(data, options, options.chunkSize ?? 5000, tally), options);
  const faiTotals = await loadDemoFaiTotals(db, demoFaiTotals(data, options, tally));
  const monthCloses = await loadDemoMonthCloses(db, demoMonthCloses(data, options));
  return { reports: loaded.reports, faiTotals, monthCloses, auditRows: loaded.auditRows };
}

export interface FollowThroughLoadOptions {
  /** one audit row per problem (actor SYSTEM, entity projectIssue, action CREATE), as every other creation has */
  audit?: boolean;
}

export interface FollowThroughLoadResult {
  issues: number;
  notes: number;
  notices: number;
  auditRows: number;
}

/**
 * The people the demo's follow-through names: the city's staff (`city` first) and one member of
 * staff per district, from the accounts of the database; without demo accounts (the CLI on any
 * database), the offices themselves.
 */
async function demoStaffNames(db: SqlRunner): Promise<{ city: string; district: (regionCode: string) => string }> {
  const rows = await runSql<{ regionCode: string | null; displayName: string }>(
    db,
    sql`SELECT DISTINCT ON (coalesce(region_code, '')) region_code AS "regionCode", display_name AS "displayName"
          FROM users WHERE role IN ('CITY_STAFF', 'DISTRICT_STAFF') AND (role = 'CITY_STAFF') = (region_code IS NULL)
         ORDER BY coalesce(region_code, ''), username <> 'city', username`,
  );
  const byRegion = new Map(rows.map((r) => [r.regionCode ?? '', r.displayName]));
  const districtNames = new Map(DISTRICTS.map((d) => [d.code, d.name]));
  return {
    city: byRegion.get('') ?? '市投资促进局',
    district: (code) => byRegion.get(code) ?? `${districtNames.get(code) ?? ''}招商部门`,
  };
}

/** `{region}-{year}-{seq}`: the region a project number names. */
const regionOfProjectNo = (projectNo: string) => projectNo.slice(0, projectNo.indexOf('-'));

/**
 * The follow-through of the demo (issue 14, DOMAIN.md §9): problems and their notes, notices (their
 * previous rungs, units and signers found by name) and notice_counters at the last number given per
 * kind and year. Ids are made here, not by the generator, so that loading twice never collides.
 * Run it in the transaction that wrote the projects (and the lists), after linking the demo accounts.
 * Every row must land: a problem or notice whose project, unit or signer is missing is an error.
 */
export async function loadDemoFollowThrough(db: SqlRunner, followThrough: DemoFollowThrough, options: FollowThroughLoadOptions = {}): Promise<FollowThroughLoadResult> {
  const { issues, notices, counters } = followThrough;
  const staff = await demoStaffNames(db);
  const who = (by: DemoAuthor, projectNo: string, unitName: string) => (by === 'CITY' ? staff.city : by === 'DISTRICT' ? staff.district(regionOfProjectNo(projectNo)) : unitName);
  const issueIds = issues.map(() => randomUUID());
  const noticeIds = notices.map(() => randomUUID());
  const result: FollowThroughLoadResult = { issues: 0, notes: 0, notices: 0, auditRows: 0 };
  if (issues.length > 0) {
    const audit = options.audit ?? false;
    const [written] = await runSql<{ issues: number; audit: number }>(
      db,
      sql`WITH a AS (
        SELECT * FROM unnest(${issueIds}::uuid[], ${issues.map((i) => i.projectNo)}::varchar[], ${issues.map((i) => i.category)}::issue_category[],
          ${issues.map((i) => i.description)}::varchar[], ${issues.map((i) => i.raisedAt)}::date[], ${issues.map((i) => who(i.raisedBy, i.projectNo, i.unitName))}::varchar[],
          ${issues.map((i) => i.unitName)}::varchar[], ${issues.map((i) => i.dueAt)}::date[], ${issues.map((i) => i.status)}::issue_status[],
          ${issues.map((i) => i.resolution)}::varchar[], ${issues.map((i) => i.closedAt)}::date[], ${issues.map((i) => i.version)}::int[],
          ${issues.map((i) => i.createdAt)}::timestamptz[], ${issues.map((i) => i.updatedAt)}::timestamptz[])
          AS a(id, project_no, category, description, raised_at, raised_by_name, unit_name, due_at, status, resolution, closed_at, version, created_at, updated_at)
      ), i AS (
        INSERT INTO project_issues (id, project_id, category, description, raised_at, raised_by_name, unit_id, due_at, status, resolution, closed_at, version, created_at, updated_at)
        SELECT a.id, p.id, a.category, a.description, a.raised_at, a.raised_by_name, u.id, a.due_at, a.status, a.resolution, a.closed_at, a.version, a.created_at, a.updated_at
          FROM a JOIN projects p ON p.project_no = a.project_no JOIN units u ON u.name = a.unit_name
        RETURNING *
      )${
        audit
          ? sql`, logged AS (
        ${auditInsert(
          SYSTEM_ACTOR,
          'projectIssue',
          // the snapshot the problems module writes (its DTO less overdue and notes)
          sql`SELECT i.id::text, 'CREATE', NULL::jsonb, jsonb_build_object('id', i.id, 'projectId', p.id, 'projectNo', p.project_no, 'projectName', p.name,
              'regionCode', p.region_code, 'regionName', r.name, 'category', i.category, 'description', i.description, 'raisedAt', i.raised_at,
              'raisedByName', i.raised_by_name, 'unitId', i.unit_id, 'unitName', u.name, 'dueAt', i.due_at, 'status', i.status,
              'resolution', i.resolution, 'closedAt', i.closed_at, 'version', i.version)
            FROM i JOIN projects p ON p.id = i.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = i.unit_id`,
        )}
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM i)::int AS issues, (SELECT count(*) FROM logged)::int AS audit`
          : sql`
      SELECT count(*)::int AS issues, 0 AS audit FROM i`
      }`,
    );
    if (written.issues !== issues.length) throw new Error(`演示问题写入 ${written.issues} 条，应为 ${issues.length} 条：有问题的项目或责任单位不在数据库中`);
    result.issues = written.issues;
    result.auditRows = written.audit;
    const notes = issues.flatMap((issue, index) => issue.notes.map((n) => ({ issueId: issueIds[index], at: n.at, text: n.text, author: who(n.by, issue.projectNo, issue.unitName), createdAt: issue.createdAt })));
    const [{ count }] = await runSql<{ count: number }>(
      db,
      sql`WITH w AS (
        INSERT INTO issue_notes (issue_id, at, text, author_name, created_at)
        SELECT a.issue_id, a.at, a.text, a.author, LEAST(now(), GREATEST(a.created_at, a.at::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '9 hours'))
          FROM unnest(${notes.map((n) => n.issueId)}::uuid[], ${notes.map((n) => n.at)}::date[], ${notes.map((n) => n.text)}::varchar[],
                      ${notes.map((n) => n.author)}::varchar[], ${notes.map((n) => n.createdAt)}::timestamptz[]) AS a(issue_id, at, text, author, created_at)
        RETURNING 1
      ) SELECT count(*)::int AS count FROM w`,
    );
    result.notes = count;
  }
  if (notices.length > 0) {
    const issueId = (key: number | null) => (key === null ? null : issueIds[key]);
    const noticeId = (key: number | null) => (key === null ? null : noticeIds[key]);
    const n = notices;
    const [{ count }] = await runSql<{ count: number }>(
      db,
      sql`WITH a AS (
        SELECT * FROM unnest(${noticeIds}::uuid[], ${n.map((x) => x.kind)}::notice_kind[], ${n.map((x) => x.status)}::notice_status[], ${n.map((x) => x.year)}::int[],
          ${n.map((x) => x.seq)}::int[], ${n.map((x) => x.number)}::varchar[], ${n.map((x) => x.subjectType)}::notice_subject[], ${n.map((x) => x.projectNo)}::varchar[],
          ${n.map((x) => issueId(x.issueKey))}::uuid[], ${n.map((x) => x.warningRule)}::varchar[], ${n.map((x) => noticeId(x.previousKey))}::uuid[],
          ${n.map((x) => x.recipientUnitName)}::varchar[], ${n.map((x) => x.title)}::varchar[], ${n.map((x) => x.facts)}::varchar[], ${n.map((x) => x.requirement)}::varchar[],
          ${n.map((x) => x.deadline)}::date[], ${n.map(() => staff.city)}::varchar[], ${n.map((x) => x.signerLeaderName)}::varchar[], ${n.map((x) => x.signedAt)}::date[],
          ${n.map((x) => x.signComment)}::varchar[], ${n.map((x) => x.issuedAt)}::date[], ${n.map((x) => (x.issuedAt === null ? null : staff.city))}::varchar[],
          ${n.map((x) => x.feedback)}::varchar[], ${n.map((x) => x.feedbackAt)}::date[], ${n.map((x) => (x.feedbackBy === null ? null : who(x.feedbackBy, x.projectNo, x.recipientUnitName)))}::varchar[],
          ${n.map((x) => x.closedAt)}::date[], ${n.map((x) => x.closeNote)}::varchar[], ${n.map((x) => x.version)}::int[],
          ${n.map((x) => x.createdAt)}::timestamptz[], ${n.map((x) => x.updatedAt)}::timestamptz[])
          AS a(id, kind, status, year, seq, number, subject_type, project_no, issue_id, warning_rule, previous_notice_id, unit_name, title, facts, requirement,
               deadline, drafted_by_name, signer_name, signed_at, sign_comment, issued_at, issued_by_name, feedback, feedback_at, feedback_by_name,
               closed_at, close_note, version, created_at, updated_at)
      ), w AS (
        INSERT INTO notices (id, kind, status, year, seq, number, subject_type, project_id, issue_id, warning_rule, previous_notice_id, recipient_unit_id, title, facts,
          requirement, deadline, drafted_by_name, signer_leader_id, signed_at, sign_comment, issued_at, issued_by_name, feedback, feedback_at, feedback_by_name,
          closed_at, close_note, version, created_at, updated_at)
        SELECT a.id, a.kind, a.status, a.year, a.seq, a.number, a.subject_type, p.id, a.issue_id, a.warning_rule, a.previous_notice_id, u.id, a.title, a.facts,
          a.requirement, a.deadline, a.drafted_by_name, l.id, a.signed_at, a.sign_comment, a.issued_at, a.issued_by_name, a.feedback, a.feedback_at, a.feedback_by_name,
          a.closed_at, a.close_note, a.version, a.created_at, a.updated_at
          FROM a JOIN projects p ON p.project_no = a.project_no JOIN units u ON u.name = a.unit_name
          LEFT JOIN leaders l ON l.name = a.signer_name
         WHERE (a.signer_name IS NULL) = (l.id IS NULL)
        RETURNING 1
      ) SELECT count(*)::int AS count FROM w`,
    );
    if (count !== notices.length) throw new Error(`演示督办通知写入 ${count} 条，应为 ${notices.length} 条：有通知的项目、接收单位或签发领导不在数据库中`);
    result.notices = count;
  }
  if (counters.length > 0) {
    // the next notice the app numbers follows the demo's last one of its kind and year
    await runSql(
      db,
      sql`INSERT INTO notice_counters (kind, year, last)
          SELECT * FROM unnest(${counters.map((c) => c.kind)}::notice_kind[], ${counters.map((c) => c.year)}::int[], ${counters.map((c) => c.last)}::int[])
          ON CONFLICT (kind, year) DO UPDATE SET last = GREATEST(notice_counters.last, EXCLUDED.last)`,
    );
  }
  return result;
}

export interface CommitmentsLoadResult {
  commitments: number;
  events: number;
  notices: number;
  auditRows: number;
}

/**
 * 优惠政策兑现台账 (issue 15): the commitments with an audit row each (actor SYSTEM, entity commitment,
 * action CREATE, the commitments module's snapshot), their events, the 提醒单 about overdue ones and
 * the counters those numbered on. Their projects and units by number and name, as the follow-through's.
 */
export async function loadDemoCommitments(db: SqlRunner, set: DemoCommitments, options: FollowThroughLoadOptions = {}): Promise<CommitmentsLoadResult> {
  const { commitments, notices, counters } = set;
  const result: CommitmentsLoadResult = { commitments: 0, events: 0, notices: 0, auditRows: 0 };
  if (commitments.length === 0) return result;
  const staff = await demoStaffNames(db);
  const who = (by: DemoAuthor, projectNo: string, unitName: string) => (by === 'CITY' ? staff.city : by === 'DISTRICT' ? staff.district(regionOfProjectNo(projectNo)) : unitName);
  const ids = commitments.map(() => randomUUID());
  const c = commitments;
  const audit = options.audit ?? false;
  const [written] = await runSql<{ commitments: number; audit: number }>(
    db,
    sql`WITH a AS (
      SELECT * FROM unnest(${ids}::uuid[], ${c.map((x) => x.projectNo)}::varchar[], ${c.map((x) => x.type)}::commitment_type[], ${c.map((x) => x.content)}::varchar[],
        ${c.map((x) => x.promisedAmountWan)}::numeric[], ${c.map((x) => x.dueAt)}::date[], ${c.map((x) => x.unitName)}::varchar[], ${c.map((x) => x.status)}::commitment_status[],
        ${c.map((x) => x.honouredAmountWan)}::numeric[], ${c.map((x) => x.honouredAt)}::date[], ${c.map((x) => x.withdrawnAt)}::date[], ${c.map((x) => x.withdrawnReason)}::varchar[],
        ${c.map((x) => x.recordedAt)}::date[], ${c.map((x) => x.version)}::int[], ${c.map((x) => x.createdAt)}::timestamptz[], ${c.map((x) => x.updatedAt)}::timestamptz[])
        AS a(id, project_no, type, content, promised_amount_wan, due_at, unit_name, status, honoured_amount_wan, honoured_at, withdrawn_at, withdrawn_reason,
             recorded_at, version, created_at, updated_at)
    ), i AS (
      INSERT INTO policy_commitments (id, project_id, type, content, promised_amount_wan, due_at, unit_id, status, honoured_amount_wan, honoured_at, withdrawn_at,
        withdrawn_reason, recorded_at, version, created_at, updated_at)
      SELECT a.id, p.id, a.type, a.content, a.promised_amount_wan, a.due_at, u.id, a.status, a.honoured_amount_wan, a.honoured_at, a.withdrawn_at,
        a.withdrawn_reason, a.recorded_at, a.version, a.created_at, a.updated_at
        FROM a JOIN projects p ON p.project_no = a.project_no JOIN units u ON u.name = a.unit_name
      RETURNING *
    )${
      audit
        ? sql`, logged AS (
      ${auditInsert(
        SYSTEM_ACTOR,
        'commitment',
        // the snapshot the commitments module writes (its DTO less overdue, events and timestamps)
        sql`SELECT i.id::text, 'CREATE', NULL::jsonb, jsonb_build_object('id', i.id, 'projectId', p.id, 'projectNo', p.project_no, 'projectName', p.name,
            'regionCode', p.region_code, 'regionName', r.name, 'type', i.type, 'content', i.content, 'promisedAmountWan', i.promised_amount_wan::text,
            'dueAt', i.due_at, 'unitId', i.unit_id, 'unitName', u.name, 'status', i.status, 'honouredAmountWan', i.honoured_amount_wan::text,
            'honouredAt', i.honoured_at, 'withdrawnAt', i.withdrawn_at, 'withdrawnReason', i.withdrawn_reason, 'version', i.version)
          FROM i JOIN projects p ON p.id = i.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = i.unit_id`,
      )}
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM i)::int AS commitments, (SELECT count(*) FROM logged)::int AS audit`
        : sql`
    SELECT count(*)::int AS commitments, 0 AS audit FROM i`
    }`,
  );
  if (written.commitments !== c.length) throw new Error(`演示优惠政策承诺写入 ${written.commitments} 条，应为 ${c.length} 条：有承诺的项目或责任单位不在数据库中`);
  result.commitments = written.commitments;
  result.auditRows = written.audit;

  const events = c.flatMap((x, index) => x.events.map((e) => ({ id: ids[index], ...e, author: who(e.by, x.projectNo, x.unitName) })));
  if (events.length > 0) {
    const [{ count }] = await runSql<{ count: number }>(
      db,
      sql`WITH w AS (
        INSERT INTO commitment_events (commitment_id, status, at, honoured_amount_wan, note, author_name, created_at)
        SELECT a.commitment_id, a.status, a.at, a.amount, a.note, a.author, LEAST(now(), a.at::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours')
          FROM unnest(${events.map((e) => e.id)}::uuid[], ${events.map((e) => e.status)}::commitment_status[], ${events.map((e) => e.at)}::date[],
                      ${events.map((e) => e.honouredAmountWan)}::numeric[], ${events.map((e) => e.note)}::varchar[], ${events.map((e) => e.author)}::varchar[])
            AS a(commitment_id, status, at, amount, note, author)
        RETURNING 1
      ) SELECT count(*)::int AS count FROM w`,
    );
    result.events = count;
  }

  if (notices.length > 0) {
    const n = notices;
    const [{ count }] = await runSql<{ count: number }>(
      db,
      sql`WITH a AS (
        SELECT * FROM unnest(${n.map((x) => ids[x.commitmentKey])}::uuid[], ${n.map((x) => x.projectNo)}::varchar[], ${n.map((x) => x.year)}::int[], ${n.map((x) => x.seq)}::int[],
          ${n.map((x) => x.number)}::varchar[], ${n.map((x) => x.recipientUnitName)}::varchar[], ${n.map((x) => x.title)}::varchar[], ${n.map((x) => x.facts)}::varchar[],
          ${n.map((x) => x.requirement)}::varchar[], ${n.map((x) => x.issuedAt)}::date[], ${n.map((x) => x.deadline)}::date[], ${n.map((x) => x.createdAt)}::timestamptz[])
          AS a(commitment_id, project_no, year, seq, number, unit_name, title, facts, requirement, issued_at, deadline, created_at)
      ), w AS (
        INSERT INTO notices (kind, status, year, seq, number, subject_type, project_id, commitment_id, recipient_unit_id, title, facts, requirement, deadline,
          drafted_by_name, issued_at, issued_by_name, version, created_at, updated_at)
        SELECT 'REMINDER', 'ISSUED', a.year, a.seq, a.number, 'COMMITMENT', p.id, a.commitment_id, u.id, a.title, a.facts, a.requirement, a.deadline,
          ${staff.city}, a.issued_at, ${staff.city}, 1, a.created_at, a.created_at
          FROM a JOIN projects p ON p.project_no = a.project_no JOIN units u ON u.name = a.unit_name
        RETURNING 1
      ) SELECT count(*)::int AS count FROM w`,
    );
    if (count !== n.length) throw new Error(`演示提醒单写入 ${count} 份，应为 ${n.length} 份：有通知的项目或接收单位不在数据库中`);
    result.notices = count;
  }
  if (counters.length > 0) {
    await runSql(
      db,
      sql`INSERT INTO notice_counters (kind, year, last)
          SELECT * FROM unnest(${counters.map((x) => x.kind)}::notice_kind[], ${counters.map((x) => x.year)}::int[], ${counters.map((x) => x.last)}::int[])
          ON CONFLICT (kind, year) DO UPDATE SET last = GREATEST(notice_counters.last, EXCLUDED.last)`,
    );
  }
  return result;
}
