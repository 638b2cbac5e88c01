import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { monthLabel, type MonthOverview, type MonthState, monthOf, shanghaiToday } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { AppException, Conflict, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { MonthClose } from './entities/month-close.entity.js';
import { shouldReport } from './report-sql.js';

/** 月结 refused: the month's reports are frozen. */
export class MonthClosed extends AppException {
  constructor(month: string) {
    super(409, 'MONTH_CLOSED', `${monthLabel(month)}已月结，月报已冻结；如需修改请联系管理员重新打开该月`);
  }
}

/**
 * 月结 as every writer of reports checks it: the close rows of `months` (a list of months, or a
 * query giving one) are held (shared) until the transaction ends, and the closed ones come back.
 * FOR SHARE: a close running at the same time waits for the change, or the change sees the close.
 */
export async function closedMonths(em: SqlRunner, months: SqlFragment): Promise<string[]> {
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
    const counts = await runSql<{ month: string; expected: number; DRAFT: number; SUBMITTED: number; VERIFIED: number; RETURNED: number }>(
      this.dataSource,
      sql`SELECT mo.month, count(p.id)::int AS expected,
         count(*) FILTER (WHERE m.status = 'DRAFT')::int AS "DRAFT", count(*) FILTER (WHERE m.status = 'SUBMITTED')::int AS "SUBMITTED",
         count(*) FILTER (WHERE m.status = 'VERIFIED')::int AS "VERIFIED", count(*) FILTER (WHERE m.status = 'RETURNED')::int AS "RETURNED"
       FROM unnest(${months}::text[]) AS mo(month)
       LEFT JOIN projects p ON ${shouldReport(sql`mo.month`)}
       LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.month = mo.month
       GROUP BY mo.month ORDER BY mo.month`,
    );
    return counts.map((c) => {
      const { month, expected, ...byStatus } = c;
      const reported = byStatus.DRAFT + byStatus.SUBMITTED + byStatus.VERIFIED + byStatus.RETURNED;
      return { ...toState(month, closes.find((row) => row.month === month)), expected, counts: { ...byStatus, MISSING: expected - reported } };
    });
  }

  async close(actor: UserActor, month: string, version: number): Promise<MonthState> {
    if (month > monthOf(shanghaiToday())) throw ValidationFailed.field('month', '不能月结未来月份');
    return this.change(actor, month, version, (row) => {
      if (row.closed) throw new Conflict(`${monthLabel(month)}已经月结`);
      return { closed: true, closedAt: new Date(), closedBy: actor.displayName, reopenReason: null };
    }, 'CLOSE');
  }

  async reopen(actor: UserActor, month: string, version: number, reason: string): Promise<MonthState> {
    return this.change(actor, month, version, (row) => {
      if (!row.closed) throw new Conflict(`${monthLabel(month)}尚未月结，无需重新打开`);
      return { closed: false, reopenReason: reason };
    }, 'REOPEN');
  }

  private change(actor: UserActor, month: string, version: number, next: (row: MonthClose) => Partial<MonthClose>, action: 'CLOSE' | 'REOPEN'): Promise<MonthState> {
    return this.dataSource.transaction(async (em) => {
      // a month never closed has no row (version 0): make one, so that two first closes queue on its lock
      await runSql(em, sql`INSERT INTO month_closes (month, closed, version) VALUES (${month}, false, 0) ON CONFLICT (month) DO NOTHING`);
      const row = await em.findOneOrFail(MonthClose, { where: { month }, lock: { mode: 'pessimistic_write' } });
      if (row.version !== version) throw new VersionConflict('月份的月结状态', row.version, version);
      const before = toState(month, row);
      Object.assign(row, next(row));
      await em.save(row);
      const after = toState(month, row);
      await this.audit.record(em, actor, { entity: 'month', entityId: month, action, before, after });
      return after;
    });
  }
}
