import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_TYPE_LABELS,
  COMMITMENT_TYPES,
  type CommitmentEventDto,
  type CommitmentListResponse,
  type CommitmentStatsResponse,
  type CommitmentTotals,
  type CommitmentType,
  commitmentStatusProblems,
  commitmentSummarySentence,
  canonicalWan,
  compareWan,
  isClosedCommitment,
  moneyProblem,
  type PolicyCommitmentDetailDto,
  type PolicyCommitmentDto,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { RegionResolvers } from '../../common/access/region-resolvers.js';
import { AppException, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { CommitmentFilterDto, CommitmentQueryDto, CommitmentStatsQueryDto, CommitmentStatusDto, CreateCommitmentDto, UpdateCommitmentDto } from './dto/commitments.dto.js';
import { CommitmentEvent } from './entities/commitment-event.entity.js';
import { PolicyCommitment } from './entities/policy-commitment.entity.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A commitment that cannot make the move asked (已兑现 → 不再兑现, say). */
export class WrongCommitmentStatus extends AppException {
  constructor(message: string) {
    super(409, 'WRONG_STATUS', message, [{ field: 'status', message }]);
  }
}

const OPEN = sql`c.status IN ('PENDING', 'PARTIAL')`;
const OVERDUE = (today: string) => sql`(c.status IN ('PENDING', 'PARTIAL') AND c.due_at < ${today}::date)`;
/** honoured by its due date: the only commitments the 梳理 of DOMAIN.md §9 leaves out (see CommitmentTotals) */
const ON_TIME = sql`(c.status = 'HONOURED' AND c.honoured_at <= c.due_at)`;

const COLUMNS = (today: string) => sql`c.id, c.project_id AS "projectId", p.project_no AS "projectNo", p.name AS "projectName",
  p.region_code AS "regionCode", r.name AS "regionName", c.type, c.content, c.promised_amount_wan AS "promisedAmountWan", c.due_at AS "dueAt",
  c.unit_id AS "unitId", u.name AS "unitName", c.status, c.honoured_amount_wan AS "honouredAmountWan", c.honoured_at AS "honouredAt",
  c.withdrawn_at AS "withdrawnAt", c.withdrawn_reason AS "withdrawnReason", ${OVERDUE(today)} AS overdue,
  c.version, c.created_at AS "createdAt", c.updated_at AS "updatedAt"`;
const FROM = sql`FROM policy_commitments c JOIN projects p ON p.id = c.project_id JOIN regions r ON r.code = p.region_code JOIN units u ON u.id = c.unit_id`;

/** The ledger's totals as SQL aggregates over `c`: counts by status, Σ amounts, and the figures of the §9 sentence. */
const TOTALS = (today: string) => sql`count(*)::int AS count,
  count(*) FILTER (WHERE c.status = 'PENDING')::int AS pending,
  count(*) FILTER (WHERE c.status = 'PARTIAL')::int AS partial,
  count(*) FILTER (WHERE c.status = 'HONOURED')::int AS honoured,
  count(*) FILTER (WHERE c.status = 'WITHDRAWN')::int AS withdrawn,
  count(*) FILTER (WHERE ${OVERDUE(today)})::int AS overdue,
  coalesce(sum(c.promised_amount_wan), 0)::numeric(18,2)::text AS "promisedWan",
  coalesce(sum(c.honoured_amount_wan), 0)::numeric(18,2)::text AS "honouredWan",
  count(*) FILTER (WHERE NOT ${ON_TIME})::int AS reviewed,
  count(*) FILTER (WHERE NOT ${ON_TIME} AND NOT ${OPEN})::int AS rectified,
  coalesce(sum(c.honoured_amount_wan) FILTER (WHERE NOT ${ON_TIME}), 0)::numeric(18,2)::text AS "reviewedHonouredWan"`;

type CommitmentRow = Omit<PolicyCommitmentDto, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };
const toDto = (row: CommitmentRow): PolicyCommitmentDto => ({ ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() });

/**
 * 优惠政策兑现台账 (DOMAIN.md §9): commitments recorded per project (district staff for their region's),
 * honoured step by step (cumulative amounts, dated), or declared 不再兑现 with a reason. Every change is
 * audited and kept in the commitment's history; a stale version is 409.
 */
@Injectable()
export class CommitmentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regionResolvers: RegionResolvers,
  ) {}

  /** The access guard asks for a commitment's region (its project's) when district staff change one by id. */
  onModuleInit(): void {
    this.regionResolvers.register('commitment', async (id) => {
      if (!UUID.test(id)) return null;
      const [row] = await runSql<{ region: string }>(this.dataSource, sql`SELECT p.region_code AS region FROM policy_commitments c JOIN projects p ON p.id = c.project_id WHERE c.id = ${id}`);
      return row?.region ?? null;
    });
  }

  async list(query: CommitmentQueryDto, today = shanghaiToday()): Promise<CommitmentListResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = conditions(query, today);
    const [items, [totals]] = await Promise.all([
      runSql<CommitmentRow>(
        this.dataSource,
        sql`SELECT ${COLUMNS(today)} ${FROM} WHERE ${where}
            ORDER BY ${OVERDUE(today)} DESC, ${OPEN} DESC, c.due_at, c.created_at DESC
            LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
      ),
      runSql<CommitmentTotals>(this.dataSource, sql`SELECT ${TOTALS(today)} ${FROM} WHERE ${where}`),
    ]);
    return { items: items.map(toDto), page, pageSize, totals, summary: commitmentSummarySentence(totals) };
  }

  /** Totals by district, unit or type; every district and type listed, units only with commitments. */
  async stats(query: CommitmentStatsQueryDto, today = shanghaiToday()): Promise<CommitmentStatsResponse> {
    const where = conditions(query, today);
    const group: Record<CommitmentStatsQueryDto['groupBy'], { keys: SqlFragment; key: SqlFragment }> = {
      region: { keys: sql`SELECT code AS key, name AS label, sort_order AS ord FROM regions WHERE parent_code IS NOT NULL`, key: sql`p.region_code` },
      unit: { keys: sql`SELECT id::text AS key, name AS label, sort_order AS ord FROM units`, key: sql`c.unit_id::text` },
      type: { keys: sql`SELECT t AS key, t AS label, o::int AS ord FROM unnest(${[...COMMITMENT_TYPES]}::text[]) WITH ORDINALITY AS x(t, o)`, key: sql`c.type::text` },
    };
    const { keys, key } = group[query.groupBy];
    const rows = await runSql<CommitmentStatsResponse['rows'][number] & { ord: number }>(
      this.dataSource,
      sql`SELECT k.key, k.label, k.ord, t.* FROM (${keys}) k
          CROSS JOIN LATERAL (SELECT ${TOTALS(today)} ${FROM} WHERE ${where} AND ${key} = k.key) t
          ORDER BY k.ord, k.label`,
    );
    const [total] = await runSql<CommitmentTotals>(this.dataSource, sql`SELECT ${TOTALS(today)} ${FROM} WHERE ${where}`);
    const labelled = rows
      .filter((row) => query.groupBy !== 'unit' || row.count > 0)
      .map(({ ord: _ord, ...row }) => ({ ...row, label: query.groupBy === 'type' ? COMMITMENT_TYPE_LABELS[row.key as CommitmentType] : row.label }));
    return { groupBy: query.groupBy, rows: labelled, total, summary: commitmentSummarySentence(total) };
  }

  async get(id: string, em: SqlRunner = this.dataSource, today = shanghaiToday()): Promise<PolicyCommitmentDetailDto> {
    const [row] = await runSql<CommitmentRow>(em, sql`SELECT ${COLUMNS(today)} ${FROM} WHERE c.id = ${id}`);
    if (!row) throw new NotFound('优惠政策承诺', id);
    const events = await runSql<Omit<CommitmentEventDto, 'createdAt'> & { createdAt: Date }>(
      em,
      sql`SELECT id, status, at, honoured_amount_wan AS "honouredAmountWan", note, author_name AS "authorName", created_at AS "createdAt"
          FROM commitment_events WHERE commitment_id = ${id} ORDER BY at DESC, created_at DESC`,
    );
    return { ...toDto(row), events: events.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })) };
  }

  async create(actor: UserActor, dto: CreateCommitmentDto): Promise<PolicyCommitmentDetailDto> {
    const today = shanghaiToday();
    const promised = promisedAmount(dto.promisedAmountWan);
    return this.dataSource.transaction(async (em) => {
      const [project] = await runSql<{ id: string }>(em, sql`SELECT id FROM projects WHERE id = ${dto.projectId}`);
      if (!project) throw ValidationFailed.field('projectId', '项目不存在');
      await assertUnit(em, dto.unitId);
      const saved = await em.save(
        em.create(PolicyCommitment, {
          projectId: dto.projectId,
          type: dto.type,
          content: dto.content,
          promisedAmountWan: promised,
          dueAt: dto.dueAt,
          unitId: dto.unitId,
          status: 'PENDING',
          honouredAmountWan: '0.00',
          honouredAt: null,
          withdrawnAt: null,
          withdrawnReason: null,
          recordedAt: today,
        }),
      );
      const after = await this.get(saved.id, em, today);
      await this.audit.record(em, actor, { entity: 'commitment', entityId: saved.id, action: 'CREATE', before: null, after: snapshot(after) });
      return after;
    });
  }

  async update(actor: UserActor, id: string, dto: UpdateCommitmentDto): Promise<PolicyCommitmentDetailDto> {
    const promised = dto.promisedAmountWan === undefined ? undefined : promisedAmount(dto.promisedAmountWan);
    return this.dataSource.transaction(async (em) => {
      const commitment = await this.lock(em, id, dto.version);
      if (dto.unitId !== undefined && dto.unitId !== commitment.unitId) await assertUnit(em, dto.unitId);
      if (promised !== undefined && promised !== null && compareWan(promised, commitment.honouredAmountWan) < 0) {
        throw ValidationFailed.field('promisedAmountWan', `承诺金额（${promised} 万元）不能少于已兑现金额（${commitment.honouredAmountWan} 万元）`);
      }
      const before = snapshot(await this.get(id, em));
      em.merge(PolicyCommitment, commitment, { type: dto.type, content: dto.content, dueAt: dto.dueAt, unitId: dto.unitId });
      if (promised !== undefined) commitment.promisedAmountWan = promised;
      await em.save(commitment);
      const after = await this.get(id, em);
      await this.audit.record(em, actor, { entity: 'commitment', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  /**
   * 兑现 (partly or wholly, the amount cumulative), 不再兑现 with a reason, or a correction reopening a
   * closed one as 部分兑现 (with a reason): each kept as an event of the commitment's history.
   */
  async changeStatus(actor: UserActor, id: string, dto: CommitmentStatusDto): Promise<PolicyCommitmentDetailDto> {
    const today = shanghaiToday();
    if (dto.honouredAmountWan !== undefined) {
      const problem = moneyProblem('累计兑现金额', dto.honouredAmountWan);
      if (problem) throw ValidationFailed.field('honouredAmountWan', problem);
    }
    return this.dataSource.transaction(async (em) => {
      const commitment = await this.lock(em, id, dto.version);
      const problems = commitmentStatusProblems(commitment, dto, today);
      const wrongMove = problems.find((p) => p.field === 'status');
      if (wrongMove) throw new WrongCommitmentStatus(wrongMove.message);
      const reason = dto.reason?.trim() || null;
      if (isClosedCommitment(commitment.status) && reason === null) problems.push({ field: 'reason', message: `${COMMITMENT_STATUS_LABELS[commitment.status]}的承诺改回部分兑现须说明原因` });
      if (dto.status === 'PARTIAL' && dto.honouredAmountWan !== undefined && compareWan(dto.honouredAmountWan, '0') <= 0) {
        problems.push({ field: 'honouredAmountWan', message: '部分兑现的累计兑现金额应大于 0' });
      }
      if (dto.status === 'WITHDRAWN' && dto.honouredAt !== undefined && dto.honouredAt > today) problems.push({ field: 'honouredAt', message: `日期（${dto.honouredAt}）不能晚于今天` });
      if (problems.length > 0) throw new ValidationFailed(problems);

      const from = commitment.status;
      const before = snapshot(await this.get(id, em, today));
      let at: string;
      if (dto.status === 'WITHDRAWN') {
        at = dto.honouredAt ?? today;
        em.merge(PolicyCommitment, commitment, { status: 'WITHDRAWN', withdrawnAt: at, withdrawnReason: reason });
      } else {
        // PARTIAL / HONOURED: commitmentStatusProblems made sure both are given
        at = dto.honouredAt as string;
        em.merge(PolicyCommitment, commitment, { status: dto.status, honouredAmountWan: canonicalWan(dto.honouredAmountWan as string), honouredAt: at, withdrawnAt: null, withdrawnReason: null });
      }
      await em.save(commitment);
      const note = `${COMMITMENT_STATUS_LABELS[from]} → ${COMMITMENT_STATUS_LABELS[dto.status]}${reason ? `：${reason}` : ''}`;
      await em.insert(CommitmentEvent, { commitmentId: id, status: dto.status, at, honouredAmountWan: commitment.honouredAmountWan, note, authorName: actor.displayName });
      const after = await this.get(id, em, today);
      await this.audit.record(em, actor, { entity: 'commitment', entityId: id, action: 'UPDATE', before, after: snapshot(after) });
      return after;
    });
  }

  private async lock(em: EntityManager, id: string, version: number): Promise<PolicyCommitment> {
    const commitment = await em.findOne(PolicyCommitment, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!commitment) throw new NotFound('优惠政策承诺', id);
    if (commitment.version !== version) throw new VersionConflict('优惠政策承诺', commitment.version, version);
    return commitment;
  }
}

/** The filter's conditions over `c` and `p` (TRUE when none). */
function conditions(filter: CommitmentFilterDto, today: string): SqlFragment {
  const where: SqlFragment[] = [];
  if (filter.regionCode !== undefined) where.push(sql`p.region_code = ${filter.regionCode}`);
  if (filter.unitId !== undefined) where.push(sql`c.unit_id = ${filter.unitId}`);
  if (filter.type !== undefined) where.push(sql`c.type = ${filter.type}`);
  if (filter.status !== undefined) where.push(sql`c.status = ${filter.status}`);
  if (filter.projectId !== undefined) where.push(sql`c.project_id = ${filter.projectId}`);
  if (filter.overdue === true) where.push(OVERDUE(today));
  if (filter.overdue === false) where.push(sql`NOT ${OVERDUE(today)}`);
  if (filter.from !== undefined) where.push(sql`c.due_at >= ${filter.from}::date`);
  if (filter.to !== undefined) where.push(sql`c.due_at <= ${filter.to}::date`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

/** A promised amount as stored ('500' → '500.00'), null for none; a bad one is a 400 naming the field. */
function promisedAmount(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const problem = moneyProblem('承诺金额', value);
  if (problem) throw ValidationFailed.field('promisedAmountWan', problem);
  return canonicalWan(value);
}

async function assertUnit(em: SqlRunner, unitId: string): Promise<void> {
  const [unit] = await runSql<{ name: string; active: boolean }>(em, sql`SELECT name, active FROM units WHERE id = ${unitId}`);
  if (!unit) throw ValidationFailed.field('unitId', '责任单位不在名单中');
  if (!unit.active) throw ValidationFailed.field('unitId', `责任单位“${unit.name}”已停用，请选择其他单位`);
}

/** What the audit log keeps of a commitment: its fields, not the derived `overdue` nor the history. */
function snapshot(commitment: PolicyCommitmentDetailDto): Record<string, unknown> {
  const { overdue: _overdue, events: _events, createdAt: _c, updatedAt: _u, ...fields } = commitment;
  return fields;
}
