import { PROJECT_FIELD_LABELS } from '@zhaoshang/shared/domain';
import type { DemoDataSet, DemoProject } from './generate-projects.js';

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
