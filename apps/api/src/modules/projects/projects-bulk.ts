import { APPROVAL_KINDS, formatProjectNo, type ProjectFields } from '@zhaoshang/shared/domain';
import type { Actor } from '../../common/access/actor.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { auditInsert } from '../audit/audit.service.js';

/**
 * Set-based writes of many projects at once, for the projects import (issue 17): a statement per
 * step rather than several per project, with the same outcome as the one-project path
 * (nextProjectNo, insertProject, updateProjectFields, loadProjectDetail and findLookAlikes of
 * projects.service.ts): the same numbers, rows, approvals checklists and audit snapshots. The
 * writes are plain INSERT and UPDATE statements, so that every trigger on projects fires.
 */

/** A number to give: the district and the year of the project (its signing date's, else today's). */
export interface NumberRequest {
  regionCode: string;
  year: number;
}

/**
 * Numbers for `requests`, in their order, as nextProjectNo would give them one after the other: each
 * (district, year) sequence moves on by the count asked, and numbers already taken — by a stored
 * project or by `reserved` (numbers the same import gives explicitly) — are skipped, the sequence
 * moving on for each as nextProjectNo's loop does. The sequence rows stay locked until the
 * transaction ends, so a creation on the form waits, and a rollback gives the numbers back.
 */
export async function allocateProjectNos(db: SqlRunner, requests: readonly NumberRequest[], reserved: ReadonlySet<string>): Promise<string[]> {
  const groups = new Map<string, { regionCode: string; year: number; rows: number[]; numbers: string[] }>();
  requests.forEach((r, i) => {
    const key = `${r.regionCode}-${r.year}`;
    const group = groups.get(key) ?? { regionCode: r.regionCode, year: r.year, rows: [], numbers: [] };
    group.rows.push(i);
    groups.set(key, group);
  });
  // a fixed order of the sequence rows: two writers lock them in the same order
  let wanted = [...groups.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.year - b.year).map((g) => ({ group: g, count: g.rows.length }));
  while (wanted.length > 0) {
    const moved = await runSql<{ regionCode: string; year: number; lastSeq: number }>(
      db,
      sql`INSERT INTO project_sequences AS s (region_code, year, last_seq)
        SELECT * FROM unnest(${wanted.map((w) => w.group.regionCode)}::varchar[], ${wanted.map((w) => w.group.year)}::int[], ${wanted.map((w) => w.count)}::int[])
        ON CONFLICT (region_code, year) DO UPDATE SET last_seq = s.last_seq + EXCLUDED.last_seq
        RETURNING region_code AS "regionCode", year, last_seq AS "lastSeq"`,
    );
    const last = new Map(moved.map((m) => [`${m.regionCode}-${m.year}`, m.lastSeq]));
    const candidates = wanted.map((w) => {
      const end = last.get(`${w.group.regionCode}-${w.group.year}`) as number;
      return { ...w, numbers: Array.from({ length: w.count }, (_, i) => formatProjectNo(w.group.regionCode, w.group.year, end - w.count + 1 + i)) };
    });
    const all = candidates.flatMap((c) => c.numbers);
    const stored = await runSql<{ projectNo: string }>(db, sql`SELECT project_no AS "projectNo" FROM projects WHERE project_no = ANY(${all}::varchar[])`);
    const taken = new Set([...stored.map((s) => s.projectNo), ...all.filter((n) => reserved.has(n))]);
    const next: typeof wanted = [];
    for (const c of candidates) {
      const free = c.numbers.filter((n) => !taken.has(n));
      c.group.numbers.push(...free);
      if (free.length < c.count) next.push({ group: c.group, count: c.count - free.length });
    }
    wanted = next;
  }
  const numbers: string[] = new Array<string>(requests.length);
  for (const g of groups.values()) g.rows.forEach((row, i) => (numbers[row] = g.numbers[i]));
  return numbers;
}

/** One array per column of `projects` a project's fields fill, in the order of FIELD_COLUMNS below. */
function fieldArrays(rows: readonly ProjectFields[]): SqlFragment {
  const col = <K extends keyof ProjectFields>(key: K) => rows.map((r) => (r[key] ?? null) as ProjectFields[K] | null);
  const text = (key: keyof ProjectFields) => col(key).map((v) => (v === null ? null : String(v)));
  return sql`${text('name')}::varchar[], ${text('regionCode')}::varchar[], ${text('industryCode')}::varchar[], ${text('investorName')}::varchar[],
    ${text('investorUscc')}::varchar[], ${text('investorOrigin')}::investor_origin[], ${text('contractAmountWan')}::numeric[], ${text('plannedInvestmentWan')}::numeric[],
    ${text('stage')}::project_stage[], ${text('signedAt')}::date[], ${text('registeredAt')}::date[], ${text('constructionStartedAt')}::date[],
    ${text('productionStartedAt')}::date[], ${text('terminatedAt')}::date[], ${text('terminationReason')}::varchar[], ${text('plannedStartMonth')}::varchar[],
    ${col('isKeyProject').map((v) => v === true)}::boolean[], ${text('leadOfficial')}::varchar[], ${text('leadDepartment')}::varchar[],
    ${text('districtContactId')}::uuid[], ${text('nationalCode')}::varchar[], ${col('statsRegistered').map((v) => v === true)}::boolean[],
    ${text('statsRegisteredMonth')}::varchar[], ${text('statsCode')}::varchar[], ${text('notes')}::text[], ${text('parentProjectNo')}::varchar[]`;
}

const FIELD_COLUMNS = sql`name, region_code, industry_code, investor_name, investor_uscc, investor_origin, contract_amount_wan, planned_investment_wan,
  stage, signed_at, registered_at, construction_started_at, production_started_at, terminated_at, termination_reason, planned_start_month,
  is_key_project, lead_official, lead_department, district_contact_id, national_code, stats_registered, stats_registered_month, stats_code, notes,
  parent_project_no`;

/**
 * New projects, each with its approvals checklist (nothing done yet), in one INSERT per table; the
 * ids come back in the order given. As insertProject: version 1, created and updated now.
 */
export async function insertProjects(db: SqlRunner, rows: readonly { fields: ProjectFields; projectNo: string }[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await runSql<{ id: string; projectNo: string }>(
    db,
    sql`INSERT INTO projects (project_no, ${FIELD_COLUMNS}, version)
      SELECT project_no, ${FIELD_COLUMNS}, 1 FROM unnest(${rows.map((r) => r.projectNo)}::varchar[], ${fieldArrays(rows.map((r) => r.fields))})
        WITH ORDINALITY AS v(project_no, ${FIELD_COLUMNS}, ord) ORDER BY v.ord
      RETURNING id, project_no AS "projectNo"`,
  );
  const ids = new Map(inserted.map((r) => [r.projectNo, r.id]));
  const result = rows.map((r) => ids.get(r.projectNo) as string);
  await runSql(
    db,
    sql`INSERT INTO project_approvals (project_id, kind, status, done_at)
      SELECT p.id, k.kind, 'NOT_STARTED', NULL FROM unnest(${result}::uuid[]) AS p(id) CROSS JOIN unnest(${[...APPROVAL_KINDS]}::approval_kind[]) AS k(kind)`,
  );
  return result;
}

/** Stored projects locked until the transaction ends, in a fixed order (two writers queue rather than deadlock). */
export async function lockProjects(db: SqlRunner, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await runSql(db, sql`SELECT 1 FROM projects WHERE id = ANY(${[...ids]}::uuid[]) ORDER BY id FOR UPDATE`);
}

/**
 * Stored projects' fields replaced (lock them first: lockProjects); as updateProjectFields: the
 * version goes up by one and the update time is now.
 */
export async function updateProjects(db: SqlRunner, rows: readonly { id: string; fields: ProjectFields }[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  await runSql(
    db,
    sql`UPDATE projects p SET (${FIELD_COLUMNS}) = (v.name, v.region_code, v.industry_code, v.investor_name, v.investor_uscc, v.investor_origin,
        v.contract_amount_wan, v.planned_investment_wan, v.stage, v.signed_at, v.registered_at, v.construction_started_at, v.production_started_at,
        v.terminated_at, v.termination_reason, v.planned_start_month, v.is_key_project, v.lead_official, v.lead_department, v.district_contact_id,
        v.national_code, v.stats_registered, v.stats_registered_month, v.stats_code, v.notes, v.parent_project_no),
        version = p.version + 1, updated_at = now()
      FROM unnest(${ids}::uuid[], ${fieldArrays(rows.map((r) => r.fields))}) AS v(id, ${FIELD_COLUMNS})
      WHERE p.id = v.id`,
  );
}

/**
 * projectSnapshot(loadProject(id)) of the project `p` (FROM projects p), made by PostgreSQL as jsonb:
 * a large import's audit entries never carry its projects to Node and back (issue 17: reading 10,000
 * projects with their checklists, building their snapshots and sending them back for the audit was
 * ~1 s of the write). The same keys and values — money as its decimal text, dates as YYYY-MM-DD, the
 * checklist by kind — as project-snapshot.integration-spec checks on projects of every kind.
 */
export const PROJECT_SNAPSHOT = sql`jsonb_build_object(
  'projectNo', p.project_no, 'name', p.name, 'regionCode', p.region_code, 'industryCode', p.industry_code,
  'investorName', p.investor_name, 'investorUscc', p.investor_uscc, 'investorOrigin', p.investor_origin,
  'contractAmountWan', p.contract_amount_wan::text, 'plannedInvestmentWan', p.planned_investment_wan::text, 'stage', p.stage,
  'signedAt', p.signed_at, 'registeredAt', p.registered_at, 'constructionStartedAt', p.construction_started_at,
  'productionStartedAt', p.production_started_at, 'terminatedAt', p.terminated_at, 'terminationReason', p.termination_reason,
  'plannedStartMonth', p.planned_start_month, 'isKeyProject', p.is_key_project, 'leadOfficial', p.lead_official,
  'leadDepartment', p.lead_department, 'districtContactId', p.district_contact_id, 'nationalCode', p.national_code,
  'statsRegistered', p.stats_registered, 'statsRegisteredMonth', p.stats_registered_month, 'statsCode', p.stats_code,
  'notes', p.notes, 'parentProjectNo', p.parent_project_no,
  'approvals', (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', a.kind, 'status', a.status, 'doneAt', a.done_at) ORDER BY a.kind), '[]'::jsonb)
    FROM project_approvals a WHERE a.project_id = p.id),
  'districtContactName', (SELECT u.display_name FROM users u WHERE u.id = p.district_contact_id))`;

/** Where keepProjectSnapshots keeps them: this transaction's own table, gone at its end (commit or rollback). */
const KEPT_SNAPSHOTS = sql`CREATE TEMPORARY TABLE IF NOT EXISTS kept_project_snapshots (id uuid PRIMARY KEY, snapshot jsonb NOT NULL) ON COMMIT DROP`;

/**
 * The projects' snapshots as they are now, kept until the transaction ends for auditProjects (the
 * `before` of the projects an import is about to update: call after locking them, before the update).
 */
export async function keepProjectSnapshots(db: SqlRunner, ids: readonly string[]): Promise<void> {
  await runSql(db, KEPT_SNAPSHOTS);
  if (ids.length === 0) return;
  await runSql(db, sql`INSERT INTO kept_project_snapshots (id, snapshot) SELECT p.id, ${PROJECT_SNAPSHOT} FROM projects p WHERE p.id = ANY(${[...ids]}::uuid[])`);
}

export interface LookAlikeRow {
  projectNo: string;
  name: string;
  sameUscc: boolean;
  sameName: boolean;
}

/**
 * findLookAlikes for many new projects in one statement: per query (by its index) the stored projects
 * with the same investor uscc, or the same name (case and spaces ignored) in the same region, at most
 * 20 in project number order, as findLookAlikes gives them. The names are compared through a hash
 * join on the normalised name rather than by scanning the region once per query.
 */
export async function findLookAlikesBulk(db: SqlRunner, queries: readonly { name: string; regionCode: string; investorUscc: string | null }[]): Promise<LookAlikeRow[][]> {
  const result: LookAlikeRow[][] = queries.map(() => []);
  if (queries.length === 0) return result;
  const rows = await runSql<LookAlikeRow & { ord: number }>(
    db,
    sql`WITH q AS (
        SELECT q.ord::int AS ord, q.region, q.uscc, regexp_replace(lower(q.name), '\\s', '', 'g') AS key
        FROM unnest(${queries.map((q) => q.name)}::varchar[], ${queries.map((q) => q.regionCode)}::varchar[], ${queries.map((q) => q.investorUscc)}::varchar[])
          WITH ORDINALITY AS q(name, region, uscc, ord)
      ), hits AS (
        SELECT q.ord, p.id FROM q JOIN projects p ON p.investor_uscc = q.uscc
        UNION
        SELECT q.ord, p.id FROM q JOIN projects p ON p.region_code = q.region AND regexp_replace(lower(p.name), '\\s', '', 'g') = q.key
          WHERE p.region_code IN (SELECT region FROM q)
      ), ranked AS (
        SELECT h.ord, p.project_no, p.name, coalesce(p.investor_uscc = q.uscc, false) AS same_uscc,
          (p.region_code = q.region AND regexp_replace(lower(p.name), '\\s', '', 'g') = q.key) AS same_name,
          row_number() OVER (PARTITION BY h.ord ORDER BY p.project_no) AS n
        FROM hits h JOIN q ON q.ord = h.ord JOIN projects p ON p.id = h.id
      )
      SELECT ord, project_no AS "projectNo", name, same_uscc AS "sameUscc", same_name AS "sameName" FROM ranked WHERE n <= 20 ORDER BY ord, project_no`,
  );
  for (const { ord, ...row } of rows) result[ord - 1].push(row);
  return result;
}

/** An audit entry of a bulk write of projects: the project, what was done, and what to add to its `after`. */
export interface ProjectAuditEntry {
  id: string;
  action: 'CREATE' | 'UPDATE';
  note: Record<string, unknown> | null;
}

/**
 * The audit rows of a bulk write, in the given order, in one statement: what writeAudit writes for
 * them, with `after` the project's snapshot now (PROJECT_SNAPSHOT) and the entry's note, `before` the
 * snapshot keepProjectSnapshots kept for it (none for a new project). Project snapshots hold no
 * secrets (writeAudit's filter has nothing to remove).
 */
export async function auditProjects(db: SqlRunner, actor: Actor, entries: readonly ProjectAuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await runSql(db, KEPT_SNAPSHOTS);
  await runSql(
    db,
    auditInsert(
      actor,
      'project',
      sql`SELECT e.id, e.action, b.snapshot, ${PROJECT_SNAPSHOT} || coalesce(e.note::jsonb, '{}'::jsonb)
        FROM unnest(${entries.map((e) => e.id)}::varchar[], ${entries.map((e) => e.action)}::varchar[], ${entries.map((e) => (e.note ? JSON.stringify(e.note) : null))}::text[])
          WITH ORDINALITY AS e(id, action, note, n)
        JOIN projects p ON p.id = e.id::uuid LEFT JOIN kept_project_snapshots b ON b.id = p.id
        ORDER BY e.n`,
    ),
  );
}
