import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addWorkingDays,
  chineseDate,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_TYPE_LABELS,
  type CommitmentStatus,
  type CommitmentType,
  compareWan,
  type EscalationItem,
  type EscalationResponse,
  ISSUE_CATEGORY_LABELS,
  type IssueCategory,
  LIVE_NOTICE_STATUSES,
  NEXT_NOTICE_KIND,
  needsSignature,
  type NoticeComposeResponse,
  type NoticeCounts,
  type NoticeDto,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  NOTICE_STATUS_LABELS,
  type NoticeKind,
  type NoticeListResponse,
  noticeNumber,
  noticeRequirement,
  type NoticeSettings,
  type NoticeStatsResponse,
  type NoticeStatsRow,
  type NoticeStatus,
  noticeTitle,
  type NoticeSubject,
  shanghaiToday,
  WARNING_RULE_LABELS,
  type WarningRule,
  workingDaysAfter,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { RegionResolvers } from '../../common/access/region-resolvers.js';
import { AppException, Forbidden, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { WarningsService } from '../warnings/warnings.service.js';
import type {
  CreateNoticeDto,
  NoticeCancelDto,
  NoticeCloseDto,
  NoticeComposeQueryDto,
  NoticeFeedbackDto,
  NoticeFilterDto,
  NoticeQueryDto,
  NoticeReturnDto,
  NoticeSignDto,
  NoticeStatsQueryDto,
  UpdateNoticeDto,
} from './dto/notices.dto.js';
import { Notice } from './entities/notice.entity.js';
import { noticeDocx } from './notice-docx.js';
import { readNoticeSettings } from './notice-settings.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DRAFT_STATUSES: readonly NoticeStatus[] = ['PENDING_SIGNATURE', 'RETURNED'];

/** A notice that cannot make the move asked (signing an issued one, closing a draft…): 409 like a problem's. */
export class WrongNoticeStatus extends AppException {
  constructor(message: string) {
    super(409, 'WRONG_STATUS', message, [{ field: 'status', message }]);
  }
}

const LIVE = sql`n.status IN ('ISSUED', 'ANSWERED')`;
const OVERDUE = (today: string) => sql`(n.status IN ('ISSUED', 'ANSWERED') AND n.deadline < ${today}::date)`;

const COLUMNS = (today: string) => sql`n.id, n.kind, n.status, n.number, n.subject_type AS "subjectType", n.project_id AS "projectId",
  p.project_no AS "projectNo", p.name AS "projectName", p.region_code AS "regionCode", r.name AS "regionName",
  n.issue_id AS "issueId", i.category AS "issueCategory", n.warning_rule AS "warningRule", n.commitment_id AS "commitmentId",
  n.previous_notice_id AS "previousNoticeId", n.recipient_unit_id AS "recipientUnitId", u.name AS "recipientUnitName",
  n.title, n.facts, n.requirement, n.deadline, n.deadline_chosen AS "deadlineChosen", n.drafted_by_name AS "draftedByName",
  n.signer_leader_id AS "signerLeaderId", l.name AS "signerLeaderName", n.signed_at AS "signedAt", n.sign_comment AS "signComment",
  n.issued_at AS "issuedAt", n.issued_by_name AS "issuedByName", n.feedback, n.feedback_at AS "feedbackAt", n.feedback_by_name AS "feedbackByName",
  n.closed_at AS "closedAt", n.close_note AS "closeNote", ${OVERDUE(today)} AS overdue, n.version, n.created_at AS "createdAt", n.updated_at AS "updatedAt"`;
const FROM = sql`FROM notices n JOIN projects p ON p.id = n.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = n.recipient_unit_id
  LEFT JOIN project_issues i ON i.id = n.issue_id LEFT JOIN leaders l ON l.id = n.signer_leader_id`;

const COUNTS = (today: string) => sql`count(*)::int AS total,
  count(*) FILTER (WHERE n.status = 'PENDING_SIGNATURE')::int AS "pendingSignature",
  count(*) FILTER (WHERE ${LIVE})::int AS live,
  count(*) FILTER (WHERE ${OVERDUE(today)})::int AS overdue,
  count(*) FILTER (WHERE n.status = 'CLOSED')::int AS closed,
  count(*) FILTER (WHERE n.status = 'CLOSED' AND n.closed_at <= n.deadline)::int AS "closedOnTime"`;

/** Per kind: issued (numbered) and overdue now; then closed and closed on time, as SQL aggregates over `n`. */
const STATS_COLUMNS = (today: string) => sql`
  count(*) FILTER (WHERE n.number IS NOT NULL AND n.kind = 'REMINDER')::int AS issued_reminder,
  count(*) FILTER (WHERE n.number IS NOT NULL AND n.kind = 'URGE')::int AS issued_urge,
  count(*) FILTER (WHERE n.number IS NOT NULL AND n.kind = 'SUPERVISE')::int AS issued_supervise,
  count(*) FILTER (WHERE n.number IS NOT NULL AND n.kind = 'TRANSFER')::int AS issued_transfer,
  count(*) FILTER (WHERE ${OVERDUE(today)} AND n.kind = 'REMINDER')::int AS overdue_reminder,
  count(*) FILTER (WHERE ${OVERDUE(today)} AND n.kind = 'URGE')::int AS overdue_urge,
  count(*) FILTER (WHERE ${OVERDUE(today)} AND n.kind = 'SUPERVISE')::int AS overdue_supervise,
  count(*) FILTER (WHERE ${OVERDUE(today)} AND n.kind = 'TRANSFER')::int AS overdue_transfer,
  count(*) FILTER (WHERE n.status = 'CLOSED')::int AS closed,
  count(*) FILTER (WHERE n.status = 'CLOSED' AND n.closed_at <= n.deadline)::int AS "closedOnTime"`;

type StatsSqlRow = { key: string; label: string; closed: number; closedOnTime: number } & Record<string, number | string>;
function toStatsRow(row: StatsSqlRow): NoticeStatsRow {
  const perKind = (prefix: 'issued' | 'overdue') => Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, Number(row[`${prefix}_${kind.toLowerCase()}`])])) as Record<NoticeKind, number>;
  const { key, label, closed, closedOnTime } = row;
  return { key, label, issued: perKind('issued'), overdue: perKind('overdue'), closed, closedOnTime };
}

type NoticeRow = Omit<NoticeDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toDto = (row: NoticeRow): NoticeDto => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

/** What the audit log keeps of a notice: its fields, not the derived `overdue` nor the bookkeeping. */
function snapshot(notice: NoticeDto): Record<string, unknown> {
  const { overdue: _overdue, createdAt: _c, updatedAt: _u, ...fields } = notice;
  return fields;
}

/** The thing a notice is about, as found in the database. */
interface Subject {
  type: NoticeSubject;
  projectId: string;
  projectName: string;
  projectNo: string;
  issueId: string | null;
  warningRule: WarningRule | null;
  commitmentId: string | null;
  /** 用地 / 未按期开工: the topic in the title */
  topic: string;
  /** the facts a new notice starts from */
  facts: string;
  /** the problem's unit, or the project's responsible department when it is on the list */
  unitId: string | null;
}

/**
 * 三单一函 (DOMAIN.md §9): 提醒单 → 催办单 → 督办单 → 移交函 about a problem or a red warning.
 * 提醒单/催办单 are issued (numbered) at once; 督办单/移交函 are drafted and issued when the leader named
 * as signer signs them. Numbers come from notice_counters inside the issuing transaction, so they
 * have no gaps (a rolled-back issue rolls the counter back) and no twins (the counter row is locked).
 */
@Injectable()
export class NoticesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regionResolvers: RegionResolvers,
    private readonly warnings: WarningsService,
  ) {}

  /** The access guard asks for a notice's region (its project's) when district staff give feedback. */
  onModuleInit(): void {
    this.regionResolvers.register('notice', async (id) => {
      if (!UUID.test(id)) return null;
      const [row] = await runSql<{ region: string }>(this.dataSource, sql`SELECT p.region_code AS region FROM notices n JOIN projects p ON p.id = n.project_id WHERE n.id = ${id}`);
      return row?.region ?? null;
    });
  }

  async list(actor: UserActor, query: NoticeQueryDto): Promise<NoticeListResponse> {
    const today = shanghaiToday();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = conditions(query, today);
    if (query.toSign === true) {
      // a leader sees what waits for their own signature; staff see every draft waiting for one
      where.push(actor.role === 'LEADER' ? sql`n.status = 'PENDING_SIGNATURE' AND l.user_id = ${actor.id}` : sql`n.status = 'PENDING_SIGNATURE'`);
    }
    const filter = where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
    const [items, [counts]] = await Promise.all([
      runSql<NoticeRow>(
        this.dataSource,
        sql`SELECT ${COLUMNS(today)} ${FROM} WHERE ${filter}
            ORDER BY ${OVERDUE(today)} DESC, (n.status IN ('PENDING_SIGNATURE', 'RETURNED')) DESC, ${LIVE} DESC, n.deadline, n.created_at DESC
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      ),
      runSql<NoticeCounts>(this.dataSource, sql`SELECT ${COUNTS(today)} ${FROM} WHERE ${filter}`),
    ]);
    return { items: items.map(toDto), page, pageSize, counts };
  }

  /** Issued and overdue per kind, closed and closed on time: every district (with a total), or every unit that received a notice. */
  async stats(query: NoticeStatsQueryDto): Promise<NoticeStatsResponse> {
    const today = shanghaiToday();
    const where = conditions(query, today);
    const filter = where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
    const group = {
      region: { keys: sql`SELECT code AS key, name AS label, sort_order AS ord FROM regions WHERE parent_code IS NOT NULL`, key: sql`p.region_code` },
      unit: { keys: sql`SELECT id::text AS key, name AS label, sort_order AS ord FROM units`, key: sql`n.recipient_unit_id::text` },
    }[query.groupBy];
    const rows = await runSql<StatsSqlRow & { ord: number; total: number }>(
      this.dataSource,
      sql`SELECT k.key, k.label, k.ord, c.* FROM (${group.keys}) k
          CROSS JOIN LATERAL (SELECT count(*)::int AS total, ${STATS_COLUMNS(today)} ${FROM} WHERE ${filter} AND ${group.key} = k.key) c
          ORDER BY k.ord, k.label`,
    );
    const [total] = await runSql<StatsSqlRow>(this.dataSource, sql`SELECT 'total' AS key, '合计' AS label, ${STATS_COLUMNS(today)} ${FROM} WHERE ${filter}`);
    return {
      groupBy: query.groupBy,
      // a unit without a notice is noise in a ranking of units; the nine districts are always listed
      rows: rows.filter((row) => query.groupBy === 'region' || row.total > 0).map(toStatsRow),
      total: toStatsRow(total),
    };
  }

  async get(id: string, em: SqlRunner = this.dataSource): Promise<NoticeDto> {
    const [row] = await runSql<NoticeRow>(em, sql`SELECT ${COLUMNS(shanghaiToday())} ${FROM} WHERE n.id = ${id}`);
    if (!row) throw new NotFound('通知', id);
    return toDto(row);
  }

  /** The notice as the A4 .docx of the official layout, with the issuing office of the settings. */
  async docx(id: string): Promise<{ notice: NoticeDto; file: Buffer }> {
    const notice = await this.get(id);
    const { settings } = await readNoticeSettings(this.dataSource);
    return { notice, file: await noticeDocx(notice, settings.issuer) };
  }

  /**
   * 待升级: subjects still open (a problem not closed, a warning still red) whose latest issued notice
   * is live and past its deadline, with the next rung proposed; most overdue first. A subject whose
   * next rung is already drafted (waiting for a signature) is on its way up and not listed.
   */
  async escalations(): Promise<EscalationResponse> {
    const today = shanghaiToday();
    const { settings } = await readNoticeSettings(this.dataSource);
    const rows = await runSql<Omit<EscalationItem, 'workingDaysOverdue' | 'proposedKind'> & { issueOpen: boolean | null; commitmentOpen: boolean | null; commitmentContent: string | null }>(
      this.dataSource,
      sql`WITH latest AS (
            SELECT DISTINCT ON (n.subject_type, n.project_id, n.issue_id, n.warning_rule, n.commitment_id) n.*
            FROM notices n WHERE n.status IN ('ISSUED', 'ANSWERED', 'CLOSED')
            ORDER BY n.subject_type, n.project_id, n.issue_id, n.warning_rule, n.commitment_id,
              array_position(ARRAY['REMINDER', 'URGE', 'SUPERVISE', 'TRANSFER']::notice_kind[], n.kind) DESC, n.issued_at DESC, n.seq DESC
          )
          SELECT n.subject_type AS "subjectType", n.project_id AS "projectId", p.project_no AS "projectNo", p.name AS "projectName",
            p.region_code AS "regionCode", r.name AS "regionName", n.issue_id AS "issueId", n.warning_rule AS "warningRule", n.commitment_id AS "commitmentId",
            COALESCE(i.description, '') AS summary, n.id AS "latestNoticeId", n.kind AS "latestKind", n.number AS "latestNumber", n.deadline,
            n.recipient_unit_id AS "recipientUnitId", u.name AS "recipientUnitName",
            CASE WHEN n.issue_id IS NULL THEN NULL ELSE i.status IN ('OPEN', 'IN_PROGRESS') END AS "issueOpen",
            -- a commitment stays 待升级 while it is still overdue and open (neither honoured nor withdrawn)
            CASE WHEN n.commitment_id IS NULL THEN NULL ELSE c.status IN ('PENDING', 'PARTIAL') AND c.due_at < ${today}::date END AS "commitmentOpen",
            c.content AS "commitmentContent"
          FROM latest n JOIN projects p ON p.id = n.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = n.recipient_unit_id
            LEFT JOIN project_issues i ON i.id = n.issue_id LEFT JOIN policy_commitments c ON c.id = n.commitment_id
          WHERE ${LIVE} AND n.deadline < ${today}::date
            AND NOT EXISTS (SELECT 1 FROM notices d WHERE d.previous_notice_id = n.id AND d.status IN ('PENDING_SIGNATURE', 'RETURNED'))`,
    );
    const items: EscalationItem[] = [];
    for (const { issueOpen, commitmentOpen, commitmentContent, ...row } of rows) {
      let summary = row.summary;
      if (row.subjectType === 'ISSUE' && issueOpen !== true) continue;
      if (row.subjectType === 'WARNING') {
        const red = await this.redWarning(row.projectId, row.warningRule);
        if (!red) continue; // the warning has cleared: nothing to escalate
        summary = red;
      }
      if (row.subjectType === 'COMMITMENT') {
        if (commitmentOpen !== true) continue; // honoured, withdrawn or no longer overdue (its due date moved)
        summary = commitmentContent ?? '';
      }
      items.push({ ...row, summary, workingDaysOverdue: workingDaysAfter(row.deadline, today, settings), proposedKind: NEXT_NOTICE_KIND[row.latestKind] });
    }
    items.sort((a, b) => b.workingDaysOverdue - a.workingDaysOverdue || a.deadline.localeCompare(b.deadline) || a.projectNo.localeCompare(b.projectNo));
    return { items };
  }

  /** The fields a new notice about a subject starts from: title, facts, the rung's requirement, recipient and deadline. */
  async compose(query: NoticeComposeQueryDto): Promise<NoticeComposeResponse> {
    const today = shanghaiToday();
    const { settings } = await readNoticeSettings(this.dataSource);
    const subject = await this.subject(this.dataSource, query, { requireOpen: false });
    const previous =
      query.previousNoticeId !== undefined
        ? await this.previous(this.dataSource, query.previousNoticeId, query.kind, subject)
        : await this.latestBelow(this.dataSource, query.kind, subject);
    const days = settings.deadlineWorkingDays[query.kind];
    let facts = subject.facts;
    if (previous) {
      facts += `我局已于${chineseDate(previous.issuedAt ?? today)}下发${previous.number ?? ''}${NOTICE_KIND_LABELS[previous.kind]}，要求于${chineseDate(previous.deadline)}前办结，截至目前仍未办结。`;
    }
    return {
      kind: query.kind,
      title: noticeTitle(query.kind, subject.projectName, subject.topic),
      facts,
      requirement: noticeRequirement(query.kind, days),
      deadline: addWorkingDays(today, days, settings),
      recipientUnitId: previous?.recipientUnitId ?? subject.unitId,
      previousNoticeId: previous?.id ?? null,
    };
  }

  async create(actor: UserActor, dto: CreateNoticeDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    if (dto.deadline !== undefined && dto.deadline <= today) throw ValidationFailed.field('deadline', `办理时限应晚于下发之日（${today}）`);
    const signing = needsSignature(dto.kind);
    if (signing && dto.signerLeaderId === undefined) throw ValidationFailed.field('signerLeaderId', `${NOTICE_KIND_LABELS[dto.kind]}须由领导签发，请选择签发领导`);
    if (!signing && dto.signerLeaderId !== undefined) throw ValidationFailed.field('signerLeaderId', `${NOTICE_KIND_LABELS[dto.kind]}由市级招商人员直接下发，无需领导签发`);
    return this.dataSource.transaction(async (em) => {
      const subject = await this.subject(em, dto, { requireOpen: true });
      if (dto.previousNoticeId !== undefined) await this.previous(em, dto.previousNoticeId, dto.kind, subject);
      await assertUnit(em, dto.recipientUnitId);
      if (dto.signerLeaderId !== undefined) await assertSigner(em, dto.signerLeaderId);
      const { settings } = await readNoticeSettings(em);
      const values = {
        kind: dto.kind,
        subjectType: subject.type,
        projectId: subject.projectId,
        issueId: subject.issueId,
        warningRule: subject.warningRule,
        commitmentId: subject.commitmentId,
        previousNoticeId: dto.previousNoticeId ?? null,
        recipientUnitId: dto.recipientUnitId,
        title: dto.title ?? noticeTitle(dto.kind, subject.projectName, subject.topic),
        facts: dto.facts,
        requirement: dto.requirement,
        // a draft's deadline is provisional unless chosen: computed again from the day it is signed
        deadline: dto.deadline ?? addWorkingDays(today, settings.deadlineWorkingDays[dto.kind], settings),
        deadlineChosen: dto.deadline !== undefined,
        draftedByName: actor.displayName,
        signerLeaderId: dto.signerLeaderId ?? null,
      };
      const numbered = signing ? { status: 'PENDING_SIGNATURE' as const } : { status: 'ISSUED' as const, ...(await this.numberFor(em, dto.kind, today, settings)), issuedAt: today, issuedByName: actor.displayName };
      const saved = await em.save(em.create(Notice, { ...values, ...numbered }));
      const after = await this.get(saved.id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: saved.id, action: 'CREATE', before: null, after: snapshot(after) });
      if (after.status === 'ISSUED') await this.supersede(em, actor, after, today);
      return after;
    });
  }

  /** Edits a draft (待签发 or 已退回); a returned draft edited goes back to 待签发. */
  async update(actor: UserActor, id: string, dto: UpdateNoticeDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lock(em, id, dto.version);
      if (!DRAFT_STATUSES.includes(notice.status)) throw new WrongNoticeStatus(`通知${NOTICE_STATUS_LABELS[notice.status]}，只能修改待签发或已退回的草稿`);
      if (dto.deadline !== undefined && dto.deadline <= today) throw ValidationFailed.field('deadline', `办理时限应晚于下发之日（${today}）`);
      if (dto.recipientUnitId !== undefined && dto.recipientUnitId !== notice.recipientUnitId) await assertUnit(em, dto.recipientUnitId);
      if (dto.signerLeaderId !== undefined && dto.signerLeaderId !== notice.signerLeaderId) await assertSigner(em, dto.signerLeaderId);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, {
        recipientUnitId: dto.recipientUnitId,
        title: dto.title,
        facts: dto.facts,
        requirement: dto.requirement,
        signerLeaderId: dto.signerLeaderId,
        ...(dto.deadline !== undefined ? { deadline: dto.deadline, deadlineChosen: true } : {}),
        status: 'PENDING_SIGNATURE',
      });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /**
   * 签发: the leader named as signer issues the draft; it is numbered and its deadline fixed now.
   * Audited as a change (修改) showing 待签发 → 已下发: the log's VERIFY and CLOSE read 核实 and 月结.
   */
  async sign(actor: UserActor, id: string, dto: NoticeSignDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lockForSigner(em, actor, id, dto.version);
      const { settings } = await readNoticeSettings(em);
      let deadline = notice.deadline;
      if (!notice.deadlineChosen) deadline = addWorkingDays(today, settings.deadlineWorkingDays[notice.kind], settings);
      else if (deadline <= today) throw ValidationFailed.field('deadline', `拟稿时确定的办理时限（${deadline}）已不晚于今天，请退回拟稿人修改`);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, {
        status: 'ISSUED',
        ...(await this.numberFor(em, notice.kind, today, settings)),
        deadline,
        signedAt: today,
        signComment: dto.comment ? dto.comment : null,
        issuedAt: today,
        issuedByName: actor.displayName,
      });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      await this.supersede(em, actor, after, today);
      return after;
    });
  }

  /**
   * When a notice of the next rung is issued, the one it escalates is over: closed the same day, its
   * note naming the new notice ("已升级为催办单（通招催〔2026〕3号）"), so that one overdue item is not
   * counted overdue twice and 待升级 shows only the latest rung. Not on time, by construction: it is
   * escalated because it was past its deadline.
   */
  private async supersede(em: EntityManager, actor: UserActor, issued: NoticeDto, today: string): Promise<void> {
    if (issued.previousNoticeId === null) return;
    const previous = await em.findOne(Notice, { where: { id: issued.previousNoticeId }, lock: { mode: 'pessimistic_write' } });
    if (!previous || !LIVE_NOTICE_STATUSES.includes(previous.status)) return;
    const before = snapshot(await this.get(previous.id, em));
    em.merge(Notice, previous, { status: 'CLOSED', closedAt: today, closeNote: `逾期未办结，已升级为${NOTICE_KIND_LABELS[issued.kind]}（${issued.number ?? ''}）` });
    await em.save(previous);
    await this.audit.record(em, actor, { entity: 'notice', entityId: previous.id, action: 'UPDATE', before, after: snapshot(await this.get(previous.id, em)) });
  }

  /** 退回: the signer sends the draft back to the drafter with a comment. */
  async returnDraft(actor: UserActor, id: string, dto: NoticeReturnDto): Promise<NoticeDto> {
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lockForSigner(em, actor, id, dto.version);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, { status: 'RETURNED', signComment: dto.comment });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'RETURN', before, after: snapshot(after) });
      return after;
    });
  }

  /** The recipient's answer; a second answer replaces the first (the audit keeps both). */
  async feedback(actor: UserActor, id: string, dto: NoticeFeedbackDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    const at = dto.at ?? today;
    if (at > today) throw ValidationFailed.field('at', `反馈日期不能晚于今天（${today}）`);
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lock(em, id, dto.version);
      if (!LIVE_NOTICE_STATUSES.includes(notice.status)) throw new WrongNoticeStatus(`通知${NOTICE_STATUS_LABELS[notice.status]}，不能反馈`);
      if (actor.role === 'CITY_STAFF') {
        // a district bureau answers for itself (its staff); city staff record the answers of city units
        const [unit] = await runSql<{ level: string }>(em, sql`SELECT level FROM units WHERE id = ${notice.recipientUnitId}`);
        if (unit?.level !== 'CITY') throw new Forbidden('主送旗县区单位的通知由该旗县区招商人员反馈');
      }
      if (notice.issuedAt !== null && at < notice.issuedAt) throw ValidationFailed.field('at', `反馈日期不能早于下发日期（${notice.issuedAt}）`);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, { status: 'ANSWERED', feedback: dto.text, feedbackAt: at, feedbackByName: actor.displayName });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /** 办结: the issuer closes a live notice; without feedback a note says why. */
  async close(actor: UserActor, id: string, dto: NoticeCloseDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    const at = dto.at ?? today;
    if (at > today) throw ValidationFailed.field('at', `办结日期不能晚于今天（${today}）`);
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lock(em, id, dto.version);
      if (!LIVE_NOTICE_STATUSES.includes(notice.status)) throw new WrongNoticeStatus(`通知${NOTICE_STATUS_LABELS[notice.status]}，不能办结`);
      const note = dto.note?.trim() ?? '';
      if (notice.feedback === null && note === '') throw ValidationFailed.field('note', '尚无反馈，办结须填写办结说明');
      if (notice.issuedAt !== null && at < notice.issuedAt) throw ValidationFailed.field('at', `办结日期不能早于下发日期（${notice.issuedAt}）`);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, { status: 'CLOSED', closedAt: at, closeNote: note === '' ? null : note });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /** 作废: a draft withdrawn before it is issued; the reason is kept as its close note. */
  async cancel(actor: UserActor, id: string, dto: NoticeCancelDto): Promise<NoticeDto> {
    const today = shanghaiToday();
    return this.dataSource.transaction(async (em) => {
      const notice = await this.lock(em, id, dto.version);
      if (!DRAFT_STATUSES.includes(notice.status)) throw new WrongNoticeStatus(`通知${NOTICE_STATUS_LABELS[notice.status]}，只能作废尚未下发的草稿`);
      const before = snapshot(await this.get(id, em));
      em.merge(Notice, notice, { status: 'CANCELLED', closedAt: today, closeNote: dto.reason });
      await em.save(notice);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'notice', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /**
   * The next number of the kind in the year of `day`: the counter row is created or incremented and
   * stays locked until the transaction ends, so concurrent issues wait for each other.
   */
  private async numberFor(em: EntityManager, kind: NoticeKind, day: string, settings: NoticeSettings): Promise<{ year: number; seq: number; number: string }> {
    const year = Number(day.slice(0, 4));
    const [row] = await runSql<{ last: number }>(
      em,
      sql`INSERT INTO notice_counters (kind, year, last) VALUES (${kind}::notice_kind, ${year}, 1)
          ON CONFLICT (kind, year) DO UPDATE SET last = notice_counters.last + 1 RETURNING last`,
    );
    return { year, seq: row.last, number: noticeNumber(settings.prefixes[kind], year, row.last) };
  }

  private async lock(em: EntityManager, id: string, version: number): Promise<Notice> {
    const notice = await em.findOne(Notice, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!notice) throw new NotFound('通知', id);
    if (notice.version !== version) throw new VersionConflict('通知', notice.version, version);
    return notice;
  }

  /** A draft waiting for this leader's signature: another leader is refused whatever the draft's state. */
  private async lockForSigner(em: EntityManager, actor: UserActor, id: string, version: number): Promise<Notice> {
    const notice = await em.findOne(Notice, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!notice) throw new NotFound('通知', id);
    const [signer] = await runSql<{ userId: string | null; name: string }>(em, sql`SELECT user_id AS "userId", name FROM leaders WHERE id = ${notice.signerLeaderId}`);
    if (!signer || signer.userId !== actor.id) throw new Forbidden(signer ? `此件须由${signer.name}签发` : '此件无需领导签发');
    if (notice.version !== version) throw new VersionConflict('通知', notice.version, version);
    if (notice.status !== 'PENDING_SIGNATURE') throw new WrongNoticeStatus(`通知${NOTICE_STATUS_LABELS[notice.status]}，不在待签发状态`);
    return notice;
  }

  /** The subject named by a request, checked: the problem exists (and is open), or the project has the red warning now. */
  private async subject(
    runner: SqlRunner,
    named: { subjectType: NoticeSubject; issueId?: string; projectId?: string; warningRule?: WarningRule; commitmentId?: string },
    { requireOpen }: { requireOpen: boolean },
  ): Promise<Subject> {
    if (named.subjectType === 'COMMITMENT') return commitmentSubject(runner, named, requireOpen);
    if (named.subjectType === 'ISSUE') {
      if (named.issueId === undefined) throw ValidationFailed.field('issueId', '请选择督办的问题');
      const [issue] = await runSql<{
        projectId: string;
        projectName: string;
        projectNo: string;
        category: IssueCategory;
        description: string;
        raisedAt: string;
        dueAt: string;
        status: string;
        unitId: string;
        unitName: string;
      }>(
        runner,
        sql`SELECT i.project_id AS "projectId", p.name AS "projectName", p.project_no AS "projectNo", i.category, i.description,
              i.raised_at AS "raisedAt", i.due_at AS "dueAt", i.status, i.unit_id AS "unitId", u.name AS "unitName"
            FROM project_issues i JOIN projects p ON p.id = i.project_id JOIN units u ON u.id = i.unit_id WHERE i.id = ${named.issueId}`,
      );
      if (!issue) throw ValidationFailed.field('issueId', '问题不存在');
      if (named.projectId !== undefined && named.projectId.toLowerCase() !== issue.projectId) throw ValidationFailed.field('projectId', '问题不属于该项目');
      if (requireOpen && issue.status !== 'OPEN' && issue.status !== 'IN_PROGRESS') throw ValidationFailed.field('issueId', '问题已办结，不能再就其发文');
      const today = shanghaiToday();
      const late = calendarDaysPast(issue.dueAt, today);
      const category = ISSUE_CATEGORY_LABELS[issue.category];
      return {
        type: 'ISSUE',
        projectId: issue.projectId,
        projectName: issue.projectName,
        projectNo: issue.projectNo,
        issueId: named.issueId.toLowerCase(),
        warningRule: null,
        commitmentId: null,
        topic: category,
        facts:
          `${issue.projectName}（${issue.projectNo}）于${chineseDate(issue.raisedAt)}提出${category}问题：${issue.description.replace(/[。.]$/, '')}。` +
          `责任单位为${issue.unitName}，办理时限为${chineseDate(issue.dueAt)}${late > 0 ? `，现已超期${late}天` : ''}。`,
        unitId: issue.unitId,
      };
    }
    if (named.projectId === undefined) throw ValidationFailed.field('projectId', '请选择项目');
    if (named.warningRule === undefined) throw ValidationFailed.field('warningRule', '请选择预警规则');
    const [project] = await runSql<{ name: string; projectNo: string; unitId: string | null }>(
      runner,
      sql`SELECT p.name, p.project_no AS "projectNo", u.id AS "unitId" FROM projects p LEFT JOIN units u ON u.name = p.lead_department AND u.active WHERE p.id = ${named.projectId}`,
    );
    if (!project) throw ValidationFailed.field('projectId', '项目不存在');
    const message = await this.redWarning(named.projectId, named.warningRule);
    if (message === null) throw ValidationFailed.field('warningRule', `该项目当前没有“${WARNING_RULE_LABELS[named.warningRule] ?? named.warningRule}”红色预警`);
    return {
      type: 'WARNING',
      projectId: named.projectId.toLowerCase(),
      projectName: project.name,
      projectNo: project.projectNo,
      issueId: null,
      warningRule: named.warningRule,
      commitmentId: null,
      topic: WARNING_RULE_LABELS[named.warningRule] ?? named.warningRule,
      facts: `${project.name}（${project.projectNo}）${message.replace(/[。.]$/, '')}，已亮红色预警。`,
      unitId: project.unitId,
    };
  }

  /** The message of the project's red warning of the rule today, or null when it has none. */
  private async redWarning(projectId: string, rule: WarningRule | null): Promise<string | null> {
    if (rule === null) return null;
    const { items } = await this.warnings.forProject(projectId, undefined);
    return items.find((w) => w.rule === rule && w.level === 'RED')?.message ?? null;
  }

  /** The notice a new one escalates: live, of the same subject, one rung lower. */
  private async previous(runner: SqlRunner, id: string, kind: NoticeKind, subject: Subject): Promise<Pick<NoticeDto, 'id' | 'kind' | 'number' | 'issuedAt' | 'deadline' | 'recipientUnitId'>> {
    const [prev] = await runSql<
      Pick<NoticeDto, 'id' | 'kind' | 'status' | 'number' | 'issuedAt' | 'deadline' | 'recipientUnitId' | 'subjectType' | 'projectId' | 'issueId' | 'warningRule' | 'commitmentId'>
    >(
      runner,
      sql`SELECT id, kind, status, number, issued_at AS "issuedAt", deadline, recipient_unit_id AS "recipientUnitId", subject_type AS "subjectType",
            project_id AS "projectId", issue_id AS "issueId", warning_rule AS "warningRule", commitment_id AS "commitmentId" FROM notices WHERE id = ${id}`,
    );
    if (!prev) throw ValidationFailed.field('previousNoticeId', '上一级通知不存在');
    const sameSubject = prev.subjectType === subject.type && prev.projectId === subject.projectId && prev.issueId === subject.issueId && prev.warningRule === subject.warningRule && prev.commitmentId === subject.commitmentId;
    if (!sameSubject) throw ValidationFailed.field('previousNoticeId', '上一级通知与本件不是同一督办事项');
    if (!LIVE_NOTICE_STATUSES.includes(prev.status)) throw ValidationFailed.field('previousNoticeId', `上一级通知${NOTICE_STATUS_LABELS[prev.status]}，不能据此升级`);
    if (NEXT_NOTICE_KIND[prev.kind] !== kind) throw ValidationFailed.field('previousNoticeId', `${NOTICE_KIND_LABELS[prev.kind]}的上一级不是${NOTICE_KIND_LABELS[kind]}`);
    return prev;
  }

  /** For compose without a named previous notice: the live notice of the subject one rung lower, if any. */
  private async latestBelow(runner: SqlRunner, kind: NoticeKind, subject: Subject): Promise<Pick<NoticeDto, 'id' | 'kind' | 'number' | 'issuedAt' | 'deadline' | 'recipientUnitId'> | null> {
    const below = NOTICE_KINDS.find((k) => NEXT_NOTICE_KIND[k] === kind);
    if (below === undefined) return null;
    const [row] = await runSql<Pick<NoticeDto, 'id' | 'kind' | 'number' | 'issuedAt' | 'deadline' | 'recipientUnitId'>>(
      runner,
      sql`SELECT id, kind, number, issued_at AS "issuedAt", deadline, recipient_unit_id AS "recipientUnitId" FROM notices n
          WHERE ${LIVE} AND n.kind = ${below}::notice_kind AND n.subject_type = ${subject.type}::notice_subject AND n.project_id = ${subject.projectId}
            AND n.issue_id IS NOT DISTINCT FROM ${subject.issueId}::uuid AND n.warning_rule IS NOT DISTINCT FROM ${subject.warningRule}::varchar
            AND n.commitment_id IS NOT DISTINCT FROM ${subject.commitmentId}::uuid
          ORDER BY n.issued_at DESC, n.seq DESC LIMIT 1`,
    );
    return row ?? null;
  }
}

/** Calendar days `to` is past `from` (0 when not past): a problem's lateness is in days (DOMAIN.md §9). */
/**
 * An overdue commitment as the subject of a notice (DOMAIN.md §9): it exists, belongs to the project when
 * one is named, and — to issue — is still open (neither honoured nor withdrawn) and past its due date.
 * The facts say what was promised, by when, by whom, and how much of it has been honoured.
 */
async function commitmentSubject(runner: SqlRunner, named: { commitmentId?: string; projectId?: string }, requireOpen: boolean): Promise<Subject> {
  if (named.commitmentId === undefined) throw ValidationFailed.field('commitmentId', '请选择督办的优惠政策承诺');
  const [c] = await runSql<{
    projectId: string;
    projectName: string;
    projectNo: string;
    type: CommitmentType;
    content: string;
    promisedAmountWan: string | null;
    honouredAmountWan: string;
    dueAt: string;
    status: CommitmentStatus;
    unitId: string;
    unitName: string;
  }>(
    runner,
    sql`SELECT c.project_id AS "projectId", p.name AS "projectName", p.project_no AS "projectNo", c.type, c.content,
          c.promised_amount_wan AS "promisedAmountWan", c.honoured_amount_wan AS "honouredAmountWan", c.due_at AS "dueAt", c.status,
          c.unit_id AS "unitId", u.name AS "unitName"
        FROM policy_commitments c JOIN projects p ON p.id = c.project_id JOIN units u ON u.id = c.unit_id WHERE c.id = ${named.commitmentId}`,
  );
  if (!c) throw ValidationFailed.field('commitmentId', '优惠政策承诺不存在');
  if (named.projectId !== undefined && named.projectId.toLowerCase() !== c.projectId) throw ValidationFailed.field('projectId', '该承诺不属于此项目');
  const today = shanghaiToday();
  if (requireOpen && (c.status === 'HONOURED' || c.status === 'WITHDRAWN')) {
    throw ValidationFailed.field('commitmentId', `该承诺${COMMITMENT_STATUS_LABELS[c.status]}，不能再就其发文`);
  }
  if (requireOpen && c.dueAt >= today) throw ValidationFailed.field('commitmentId', `该承诺的兑现期限为${chineseDate(c.dueAt)}，尚未逾期，不能就其发文`);
  const late = calendarDaysPast(c.dueAt, today);
  const type = COMMITMENT_TYPE_LABELS[c.type];
  const promised = c.promisedAmountWan !== null ? `，承诺金额${c.promisedAmountWan}万元` : '';
  const honoured = compareWan(c.honouredAmountWan, '0') > 0 ? `目前已兑现${c.honouredAmountWan}万元` : '目前尚未兑现';
  return {
    type: 'COMMITMENT',
    projectId: c.projectId,
    projectName: c.projectName,
    projectNo: c.projectNo,
    issueId: null,
    warningRule: null,
    commitmentId: named.commitmentId.toLowerCase(),
    topic: `${type}优惠政策兑现`,
    facts:
      `${c.projectName}（${c.projectNo}）签约时承诺的${type}优惠政策：${c.content.replace(/[。.]$/, '')}${promised}。` +
      `责任单位为${c.unitName}，兑现期限为${chineseDate(c.dueAt)}，${honoured}${late > 0 ? `，现已逾期${late}天` : ''}。`,
    unitId: c.unitId,
  };
}

function calendarDaysPast(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
  return Math.max(0, days);
}

/** The filter's conditions over `n`, `p` and `l`. */
function conditions(filter: NoticeFilterDto, today: string): SqlFragment[] {
  const where: SqlFragment[] = [];
  if (filter.kind !== undefined) where.push(sql`n.kind = ${filter.kind}::notice_kind`);
  if (filter.status !== undefined) where.push(sql`n.status = ${filter.status}::notice_status`);
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`);
  if (filter.recipientUnitId !== undefined) where.push(sql`n.recipient_unit_id = ${filter.recipientUnitId}`);
  if (filter.subjectType !== undefined) where.push(sql`n.subject_type = ${filter.subjectType}::notice_subject`);
  if (filter.issueId !== undefined) where.push(sql`n.issue_id = ${filter.issueId}`);
  if (filter.projectId !== undefined) where.push(sql`n.project_id = ${filter.projectId}`);
  if (filter.overdue === true) where.push(OVERDUE(today));
  if (filter.overdue === false) where.push(sql`NOT ${OVERDUE(today)}`);
  if (filter.year !== undefined) where.push(sql`n.year = ${filter.year}`);
  return where;
}

async function assertUnit(em: SqlRunner, unitId: string): Promise<void> {
  const [unit] = await runSql<{ name: string; active: boolean }>(em, sql`SELECT name, active FROM units WHERE id = ${unitId}`);
  if (!unit) throw ValidationFailed.field('recipientUnitId', '主送单位不在责任单位名单中');
  if (!unit.active) throw ValidationFailed.field('recipientUnitId', `主送单位“${unit.name}”已停用，请选择其他单位`);
}

/** A signer must be an active leader of the list linked to an active LEADER account (who will sign in to sign). */
async function assertSigner(em: SqlRunner, leaderId: string): Promise<void> {
  const [leader] = await runSql<{ name: string; active: boolean; userId: string | null; usable: boolean | null }>(
    em,
    sql`SELECT l.name, l.active, l.user_id AS "userId", (u.role = 'LEADER' AND NOT u.disabled) AS usable FROM leaders l LEFT JOIN users u ON u.id = l.user_id WHERE l.id = ${leaderId}`,
  );
  if (!leader) throw ValidationFailed.field('signerLeaderId', '签发领导不在领导名单中');
  if (!leader.active) throw ValidationFailed.field('signerLeaderId', `领导“${leader.name}”已停用，请选择其他签发领导`);
  if (leader.userId === null || leader.usable !== true) throw ValidationFailed.field('signerLeaderId', `领导“${leader.name}”未关联可用的领导账号，无法在系统中签发`);
}
