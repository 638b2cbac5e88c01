import type { MonthlyReportDto } from '@zhaoshang/shared/domain';
import { obligationEndSql } from '../../common/sql/reporting-obligation.js';
import { sql, type SqlFragment } from '../../common/sql/sql.js';

/**
 * The report reads as hand-written SQL: `m` is monthly_reports, `p` its project. The arrived total
 * is summed by PostgreSQL (numeric), never in JavaScript.
 */
export const REPORT_COLUMNS = sql`m.id, m.project_id AS "projectId", p.project_no AS "projectNo", p.name AS "projectName",
  p.region_code AS "regionCode", m.month, m.arrived_equity_wan AS "arrivedEquityWan", m.arrived_loan_wan AS "arrivedLoanWan",
  m.arrived_other_wan AS "arrivedOtherWan", (m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan)::text AS "arrivedTotalWan",
  m.completed_investment_wan AS "completedInvestmentWan", m.progress, m.status, m.return_reason AS "returnReason",
  m.submitted_at AS "submittedAt", m.verified_at AS "verifiedAt", m.version, m.updated_at AS "updatedAt"`;

export const FROM_REPORTS = sql`FROM monthly_reports m JOIN projects p ON p.id = m.project_id`;

export type ReportRow = Omit<MonthlyReportDto, 'submittedAt' | 'verifiedAt' | 'updatedAt'> & {
  submittedAt: Date | null;
  verifiedAt: Date | null;
  updatedAt: Date;
};

export function toReportDto(row: ReportRow): MonthlyReportDto {
  return {
    ...row,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The projects that should report for a month (issue 5): signed by the month's end and not
 * terminated before the month began. `month` is the column or parameter holding 'YYYY-MM'.
 */
export function shouldReport(month: SqlFragment): SqlFragment {
  return shouldReportFrom(sql`(${month} || '-01')::date`);
}

/**
 * shouldReport for the month beginning at `start` (its first day or moment). Given as a typed
 * parameter it is a constant of the statement: `(month || '-01')::date` is not (the text's cast is
 * evaluated for every row), which was most of a one-month count over 116,000 projects (issue 17).
 */
export function shouldReportFrom(start: SqlFragment): SqlFragment {
  return sql`p.signed_at IS NOT NULL AND p.signed_at < ${start} + interval '1 month'
    AND (p.terminated_at IS NULL OR p.terminated_at >= ${start})`;
}

/**
 * 填报义务 (DOMAIN.md §5), the SQL twin of `reportingObligationEnd`: of the projects that may report
 * for the month, those that owe it — not yet past their production month plus `monthsAfterProduction`
 * (a setting). Only these count as 未报 (MISSING); the others may still report, and their reports count.
 */
export function owesReport(month: SqlFragment, monthsAfterProduction: number): SqlFragment {
  const end = obligationEndSql(monthsAfterProduction);
  return sql`${shouldReport(month)} AND (${end} IS NULL OR ${end} >= ${month})`;
}

/**
 * What the audit log keeps of a report, as jsonb: the report `m` (a monthly_reports row) with its
 * project's number and region from `project` (a row with project_no and region_code). The grid,
 * the status changes and the import all audit through this one definition.
 */
export function reportSnapshot(m: SqlFragment, project: SqlFragment): SqlFragment {
  return sql`jsonb_build_object('id', ${m}.id, 'projectId', ${m}.project_id, 'projectNo', ${project}.project_no, 'regionCode', ${project}.region_code,
  'month', ${m}.month, 'arrivedEquityWan', ${m}.arrived_equity_wan::text, 'arrivedLoanWan', ${m}.arrived_loan_wan::text,
  'arrivedOtherWan', ${m}.arrived_other_wan::text, 'completedInvestmentWan', ${m}.completed_investment_wan::text, 'progress', ${m}.progress,
  'status', ${m}.status, 'returnReason', ${m}.return_reason,
  'submittedAt', to_char(${m}.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'verifiedAt', to_char(${m}.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', ${m}.version)`;
}
