import {
  type ApprovalDto,
  type LookAlikeCandidate,
  type LookAlikeQuery,
  PROJECT_FIELD_LABELS,
  type ProjectDetailDto,
  type ProjectDto,
} from '@zhaoshang/shared/domain';
import { NotFound } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { FROM_PROJECTS, PROJECT_COLUMNS, type ProjectRow, SUMMARY_COLUMNS, type SummaryRow, toProjectDto, toSummary } from './project-sql.js';

/** The approvals of several projects, in checklist order, by project id. */
export async function approvalsOf(db: SqlRunner, ids: string[]): Promise<Map<string, ApprovalDto[]>> {
  const byProject = new Map<string, ApprovalDto[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byProject;
  const rows = await runSql<ApprovalDto & { projectId: string }>(
    db,
    sql`SELECT project_id AS "projectId", kind, status, done_at AS "doneAt" FROM project_approvals WHERE project_id = ANY(${ids}::uuid[]) ORDER BY project_id, kind`,
  );
  for (const { projectId, ...approval } of rows) byProject.get(projectId)?.push(approval);
  return byProject;
}

/** Full projects for rows already read with PROJECT_COLUMNS, keeping their order. */
export async function withApprovals(db: SqlRunner, rows: ProjectRow[]): Promise<ProjectDto[]> {
  const approvals = await approvalsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toProjectDto(row, approvals.get(row.id) ?? []));
}

export async function findProject(db: SqlRunner, id: string): Promise<ProjectDto | null> {
  const rows = await runSql<ProjectRow>(db, sql`SELECT ${PROJECT_COLUMNS} ${FROM_PROJECTS} WHERE p.id = ${id}`);
  return rows.length === 0 ? null : (await withApprovals(db, rows))[0];
}

export async function loadProject(db: SqlRunner, id: string): Promise<ProjectDto> {
  const project = await findProject(db, id);
  if (!project) throw new NotFound('项目', id);
  return project;
}

export async function loadProjectDetail(db: SqlRunner, id: string): Promise<ProjectDetailDto> {
  const project = await loadProject(db, id);
  const increases = await runSql<SummaryRow>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS} ${FROM_PROJECTS} WHERE p.parent_project_no = ${project.projectNo} ORDER BY p.signed_at NULLS LAST, p.project_no`,
  );
  return { ...project, capitalIncreases: increases.map(toSummary) };
}

/** What the audit log keeps of a project: its fields under the names of PROJECT_FIELD_LABELS. */
export function projectSnapshot(project: ProjectDto): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {};
  for (const key of Object.keys(PROJECT_FIELD_LABELS) as (keyof typeof PROJECT_FIELD_LABELS)[]) snapshot[key] = project[key];
  // the account is what the project holds; its name is what a reader of the history understands
  snapshot['districtContactName'] = project.districtContactName;
  return snapshot;
}

/**
 * Projects that look like the one described (DOMAIN.md §5): the same investor uscc anywhere, or
 * the same name (ignoring case and spaces) in the same region. Terminated projects count too: a
 * re-signing of a terminated project would credit the same project twice.
 */
export async function findLookAlikes(db: SqlRunner, query: LookAlikeQuery): Promise<LookAlikeCandidate[]> {
  // each condition is written twice (as a column and in WHERE): its values are bound once
  const region = sql.param(query.regionCode);
  const name = sql.param(query.name);
  const sameName = sql`(p.region_code = ${region} AND regexp_replace(lower(p.name), '\\s', '', 'g') = regexp_replace(lower(${name}), '\\s', '', 'g'))`;
  const sameUscc = query.investorUscc ? sql`p.investor_uscc = ${sql.param(query.investorUscc)}` : sql`FALSE`;
  const exclude = query.excludeProjectNo ? sql`AND p.project_no <> ${query.excludeProjectNo}` : sql.empty;
  const rows = await runSql<SummaryRow & { sameUscc: boolean; sameName: boolean }>(
    db,
    sql`SELECT ${SUMMARY_COLUMNS}, ${sameUscc} AS "sameUscc", ${sameName} AS "sameName" ${FROM_PROJECTS}
     WHERE (${sameUscc} OR ${sameName}) ${exclude} ORDER BY p.project_no LIMIT 20`,
  );
  return rows.map(({ sameUscc: uscc, sameName: name, ...row }) => ({
    ...toSummary(row),
    reasons: [...(uscc ? (['SAME_USCC'] as const) : []), ...(name ? (['SAME_NAME_IN_REGION'] as const) : [])],
  }));
}
