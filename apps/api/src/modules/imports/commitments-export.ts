import { COMMITMENT_STATUS_LABELS, COMMITMENT_TYPE_LABELS, type CommitmentTotals, type PolicyCommitmentDto } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '../../common/http/xlsx-reply.js';
import { COMMITMENT_COLUMNS } from './columns.js';

const TITLE = '优惠政策兑现台账';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
const OVERDUE_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FFC00000' }, bold: true };

type Key = (typeof COMMITMENT_COLUMNS)[number]['key'];
const H = Object.fromEntries(COMMITMENT_COLUMNS.map((c) => [c.key, c.header])) as Record<Key, string>;

/**
 * The ledger's columns: the import's own (so that an export, title rows removed, imports back)
 * with 地区 and 项目名称 beside the 项目编号, and 逾期 at the end.
 */
const LEDGER_COLUMNS: { header: string; width: number; money?: boolean; cell: (c: PolicyCommitmentDto) => string | number | null }[] = [
  { header: '地区', width: 14, cell: (c) => c.regionName },
  { header: H.projectNo, width: 18, cell: (c) => c.projectNo },
  { header: '项目名称', width: 30, cell: (c) => neutraliseCell(c.projectName) },
  { header: H.type, width: 12, cell: (c) => COMMITMENT_TYPE_LABELS[c.type] },
  { header: H.content, width: 40, cell: (c) => neutraliseCell(c.content) },
  { header: H.promisedAmountWan, width: 16, money: true, cell: (c) => (c.promisedAmountWan === null ? null : Number(c.promisedAmountWan)) },
  { header: H.dueAt, width: 12, cell: (c) => c.dueAt },
  { header: H.unit, width: 22, cell: (c) => c.unitName },
  { header: H.status, width: 12, cell: (c) => COMMITMENT_STATUS_LABELS[c.status] },
  { header: H.honouredAmountWan, width: 16, money: true, cell: (c) => Number(c.honouredAmountWan) },
  { header: H.honouredAt, width: 12, cell: (c) => c.honouredAt },
  { header: H.withdrawnReason, width: 24, cell: (c) => (c.withdrawnReason === null ? null : neutraliseCell(c.withdrawnReason)) },
  { header: '逾期', width: 8, cell: (c) => (c.overdue ? '是' : '否') },
];

export const COMMITMENT_LEDGER_HEADER = LEDGER_COLUMNS.map((c) => c.header);

export interface LedgerExport {
  items: readonly PolicyCommitmentDto[];
  totals: CommitmentTotals;
  summary: string;
  /** what the rows are: 「全市」 or a district, and the period on 兑现期限 when one was chosen */
  scope: string;
  today: string;
}

/**
 * The 兑现台账 as the bureaus print it: the title, the summary sentence (DOMAIN.md §9) with the
 * scope and the day, the header, one row per commitment (amounts as numbers in 万元, 逾期 in red),
 * and a 合计 row whose sums are the API's, summed in SQL, not Excel formulas over the rows.
 */
export async function buildCommitmentLedger(ledger: LedgerExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(TITLE, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.columns = LEDGER_COLUMNS.map((c) => ({ width: c.width, style: c.money ? { numFmt: '#,##0.00' } : {} }));
  const last = LEDGER_COLUMNS.length;

  const title = sheet.addRow([TITLE]);
  sheet.mergeCells(1, 1, 1, last);
  title.height = 28;
  title.getCell(1).font = { bold: true, size: 16 };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };

  const summary = sheet.addRow([`${ledger.scope}：${ledger.summary}（截至 ${ledger.today}，共 ${ledger.totals.count} 条，其中逾期 ${ledger.totals.overdue} 条）`]);
  sheet.mergeCells(2, 1, 2, last);
  summary.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
  summary.height = 22;

  const header = sheet.addRow(COMMITMENT_LEDGER_HEADER);
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });

  for (const c of ledger.items) {
    const row = sheet.addRow(LEDGER_COLUMNS.map((column) => column.cell(c)));
    if (c.overdue) row.getCell(last).font = OVERDUE_FONT;
  }

  const total = sheet.addRow(
    LEDGER_COLUMNS.map((c) => {
      if (c.header === '地区') return '合计';
      if (c.header === H.promisedAmountWan) return Number(ledger.totals.promisedWan);
      if (c.header === H.honouredAmountWan) return Number(ledger.totals.honouredWan);
      return null;
    }),
  );
  total.font = { bold: true };
  total.eachCell((cell) => (cell.border = { top: { style: 'thin' } }));

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** 优惠政策兑现台账-奈曼旗-2026-12-05.xlsx */
export function commitmentLedgerFileName(scope: string, today: string): string {
  return `${TITLE}-${scope}-${today}.xlsx`;
}
