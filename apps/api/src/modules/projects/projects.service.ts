import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APPROVAL_KINDS,
  can,
  canonicalWan,
  type FieldProblem,
  formatProjectNo,
  type MilestoneField,
  type Milestones,
  milestonesAfterMove,
  PROJECT_FIELD_LABELS,
  projectFieldProblems,
  type ProjectDetailDto,
  type ProjectFields,
  shanghaiToday,
  STAGE_LABELS,
  stageMoveKind,
  stageMoveProblems,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { lockLookAlikeKeys } from '../../common/sql/write-locks.js';
import { AuditService } from '../audit/audit.service.js';
import { readWarningSettings } from '../warnings/warnings.service.js';
import type { CreateProjectDto, StageMoveDto, UpdateApprovalsDto, UpdateProjectDto } from './dto/project-write.dto.js';
import { ProjectApproval } from './entities/project-approval.entity.js';
import { Project } from './entities/project.entity.js';
import { approvalProblems, LookAlikeFound, referenceProblems } from './project-checks.js';
import { assertMayCorrect, reasonOf, recordCorrection, touchedClosedMonths } from './project-corrections.js';
import { findLookAlikes, loadProjectDetail, projectSnapshot } from './project-reader.js';

// what other modules (the projects import, the reports) use of projects: reads, the audit snapshot, amounts, corrections
export { assertMayCorrect, lockedClosedMonths, PeriodClosed, reasonOf, recordCorrection, reportMonthsOf } from './project-corrections.js';
export { findLookAlikes, loadProjectDetail, projectSnapshot } from './project-reader.js';
export { FROM_PROJECTS, PROJECT_COLUMNS, type ProjectRow } from './project-sql.js';
// the projects import writes many projects at once (issue 17)
export { allocateProjectNos, auditProjects, findLookAlikesBulk, insertProjects, keepProjectSnapshots, lockProjects, type ProjectAuditEntry, updateProjects } from './projects-bulk.js';

const FIELD_KEYS = Object.keys(PROJECT_FIELD_LABELS).filter((k) => k !== 'projectNo' && k !== 'approvals') as (keyof ProjectFields)[];
const DATE_FIELDS: MilestoneField[] = ['signedAt', 'registeredAt', 'constructionStartedAt', 'productionStartedAt', 'terminatedAt'];

/** A whole project's fields: what was given, the rest empty. */
function fieldsOf(source: Partial<ProjectFields>): ProjectFields {
  const fields = {} as Record<keyof ProjectFields, unknown>;
  for (const key of FIELD_KEYS) fields[key] = source[key] ?? (key === 'isKeyProject' || key === 'statsRegistered' ? false : null);
  const project = fields as unknown as ProjectFields;
  return { ...project, contractAmountWan: canonicalWan(project.contractAmountWan), plannedInvestmentWan: canonicalWan(project.plannedInvestmentWan) };
}

function milestonesOf(p: Milestones): Milestones {
  const { signedAt, registeredAt, constructionStartedAt, productionStartedAt, terminatedAt, terminationReason } = p;
  return { signedAt, registeredAt, constructionStartedAt, productionStartedAt, terminatedAt, terminationReason };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function failIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/**
 * `{regionCode}-{year}-{seq:04}`: the upsert locks the sequence row until the transaction ends, so
 * concurrent creations (on the page or by an import) queue and a rolled-back one gives its number
 * back. A number already taken by an imported legacy project is skipped.
 */
export async function nextProjectNo(em: EntityManager, regionCode: string, year: number): Promise<string> {
  for (;;) {
    const [{ last_seq }] = await runSql<{ last_seq: number }>(
      em,
      sql`INSERT INTO project_sequences (region_code, year, last_seq) VALUES (${regionCode}, ${year}, 1)
         ON CONFLICT (region_code, year) DO UPDATE SET last_seq = project_sequences.last_seq + 1 RETURNING last_seq`,
    );
    const projectNo = formatProjectNo(regionCode, year, last_seq);
    if (!(await em.existsBy(Project, { projectNo }))) return projectNo;
  }
}

/** A new project with its approvals checklist, nothing done yet; its id comes back. */
export async function insertProject(em: EntityManager, fields: ProjectFields, projectNo: string): Promise<string> {
  const { id } = await em.save(em.create(Project, { ...fields, projectNo }));
  await em.insert(
    ProjectApproval,
    APPROVAL_KINDS.map((kind) => ({ projectId: id, kind, status: 'NOT_STARTED' as const, doneAt: null })),
  );
  return id;
}

/** A project's fields changed, the row locked first (the version goes up with the save). */
export async function updateProjectFields(em: EntityManager, id: string, fields: ProjectFields): Promise<void> {
  const project = await em.findOneOrFail(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
  em.merge(Project, project, fields);
  await em.save(project);
}

/** The 入库 threshold in force: the one setting of the STATS warning (DOMAIN.md §6). */
async function statsMinWan(em: EntityManager): Promise<number> {
  return (await readWarningSettings(em)).settings.STATS.minPlannedInvestmentWan;
}

/** Registering projects and changing them: every change versioned, and audited in its own transaction. */
@Injectable()
export class ProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: UserActor, dto: CreateProjectDto): Promise<ProjectDetailDto> {
    const { confirmLookAlike, correctionReason, ...given } = dto;
    const fields = fieldsOf(given);
    const today = shanghaiToday();
    return this.dataSource.transaction(async (em) => {
      failIfAny([...projectFieldProblems(fields, today, await statsMinWan(em)), ...(await referenceProblems(em, fields, { region: true, industry: true, parent: true, leader: true, unit: true, contact: true }))]);
      // concurrent look-alike creates queue here; the second then finds the first's project
      await lockLookAlikeKeys(em, { regionCode: fields.regionCode, name: fields.name, investorUscc: fields.investorUscc });
      if (confirmLookAlike !== true) {
        const candidates = await findLookAlikes(em, { name: fields.name, regionCode: fields.regionCode, investorUscc: fields.investorUscc, excludeProjectNo: fields.parentProjectNo });
        if (candidates.length > 0) throw new LookAlikeFound(candidates);
      }
      // DOMAIN.md §5: a new project signed in a closed month (a late registration) alters its figures: a correction
      const touched = await touchedClosedMonths(em, null, null, fields);
      const reason = reasonOf(correctionReason);
      assertMayCorrect(actor, touched, reason, 'correctionReason', true);
      // taken last: the sequence row stays locked until this transaction ends
      const projectNo = await nextProjectNo(em, fields.regionCode, Number((fields.signedAt ?? today).slice(0, 4)));
      const id = await insertProject(em, fields, projectNo);
      const after = await loadProjectDetail(em, id);
      if (touched.length > 0 && reason !== null) await recordCorrection(em, actor, { projectId: id, projectNo, source: 'CREATE', touched, before: null, after: fields, reason });
      const note = touched.length > 0 ? { correctionReason: reason } : {};
      await this.audit.record(em, actor, { entity: 'project', entityId: id, action: 'CREATE', before: null, after: { ...projectSnapshot(after), ...note } });
      return after;
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateProjectDto): Promise<ProjectDetailDto> {
    const { version, correctionReason, ...changes } = dto;
    const given = definedOnly(changes);
    return this.dataSource.transaction(async (em) => {
      const { project, before } = await this.lockForUpdate(em, id, version);
      const current = fieldsOf(project);
      const next = fieldsOf({ ...current, ...given });
      const industryChanged = next.industryCode !== project.industryCode;
      failIfAny([...projectFieldProblems(next, shanghaiToday(), await statsMinWan(em)), ...(await referenceProblems(em, next, { region: false, industry: industryChanged, parent: false, leader: next.leadOfficial !== project.leadOfficial, unit: next.leadDepartment !== project.leadDepartment, contact: next.districtContactId !== project.districtContactId }))]);
      // DOMAIN.md §5: a change that alters a closed month is a correction (right + reason), recorded as one
      const touched = await touchedClosedMonths(em, id, current, next);
      const reason = reasonOf(correctionReason);
      assertMayCorrect(actor, touched, reason, 'correctionReason');
      em.merge(Project, project, next);
      await em.save(project);
      if (touched.length > 0 && reason !== null) {
        await recordCorrection(em, actor, { projectId: id, projectNo: project.projectNo, source: 'EDIT', touched, before: current, after: next, reason });
        return this.recorded(em, actor, id, before, { correctionReason: reason });
      }
      return this.recorded(em, actor, id, before);
    });
  }

  async moveStage(actor: UserActor, id: string, dto: StageMoveDto): Promise<ProjectDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const { project, before } = await this.lockForUpdate(em, id, dto.version);
      const from = project.stage;
      const kind = stageMoveKind(from, dto.to);
      const dates = definedOnly(dto.dates ?? {});
      const terminationReason = dto.terminationReason ?? null;
      const reason = dto.reason ?? null;
      const milestones = milestonesAfterMove(milestonesOf(project), dto.to, {
        ...dates,
        ...(dto.to === 'TERMINATED' ? { terminationReason } : {}),
      });
      const problems = stageMoveProblems({ from, to: dto.to, role: actor.role, reason, milestones }, shanghaiToday());
      // a backward move by someone who may not correct is a matter of rights, not of input
      if (kind === 'CORRECTION' && !can(actor.role, 'projects:correct')) throw new Forbidden(problems[0]?.message);
      failIfAny([...droppedInputProblems(dto, dates, milestones), ...problems.map(stageMoveField)]);
      // a move forward or a termination dated in a closed month alters it too (DOMAIN.md §5)
      const current = fieldsOf(project);
      const next: ProjectFields = { ...current, stage: dto.to, ...milestones };
      const touched = await touchedClosedMonths(em, id, current, next);
      const correctionReason = reasonOf(reason);
      assertMayCorrect(actor, touched, correctionReason, 'reason');
      em.merge(Project, project, { stage: dto.to, ...milestones });
      await em.save(project);
      // a backward move is a correction even when it touches no closed month: it is listed all the same
      if ((kind === 'CORRECTION' || touched.length > 0) && correctionReason !== null) {
        const extraFields = kind === 'CORRECTION' ? ['stage'] : [];
        await recordCorrection(em, actor, { projectId: id, projectNo: project.projectNo, source: 'STAGE', touched, extraFields, before: current, after: next, reason: correctionReason });
        return this.recorded(em, actor, id, before, { correctionReason });
      }
      return this.recorded(em, actor, id, before);
    });
  }

  async updateApprovals(actor: UserActor, id: string, dto: UpdateApprovalsDto): Promise<ProjectDetailDto> {
    failIfAny(approvalProblems(dto.items, shanghaiToday()));
    return this.dataSource.transaction(async (em) => {
      const { before } = await this.lockForUpdate(em, id, dto.version);
      const changed = dto.items.filter((item) => {
        const current = before.approvals.find((a) => a.kind === item.kind);
        return current?.status !== item.status || current.doneAt !== item.doneAt;
      });
      if (changed.length === 0) return before;
      await runSql(
        em,
        sql`UPDATE project_approvals a SET status = v.status::approval_status, done_at = v.done_at::date
         FROM unnest(${changed.map((i) => i.kind)}::text[], ${changed.map((i) => i.status)}::text[], ${changed.map((i) => i.doneAt)}::text[]) AS v(kind, status, done_at)
         WHERE a.project_id = ${id} AND a.kind = v.kind::approval_kind`,
      );
      // the checklist belongs to the project: its change is a new version of the project
      await runSql(em, sql`UPDATE projects SET version = version + 1, updated_at = now() WHERE id = ${id}`);
      return this.recorded(em, actor, id, before);
    });
  }

  /** The row, locked, without relations (a loaded relation would win over a changed column on save). */
  private async lockForUpdate(em: EntityManager, id: string, version: number): Promise<{ project: Project; before: ProjectDetailDto }> {
    const project = await em.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!project) throw new NotFound('项目', id);
    if (project.version !== version) throw new VersionConflict('项目', project.version, version);
    return { project, before: await loadProjectDetail(em, id) };
  }

  /** The project after a change, with its audit row; nothing is recorded when nothing changed. */
  private async recorded(em: EntityManager, actor: UserActor, id: string, before: ProjectDetailDto, note: Record<string, unknown> = {}): Promise<ProjectDetailDto> {
    const after = await loadProjectDetail(em, id);
    if (after.version === before.version) return after;
    await this.audit.record(em, actor, { entity: 'project', entityId: id, action: 'UPDATE', before: projectSnapshot(before), after: { ...projectSnapshot(after), ...note } });
    return after;
  }
}

/** Dates or a termination reason the move would silently drop: the request asks for something else. */
function droppedInputProblems(dto: StageMoveDto, dates: Partial<Record<MilestoneField, string | null>>, after: Milestones): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of DATE_FIELDS) {
    const value = dates[field];
    if (value !== undefined && value !== null && after[field] !== value) {
      problems.push({ field: `dates.${field}`, message: `移至“${STAGE_LABELS[dto.to]}”时不应填写${PROJECT_FIELD_LABELS[field]}` });
    }
  }
  if (dto.to !== 'TERMINATED' && dto.terminationReason) problems.push({ field: 'terminationReason', message: '只有终止项目时才填写终止原因' });
  return problems;
}

/** Field paths of the stage request: the milestone dates sit under `dates`, the stage is `to`. */
function stageMoveField(problem: FieldProblem): FieldProblem {
  if (problem.field === 'stage') return { ...problem, field: 'to' };
  if ((DATE_FIELDS as string[]).includes(problem.field)) return { ...problem, field: `dates.${problem.field}` };
  return problem;
}
