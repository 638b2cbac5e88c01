import { Injectable } from '@nestjs/common';
import {
  addMonths,
  type AuditAction,
  type AuditEntity,
  ADMIN_ONLY_AUDIT_ENTITIES,
  isTargetIndicator,
  monthOf,
  shanghaiToday,
  TARGET_INDICATOR_LABELS,
  type WorkbenchActivity,
  type WorkbenchMonthCount,
  type WorkbenchResponse,
  type WorkbenchTodo,
} from '@zhaoshang/shared/domain';
import type { UserActor } from '../../common/access/actor.js';
import { ReadPool } from '../../common/sql/read-pool.js';
import { runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import { owesReport, shouldReport } from '../reports/reports.service.js';
import { readWarningSettings, WarningsService } from '../warnings/warnings.service.js';

/** How many lines of 最近动态 the page shows: a glance, the audit log has the rest. */
export const ACTIVITY_LINES = 8;

/** Months not closed: only there can a report still be verified, edited or submitted. */
const OPEN_MONTH = sql`NOT EXISTS (SELECT 1 FROM month_closes c WHERE c.month = m.month AND c.closed)`;

interface ActivityRow {
  id: string;
  at: Date;
  actorName: string;
  action: AuditAction;
  entity: AuditEntity;
  entityId: string;
  projectId: string | null;
  projectNo: string | null;
  projectName: string | null;
  month: string | null;
  regionName: string | null;
  industryName: string | null;
}

/** "显示名（用户名）" as the audit log stores a person: the name is enough on the 工作台. */
function personName(actorName: string): string {
  return actorName.replace(/（[^（）]*）$/, '');
}

function targetDetail(entityId: string, regionName: string | null): string {
  const [, year, indicator] = entityId.split(':');
  const label = indicator && isTargetIndicator(indicator) ? TARGET_INDICATOR_LABELS[indicator] : (indicator ?? '');
  return `${regionName ?? ''}${year ?? ''}年${label}`;
}

/**
 * 工作台 (issue 13): the caller's to-dos counted in SQL, district staff limited to their region,
 * city staff and admins city-wide, and the latest changes of the caller's region.
 */
@Injectable()
export class WorkbenchService {
  constructor(
    /** counts for a glance, never a write's decision: they may come from the read replica (issue 17) */
    private readonly readPool: ReadPool,
    private readonly warnings: WarningsService,
  ) {}

  async forUser(actor: UserActor): Promise<WorkbenchResponse> {
    const today = shanghaiToday();
    const month = monthOf(today);
    const regionCode = actor.role === 'DISTRICT_STAFF' ? actor.regionCode : null;
    const todos: WorkbenchTodo[] = [];
    if (actor.role === 'DISTRICT_STAFF' && regionCode) {
      todos.push(await this.missing(regionCode, month), ...(await this.draftsAndReturned(regionCode)));
    } else {
      todos.push(await this.toVerify(), await this.monthsToClose(month));
    }
    todos.push(await this.redWarnings(regionCode));
    if (actor.role === 'ADMIN') todos.push(...(await this.pausedWebhooks()));
    return { today, month, regionCode, todos, followUps: [], activity: await this.activity(regionCode) };
  }

  /** 未填报: this month's and last month's reports owed (DOMAIN.md §5) and not started, by the grid's own rules. */
  private async missing(regionCode: string, month: string): Promise<WorkbenchTodo> {
    const { settings } = await readWarningSettings(this.readPool.reads);
    const months = [addMonths(month, -1), month];
    const rows = await runSql<WorkbenchMonthCount>(
      this.readPool.reads,
      sql`SELECT mo.month, count(p.id) FILTER (WHERE r.id IS NULL AND ${owesReport(sql`mo.month`, settings.REPORT.monthsAfterProduction)})::int AS count
       FROM unnest(${months}::text[]) AS mo(month)
       LEFT JOIN projects p ON p.region_code = ${regionCode} AND ${shouldReport(sql`mo.month`)}
       LEFT JOIN monthly_reports r ON r.project_id = p.id AND r.month = mo.month
       WHERE NOT EXISTS (SELECT 1 FROM month_closes c WHERE c.month = mo.month AND c.closed)
       GROUP BY mo.month ORDER BY mo.month`,
    );
    return byMonth('MISSING', rows.filter((r) => r.count > 0));
  }

  /** 草稿 and 退回 of the region's open months: reports only the district can move on. */
  private async draftsAndReturned(regionCode: string): Promise<WorkbenchTodo[]> {
    const rows = await runSql<{ status: 'DRAFT' | 'RETURNED'; month: string; count: number; withReason: number }>(
      this.readPool.reads,
      sql`SELECT m.status, m.month, count(*)::int AS count, count(*) FILTER (WHERE nullif(btrim(m.return_reason), '') IS NOT NULL)::int AS "withReason"
       FROM monthly_reports m JOIN projects p ON p.id = m.project_id
       WHERE p.region_code = ${regionCode} AND m.status IN ('DRAFT', 'RETURNED') AND ${OPEN_MONTH}
       GROUP BY m.status, m.month ORDER BY m.month`,
    );
    const returned = rows.filter((r) => r.status === 'RETURNED');
    return [
      byMonth('DRAFT', rows.filter((r) => r.status === 'DRAFT')),
      { ...byMonth('RETURNED', returned), withReason: returned.reduce((n, r) => n + r.withReason, 0) },
    ];
  }

  /** 待核实: SUBMITTED reports of open months, all regions (verifying is the city's job). */
  private async toVerify(): Promise<WorkbenchTodo> {
    const rows = await runSql<WorkbenchMonthCount>(
      this.readPool.reads,
      sql`SELECT m.month, count(*)::int AS count FROM monthly_reports m WHERE m.status = 'SUBMITTED' AND ${OPEN_MONTH} GROUP BY m.month ORDER BY m.month`,
    );
    return byMonth('TO_VERIFY', rows);
  }

  /** 待月结: finished months (before the current one, which is still being reported) that have reports and are open. */
  private async monthsToClose(month: string): Promise<WorkbenchTodo> {
    const rows = await runSql<WorkbenchMonthCount>(
      this.readPool.reads,
      sql`SELECT DISTINCT m.month, 1 AS count FROM monthly_reports m WHERE m.month < ${month} AND ${OPEN_MONTH} ORDER BY m.month`,
    );
    return byMonth('MONTHS_TO_CLOSE', rows);
  }

  /**
   * Today's red warnings, of the district or of all: the warnings list's own counts (GET /warnings/counts,
   * without evaluating every project's thresholds), so that the card and the list it opens agree.
   */
  private async redWarnings(regionCode: string | null): Promise<WorkbenchTodo> {
    const { counts } = await this.warnings.counts(undefined);
    const count = regionCode ? (counts.byRegion.find((r) => r.regionCode === regionCode)?.RED ?? 0) : Object.values(counts.byRule).reduce((sum, c) => sum + c.RED, 0);
    return { kind: 'RED_WARNINGS', count, months: [] };
  }

  /** Webhook subscriptions the server paused after a day of failures (issue 16): a card only while there are some. */
  private async pausedWebhooks(): Promise<WorkbenchTodo[]> {
    const [{ count }] = await runSql<{ count: number }>(this.readPool.reads, sql`SELECT count(*)::int AS count FROM webhook_subscriptions WHERE status = 'PAUSED' AND auto_paused`);
    return count > 0 ? [{ kind: 'WEBHOOKS_PAUSED', count, months: [] }] : [];
  }

  /**
   * 最近动态: the latest audit entries of business data (DOMAIN.md §7: readable by everyone), of the
   * region for district staff. A project's or report's region is in its snapshot; an FAI figure's and
   * a target's is the first part of the entity id.
   */
  private async activity(regionCode: string | null): Promise<WorkbenchActivity[]> {
    const snap = sql`coalesce(a.after, a.before)`;
    const region = sql`CASE WHEN a.entity IN ('faiTotal', 'target') THEN split_part(a.entity_id, ':', 1) ELSE ${snap} ->> 'regionCode' END`;
    const where: SqlFragment[] = [sql`a.entity <> ALL(${[...ADMIN_ONLY_AUDIT_ENTITIES]}::varchar[])`];
    if (regionCode) where.push(sql`${region} = ${regionCode}`);
    const rows = await runSql<ActivityRow>(
      this.readPool.reads,
      sql`SELECT a.id::text, a.at, a.actor_name AS "actorName", a.action, a.entity, a.entity_id AS "entityId",
         p.id::text AS "projectId", coalesce(p.project_no, ${snap} ->> 'projectNo') AS "projectNo", coalesce(p.name, ${snap} ->> 'name') AS "projectName",
         CASE WHEN a.entity = 'monthlyReport' THEN ${snap} ->> 'month' WHEN a.entity = 'month' THEN a.entity_id
              WHEN a.entity = 'faiTotal' THEN split_part(a.entity_id, ':', 2) END AS month,
         rg.name AS "regionName", i.name AS "industryName"
       FROM (SELECT * FROM audit_log a WHERE ${sql.join(where, sql` AND `)} ORDER BY a.id DESC LIMIT ${ACTIVITY_LINES}) a
       LEFT JOIN projects p ON a.entity IN ('project', 'monthlyReport')
         AND p.id::text = CASE WHEN a.entity = 'project' THEN a.entity_id ELSE ${snap} ->> 'projectId' END
       LEFT JOIN regions rg ON rg.code = ${region}
       LEFT JOIN industries i ON a.entity = 'industry' AND i.code = a.entity_id
       ORDER BY a.id DESC`,
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at.toISOString(),
      actorName: personName(row.actorName),
      action: row.action,
      entity: row.entity,
      projectId: row.projectId,
      projectNo: row.entity === 'project' || row.entity === 'monthlyReport' ? row.projectNo : null,
      projectName: row.entity === 'project' || row.entity === 'monthlyReport' ? row.projectName : null,
      month: row.month,
      regionName: row.regionName,
      detail: row.entity === 'target' ? targetDetail(row.entityId, row.regionName) : row.entity === 'industry' ? row.industryName : null,
    }));
  }
}

function byMonth(kind: WorkbenchTodo['kind'], months: WorkbenchMonthCount[]): WorkbenchTodo {
  return { kind, count: months.reduce((n, m) => n + m.count, 0), months: months.map(({ month, count }) => ({ month, count })) };
}
