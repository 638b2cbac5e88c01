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
import { owesReport, shouldReport } from './report-sql.js';

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

  /** Every month of the year up to this one, with its close state and its report counts. */
  async overview(year: number): Promise<MonthOverview[]> {
    const current = monthOf(shanghaiToday());
    const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= current);
    if (months.length === 0) return [];
    const closes = await this.dataSource.getRepository(MonthClose).findBy(months.map((month) => ({ month })));
    const { settings } = await readWarningSettings(this.dataSource);
    const owes = owesReport(sql`mo.month`, settings.REPORT.monthsAfterProduction);
    // expected: the projects that owe the month's report (填报义务); the statuses: every report of it
    const counts = await runSql<{ month: string; expected: number; DRAFT: number; SUBMITTED: number; VERIFIED: number; RETURNED: number; MISSING: number }>(
      this.dataSource,
      sql`SELECT mo.month, count(p.id) FILTER (WHERE ${owes})::int AS expected,
         count(m.id) FILTER (WHERE m.status = 'DRAFT')::int AS "DRAFT", count(m.id) FILTER (WHERE m.status = 'SUBMITTED')::int AS "SUBMITTED",
         count(m.id) FILTER (WHERE m.status = 'VERIFIED')::int AS "VERIFIED", count(m.id) FILTER (WHERE m.status = 'RETURNED')::int AS "RETURNED",
         count(p.id) FILTER (WHERE m.id IS NULL AND ${owes})::int AS "MISSING"
       FROM unnest(${months}::text[]) AS mo(month)
       LEFT JOIN projects p ON ${shouldReport(sql`mo.month`)}
       LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.month = mo.month
       GROUP BY mo.month ORDER BY mo.month`,
    );
    return counts.map((c) => {
      const { month, expected, ...byStatus } = c;
      return { ...toState(month, closes.find((row) => row.month === month)), expected, counts: byStatus };
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
