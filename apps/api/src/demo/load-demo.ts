import { ArrivalTally, type DemoDataSet, type DemoFaiTotal, type DemoMonthClose, type DemoMonthlyOptions, type DemoProject, type DemoReport, demoFaiTotals, demoMonthCloses, demoReportChunks } from '@zhaoshang/api/demo';
import { PROJECT_FIELD_LABELS } from '@zhaoshang/shared/domain';

/** A TypeORM EntityManager or DataSource, or a `pg` client: whatever runs a parameterised statement. */
export interface SqlRunner {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

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
const PROJECT_COLUMNS: readonly [column: string, arrayType: string, value: (p: DemoProject) => unknown][] = [
  ['project_no', 'varchar[]', (p) => p.projectNo],
  ['name', 'varchar[]', (p) => p.name],
  ['region_code', 'varchar[]', (p) => p.regionCode],
  ['industry_code', 'varchar[]', (p) => p.industryCode],
  ['investor_name', 'varchar[]', (p) => p.investorName],
  ['investor_uscc', 'varchar[]', (p) => p.investorUscc],
  ['investor_origin', 'investor_origin[]', (p) => p.investorOrigin],
  ['contract_amount_wan', 'numeric[]', (p) => p.contractAmountWan],
  ['planned_investment_wan', 'numeric[]', (p) => p.plannedInvestmentWan],
  ['stage', 'project_stage[]', (p) => p.stage],
  ['signed_at', 'date[]', (p) => p.signedAt],
  ['registered_at', 'date[]', (p) => p.registeredAt],
  ['construction_started_at', 'date[]', (p) => p.constructionStartedAt],
  ['production_started_at', 'date[]', (p) => p.productionStartedAt],
  ['terminated_at', 'date[]', (p) => p.terminatedAt],
  ['termination_reason', 'varchar[]', (p) => p.terminationReason],
  ['planned_start_month', 'varchar[]', (p) => p.plannedStartMonth],
  ['is_key_project', 'boolean[]', (p) => p.isKeyProject],
  ['lead_official', 'varchar[]', (p) => p.leadOfficial],
  ['lead_department', 'varchar[]', (p) => p.leadDepartment],
  ['national_code', 'varchar[]', (p) => p.nationalCode],
  ['stats_registered', 'boolean[]', (p) => p.statsRegistered],
  ['stats_registered_month', 'varchar[]', (p) => p.statsRegisteredMonth],
  ['stats_code', 'varchar[]', (p) => p.statsCode],
  ['notes', 'text[]', (p) => p.notes],
  ['parent_project_no', 'varchar[]', (p) => p.parentProjectNo],
  ['created_at', 'timestamptz[]', (p) => p.createdAt],
  ['updated_at', 'timestamptz[]', (p) => p.updatedAt],
];

const INSERT_PROJECTS = `INSERT INTO projects (${PROJECT_COLUMNS.map(([c]) => c).join(', ')}, version)
  SELECT *, 1 FROM unnest(${PROJECT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}`).join(', ')})`;

const INSERT_APPROVALS = `INSERT INTO project_approvals (project_id, kind, status, done_at)
  SELECT p.id, a.kind, a.status, a.done_at
  FROM unnest($1::varchar[], $2::approval_kind[], $3::approval_status[], $4::date[]) AS a(project_no, kind, status, done_at)
  JOIN projects p ON p.project_no = a.project_no`;

const INSERT_AUDIT = `INSERT INTO audit_log (actor_type, actor_id, actor_name, entity, entity_id, action, before, after, request_id)
  SELECT 'SYSTEM', NULL, '系统', 'project', p.id::text, 'CREATE', NULL, a.after, NULL
  FROM unnest($1::varchar[], $2::jsonb[]) AS a(project_no, after)
  JOIN projects p ON p.project_no = a.project_no`;

/** Afterwards the next number the app gives in a district and year follows the demo's last one. */
const UPSERT_SEQUENCES = `INSERT INTO project_sequences (region_code, year, last_seq)
  SELECT * FROM unnest($1::varchar[], $2::int[], $3::int[])
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
export async function loadDemoProjects(db: SqlRunner, data: DemoDataSet, options: LoadOptions = {}): Promise<LoadResult> {
  const chunkSize = options.chunkSize ?? 5000;
  const result: LoadResult = { projects: 0, approvals: 0, auditRows: 0 };
  for (let start = 0; start < data.projects.length; start += chunkSize) {
    const chunk = data.projects.slice(start, start + chunkSize);
    await db.query(
      INSERT_PROJECTS,
      PROJECT_COLUMNS.map(([, , value]) => chunk.map(value)),
    );
    const approvals = chunk.flatMap((p) => p.approvals.map((a) => [p.projectNo, a.kind, a.status, a.doneAt] as const));
    await db.query(INSERT_APPROVALS, [0, 1, 2, 3].map((i) => approvals.map((row) => row[i])));
    if (options.audit) {
      await db.query(INSERT_AUDIT, [chunk.map((p) => p.projectNo), chunk.map((p) => JSON.stringify(snapshot(p)))]);
      result.auditRows += chunk.length;
    }
    result.projects += chunk.length;
    result.approvals += approvals.length;
  }
  await db.query(UPSERT_SEQUENCES, [data.sequences.map((s) => s.regionCode), data.sequences.map((s) => s.year), data.sequences.map((s) => s.lastSeq)]);
  return result;
}

/**
 * The last number given per district and year in a database that already has projects, read from
 * `project_sequences` and from the numbers themselves (imported legacy numbers of the same shape
 * may have passed the sequence): generated numbers continue after both.
 */
export async function lastSequences(db: SqlRunner): Promise<Map<string, number>> {
  const rows = (await db.query(`
    SELECT key, max(seq)::int AS seq FROM (
      SELECT region_code || '-' || year AS key, last_seq AS seq FROM project_sequences
      UNION ALL
      SELECT substring(project_no, 1, 11), substring(project_no, 13, 4)::int FROM projects WHERE project_no ~ '^\\d{6}-\\d{4}-\\d{4}$'
    ) s GROUP BY key`)) as { key: string; seq: number }[] | { rows: { key: string; seq: number }[] };
  return new Map((Array.isArray(rows) ? rows : rows.rows).map((r) => [r.key, r.seq]));
}

/** The rows of a query's result, from a TypeORM runner (an array) or a `pg` client (`{rows}`). */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

/** The columns of `monthly_reports` the generator fills, with the array type each is sent as. */
const REPORT_COLUMNS: readonly [column: string, arrayType: string, value: (r: DemoReport) => unknown][] = [
  ['month', 'varchar[]', (r) => r.month],
  ['arrived_equity_wan', 'numeric[]', (r) => r.arrivedEquityWan],
  ['arrived_loan_wan', 'numeric[]', (r) => r.arrivedLoanWan],
  ['arrived_other_wan', 'numeric[]', (r) => r.arrivedOtherWan],
  ['completed_investment_wan', 'numeric[]', (r) => r.completedInvestmentWan],
  ['progress', 'varchar[]', (r) => r.progress],
  ['status', 'report_status[]', (r) => r.status],
  ['return_reason', 'varchar[]', (r) => r.returnReason],
  ['submitted_at', 'timestamptz[]', (r) => r.submittedAt],
  ['verified_at', 'timestamptz[]', (r) => r.verifiedAt],
  ['version', 'int[]', (r) => r.version],
  ['created_at', 'timestamptz[]', (r) => r.createdAt],
  ['updated_at', 'timestamptz[]', (r) => r.updatedAt],
];

/** What the audit log keeps of a report: the fields of reportSnapshot (modules/reports/report-sql.ts). */
const REPORT_SNAPSHOT = `jsonb_build_object('id', r.id, 'projectId', r.project_id, 'projectNo', p.project_no, 'regionCode', p.region_code, 'month', r.month,
  'arrivedEquityWan', r.arrived_equity_wan::text, 'arrivedLoanWan', r.arrived_loan_wan::text, 'arrivedOtherWan', r.arrived_other_wan::text,
  'completedInvestmentWan', r.completed_investment_wan::text, 'progress', r.progress, 'status', r.status, 'returnReason', r.return_reason,
  'submittedAt', to_char(r.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'verifiedAt', to_char(r.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', r.version)`;

/**
 * One statement per chunk: the reports (their project found by number, as the approvals are), and
 * with `audit` one audit row each in the same statement. Answers how many rows it wrote.
 */
function insertReports(audit: boolean): string {
  const n = REPORT_COLUMNS.length;
  const verifiedBy = `$${n + 2}::uuid`;
  return `WITH a AS (
    SELECT * FROM unnest($1::varchar[], ${REPORT_COLUMNS.map(([, type], i) => `$${i + 2}::${type}`).join(', ')}) AS a(project_no, ${REPORT_COLUMNS.map(([c]) => c).join(', ')})
  ), r AS (
    INSERT INTO monthly_reports (project_id, ${REPORT_COLUMNS.map(([c]) => c).join(', ')}, verified_by)
    SELECT p.id, ${REPORT_COLUMNS.map(([c]) => `a.${c}`).join(', ')}, CASE WHEN a.status = 'VERIFIED' THEN ${verifiedBy} END
    FROM a JOIN projects p ON p.project_no = a.project_no
    RETURNING ${audit ? '*' : '1'}
  )${
    audit
      ? `, logged AS (
    INSERT INTO audit_log (actor_type, actor_id, actor_name, entity, entity_id, action, before, after, request_id)
    SELECT 'SYSTEM', NULL, '系统', 'monthlyReport', r.id::text, 'CREATE', NULL, ${REPORT_SNAPSHOT}, NULL
    FROM r JOIN projects p ON p.id = r.project_id
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM r)::int AS reports, (SELECT count(*) FROM logged)::int AS audit`
      : `
  SELECT count(*)::int AS reports, 0 AS audit FROM r`
  }`;
}

const INSERT_FAI = `WITH written AS (
    INSERT INTO fai_totals (region_code, month, amount_wan, version)
    SELECT a.region_code, a.month, a.amount_wan, 1
    FROM unnest($1::varchar[], $2::varchar[], $3::numeric[]) AS a(region_code, month, amount_wan)
    JOIN regions g ON g.code = a.region_code
    ON CONFLICT (region_code, month) DO NOTHING
    RETURNING 1
  ) SELECT count(*)::int AS count FROM written`;

const INSERT_CLOSES = `WITH written AS (
    INSERT INTO month_closes (month, closed, closed_at, closed_by, reopen_reason, version)
    SELECT a.month, true, a.closed_at, a.closed_by, NULL, 1
    FROM unnest($1::varchar[], $2::timestamptz[], $3::varchar[]) AS a(month, closed_at, closed_by)
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
  const rows = rowsOf<{ id: string }>(await db.query(`SELECT id FROM users WHERE username IN ('city', 'admin') ORDER BY username = 'city' DESC LIMIT 1`));
  return rows[0]?.id ?? null;
}

/**
 * Writes generated reports chunk by chunk, as they come (an array of chunks, or a generator that makes
 * them as it goes, so that millions of reports never sit in memory at once). Their projects must be
 * in the database already; a report whose project is not is an error.
 */
export async function loadDemoReports(db: SqlRunner, chunks: Iterable<DemoReport[]>, options: ReportsLoadOptions = {}): Promise<{ reports: number; auditRows: number }> {
  const verifiedBy = options.verifiedBy === undefined ? await demoVerifier(db) : options.verifiedBy;
  const sql = insertReports(options.audit ?? false);
  const result = { reports: 0, auditRows: 0 };
  for (const chunk of chunks) {
    if (chunk.length === 0) continue;
    const parameters: unknown[] = [chunk.map((r) => r.projectNo), ...REPORT_COLUMNS.map(([, , value]) => chunk.map(value)), verifiedBy];
    const [written] = rowsOf<{ reports: number; audit: number }>(await db.query(sql, parameters));
    if (written.reports !== chunk.length) throw new Error(`演示月报写入 ${written.reports} 条，应为 ${chunk.length} 条：有月报的项目不在数据库中`);
    result.reports += written.reports;
    result.auditRows += written.audit;
  }
  return result;
}

/** FAI totals of regions the database has; a month that already has a figure keeps it. */
export async function loadDemoFaiTotals(db: SqlRunner, totals: readonly DemoFaiTotal[]): Promise<number> {
  if (totals.length === 0) return 0;
  return written(await db.query(INSERT_FAI, [totals.map((t) => t.regionCode), totals.map((t) => t.month), totals.map((t) => t.amountWan)]));
}

/** Closes the months; a month that already has a close state keeps it. */
export async function loadDemoMonthCloses(db: SqlRunner, closes: readonly DemoMonthClose[]): Promise<number> {
  if (closes.length === 0) return 0;
  return written(await db.query(INSERT_CLOSES, [closes.map((c) => c.month), closes.map((c) => c.closedAt), closes.map((c) => c.closedBy)]));
}

const written = (result: unknown) => rowsOf<{ count: number }>(result)[0]?.count ?? 0;

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
