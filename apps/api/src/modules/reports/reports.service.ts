import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addMonths,
  canonicalWan,
  type FieldProblem,
  type MonthlyReportDto,
  monthLabel,
  monthOf,
  REPORT_MONEY_FIELDS,
  REPORT_STATUS_LABELS,
  type ReportCounts,
  reportFigureProblems,
  type ReportGridResponse,
  type ReportGridRow,
  reportMonthProblem,
  type ReportQueueResponse,
  type ReportsChanged,
  type ReportStatus,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor, UserActor } from '../../common/access/actor.js';
import { AppException, NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { auditInsert } from '../audit/audit.service.js';
import { readWarningSettings } from '../warnings/warnings.service.js';
import type { ReportActionDto, SaveDraftsDto, SubmitReportsDto } from './dto/report-write.dto.js';
import { MonthlyReport } from './entities/monthly-report.entity.js';
import { MonthsService } from './months.service.js';
import { FROM_REPORTS, owesReport, REPORT_COLUMNS, type ReportRow, reportSnapshot, shouldReport, toReportDto } from './report-sql.js';

// what other modules (the monthly import, the demo data) use of reports: the audit snapshot and the 月结 check
export { reportSnapshot } from './report-sql.js';
export { closedMonths } from './months.service.js';
// the 工作台 counts 未填报 by the same rules as the grid (issue 13)
export { owesReport, shouldReport } from './report-sql.js';

/** The report's status does not allow what was asked. */
export class WrongStatus extends AppException {
  constructor(message: string, field?: string) {
    super(409, 'WRONG_STATUS', message, field ? [{ field, message }] : undefined);
  }
}

const EMPTY_COUNTS = (): ReportCounts => ({ DRAFT: 0, SUBMITTED: 0, VERIFIED: 0, RETURNED: 0, MISSING: 0 });
const money = (value: string | undefined | null) => canonicalWan(value === undefined || value === null || value === '' ? '0' : value);

function failIfAny(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new ValidationFailed(problems);
}

/** The reports' audit snapshots (jsonb text) by id, taken before they change. */
async function reportSnapshots(em: SqlRunner, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await runSql<{ id: string; snapshot: string }>(
    em,
    sql`SELECT m.id, ${reportSnapshot(sql`m`, sql`p`)}::text AS snapshot ${FROM_REPORTS} WHERE m.id = ANY(${ids}::uuid[])`,
  );
  return new Map(rows.map((r) => [r.id, r.snapshot]));
}

/**
 * One audit row per changed report, in the order of their projects: `before` as taken by
 * reportSnapshots, `after` as the reports are now. Without an action, a report without a before was
 * created and the others updated.
 */
async function auditReports(em: SqlRunner, actor: Actor, ids: string[], action: 'SUBMIT' | 'VERIFY' | 'RETURN' | null, before: Map<string, string>): Promise<void> {
  if (ids.length === 0) return;
  const actionOf: SqlFragment = action === null ? sql`CASE WHEN b.before IS NULL THEN 'CREATE' ELSE 'UPDATE' END` : sql`${action}::varchar`;
  const rows = sql`SELECT m.id::text, ${actionOf}, b.before, ${reportSnapshot(sql`m`, sql`p`)}
    ${FROM_REPORTS} LEFT JOIN unnest(${[...before.keys()]}::uuid[], ${[...before.values()]}::jsonb[]) AS b(id, before) ON b.id = m.id
    WHERE m.id = ANY(${ids}::uuid[]) ORDER BY p.project_no, m.month`;
  await runSql(em, auditInsert(actor, 'monthlyReport', rows));
}

/** Monthly reports (issue 5): the district's entry grid, drafts, submission, and the city's verification. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly months: MonthsService,
  ) {}

  /** 填报义务's setting: how many months after its production month a project still owes reports. */
  private async monthsAfterProduction(): Promise<number> {
    return (await readWarningSettings(this.dataSource)).settings.REPORT.monthsAfterProduction;
  }

  /** Every project of the region that should report for the month, with last month's figures and the year so far. */
  async grid(regionCode: string, month: string): Promise<ReportGridResponse> {
    if (month > monthOf(shanghaiToday())) throw ValidationFailed.field('month', '不能填报未来月份');
    const thisMonth = sql.param(month);
    const rows = await runSql<ReportRow & Record<string, unknown>>(
      this.dataSource,
      sql`SELECT p.id AS "pId", p.project_no AS "pNo", p.name AS "pName", p.stage AS "pStage", p.investor_origin AS "pOrigin",
         ${REPORT_COLUMNS},
         l.arrived_equity_wan AS "lEquity", l.arrived_loan_wan AS "lLoan", l.arrived_other_wan AS "lOther",
         (l.arrived_equity_wan + l.arrived_loan_wan + l.arrived_other_wan)::text AS "lTotal", l.completed_investment_wan AS "lCompleted", l.progress AS "lProgress",
         coalesce(y.arrived, 0)::numeric(16, 2)::text AS "yArrived", coalesce(y.completed, 0)::numeric(16, 2)::text AS "yCompleted",
         ${owesReport(sql`${thisMonth}`, await this.monthsAfterProduction())} AS "owes"
       FROM projects p
       LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.month = ${thisMonth}
       LEFT JOIN monthly_reports l ON l.project_id = p.id AND l.month = ${addMonths(month, -1)}
       LEFT JOIN LATERAL (
         SELECT sum(y.arrived_equity_wan + y.arrived_loan_wan + y.arrived_other_wan) AS arrived, sum(y.completed_investment_wan) AS completed
         FROM monthly_reports y WHERE y.project_id = p.id AND y.month >= ${`${month.slice(0, 4)}-01`} AND y.month < ${thisMonth}
       ) y ON true
       WHERE p.region_code = ${regionCode} AND ${shouldReport(sql`${thisMonth}`)}
       ORDER BY p.project_no`,
    );
    const counts = EMPTY_COUNTS();
    const gridRows = rows.map((row): ReportGridRow => {
      const report = row.id === null ? null : toReportDto(row);
      // a project past its reporting obligation may still report, but is not 未报 without one
      if (report) counts[report.status] += 1;
      else if (row['owes'] === true) counts.MISSING += 1;
      return {
        projectId: row['pId'] as string,
        projectNo: row['pNo'] as string,
        projectName: row['pName'] as string,
        stage: row['pStage'] as string,
        investorOrigin: row['pOrigin'] as string,
        report,
        lastMonth:
          row['lTotal'] === null
            ? null
            : {
                arrivedEquityWan: row['lEquity'] as string,
                arrivedLoanWan: row['lLoan'] as string,
                arrivedOtherWan: row['lOther'] as string,
                arrivedTotalWan: row['lTotal'] as string,
                completedInvestmentWan: row['lCompleted'] as string,
                progress: row['lProgress'] as string | null,
              },
        yearToDate: { arrivedTotalWan: row['yArrived'] as string, completedInvestmentWan: row['yCompleted'] as string },
      };
    });
    return { regionCode, month, monthState: await this.months.state(month), rows: gridRows, counts };
  }

  /**
   * Saves the grid's changed rows as drafts, all or nothing. Only DRAFT and RETURNED reports can be
   * changed (a returned one stays RETURNED until it is submitted again); unchanged rows are not written.
   */
  async saveDrafts(actor: UserActor, dto: SaveDraftsDto): Promise<ReportsChanged> {
    const { regionCode, month, items } = dto;
    const ids = items.map((item) => item.projectId);
    if (new Set(ids).size !== ids.length) throw ValidationFailed.field('items', '同一项目在一次保存中出现了多次');
    failIfAny(items.flatMap((item, i) => reportFigureProblems(item).map((p) => ({ field: `items[${i}].${p.field}`, message: p.message }))));
    return this.dataSource.transaction(async (em) => {
      await this.months.assertOpen(em, month);
      await this.assertReportable(em, regionCode, month, ids);
      const existing = await em.find(MonthlyReport, { where: { projectId: In(ids), month }, lock: { mode: 'pessimistic_write' } });
      const changedIds: string[] = [];
      const befores = await reportSnapshots(em, existing.map((r) => r.id));
      for (const [i, item] of items.entries()) {
        const report = existing.find((r) => r.projectId === item.projectId);
        const figures = {
          arrivedEquityWan: money(item.arrivedEquityWan),
          arrivedLoanWan: money(item.arrivedLoanWan),
          arrivedOtherWan: money(item.arrivedOtherWan),
          completedInvestmentWan: money(item.completedInvestmentWan),
          progress: item.progress?.trim() || null,
        };
        if (!report) {
          if (item.version !== null) throw new NotFound('月报', `${item.projectId} ${month}`);
          const created = await em.save(em.create(MonthlyReport, { projectId: item.projectId, month, status: 'DRAFT', ...figures }));
          changedIds.push(created.id);
          continue;
        }
        if (item.version !== report.version) throw new VersionConflict('月报', report.version, item.version ?? 0);
        const same = REPORT_MONEY_FIELDS.every((f) => report[f] === figures[f]) && report.progress === figures.progress;
        if (same) continue;
        if (report.status !== 'DRAFT' && report.status !== 'RETURNED') {
          throw new WrongStatus(`该月报${REPORT_STATUS_LABELS[report.status]}，不能修改`, `items[${i}]`);
        }
        await em.save(em.merge(MonthlyReport, report, figures));
        changedIds.push(report.id);
      }
      await auditReports(em, actor, changedIds, null, befores);
      return { items: await this.load(em, changedIds) };
    });
  }

  /** Submits every DRAFT or RETURNED report of the region and month (or of the given projects). */
  async submit(actor: UserActor, dto: SubmitReportsDto): Promise<ReportsChanged> {
    return this.dataSource.transaction(async (em) => {
      await this.months.assertOpen(em, dto.month);
      const only = dto.projectIds ? sql`AND m.project_id = ANY(${dto.projectIds})` : sql.empty;
      const rows = await runSql<{ id: string }>(
        em,
        sql`SELECT m.id FROM monthly_reports m JOIN projects p ON p.id = m.project_id
         WHERE p.region_code = ${dto.regionCode} AND m.month = ${dto.month} AND m.status IN ('DRAFT', 'RETURNED') ${only} ORDER BY p.project_no FOR UPDATE OF m`,
      );
      const ids = rows.map((r) => r.id);
      return this.transition(em, actor, ids, 'SUBMIT', sql`UPDATE monthly_reports SET status = 'SUBMITTED', submitted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY(${ids})`);
    });
  }

  /** 核实: accepts submitted reports, each at the version the verifier saw. */
  verify(actor: UserActor, dto: ReportActionDto): Promise<ReportsChanged> {
    return this.dataSource.transaction(async (em) => {
      const ids = await this.lockSubmitted(em, dto);
      return this.transition(em, actor, ids, 'VERIFY', sql`UPDATE monthly_reports SET status = 'VERIFIED', verified_at = now(), verified_by = ${actor.id}, version = version + 1, updated_at = now() WHERE id = ANY(${ids})`);
    });
  }

  /** 退回: sends submitted reports back to the district with a reason. */
  return(actor: UserActor, dto: ReportActionDto): Promise<ReportsChanged> {
    const reason = dto.reason?.trim();
    if (!reason) throw ValidationFailed.field('reason', '退回时请填写退回原因');
    return this.dataSource.transaction(async (em) => {
      const ids = await this.lockSubmitted(em, dto);
      return this.transition(em, actor, ids, 'RETURN', sql`UPDATE monthly_reports SET status = 'RETURNED', return_reason = ${reason}, verified_at = NULL, verified_by = NULL, version = version + 1, updated_at = now() WHERE id = ANY(${ids})`);
    });
  }

  /** A month's reports for verification, with the counts per region (the missing ones included). */
  async queue(month: string, regionCode?: string, status?: ReportStatus): Promise<ReportQueueResponse> {
    const where = [sql`m.month = ${month}`];
    if (regionCode) where.push(sql`p.region_code = ${regionCode}`);
    if (status) where.push(sql`m.status = ${status}`);
    const items = await runSql<ReportRow & { regionName: string }>(
      this.dataSource,
      sql`SELECT ${REPORT_COLUMNS}, r.name AS "regionName" ${FROM_REPORTS} JOIN regions r ON r.code = p.region_code
       WHERE ${sql.join(where, sql` AND `)} ORDER BY p.region_code, p.project_no`,
    );
    const queued = sql.param(month);
    const byRegion = await runSql<ReportQueueResponse['byRegion'][number]>(
      this.dataSource,
      sql`SELECT r.code AS "regionCode", r.name AS "regionName",
         count(*) FILTER (WHERE m.status = 'DRAFT')::int AS "DRAFT", count(*) FILTER (WHERE m.status = 'SUBMITTED')::int AS "SUBMITTED",
         count(*) FILTER (WHERE m.status = 'VERIFIED')::int AS "VERIFIED", count(*) FILTER (WHERE m.status = 'RETURNED')::int AS "RETURNED",
         count(p.id) FILTER (WHERE m.id IS NULL AND ${owesReport(sql`${queued}`, await this.monthsAfterProduction())})::int AS "MISSING"
       FROM regions r
       LEFT JOIN projects p ON p.region_code = r.code AND ${shouldReport(sql`${queued}`)}
       LEFT JOIN monthly_reports m ON m.project_id = p.id AND m.month = ${queued}
       WHERE r.parent_code IS NOT NULL
       GROUP BY r.code, r.name ORDER BY r.code`,
    );
    return { month, monthState: await this.months.state(month), items: items.map((row) => ({ ...toReportDto(row), regionName: row.regionName })), byRegion };
  }

  /** Reports by id, as the API returns them, in the order of the ids' projects. */
  async load(em: EntityManager, ids: string[]): Promise<MonthlyReportDto[]> {
    if (ids.length === 0) return [];
    const rows = await runSql<ReportRow>(em, sql`SELECT ${REPORT_COLUMNS} ${FROM_REPORTS} WHERE m.id = ANY(${ids}) ORDER BY p.project_no, m.month`);
    return rows.map(toReportDto);
  }

  /** The projects must be of the region and due to report for the month. */
  private async assertReportable(em: EntityManager, regionCode: string, month: string, projectIds: string[]): Promise<void> {
    const projects = await runSql<{ id: string; regionCode: string; signedAt: string | null; terminatedAt: string | null; projectNo: string }>(
      em,
      sql`SELECT id, region_code AS "regionCode", signed_at AS "signedAt", terminated_at AS "terminatedAt", project_no AS "projectNo" FROM projects WHERE id = ANY(${projectIds})`,
    );
    const today = shanghaiToday();
    const problems: FieldProblem[] = [];
    for (const [i, id] of projectIds.entries()) {
      const project = projects.find((p) => p.id === id);
      const problem = !project
        ? '项目不存在'
        : project.regionCode !== regionCode
          ? `项目 ${project.projectNo} 不属于所选地区`
          : reportMonthProblem(project, month, today);
      if (problem) problems.push({ field: `items[${i}].projectId`, message: project ? `${problem}（${project.projectNo}，${monthLabel(month)}）` : problem });
    }
    failIfAny(problems);
  }

  /** Locks the reports, checks each one's version and that it waits for verification; all months open. */
  private async lockSubmitted(em: EntityManager, dto: ReportActionDto): Promise<string[]> {
    const ids = dto.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length) throw ValidationFailed.field('items', '同一月报出现了多次');
    const reports = await em.find(MonthlyReport, { where: { id: In(ids) }, lock: { mode: 'pessimistic_write' } });
    for (const month of new Set(reports.map((r) => r.month))) await this.months.assertOpen(em, month);
    for (const [i, item] of dto.items.entries()) {
      const report = reports.find((r) => r.id === item.id);
      if (!report) throw new NotFound('月报', item.id);
      if (report.version !== item.version) throw new VersionConflict('月报', report.version, item.version);
      if (report.status !== 'SUBMITTED') throw new WrongStatus(`该月报${REPORT_STATUS_LABELS[report.status]}，只有待核实的月报可以核实或退回`, `items[${i}]`);
    }
    return ids;
  }

  /** One status change for many reports (`change`, an UPDATE of the reports `ids`), then an audit row per report. */
  private async transition(em: EntityManager, actor: UserActor, ids: string[], action: 'SUBMIT' | 'VERIFY' | 'RETURN', change: SqlFragment): Promise<ReportsChanged> {
    if (ids.length === 0) return { items: [] };
    const before = await reportSnapshots(em, ids);
    await runSql(em, change);
    await auditReports(em, actor, ids, action, before);
    return { items: await this.load(em, ids) };
  }
}
