import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FeedPage, type MonthlyReportDto, type ReportStatus } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import type { Readable, Writable } from 'node:stream';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { neutraliseCell } from '../../common/http/xlsx-reply.js';
import { streamFromCursor } from '../../common/sql/cursor-stream.js';
import { feedPage } from '../../common/sql/feed-page.js';
import { sql, type SqlFragment } from '../../common/sql/sql.js';
import { type ColumnSpec, MONTHLY_COLUMNS, VERIFICATION_LABELS } from '../imports/imports.service.js';
import type { ReportFeedQueryDto, ReportRangeQueryDto } from './dto/report-query.dto.js';
import { FROM_REPORTS, REPORT_COLUMNS, type ReportRow, toReportDto } from './report-sql.js';

/** Filed reports only: drafts and returned ones are not figures yet (and would re-import as 待核实). */
const EXPORTED_STATUSES: ReportStatus[] = ['SUBMITTED', 'VERIFIED'];

function rangeConditions(query: Omit<ReportRangeQueryDto, 'status'>, statuses: readonly ReportStatus[] | undefined): SqlFragment[] {
  if (query.from > query.to) throw ValidationFailed.field('from', '起始月份不能晚于截止月份');
  const where = [sql`m.month >= ${query.from}`, sql`m.month <= ${query.to}`];
  if (query.regionCode) where.push(sql`p.region_code = ${query.regionCode}`);
  if (statuses?.length) where.push(sql`m.status = ANY(${statuses}::report_status[])`);
  return where;
}

/** DOMAIN.md §8: the feed serves verified reports unless the client asks for other statuses. */
const FEED_DEFAULT_STATUSES: ReportStatus[] = ['VERIFIED'];

/** The statistics feed of monthly reports and their spreadsheet export. */
@Injectable()
export class ReportFeedService {
  private readonly logger = new Logger(ReportFeedService.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** DOMAIN.md §8: reports by month range, region and statuses, in commit order, cursor paged (feedPage). */
  async feed(query: ReportFeedQueryDto): Promise<FeedPage<MonthlyReportDto>> {
    const { rows, nextCursor, resumeCursor } = await feedPage<ReportRow>(this.dataSource, {
      alias: sql`m`,
      columns: REPORT_COLUMNS,
      from: FROM_REPORTS,
      where: rangeConditions(query, query.status?.length ? query.status : FEED_DEFAULT_STATUSES),
      updatedSince: query.updatedSince,
      cursor: query.cursor,
      limit: query.limit ?? 500,
    });
    return { items: rows.map(toReportDto), nextCursor, resumeCursor };
  }

  /** Filed reports of a month range as .xlsx in the import layout, streamed from a cursor in one snapshot. */
  async exportXlsx(query: ReportRangeQueryDto): Promise<Readable> {
    const where = rangeConditions(query, query.status ? [query.status] : EXPORTED_STATUSES);
    const rowsSql = sql`SELECT p.project_no AS "projectNo", m.month, m.arrived_equity_wan AS "arrivedEquityWan", m.arrived_loan_wan AS "arrivedLoanWan",
        m.arrived_other_wan AS "arrivedOtherWan", m.completed_investment_wan AS "completedInvestmentWan", m.progress, m.status
      ${FROM_REPORTS} WHERE ${sql.join(where, sql` AND `)} ORDER BY m.month, p.project_no`;
    return streamFromCursor<ExportRow>(this.dataSource, {
      cursor: sql`report_export`,
      rows: rowsSql,
      fetch: sql`2000`,
      write: writeMonthlyXlsx,
      logger: this.logger,
      label: '月报导出',
    });
  }
}

interface ExportRow {
  projectNo: string;
  month: string;
  arrivedEquityWan: string;
  arrivedLoanWan: string;
  arrivedOtherWan: string;
  completedInvestmentWan: string;
  progress: string | null;
  status: ReportStatus;
}

export async function writeMonthlyXlsx(out: Writable, batches: AsyncIterable<ExportRow[]>): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('月报', { views: [{ state: 'frozen', ySplit: 1 }] });
  // the `monthly` import's own columns (DOMAIN.md §8), so that an export imports back unchanged
  sheet.columns = (MONTHLY_COLUMNS as readonly ColumnSpec[]).map((c) => ({ header: c.header, width: c.width, ...(c.format === 'money' ? { style: { numFmt: '0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const batch of batches) {
    for (const r of batch) {
      sheet
        .addRow([
          r.projectNo,
          r.month,
          Number(r.arrivedEquityWan),
          Number(r.arrivedLoanWan),
          Number(r.arrivedOtherWan),
          Number(r.completedInvestmentWan),
          r.progress === null ? null : neutraliseCell(r.progress),
          r.status === 'VERIFIED' ? VERIFICATION_LABELS.VERIFIED : VERIFICATION_LABELS.SUBMITTED,
        ])
        .commit();
    }
  }
  sheet.commit();
  await workbook.commit();
}
