import { can, canEditRegion, monthLabel, REPORT_FIELD_LABELS as R, type ReportMoneyField, reportMonthProblem } from '@zhaoshang/shared/domain';
import { arrayLiteral, runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import type { UserActor } from '../../common/access/actor.js';
import { Conflict } from '../../common/errors/app.exception.js';
import { auditInsert } from '../audit/audit.service.js';
import { closedMonths, reportSnapshot } from '../reports/reports.service.js';
import { choice, detached, excerpt, isProblem, limitedText, money, month, type Parsed, text } from './cells.js';
import { MONTHLY_COLUMNS, type RowCells, VERIFICATION_LABELS } from './columns.js';
import type { ImportContext, ImportCounts, Importer } from './importer.js';

type Key = (typeof MONTHLY_COLUMNS)[number]['key'];
const H = Object.fromEntries(MONTHLY_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;
const MONEY: ReportMoneyField[] = ['arrivedEquityWan', 'arrivedLoanWan', 'arrivedOtherWan', 'completedInvestmentWan'];

/**
 * Rows staged per statement: one array per column through unnest. The first batch is small, so that the
 * database starts writing while the file is still being read; the next ones large, so that the per-statement
 * costs (the lookup, the trigger calls, the wait between statements) are paid fewer times (issue 17: 5,000
 * rows a batch → 10,000 took a 100,000-row import from ~11.9 to ~10.4 s with the lookups read ahead).
 */
const FIRST_BATCH = 1000;
const BATCH = 10000;

interface ProjectRef {
  id: string;
  regionCode: string;
  signedAt: string | null;
  terminatedAt: string | null;
}

interface PendingRow {
  row: number;
  projectNo: string;
  month: string;
  figures: Record<ReportMoneyField, string>;
  progress: string | null;
  /** null: the column is empty (待核实, but an unchanged verified report stays verified) */
  status: 'VERIFIED' | 'SUBMITTED' | null;
}

/** A batch's valid rows as `unnestBatch`'s arrays, their months, and whether their (project, month) are all new to the file. */
interface LookedUp {
  /** array literals (`arrayLiteral`), made while the batch before is written */
  rows: string[];
  count: number;
  months: string[];
  newKeys: boolean;
}

/** Every row staged, what the whole file's checks read (duplicates, closed months, reports already submitted). */
const CREATE_STAGE = sql`CREATE TEMP TABLE import_monthly (
  row_no int NOT NULL, project_id uuid NOT NULL, month char(7) NOT NULL, old_status report_status, changed boolean NOT NULL
) ON COMMIT DROP`;

/**
 * A batch's rows (`unnestBatch`: one array per column through unnest — row numbers, project ids, numbers and
 * regions, months, the four figures, progress, status), each joined to the report it would change (`m`):
 * `t.target` the status it would get (the upsert's rule before issue 17: 待核实, but a verified report
 * whose figures stay is still verified), `t.changed` false when the report exists with the same
 * figures and status (nothing to write).
 */
const unnestBatch = (c: string[]) => sql`SELECT * FROM unnest(${c[0]}::int[], ${c[1]}::uuid[], ${c[2]}::varchar[], ${c[3]}::varchar[], ${c[4]}::char(7)[], ${c[5]}::numeric[], ${c[6]}::numeric[], ${c[7]}::numeric[], ${c[8]}::numeric[], ${c[9]}::varchar[], ${c[10]}::report_status[])
  AS v(row_no, project_id, project_no, region_code, month, eq, loan, other, completed, progress, status)`;
const batchRows = (v: SqlFragment, reports: SqlFragment) => sql`${v} v LEFT JOIN ${reports} m ON m.project_id = v.project_id AND m.month = v.month
  CROSS JOIN LATERAL (SELECT (m.arrived_equity_wan, m.arrived_loan_wan, m.arrived_other_wan, m.completed_investment_wan, m.progress)
    IS NOT DISTINCT FROM (v.eq, v.loan, v.other, v.completed, v.progress) AS same) s0
  CROSS JOIN LATERAL (SELECT s0.same,
    COALESCE(v.status, CASE WHEN m.status = 'VERIFIED' AND s0.same THEN 'VERIFIED'::report_status ELSE 'SUBMITTED'::report_status END) AS target) t0
  CROSS JOIN LATERAL (SELECT t0.target, m.id IS NULL OR t0.target <> m.status OR NOT t0.same AS changed) t`;

/** A batch staged for the whole file's checks only: the import has a problem already and writes nothing more. */
const STAGE = (c: string[]) => sql`INSERT INTO import_monthly SELECT v.row_no, v.project_id, v.month, m.status, t.changed FROM ${batchRows(sql`(${unnestBatch(c)})`, sql`monthly_reports`)}`;

/** The condition on a staged row `s` that it would change a report it may not change (see FROZEN). */
const frozen = (closed: string[], canVerify: boolean) => {
  const inClosed = sql`s.month = ANY(${sql.param(closed)}::char(7)[])`;
  return { inClosed, where: sql`s.changed AND (${inClosed} OR (s.old_status IN ('VERIFIED', 'SUBMITTED') AND NOT ${canVerify}::boolean))` };
};

/**
 * A batch staged and, if none of its rows is frozen (a closed month in `closed`, as the months' 月结
 * check found them and holds them; a report the user may not change), written in the same statement
 * (issue 17: emptying the batch's own table, staging into it, the month closes' check, FROZEN and the write took six):
 * the reports the rows change are locked as they are read (in one order), each changed row gets the
 * report as it is written (`r`: its id, new for a new report; submitted now; a verified report that
 * stays verified keeps its 核实 time and person; a return reason cleared; the version one up) — new
 * reports inserted, existing ones updated — and one audit row with its snapshots before and after,
 * in the file's order. A report of the same project and month created by someone else before the
 * insert makes it fail (nothing of the import is written).
 */
const STAGE_AND_WRITE = (c: string[], actor: UserActor, closed: string[], canVerify: boolean) => sql`WITH v AS (${unnestBatch(c)}), locked AS (
    SELECT m.* FROM monthly_reports m WHERE (m.project_id, m.month) IN (SELECT project_id, month FROM v) ORDER BY m.id FOR UPDATE OF m
  ), s AS MATERIALIZED (
    SELECT v.row_no, m.id AS report_id, m.status AS old_status, t.changed, t.target AS target_status, r.*,
      CASE WHEN t.changed AND m.id IS NOT NULL THEN ${reportSnapshot(sql`m`, sql`v`)} END AS before,
      CASE WHEN t.changed THEN ${reportSnapshot(sql`r`, sql`v`)} END AS after
    FROM ${batchRows(sql`v`, sql`locked`)}
    CROSS JOIN LATERAL (SELECT COALESCE(m.id, gen_random_uuid()) AS id, v.eq::numeric(14,2) AS arrived_equity_wan,
      v.loan::numeric(14,2) AS arrived_loan_wan, v.other::numeric(14,2) AS arrived_other_wan, v.completed::numeric(14,2) AS completed_investment_wan,
      v.progress, t.target AS status, NULL::varchar AS return_reason, now() AS submitted_at,
      CASE WHEN t.target = 'VERIFIED' AND m.status = 'VERIFIED' THEN m.verified_at WHEN t.target = 'VERIFIED' THEN now() END AS verified_at,
      CASE WHEN t.target = 'VERIFIED' AND m.status = 'VERIFIED' THEN m.verified_by WHEN t.target = 'VERIFIED' THEN ${actor.id}::uuid END AS verified_by,
      COALESCE(m.version + 1, 1) AS version, v.project_id, v.month) r
  ), staged AS (
    INSERT INTO import_monthly SELECT row_no, project_id, month, old_status, changed FROM s
  ), ok AS (
    SELECT NOT EXISTS (SELECT FROM s WHERE ${frozen(closed, canVerify).where}) AS written
  ), w AS MATERIALIZED (
    SELECT s.* FROM s, ok WHERE ok.written AND s.changed
  ), ins AS (
    INSERT INTO monthly_reports (id, project_id, month, arrived_equity_wan, arrived_loan_wan, arrived_other_wan, completed_investment_wan,
      progress, status, return_reason, submitted_at, verified_at, verified_by, version)
    SELECT id, project_id, month, arrived_equity_wan, arrived_loan_wan, arrived_other_wan, completed_investment_wan, progress, target_status, NULL, now(),
      verified_at, verified_by, version
    FROM w WHERE report_id IS NULL
    RETURNING 1
  ), upd AS (
    UPDATE monthly_reports m SET arrived_equity_wan = w.arrived_equity_wan, arrived_loan_wan = w.arrived_loan_wan, arrived_other_wan = w.arrived_other_wan,
      completed_investment_wan = w.completed_investment_wan, progress = w.progress, status = w.target_status, return_reason = NULL, submitted_at = now(),
      verified_at = w.verified_at, verified_by = w.verified_by, version = w.version, updated_at = now()
    FROM w WHERE m.id = w.report_id
    RETURNING 1
  ), audit AS (
    ${auditInsert(
      actor,
      'monthlyReport',
      sql`SELECT w.id::text, CASE WHEN w.report_id IS NULL THEN 'CREATE' ELSE 'UPDATE' END, w.before, w.after FROM w ORDER BY w.row_no`,
    )}
    RETURNING 1
  )
  SELECT ok.written, (SELECT count(*) FROM ins)::int AS created, (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM audit)::int AS audited FROM ok`;

/** The second and later rows of the same (project, month), with the first one's row number. */
const DUPLICATES = sql`SELECT row_no AS "row", first FROM (
    SELECT row_no, min(row_no) OVER (PARTITION BY project_id, month) AS first FROM import_monthly
  ) d WHERE row_no <> first ORDER BY row_no`;

/**
 * Rows that would change a report they may not change: a month in `closed` (as the months' 月结
 * check found them), or, for someone who may not verify, a report already submitted or verified —
 * the entry grid lets them change only drafts and returned reports, and so does the import.
 */
const FROZEN = (rows: SqlFragment, closed: string[], canVerify: boolean) => {
  const { inClosed, where } = frozen(closed, canVerify);
  return sql`SELECT s.row_no AS "row", s.month, s.old_status AS "oldStatus", ${inClosed} AS closed
  FROM ${rows} s WHERE ${where} ORDER BY s.row_no`;
};

/**
 * kind=monthly (DOMAIN.md §8, issue 5): each row is checked in JavaScript as it streams in, the
 * projects of a batch are looked up in one query, valid rows go to a temporary table in batches,
 * and the checks against existing reports and the write with its audit rows are set-based SQL.
 *
 * Each batch is written as soon as it is staged, while the file's next rows are parsed (issue 17: the
 * parse kept one core busy and the database waited, then the database wrote 100,000 rows while the
 * parse was over), as long as the import is still clean: no error so far, no (project, month) seen
 * before, no row for a closed month or a report the user may not change. From the first problem on
 * nothing more is written; the whole file's checks then report it and the transaction takes back what
 * was written — nothing of a failed import remains, as before.
 */
export class MonthlyImporter implements Importer<Key> {
  readonly columns = MONTHLY_COLUMNS;
  private pending: PendingRow[] = [];
  /** the batch the database is checking, staging and writing while the next one is read (at most one) */
  private inFlight: Promise<void> = Promise.resolve();
  /** the last batch looked up (its projects read, its rows checked): the next lookup waits for it, so errors come in the file's order */
  private lookedUp: Promise<unknown> = Promise.resolve();
  private staged = 0;
  /** batches handed to the database so far */
  private batches = 0;
  private readonly canVerify: boolean;
  /** the (project, month) of every row staged: a second row of one stops the writing (the check names it) */
  private readonly keys = new Set<string>();
  /** the months whose close rows the import holds (closedMonths), and the closed ones among them */
  private readonly heldMonths = new Set<string>();
  private readonly closed: string[] = [];
  /** false from the first problem on: the batches are still staged for the checks, no longer written */
  private writing = true;
  private readonly written = { created: 0, updated: 0 };

  constructor(private readonly ctx: ImportContext) {
    this.canVerify = can(ctx.actor.role, 'reports:verify');
  }

  async prepare(): Promise<void> {
    await runSql(this.ctx.em, CREATE_STAGE);
  }

  async add(cells: RowCells<Key>): Promise<void> {
    const { errors } = this.ctx;
    const row = cells.row;
    const problem = <T>(key: Key, value: Parsed<T>): T | null => {
      if (isProblem(value)) {
        errors.add(row, H[key], value.message);
        return null;
      }
      return value;
    };
    const projectNo = text(cells.get('projectNo'));
    if (projectNo === null) errors.add(row, H.projectNo, `${H.projectNo}不能为空`);
    const monthCell = month(cells.get('month'), H.month);
    if (monthCell === null) errors.add(row, H.month, `${H.month}不能为空`);
    const m = problem('month', monthCell);
    const figures = {} as Record<ReportMoneyField, string>;
    for (const key of MONEY) figures[key] = problem(key, money(cells.get(key), R[key])) ?? '0.00';
    const progress = problem('progress', limitedText(cells.get('progress'), R.progress, 500));
    const status = problem('status', choice(cells.get('status'), H.status, VERIFICATION_LABELS));
    if (status === 'VERIFIED' && !this.canVerify) errors.add(row, H.status, '只有市级核实人员可以导入“已核实”的月报，请填“待核实”或留空');
    // the row is kept until its batch is written: its texts copied out of the sheet's XML (`detached`)
    if (projectNo !== null && m !== null) this.pending.push({ row, projectNo: detached(projectNo), month: m, figures, progress: detached(progress), status });
    if (this.pending.length >= (this.batches === 0 ? FIRST_BATCH : BATCH)) await this.startFlush();
  }

  /**
   * The full batch goes to the database while the file's next rows are parsed (issue 17: the parsing
   * and the statements took turns before); a second full batch waits for the first. Rows reach the
   * staging table, and their errors the list, in the file's order as before.
   */
  private async startFlush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    this.batches++;
    // looked up while the batch before is written (issue 17: the lookup, the rows' checks and the arrays took
    // ~110 ms between two writes, 2 s of a 100,000-row import in which the database waited)
    const ready = this.lookedUp.then(() => this.lookUp(batch));
    this.lookedUp = ready.catch(() => undefined);
    await this.inFlight;
    this.inFlight = ready.then((rows) => this.stage(rows));
    // its failure is thrown where it is awaited (the next batch, check or settle), never left unhandled
    this.inFlight.catch(() => undefined);
  }

  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
    await this.lookedUp;
  }

  async check(): Promise<void> {
    await this.startFlush();
    await this.inFlight;
    if (this.staged === 0) return;
    const duplicates = await runSql<{ row: number; first: number }>(this.ctx.em, DUPLICATES);
    for (const d of duplicates) this.ctx.errors.add(d.row, H.projectNo, `与第 ${d.first} 行重复：同一项目同一月份只能有一行`);
    if (duplicates.length > 0) return; // the write assumes one row per report
    // a month closed after this check would still get the rows: the check holds the months' close rows until the end
    const closed = await closedMonths(this.ctx.em, sql`SELECT DISTINCT month FROM import_monthly`);
    const frozen = await runSql<{ row: number; month: string; oldStatus: string | null; closed: boolean }>(this.ctx.em, FROZEN(sql`import_monthly`, closed, this.canVerify));
    for (const f of frozen) {
      if (f.closed) this.ctx.errors.add(f.row, H.month, `${monthLabel(f.month)}已月结，不能导入`);
      else if (f.oldStatus === 'VERIFIED') this.ctx.errors.add(f.row, H.status, '该月报已核实，不能修改');
      else this.ctx.errors.add(f.row, H.status, '该月报已提交、待核实，不能修改；如需修改，请市级人员先退回');
    }
  }

  /** The batches were written as they were staged (the checks found nothing, so every one of them was). */
  async write(): Promise<ImportCounts> {
    if (!this.writing) throw new Error('月报导入：检查没有发现问题，却有批次未写入');
    const { created, updated } = this.written;
    return { created, updated, unchanged: this.staged - created - updated };
  }

  /**
   * Stages the batch and writes it if the import is still clean (no error so far, no (project, month)
   * seen before, no row of it frozen); from the first problem on, batches are only staged.
   */
  private async stage(batch: LookedUp | null): Promise<void> {
    if (batch === null) return;
    const { rows, months, newKeys } = batch;
    const { em, actor } = this.ctx;
    this.staged += batch.count;
    this.writing &&= newKeys && this.ctx.errors.count === 0;
    if (!this.writing) {
      await runSql(em, STAGE(rows));
      return;
    }
    // the batch's months' close rows are held from here on: a close waits for the import, or the import sees it.
    // Held once each: no close changes while the import holds the table (closedMonths), so a month's state stays.
    const unheld = months.filter((m) => !this.heldMonths.has(m));
    if (unheld.length > 0) {
      this.closed.push(...(await closedMonths(em, sql`SELECT unnest(${unheld}::char(7)[])`)));
      for (const m of unheld) this.heldMonths.add(m);
    }
    const closed = this.closed;
    let counts: { written: boolean; created: number; updated: number; audited: number };
    try {
      [counts] = await runSql<typeof counts>(em, STAGE_AND_WRITE(rows, actor, closed, this.canVerify));
    } catch (error) {
      const failed = error as { code?: string; constraint?: string };
      if (failed.code === '23505' && failed.constraint === 'uq_monthly_reports_project_month') {
        throw new Conflict('导入期间有人新填了本文件中某个项目同一月份的月报，本次导入未写入任何数据，请重新导入');
      }
      throw error;
    }
    this.writing = counts.written;
    // every changed row was written and audited once (the rows it changes are locked as they are read)
    if (counts.created + counts.updated !== counts.audited) throw new Error(`月报导入写入 ${counts.created + counts.updated} 行，审计 ${counts.audited} 行`);
    this.written.created += counts.created;
    this.written.updated += counts.updated;
  }

  /** Adds the rows' (project, month) to those staged; false if one of them was there already. */
  private remember(rows: readonly (PendingRow & { project: ProjectRef })[]): boolean {
    let fresh = true;
    for (const r of rows) {
      const key = `${r.project.id} ${r.month}`;
      if (this.keys.has(key)) fresh = false;
      this.keys.add(key);
    }
    return fresh;
  }

  /**
   * Looks the batch's projects up in one query, finishes the rows' checks and makes the valid rows' arrays
   * for `stage`. The projects are read on a connection of their own, outside the import's transaction, so
   * that this runs while the batch before is written: an import adds no project (one kind per import) and
   * reads what was committed, as a statement of its transaction would; a project deleted meanwhile fails
   * the write on its foreign key (nothing written).
   */
  private async lookUp(batch: PendingRow[]): Promise<LookedUp | null> {
    if (batch.length === 0) return null;
    // the batch's projects only: nothing grows with the file but the staging table
    const projects = new Map<string, ProjectRef>();
    const found = await runSql<ProjectRef & { projectNo: string }>(
      this.ctx.em.connection,
      sql`SELECT project_no AS "projectNo", id, region_code AS "regionCode", signed_at::text AS "signedAt", terminated_at::text AS "terminatedAt"
       FROM projects WHERE project_no = ANY(${[...new Set(batch.map((r) => r.projectNo))]}::varchar[])`,
    );
    for (const { projectNo, ...ref } of found) projects.set(projectNo, ref);
    const { errors, actor, today } = this.ctx;
    const valid: (PendingRow & { project: ProjectRef })[] = [];
    for (const r of batch) {
      const project = projects.get(r.projectNo);
      if (!project) {
        errors.add(r.row, H.projectNo, `项目编号 ${excerpt(r.projectNo)} 不存在`);
        continue;
      }
      if (!canEditRegion(actor, project.regionCode)) {
        errors.add(r.row, H.projectNo, `无权导入其他地区的数据（项目 ${r.projectNo} 属于${this.ctx.dictionaries.regionName(project.regionCode)}）`);
        continue;
      }
      const monthProblem = reportMonthProblem(project, r.month, today);
      if (monthProblem) errors.add(r.row, H.month, `${monthLabel(r.month)}：${monthProblem}`);
      if (!errors.hasRow(r.row)) valid.push({ ...r, project });
    }
    if (valid.length === 0) return null;
    // once nothing more is written the keys are not needed: the check finds the repeats in SQL
    const newKeys = this.writing && this.remember(valid);
    const rows = [
      valid.map((r) => r.row),
      valid.map((r) => r.project.id),
      valid.map((r) => r.projectNo),
      valid.map((r) => r.project.regionCode),
      valid.map((r) => r.month),
      ...MONEY.map((key) => valid.map((r) => r.figures[key])),
      valid.map((r) => r.progress),
      valid.map((r) => r.status),
    ].map(arrayLiteral);
    return { rows, count: valid.length, months: [...new Set(valid.map((r) => r.month))], newKeys };
  }
}
