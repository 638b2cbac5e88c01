import {
  canEditRegion,
  canMoveCommitment,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_TYPE_LABELS,
  type CommitmentStatus,
  commitmentStatusProblems,
  type CommitmentType,
  compareWan,
} from '@zhaoshang/shared/domain';
import { runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import { type AuditChange, writeAudit } from '../audit/audit.service.js';
import { choice, date, excerpt, isProblem, limitedText, money, type Parsed, text } from './cells.js';
import { COMMITMENT_COLUMNS, type RowCells } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';

type Key = (typeof COMMITMENT_COLUMNS)[number]['key'];
const H = Object.fromEntries(COMMITMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/** What a row says a commitment is; the same shape as the stored one so that the two compare field by field. */
interface Fields {
  promisedAmountWan: string | null;
  dueAt: string;
  unitId: string;
  status: CommitmentStatus;
  honouredAmountWan: string;
  honouredAt: string | null;
  withdrawnReason: string | null;
}

interface RowPlan {
  row: number;
  projectNo: string;
  type: CommitmentType;
  content: string;
  fields: Fields;
}

interface ProjectRef {
  id: string;
  projectNo: string;
  regionCode: string;
}

interface StoredCommitment extends Fields {
  id: string;
  withdrawnAt: string | null;
  projectId: string;
  type: CommitmentType;
  content: string;
  version: number;
}

interface UnitRef {
  id: string;
  name: string;
  active: boolean;
}

/** The fields `commitmentStatusProblems` names, as the template's columns. */
const STATUS_FIELD_COLUMN: Partial<Record<string, Key>> = { status: 'status', honouredAmountWan: 'honouredAmountWan', honouredAt: 'honouredAt', reason: 'withdrawnReason' };

/** 承诺内容 as stored (the API's limit); the key of a row with 项目编号 and 政策类型. */
const CONTENT_MAX = 1000;
const REASON_MAX = 1000;

/** A commitment as the importer compares and audits it, from the table or from an INSERT/UPDATE's RETURNING. */
const selectStored = (from: SqlFragment) => sql`SELECT c.id, c.project_id AS "projectId", c.type, c.content, c.promised_amount_wan::text AS "promisedAmountWan",
    c.due_at::text AS "dueAt", c.unit_id AS "unitId", c.status, c.honoured_amount_wan::text AS "honouredAmountWan",
    c.honoured_at::text AS "honouredAt", c.withdrawn_at::text AS "withdrawnAt", c.withdrawn_reason AS "withdrawnReason", c.version
  FROM ${from} c`;

/**
 * kind=commitments (issue 15): the bureaus' Excel ledgers of incentive commitments. A row is one
 * commitment, matched to a stored one by (项目编号, 政策类型, 承诺内容), so that importing the same
 * ledger again changes nothing. Ledgers are a few hundred rows: rows are kept in memory and the
 * lookups are one query each for the whole file.
 */
export class CommitmentsImporter implements Importer<Key> {
  readonly columns = COMMITMENT_COLUMNS;
  private rows: RowPlan[] = [];
  private units = new Map<string, UnitRef>();
  private writes: { plan: RowPlan; project: ProjectRef; stored: StoredCommitment | null }[] = [];
  private unchanged = 0;

  constructor(private readonly ctx: ImportContext) {}

  async prepare(): Promise<void> {
    const units = await runSql<UnitRef>(this.ctx.em, sql`SELECT id, name, active FROM units`);
    // a unit by its name, spaces not counting, as the other imports read the 责任单位 list
    this.units = new Map(units.map((u) => [u.name.replace(/\s/g, ''), u]));
  }

  async add(cells: RowCells<Key>): Promise<void> {
    const { errors, today } = this.ctx;
    const row = cells.row;
    const value = <T>(key: Key, parsed: Parsed<T>): T | null => {
      if (isProblem(parsed)) {
        errors.add(row, H[key], parsed.message);
        return null;
      }
      return parsed;
    };
    const required = <T>(key: Key, parsed: Parsed<T>): T | null => {
      if (parsed === null) errors.add(row, H[key], `${H[key]}不能为空`);
      return value(key, parsed);
    };
    const projectNo = required('projectNo', text(cells.get('projectNo')));
    const type = required('type', choice(cells.get('type'), H.type, COMMITMENT_TYPE_LABELS));
    const content = required('content', limitedText(cells.get('content'), H.content, CONTENT_MAX));
    const promisedAmountWan = value('promisedAmountWan', money(cells.get('promisedAmountWan'), H.promisedAmountWan));
    const dueAt = required('dueAt', date(cells.get('dueAt'), H.dueAt));
    const unitName = required('unit', text(cells.get('unit')));
    const status = value('status', choice(cells.get('status'), H.status, COMMITMENT_STATUS_LABELS)) ?? 'PENDING';
    const honouredAmountWan = value('honouredAmountWan', money(cells.get('honouredAmountWan'), H.honouredAmountWan));
    const honouredAt = value('honouredAt', date(cells.get('honouredAt'), H.honouredAt));
    const withdrawnReason = value('withdrawnReason', limitedText(cells.get('withdrawnReason'), H.withdrawnReason, REASON_MAX));

    const unit = unitName === null ? undefined : this.units.get(unitName.replace(/\s/g, ''));
    if (unitName !== null && !unit) errors.add(row, H.unit, `责任单位“${excerpt(unitName)}”不在责任单位名单中（名单由管理员维护）`);

    // the status rules of the ledger's 登记兑现 (shared with the API), as if the row were recorded on a new commitment
    const statusRead = !errors.hasColumn(row, H.status);
    if (statusRead && status !== 'PENDING') {
      const problems = commitmentStatusProblems(
        { status: 'PENDING', promisedAmountWan },
        { status, honouredAmountWan: honouredAmountWan ?? undefined, honouredAt: honouredAt ?? undefined, reason: withdrawnReason ?? undefined },
        today,
      );
      for (const p of problems) if (!errors.hasColumn(row, H[STATUS_FIELD_COLUMN[p.field] ?? 'status'])) errors.add(row, H[STATUS_FIELD_COLUMN[p.field] ?? 'status'], p.message);
    }
    if (statusRead && status === 'PENDING' && honouredAmountWan !== null && compareWan(honouredAmountWan, '0') > 0) {
      errors.add(row, H.honouredAmountWan, `兑现状态为“未兑现”时不能填写${H.honouredAmountWan}；已兑现一部分请填“部分兑现”`);
    }
    if (statusRead && status === 'PENDING' && honouredAt !== null) errors.add(row, H.honouredAt, `兑现状态为“未兑现”时不能填写${H.honouredAt}`);
    if (statusRead && status !== 'WITHDRAWN' && withdrawnReason !== null) errors.add(row, H.withdrawnReason, `只有“不再兑现”的承诺填写${H.withdrawnReason}`);

    if (errors.hasRow(row) || projectNo === null || type === null || content === null || dueAt === null || !unit) return;
    this.rows.push({
      row,
      projectNo,
      type,
      content,
      fields: { promisedAmountWan, dueAt, unitId: unit.id, status, honouredAmountWan: honouredAmountWan ?? '0.00', honouredAt, withdrawnReason },
    });
  }

  async check(): Promise<void> {
    const { em, errors, actor } = this.ctx;
    if (this.rows.length === 0) return;
    const projects = new Map(
      (
        await runSql<ProjectRef>(
          em,
          sql`SELECT id, project_no AS "projectNo", region_code AS "regionCode" FROM projects WHERE project_no = ANY(${[...new Set(this.rows.map((r) => r.projectNo))]}::varchar[])`,
        )
      ).map((p) => [p.projectNo, p]),
    );
    const firstOfKey = new Map<string, number>();
    const valid: { plan: RowPlan; project: ProjectRef }[] = [];
    for (const plan of this.rows) {
      const project = projects.get(plan.projectNo);
      if (!project) {
        errors.add(plan.row, H.projectNo, `项目编号 ${excerpt(plan.projectNo)} 不存在`);
        continue;
      }
      if (!canEditRegion(actor, project.regionCode)) {
        errors.add(plan.row, H.projectNo, `无权导入其他地区的数据（项目 ${plan.projectNo} 属于${this.ctx.dictionaries.regionName(project.regionCode)}）`);
        continue;
      }
      const key = `${project.id}\u0000${plan.type}\u0000${plan.content}`;
      const first = firstOfKey.get(key);
      if (first !== undefined) {
        errors.add(plan.row, H.content, `与第 ${first} 行重复：同一项目同一政策类型的承诺内容只能有一行`);
        continue;
      }
      firstOfKey.set(key, plan.row);
      valid.push({ plan, project });
    }
    if (valid.length === 0) return;
    // the commitments the file may change stay as read until the import ends: a 登记兑现 at the same time waits
    const stored = await runSql<StoredCommitment>(
      em,
      sql`${selectStored(sql`policy_commitments`)} WHERE c.project_id = ANY(${valid.map((v) => v.project.id)}::uuid[]) ORDER BY c.id FOR UPDATE OF c`,
    );
    const byKey = new Map(stored.map((s) => [`${s.projectId}\u0000${s.type}\u0000${s.content}`, s]));
    const inactive = new Map([...this.units.values()].filter((u) => !u.active).map((u) => [u.id, u.name]));
    for (const { plan, project } of valid) {
      const existing = byKey.get(`${project.id}\u0000${plan.type}\u0000${plan.content}`) ?? null;
      const unitName = inactive.get(plan.fields.unitId);
      if (unitName !== undefined && existing?.unitId !== plan.fields.unitId) errors.add(plan.row, H.unit, `责任单位“${unitName}”已停用，请选择其他单位`);
      // the moves of the ledger's 登记兑现: a ledger cannot take a commitment back to 未兑现, say
      if (existing && existing.status !== plan.fields.status && !canMoveCommitment(existing.status, plan.fields.status)) {
        errors.add(plan.row, H.status, `该承诺当前为“${COMMITMENT_STATUS_LABELS[existing.status]}”，不能改为“${COMMITMENT_STATUS_LABELS[plan.fields.status]}”`);
      }
      if (!errors.hasRow(plan.row)) this.writes.push({ plan, project, stored: existing });
    }
  }

  async write(): Promise<ImportCounts> {
    const { em, actor, today } = this.ctx;
    const changes: AuditChange[] = [];
    let created = 0;
    let updated = 0;
    for (const { plan, project, stored } of this.writes) {
      const f = plan.fields;
      if (stored && sameFields(stored, f)) {
        this.unchanged++;
        continue;
      }
      // 不再兑现 is dated the day it is recorded (the ledger has no column for it); one already withdrawn keeps its day
      const withdrawnAt = f.status === 'WITHDRAWN' ? today : null;
      let after: StoredCommitment;
      if (stored) {
        [after] = await runSql<StoredCommitment>(
          em,
          sql`WITH u AS (UPDATE policy_commitments SET promised_amount_wan = ${f.promisedAmountWan}::numeric, due_at = ${f.dueAt}::date, unit_id = ${f.unitId}::uuid,
              status = ${f.status}, honoured_amount_wan = ${f.honouredAmountWan}::numeric, honoured_at = ${f.honouredAt}::date,
              withdrawn_at = CASE WHEN ${f.status} = 'WITHDRAWN' THEN COALESCE(withdrawn_at, ${withdrawnAt}::date) END,
              withdrawn_reason = ${f.withdrawnReason}, version = version + 1, updated_at = now()
            WHERE id = ${stored.id}::uuid RETURNING *) ${selectStored(sql`u`)}`,
        );
        changes.push({ entity: 'commitment', entityId: stored.id, action: 'UPDATE', before: snapshot(stored, plan.projectNo), after: snapshot(after, plan.projectNo) });
        updated++;
      } else {
        [after] = await runSql<StoredCommitment>(
          em,
          sql`WITH i AS (INSERT INTO policy_commitments (project_id, type, content, promised_amount_wan, due_at, unit_id, status, honoured_amount_wan, honoured_at,
              withdrawn_at, withdrawn_reason, recorded_at, version)
            VALUES (${project.id}::uuid, ${plan.type}, ${plan.content}, ${f.promisedAmountWan}::numeric, ${f.dueAt}::date, ${f.unitId}::uuid, ${f.status},
              ${f.honouredAmountWan}::numeric, ${f.honouredAt}::date, ${withdrawnAt}::date, ${f.withdrawnReason}, ${today}::date, 1) RETURNING *) ${selectStored(sql`i`)}`,
        );
        changes.push({ entity: 'commitment', entityId: after.id, action: 'CREATE', before: null, after: snapshot(after, plan.projectNo) });
        created++;
      }
      // the commitment's history gains the 兑现 the ledger records (a new status or a new cumulative amount), as 登记兑现 would add it
      const statusChanged = stored ? stored.status !== f.status || compareWan(stored.honouredAmountWan, f.honouredAmountWan) !== 0 : f.status !== 'PENDING';
      if (statusChanged) {
        const at = f.status === 'WITHDRAWN' ? (after.withdrawnAt ?? today) : (f.honouredAt ?? today);
        const note = f.status === 'WITHDRAWN' ? f.withdrawnReason : '由 Excel 导入登记';
        await runSql(
          em,
          sql`INSERT INTO commitment_events (commitment_id, status, at, honoured_amount_wan, note, author_name)
            VALUES (${after.id}::uuid, ${f.status}, ${at}::date, ${f.honouredAmountWan}::numeric, ${note}, ${actor.displayName})`,
        );
      }
    }
    await writeAudit(em, actor, changes);
    return { created, updated, unchanged: this.unchanged };
  }
}

/** Amounts compare as numbers ('500' and '500.00' are the same), the rest as text. */
function sameFields(stored: Fields, row: Fields): boolean {
  const sameWan = (a: string | null, b: string | null) => (a === null || b === null ? a === b : compareWan(a, b) === 0);
  return (
    sameWan(stored.promisedAmountWan, row.promisedAmountWan) &&
    sameWan(stored.honouredAmountWan, row.honouredAmountWan) &&
    stored.dueAt === row.dueAt &&
    stored.unitId === row.unitId &&
    stored.status === row.status &&
    stored.honouredAt === row.honouredAt &&
    stored.withdrawnReason === row.withdrawnReason
  );
}

function snapshot(c: StoredCommitment, projectNo: string): object {
  return {
    projectNo,
    type: c.type,
    content: c.content,
    promisedAmountWan: c.promisedAmountWan,
    dueAt: c.dueAt,
    unitId: c.unitId,
    status: c.status,
    honouredAmountWan: c.honouredAmountWan,
    honouredAt: c.honouredAt,
    withdrawnAt: c.withdrawnAt,
    withdrawnReason: c.withdrawnReason,
    version: c.version,
  };
}
