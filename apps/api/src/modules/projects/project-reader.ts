import {
  type ApprovalDto,
  type LookAlikeCandidate,
  type LookAlikeQuery,
  PROJECT_FIELD_LABELS,
  type ProjectDetailDto,
  type ProjectDto,
} from '@zhaoshang/shared/domain';
import { NotFound } from '../../common/errors/app.exception.js';
import { FROM_PROJECTS, PROJECT_COLUMNS, type ProjectRow, SqlParams, SUMMARY_COLUMNS, type SummaryRow, toProjectDto, toSummary } from './project-sql.js';

/** A DataSource or a transaction's EntityManager: reads inside a change see the change. */
export interface Queryable {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/** The approvals of several projects, in checklist order, by project id. */
export async function approvalsOf(db: Queryable, ids: string[]): Promise<Map<string, ApprovalDto[]>> {
  const byProject = new Map<string, ApprovalDto[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byProject;
  const rows = await db.query<(ApprovalDto & { projectId: string })[]>(
    `SELECT project_id AS "projectId", kind, status, done_at AS "doneAt" FROM project_approvals WHERE project_id = ANY($1::uuid[]) ORDER BY project_id, kind`,
    [ids],
  );
  for (const { projectId, ...approval } of rows) byProject.get(projectId)?.push(approval);
  return byProject;
}

/** Full projects for rows already read with PROJECT_COLUMNS, keeping their order. */
export async function withApprovals(db: Queryable, rows: ProjectRow[]): Promise<ProjectDto[]> {
  const approvals = await approvalsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toProjectDto(row, approvals.get(row.id) ?? []));
}

export async function findProject(db: Queryable, id: string): Promise<ProjectDto | null> {
  const rows = await db.query<ProjectRow[]>(`SELECT ${PROJECT_COLUMNS} ${FROM_PROJECTS} WHERE p.id = $1`, [id]);
  return rows.length === 0 ? null : (await withApprovals(db, rows))[0];
}

export async function loadProject(db: Queryable, id: string): Promise<ProjectDto> {
  const project = await findProject(db, id);
  if (!project) throw new NotFound('项目', id);
  return project;
}

export async function loadProjectDetail(db: Queryable, id: string): Promise<ProjectDetailDto> {
  const project = await loadProject(db, id);
  const increases = await db.query<SummaryRow[]>(`SELECT ${SUMMARY_COLUMNS} ${FROM_PROJECTS} WHERE p.parent_project_no = $1 ORDER BY p.signed_at NULLS LAST, p.project_no`, [
    project.projectNo,
  ]);
  return { ...project, capitalIncreases: increases.map(toSummary) };
}

/** What the audit log keeps of a project: its fields under the names of PROJECT_FIELD_LABELS. */
export function projectSnapshot(project: ProjectDto): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const key of Object.keys(PROJECT_FIELD_LABELS) as (keyof typeof PROJECT_FIELD_LABELS)[]) snapshot[key] = project[key];
  return snapshot;
}

/**
 * Projects that look like the one described (DOMAIN.md §5): the same investor uscc anywhere, or
 * the same name (ignoring case and spaces) in the same region. Terminated projects count too: a
 * re-signing of a terminated project would credit the same project twice.
 */
export async function findLookAlikes(db: Queryable, query: LookAlikeQuery): Promise<LookAlikeCandidate[]> {
  const params = new SqlParams();
  const sameName = `(p.region_code = ${params.add(query.regionCode)} AND regexp_replace(lower(p.name), '\\s', '', 'g') = regexp_replace(lower(${params.add(query.name)}), '\\s', '', 'g'))`;
  const sameUscc = query.investorUscc ? `p.investor_uscc = ${params.add(query.investorUscc)}` : 'FALSE';
  const exclude = query.excludeProjectNo ? `AND p.project_no <> ${params.add(query.excludeProjectNo)}` : '';
  const rows = await db.query<(SummaryRow & { sameUscc: boolean; sameName: boolean })[]>(
    `SELECT ${SUMMARY_COLUMNS}, ${sameUscc} AS "sameUscc", ${sameName} AS "sameName" ${FROM_PROJECTS}
     WHERE (${sameUscc} OR ${sameName}) ${exclude} ORDER BY p.project_no LIMIT 20`,
    params.values,
  );
  return rows.map(({ sameUscc: uscc, sameName: name, ...row }) => ({
    ...toSummary(row),
    reasons: [...(uscc ? (['SAME_USCC'] as const) : []), ...(name ? (['SAME_NAME_IN_REGION'] as const) : [])],
  }));
}
