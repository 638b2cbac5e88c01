import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  canEditRegion,
  ISSUE_CATEGORIES,
  ISSUE_CATEGORY_LABELS,
  ISSUE_STATUS_LABELS,
  ISSUE_TRANSITIONS,
  type IssueCategory,
  type IssueCounts,
  type IssueNoteDto,
  type IssueStatsResponse,
  isClosedIssue,
  type ProjectIssueDetailDto,
  type ProjectIssueDto,
  type ProjectIssueListResponse,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { RegionResolvers } from '../../common/access/region-resolvers.js';
import { AppException, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { CreateProjectIssueDto, IssueNoteDto as IssueNoteBody, IssueStatsQueryDto, IssueStatusDto, ProjectIssueFilterDto, ProjectIssueQueryDto, UpdateProjectIssueDto } from './dto/problems.dto.js';
import { IssueNote } from './entities/issue-note.entity.js';
import { readIssueSettings } from './issue-settings.service.js';
import { ProjectIssue } from './entities/project-issue.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A problem that cannot make the move asked (待办 → 已解决 is fine, 已解决 → 已解决 is not). */
export class WrongIssueStatus extends AppException {
  constructor(message: string) {
    super(409, 'WRONG_STATUS', message, [{ field: 'status', message }]);
  }
}

const COLUMNS = (today: string) => sql`i.id, i.project_id AS "projectId", p.project_no AS "projectNo", p.name AS "projectName",
  p.region_code AS "regionCode", r.name AS "regionName", i.category, i.description, i.raised_at AS "raisedAt", i.raised_by_name AS "raisedByName",
  i.unit_id AS "unitId", u.name AS "unitName", i.due_at AS "dueAt", i.status, i.resolution, i.closed_at AS "closedAt",
  (i.status IN ('OPEN', 'IN_PROGRESS') AND i.due_at < ${today}::date) AS overdue, i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt"`;
const FROM = sql`FROM project_issues i JOIN projects p ON p.id = i.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = i.unit_id`;

/** 办结率 and the average days to close, as SQL aggregates over `i` (DOMAIN.md §9). */
const COUNTS = (today: string) => sql`count(*)::int AS total,
  count(*) FILTER (WHERE i.status IN ('OPEN', 'IN_PROGRESS'))::int AS open,
  count(*) FILTER (WHERE i.status IN ('OPEN', 'IN_PROGRESS') AND i.due_at < ${today}::date)::int AS overdue,
  count(*) FILTER (WHERE i.status IN ('RESOLVED', 'UNRESOLVABLE'))::int AS closed,
  round(count(*) FILTER (WHERE i.status IN ('RESOLVED', 'UNRESOLVABLE'))::numeric / NULLIF(count(*), 0), 4)::float8 AS "closedRate",
  round(avg(i.closed_at - i.raised_at) FILTER (WHERE i.status IN ('RESOLVED', 'UNRESOLVABLE')), 1)::float8 AS "averageDaysToClose"`;

type IssueRow = Omit<ProjectIssueDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toDto = (row: IssueRow): ProjectIssueDto => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

/**
 * 问题诉求 (DOMAIN.md §9): raised for a project by any staff (district staff for their region's),
 * handled by a unit of the list by a due date, progressed with notes (leaders comment), closed as
 * 已解决 or 无法解决 with a resolution. Every change audited; a stale version is 409.
 */
@Injectable()
export class ProblemsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regionResolvers: RegionResolvers,
  ) {}

  /** The access guard asks for a problem's region (its project's) when district staff change one by id. */
  onModuleInit(): void {
    this.regionResolvers.register('projectIssue', async (id) => {
      if (!UUID.test(id)) return null;
      const [row] = await runSql<{ region: string }>(this.dataSource, sql`SELECT p.region_code AS region FROM project_issues i JOIN projects p ON p.id = i.project_id WHERE i.id = ${id}`);
      return row?.region ?? null;
    });
  }

  async list(query: ProjectIssueQueryDto, today = shanghaiToday()): Promise<ProjectIssueListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = conditions(query, today);
    const [items, [counts]] = await Promise.all([
      runSql<IssueRow>(
        this.dataSource,
        sql`SELECT ${COLUMNS(today)} ${FROM} WHERE ${where}
            ORDER BY (i.status IN ('OPEN', 'IN_PROGRESS') AND i.due_at < ${today}::date) DESC, (i.status IN ('OPEN', 'IN_PROGRESS')) DESC, i.due_at, i.created_at DESC
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      ),
      runSql<IssueCounts>(this.dataSource, sql`SELECT ${COUNTS(today)} ${FROM} WHERE ${where}`),
    ]);
    return { items: items.map(toDto), page, pageSize, counts };
  }

  /** Counts by district, unit or category, with 办结率 and the average days to close; every group listed, with or without problems. */
  async stats(query: IssueStatsQueryDto, today = shanghaiToday()): Promise<IssueStatsResponse> {
    const where = conditions(query, today);
    const group: Record<IssueStatsQueryDto['groupBy'], { keys: SqlFragment; key: SqlFragment }> = {
      region: { keys: sql`SELECT code AS key, name AS label, sort_order AS ord FROM regions WHERE parent_code IS NOT NULL`, key: sql`p.region_code` },
      unit: { keys: sql`SELECT id::text AS key, name AS label, sort_order AS ord FROM units`, key: sql`i.unit_id::text` },
      category: { keys: sql`SELECT c AS key, c AS label, o::int AS ord FROM unnest(${[...ISSUE_CATEGORIES]}::text[]) WITH ORDINALITY AS t(c, o)`, key: sql`i.category::text` },
    };
    const { keys, key } = group[query.groupBy];
    const rows = await runSql<IssueStatsResponse['rows'][number] & { ord: number }>(
      this.dataSource,
      sql`SELECT k.key, k.label, k.ord, c.* FROM (${keys}) k
          CROSS JOIN LATERAL (SELECT ${COUNTS(today)} ${FROM} WHERE ${where} AND ${key} = k.key) c
          ORDER BY k.ord, k.label`,
    );
    const [total] = await runSql<IssueCounts>(this.dataSource, sql`SELECT ${COUNTS(today)} ${FROM} WHERE ${where}`);
    const labelled = rows
      // a unit of the list without a problem is noise in a ranking of units; districts and categories are all shown
      .filter((row) => query.groupBy !== 'unit' || row.total > 0)
      .map(({ ord: _ord, ...row }) => ({ ...row, label: query.groupBy === 'category' ? ISSUE_CATEGORY_LABELS[row.key as IssueCategory] : row.label }));
    return { groupBy: query.groupBy, rows: labelled, total };
  }

  async get(id: string, em: SqlRunner = this.dataSource, today = shanghaiToday()): Promise<ProjectIssueDetailDto> {
    const [row] = await runSql<IssueRow>(em, sql`SELECT ${COLUMNS(today)} ${FROM} WHERE i.id = ${id}`);
    if (!row) throw new NotFound('问题', id);
    const notes = await runSql<Omit<IssueNoteDto, 'createdAt'> & { createdAt: Date }>(
      em,
      sql`SELECT id, at, text, author_name AS "authorName", created_at AS "createdAt" FROM issue_notes WHERE issue_id = ${id} ORDER BY at DESC, created_at DESC`,
    );
    return { ...toDto(row), notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })) };
  }

  async create(actor: UserActor, dto: CreateProjectIssueDto): Promise<ProjectIssueDetailDto> {
    const today = shanghaiToday();
    const raisedAt = dto.raisedAt ?? today;
    if (raisedAt > today) throw ValidationFailed.field('raisedAt', `提出日期不能晚于今天（${today}）`);
    return this.dataSource.transaction(async (em) => {
      const [project] = await runSql<{ region_code: string }>(em, sql`SELECT region_code FROM projects WHERE id = ${dto.projectId}`);
      if (!project) throw ValidationFailed.field('projectId', '项目不存在');
      await assertUnit(em, dto.unitId);
      const dueAt = dto.dueAt ?? addDays(raisedAt, (await readIssueSettings(em)).dueDays[dto.category]);
      if (dueAt < raisedAt) throw ValidationFailed.field('dueAt', '办理时限不能早于提出日期');
      const saved = await em.save(
        em.create(ProjectIssue, { projectId: dto.projectId, category: dto.category, description: dto.description, raisedAt, raisedByName: actor.displayName, unitId: dto.unitId, dueAt, status: 'OPEN', resolution: null, closedAt: null }),
      );
      const after = await this.get(saved.id, em, today);
      await this.audit.record(em, actor, { entity: 'projectIssue', entityId: saved.id, action: 'CREATE', before: null, after: snapshot(after) });
      return after;
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateProjectIssueDto): Promise<ProjectIssueDetailDto> {
    return this.dataSource.transaction(async (em) => {
      const issue = await this.lock(em, id, dto.version);
      if (dto.unitId !== undefined && dto.unitId !== issue.unitId) await assertUnit(em, dto.unitId);
      const dueAt = dto.dueAt ?? issue.dueAt;
      if (dueAt < issue.raisedAt) throw ValidationFailed.field('dueAt', `办理时限不能早于提出日期（${issue.raisedAt}）`);
      const before = snapshot(await this.get(id, em));
      em.merge(ProjectIssue, issue, { category: dto.category, description: dto.description, unitId: dto.unitId, dueAt });
      await em.save(issue);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'projectIssue', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /** A move along 待办 → 办理中 → 已解决 | 无法解决 (or back to 办理中), noted in the problem's progress. */
  async changeStatus(actor: UserActor, id: string, dto: IssueStatusDto): Promise<ProjectIssueDetailDto> {
    const today = shanghaiToday();
    const at = dto.at ?? today;
    if (at > today) throw ValidationFailed.field('at', `日期不能晚于今天（${today}）`);
    return this.dataSource.transaction(async (em) => {
      const issue = await this.lock(em, id, dto.version);
      if (!ISSUE_TRANSITIONS[issue.status].includes(dto.status)) {
        throw new WrongIssueStatus(`问题${ISSUE_STATUS_LABELS[issue.status]}，不能改为${ISSUE_STATUS_LABELS[dto.status]}`);
      }
      const closing = isClosedIssue(dto.status);
      const reopening = isClosedIssue(issue.status);
      const note = dto.note?.trim() ?? '';
      if ((closing || reopening) && note === '') {
        throw ValidationFailed.field('note', closing ? `改为${ISSUE_STATUS_LABELS[dto.status]}须填写办理结果` : '重新办理须说明原因');
      }
      if (closing && at < issue.raisedAt) throw ValidationFailed.field('at', `办结日期不能早于提出日期（${issue.raisedAt}）`);
      const from = issue.status;
      const before = snapshot(await this.get(id, em, today));
      em.merge(ProjectIssue, issue, { status: dto.status, resolution: closing ? note : null, closedAt: closing ? at : null });
      await em.save(issue);
      const text = `${ISSUE_STATUS_LABELS[from]} → ${ISSUE_STATUS_LABELS[dto.status]}${note ? `：${note}` : ''}`;
      await em.insert(IssueNote, { issueId: id, at, text, authorName: actor.displayName });
      const after = await this.get(id, em, today);
      await this.audit.record(em, actor, { entity: 'projectIssue', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /** 办理进展 or a comment (leaders comment on problems, DOMAIN.md §7); district staff on their region's only. */
  async addNote(actor: UserActor, id: string, dto: IssueNoteBody): Promise<ProjectIssueDetailDto> {
    const today = shanghaiToday();
    const at = dto.at ?? today;
    if (at > today) throw ValidationFailed.field('at', `日期不能晚于今天（${today}）`);
    return this.dataSource.transaction(async (em) => {
      const [issue] = await runSql<{ region: string; raisedAt: string }>(
        em,
        sql`SELECT p.region_code AS region, i.raised_at AS "raisedAt" FROM project_issues i JOIN projects p ON p.id = i.project_id WHERE i.id = ${id} FOR SHARE OF i`,
      );
      if (!issue) throw new NotFound('问题', id);
      if (actor.role === 'DISTRICT_STAFF' && !canEditRegion(actor, issue.region)) throw new Forbidden('只能在本地区的问题下填写进展');
      if (at < issue.raisedAt) throw ValidationFailed.field('at', `日期不能早于提出日期（${issue.raisedAt}）`);
      await em.insert(IssueNote, { issueId: id, at, text: dto.text, authorName: actor.displayName });
      await this.audit.record(em, actor, { entity: 'projectIssue', entityId: id, action: 'UPDATE', before: null, after: { note: { at, text: dto.text } } });
      return this.get(id, em, today);
    });
  }

  private async lock(em: EntityManager, id: string, version: number): Promise<ProjectIssue> {
    const issue = await em.findOne(ProjectIssue, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!issue) throw new NotFound('问题', id);
    if (issue.version !== version) throw new VersionConflict('问题', issue.version, version);
    return issue;
  }
}

/** The filter's conditions over `i` and `p` (TRUE when none). */
function conditions(filter: ProjectIssueFilterDto, today: string): SqlFragment {
  const where: SqlFragment[] = [];
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`);
  if (filter.unitId !== undefined) where.push(sql`i.unit_id = ${filter.unitId}`);
  if (filter.category !== undefined) where.push(sql`i.category = ${filter.category}`);
  if (filter.status !== undefined) where.push(sql`i.status = ${filter.status}`);
  if (filter.projectId !== undefined) where.push(sql`i.project_id = ${filter.projectId}`);
  if (filter.overdue === true) where.push(sql`i.status IN ('OPEN', 'IN_PROGRESS') AND i.due_at < ${today}::date`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

async function assertUnit(em: SqlRunner, unitId: string): Promise<void> {
  const [unit] = await runSql<{ name: string; active: boolean }>(em, sql`SELECT name, active FROM units WHERE id = ${unitId}`);
  if (!unit) throw ValidationFailed.field('unitId', '责任单位不在名单中');
  if (!unit.active) throw ValidationFailed.field('unitId', `责任单位“${unit.name}”已停用，请选择其他单位`);
}

/** What the audit log keeps of a problem: its fields, not the derived `overdue` nor the notes. */
function snapshot(issue: ProjectIssueDetailDto): Record<string, unknown> {
  const { overdue: _overdue, notes: _notes, createdAt: _c, updatedAt: _u, ...fields } = issue;
  return fields;
}
