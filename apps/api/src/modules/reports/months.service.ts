import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthLabel, type MonthOverview, type MonthState, monthOf, shanghaiToday } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { AppException, Conflict, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { PublicationsService } from '../publications/publications.service.js';
import { readWarningSettings } from '../warnings/warnings.service.js';
import { MonthClose } from './entities/month-close.entity.js';
import { obligationEndAtSql } from '../../common/sql/reporting-obligation.js';
import { owesReport, shouldReport, shouldReportFrom } from './report-sql.js';

/** 月结 refused: the month's reports are frozen. */
export class MonthClosed extends AppException {
  constructor(month: string) {
    super(409, 'MONTH_CLOSED', `${monthLabel(month)}已月结，月报已冻结；如需修改请联系管理员重新打开该月`);
  }
}

/** 月结 refused until confirmed: reports of the month still wait for verification (DOMAIN.md §7). */
export class ReportsWaiting extends AppException {
  constructor(month: string, waiting: number) {
    super(409, 'REPORTS_WAITING', `${monthLabel(month)}尚有 ${waiting} 份月报待核实；如确需月结，请填写月结说明后确认`, [
      { field: 'reason', message: `尚有 ${waiting} 份月报待核实，确认月结须填写说明` },
    ]);
  }
}

/**
 * 月结 as every writer of reports checks it: the close rows of `months` (a list of months, or a
 * query giving one) are held (shared) until the transaction ends, and the closed ones come back.
 * FOR SHARE: a close running at the same time waits for the change, or the change sees the close.
 * A month never closed has no row to hold (its first close inserts one): the table is held in SHARE
 * mode as well, which that insert (and every close's update) waits for, and which waits for a close
 * under way; SHARE does not conflict with itself nor with the writers' row locks, so report writers
 * do not queue behind each other, only behind closes. Without it a verification that found no row
 * committed after the close had published, and the month's live figures differed from its revision.
 */
export async function closedMonths(em: SqlRunner, months: SqlFragment): Promise<string[]> {
  await runSql(em, sql`LOCK TABLE month_closes IN SHARE MODE`);
  const rows = await runSql<{ month: string; closed: boolean }>(em, sql`SELECT month, closed FROM month_closes WHERE month IN (${months}) FOR SHARE`);
  return rows.filter((row) => row.closed).map((row) => row.month);
}

export interface MonthCounts {
  month: string;
  expected: number;
  DRAFT: number;
  SUBMITTED: number;
  VERIFIED: number;
  RETURNED: number;
  MISSING: number;
}

/**
 * The report counts of `months` (consecutive, ascending): `expected` the projects that owe the
 * month's report (填报义务, DOMAIN.md §5); each status the reports of the month whose project should
 * report for it; MISSING the owing projects without a report. Issue 17: the projects are read once,
 * as the months each owes (a step up where its obligation begins within the months, a step down after
 * it ends, summed in month order), and the reports once, joined to their project — instead of every
 * project × every month probing the reports (6.8 s for a year at 116,000 projects). `reference` is
 * that plain statement, kept for the tests that compare the two.
 */
export function monthCountsSql(months: string[], monthsAfterProduction: number, engine: 'steps' | 'month' | 'reference' = 'steps'): SqlFragment {
  if (engine === 'month') {
    if (months.length !== 1) throw new Error('monthCountsSql: the one-month statement takes one month');
    return oneMonthCountsSql(months[0], monthsAfterProduction);
  }
  if (engine === 'reference') {
    const owes = owesReport(sql`mo.month`, monthsAfterProduction);
    return sql`SELECT mo.month, count(p.id) FILTER (WHERE ${owes})::int AS expected,
         count(m.id) FILTER (WHERE m.status = 'DRAFT')::int AS "DRAFT", count(m.id) FILTER (WHERE m.status = 'SUBMITTED')::int AS "SUBMITTED",
         count(m.id) FILTER (WHERE m.status = 'VERIFIED')::int AS "VERIFIED", count(m.id) FILTER (WHERE m.status = 'RETURNED')::int AS "RETURNED",
         count(p.id) FILTER (WHERE m.id IS NULL AND ${owes})::int AS "MISSING"
       FROM unnest(${months}::text[]) AS mo(month)
       LEFT JOIN projects p ON ${shouldReport(sql`mo.month`)}
       LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.month = mo.month
       GROUP BY mo.month ORDER BY mo.month`;
  }
  const first = sql`${`${months[0]}-01`}::timestamp`;
  const last = sql`${`${months[months.length - 1]}-01`}::timestamp`;
  const obligationEnd = obligationEndAtSql(monthsAfterProduction);
  // shouldReport(M) ⇔ the signing month ≤ M ≤ the termination month; owesReport(M) adds M ≤ the
  // obligation's last month: a run of months per project (LEAST skips NULLs: NULL = open-ended).
  // Months as their first moments (timestamp), compared and truncated, not formatted: to_char per
  // project and per report was most of the statement (issue 17: one month at 116,000 projects
  // ~400 → ~180 ms, a year ~2.5 s → ~0.8 s)
  return sql`WITH mo AS (SELECT m.month, (m.month || '-01')::timestamp AS starts FROM unnest(${months}::text[]) AS m(month)),
    owing AS (
      SELECT GREATEST(date_trunc('month', p.signed_at::timestamp), ${first}) AS from_start,
        LEAST(date_trunc('month', p.terminated_at::timestamp), date_trunc('month', ${obligationEnd})) AS to_start
      FROM projects p
      WHERE p.signed_at IS NOT NULL AND p.signed_at < ${last} + interval '1 month' AND (p.terminated_at IS NULL OR p.terminated_at >= ${first})
    ),
    steps AS (
      SELECT from_start AS starts, 1 AS step FROM owing WHERE to_start IS NULL OR to_start >= from_start
      UNION ALL
      SELECT to_start + interval '1 month', -1 FROM owing WHERE to_start >= from_start AND to_start < ${last}
    ),
    expected AS (
      SELECT mo.month, (sum(COALESCE(s.n, 0)) OVER (ORDER BY mo.starts))::int AS expected
      FROM mo LEFT JOIN (SELECT starts, sum(step) AS n FROM steps GROUP BY starts) s ON s.starts = mo.starts
    ),
    filed AS (
      SELECT mo.month, count(*) FILTER (WHERE m.status = 'DRAFT')::int AS "DRAFT", count(*) FILTER (WHERE m.status = 'SUBMITTED')::int AS "SUBMITTED",
        count(*) FILTER (WHERE m.status = 'VERIFIED')::int AS "VERIFIED", count(*) FILTER (WHERE m.status = 'RETURNED')::int AS "RETURNED",
        count(*) FILTER (WHERE p.production_started_at IS NULL OR ${obligationEnd} >= mo.starts)::int AS owing
      FROM mo JOIN monthly_reports m ON m.month = mo.month::bpchar JOIN projects p ON p.id = m.project_id
      WHERE p.signed_at < mo.starts + interval '1 month' AND (p.terminated_at IS NULL OR p.terminated_at >= mo.starts)
      GROUP BY mo.month
    )
    SELECT e.month, e.expected, COALESCE(f."DRAFT", 0) AS "DRAFT", COALESCE(f."SUBMITTED", 0) AS "SUBMITTED", COALESCE(f."VERIFIED", 0) AS "VERIFIED",
      COALESCE(f."RETURNED", 0) AS "RETURNED", e.expected - COALESCE(f.owing, 0) AS "MISSING"
    FROM expected e LEFT JOIN filed f ON f.month = e.month ORDER BY e.month`;
}

/**
 * monthCountsSql for one month (issue 17: the 驾驶舱 asks for its period's last month; 月结管理 for a
 * month), in one join of two index-only reads: the projects that should report for the month
 * (signed by its end, not terminated before it; idx_projects_obligation_dates), each with whether
 * it still owes the month (its obligation not ended), and the month's reports (the (month, status)
 * index, which carries project_id). Reports of projects that should not report are not counted; an
 * owing project without a report is MISSING. At 116,000 projects: 126–162 → 54–78 ms (6 December,
 * three reads: the month's reports counted, less those of the projects outside or no longer owing —
 * 70,000 projects hashed — and the owing projects counted apart) → one join, 83 → 63 ms over HTTP
 * (7 December, A/B on a slower day; tools/bench/README.md, issue 17's eleventh round).
 */
function oneMonthCountsSql(month: string, monthsAfterProduction: number): SqlFragment {
  const m = sql`${sql.param(month)}::bpchar`;
  const start = sql`${sql.param(`${month}-01`)}::timestamp`;
  const should = shouldReportFrom(start);
  // the obligation ended before the month: its end (a moment) before the month's first moment
  const ended = sql`${obligationEndAtSql(monthsAfterProduction)} < ${start}`;
  return sql`SELECT ${month}::text AS month, count(*) FILTER (WHERE p.owes)::int AS expected,
      count(r.status) FILTER (WHERE r.status = 'DRAFT')::int AS "DRAFT", count(r.status) FILTER (WHERE r.status = 'SUBMITTED')::int AS "SUBMITTED",
      count(r.status) FILTER (WHERE r.status = 'VERIFIED')::int AS "VERIFIED", count(r.status) FILTER (WHERE r.status = 'RETURNED')::int AS "RETURNED",
      count(*) FILTER (WHERE p.owes AND r.status IS NULL)::int AS "MISSING"
    FROM (SELECT p.id, (p.production_started_at IS NULL OR NOT ${ended}) AS owes FROM projects p WHERE ${should}) p
    LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = ${m}`;
}

function toState(month: string, row: MonthClose | undefined): MonthState {
  return {
    month,
    closed: row?.closed ?? false,
    closedAt: row?.closedAt?.toISOString() ?? null,
    closedBy: row?.closedBy ?? null,
    reopenReason: row?.reopenReason ?? null,
    version: row?.version ?? 0,
  };
}

/** 月结: closing a month freezes its reports for the whole city; reopening needs a reason. */
@Injectable()
export class MonthsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly publications: PublicationsService,
  ) {}

  async state(month: string, em: EntityManager = this.dataSource.manager): Promise<MonthState> {
    return toState(month, (await em.findOneBy(MonthClose, { month })) ?? undefined);
  }

  /** Throws MONTH_CLOSED when the month is closed, holding its row (shared) until the transaction ends. */
  async assertOpen(em: EntityManager, month: string): Promise<void> {
    if ((await closedMonths(em, sql`${month}`)).length > 0) throw new MonthClosed(month);
  }

  /**
   * Every month of the year up to this one (or only `month` of it), with its close state and its
   * report counts.
   */
  async overview(year: number, month?: string): Promise<MonthOverview[]> {
    if (month !== undefined && !month.startsWith(`${year}-`)) throw ValidationFailed.field('month', `月份应在 ${year} 年内`);
    const current = monthOf(shanghaiToday());
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= current && (month === undefined || m === month));
    if (months.length === 0) return [];
    const closes = await this.dataSource.getRepository(MonthClose).findBy(months.map((m) => ({ month: m })));
    const { settings } = await readWarningSettings(this.dataSource);
    const counts = await runSql<MonthCounts>(this.dataSource, monthCountsSql(months, settings.REPORT.monthsAfterProduction, months.length === 1 ? 'month' : 'steps'));
    return counts.map((c) => {
      const { month: m, expected, ...byStatus } = c;
      return { ...toState(m, closes.find((row) => row.month === m)), expected, counts: byStatus };
    });
  }

  /**
   * Closes the month and publishes its figures as the next revision (DOMAIN.md §6–§7). SUBMITTED
   * reports still waiting refuse the close unless `reason` confirms it; the count and the reason go
   * to the audit log.
   */
  async close(actor: UserActor, month: string, version: number, reason?: string): Promise<MonthState> {
    const current = monthOf(shanghaiToday());
    if (month > current) throw ValidationFailed.field('month', '不能月结未来月份');
    // the current month is still being reported (its reports are filed next month): closing it would
    // publish figures of a month not yet over and freeze its reports before they could be entered
    if (month === current) throw ValidationFailed.field('month', `${monthLabel(month)}尚未结束，不能月结；请在下月核实完该月月报后再月结`);
    return this.change(actor, month, version, 'CLOSE', async (em, row) => {
      if (row.closed) throw new Conflict(`${monthLabel(month)}已经月结`);
      // counted under the row lock: submitters hold the row FOR SHARE, so the count cannot move now
      const [{ waiting }] = await runSql<{ waiting: number }>(em, sql`SELECT count(*)::int AS waiting FROM monthly_reports WHERE month = ${month} AND status = 'SUBMITTED'`);
      if (waiting > 0 && !reason) throw new ReportsWaiting(month, waiting);
      // the revision's reason is why the month was reopened (null on the first close)
      const revisionReason = row.reopenReason;
      return {
        changes: { closed: true, closedAt: new Date(), closedBy: actor.displayName, reopenReason: null },
        publish: async () => ({ revision: await this.publications.publish(em, month, actor.displayName, revisionReason), waitingReports: waiting, closeReason: reason ?? null }),
      };
    });
  }

  async reopen(actor: UserActor, month: string, version: number, reason: string): Promise<MonthState> {
    return this.change(actor, month, version, 'REOPEN', (_em, row) => {
      if (!row.closed) throw new Conflict(`${monthLabel(month)}尚未月结，无需重新打开`);
      return Promise.resolve({ changes: { closed: false, reopenReason: reason } });
    });
  }

  /**
   * One change of a month's close row under its lock. `publish` runs after the row is updated, in
   * the same transaction, and what it returns is added to the audit entry.
   */
  private change(
    actor: UserActor,
    month: string,
    version: number,
    action: 'CLOSE' | 'REOPEN',
    next: (em: EntityManager, row: MonthClose) => Promise<{ changes: Partial<MonthClose>; publish?: () => Promise<Record<string, unknown>> }>,
  ): Promise<MonthState> {
    return this.dataSource.transaction(async (em) => {
      // a month never closed has no row (version 0): make one, so that two first closes queue on its lock
      await runSql(em, sql`INSERT INTO month_closes (month, closed, version) VALUES (${month}, false, 0) ON CONFLICT (month) DO NOTHING`);
      const row = await em.findOneOrFail(MonthClose, { where: { month }, lock: { mode: 'pessimistic_write' } });
      if (row.version !== version) throw new VersionConflict('月份的月结状态', row.version, version);
      const before = toState(month, row);
      const { changes, publish } = await next(em, row);
      Object.assign(row, changes);
      await em.save(row);
      const after = toState(month, row);
      const published = publish ? await publish() : {};
      await this.audit.record(em, actor, { entity: 'month', entityId: month, action, before, after: { ...after, ...published } });
      return after;
    });
  }
}
