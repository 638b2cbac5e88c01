import { type IndicatorValues, isCountIndicator, lastDayOf, type TargetIndicator, wanToYi } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';

/** 月调度表: the monthly dispatch table of the city and its districts, as one printable sheet. */

export interface DispatchRow {
  label: string;
  isTotal: boolean;
  month: IndicatorValues;
  yearToDate: IndicatorValues;
  /** the region's annual targets, in the stored form ('12000.00' 万元, '25') */
  targets: Partial<Record<TargetIndicator, string>>;
  /** open warnings of the region; absent when the warnings are not part of the table */
  warnings?: { red: number; yellow: number };
  /** 跟踪落实: problems open and overdue, notices (all four kinds) issued since January and overdue; absent when not part of the table */
  followThrough?: DispatchFollowThrough;
}

export interface DispatchFollowThrough {
  problemsOpen: number;
  problemsOverdue: number;
  noticesIssued: number;
  noticesOverdue: number;
}

export interface DispatchTable {
  cityName: string;
  /** YYYY-MM */
  month: string;
  /** YYYY-MM-DD, Asia/Shanghai */
  generatedOn: string;
  /** which targets get 年度目标/完成率 columns, in order */
  targetIndicators: TargetIndicator[];
  withWarnings: boolean;
  withFollowThrough: boolean;
  rows: DispatchRow[];
  note: string;
}

/** 万元 → 亿元 exactly: '12345.67' → 1.234567 (the cell shows 2 decimals, Excel rounds only for the eye). */
export function wanToYiNumber(wan: string): number {
  return Number(wanToYi(wan));
}

type Cell = number | string;
type Kind = 'count' | 'yi' | 'rate';
interface Column {
  header: string;
  kind: Kind;
  value: (row: DispatchRow) => Cell;
}

const NONE = '—';
const rate = (value: number | null | undefined): Cell => (value === null || value === undefined ? NONE : value);

function periodColumns(pick: (row: DispatchRow) => IndicatorValues): Column[] {
  return [
    { header: '签约项目(个)', kind: 'count', value: (r) => pick(r).signedCount },
    { header: '其中千万元以上(个)', kind: 'count', value: (r) => pick(r).signedCount10m },
    { header: '签约额(亿元)', kind: 'yi', value: (r) => wanToYiNumber(pick(r).signedAmountWan) },
    { header: '开工项目(个)', kind: 'count', value: (r) => pick(r).startedCount },
    { header: '开工率', kind: 'rate', value: (r) => rate(pick(r).startRate) },
    { header: '到位资金(亿元)', kind: 'yi', value: (r) => wanToYiNumber(pick(r).arrivedFundsWan) },
    { header: '到位资金同比', kind: 'rate', value: (r) => rate(pick(r).yoy.arrivedFundsWan) },
    { header: '到位资金占固投比重', kind: 'rate', value: (r) => rate(pick(r).fundsToFaiRatio) },
    // leaders report 实际利用外资 on its own line (DOMAIN.md §6), beside its 同比
    { header: '实际利用外资(亿元)', kind: 'yi', value: (r) => wanToYiNumber(pick(r).foreignCapitalWan) },
    { header: '实际利用外资同比', kind: 'rate', value: (r) => rate(pick(r).yoy.foreignCapitalWan) },
  ];
}

const TARGET_GROUP_LABELS: Record<TargetIndicator, string> = {
  signedAmountWan: '签约额',
  arrivedFundsWan: '到位资金',
  signedCount10m: '千万元以上签约项目',
  startedCount: '开工项目',
};

function targetColumns(indicator: TargetIndicator): Column[] {
  const count = isCountIndicator(indicator);
  return [
    {
      header: count ? '年度目标(个)' : '年度目标(亿元)',
      kind: count ? 'count' : 'yi',
      value: (r) => {
        const target = r.targets[indicator];
        return target === undefined ? NONE : count ? Number(target) : wanToYiNumber(target);
      },
    },
    { header: '完成率', kind: 'rate', value: (r) => (r.targets[indicator] === undefined ? NONE : rate(r.yearToDate.targetCompletion[indicator])) },
  ];
}

const NUMBER_FORMATS: Record<Kind, string> = { count: '0', yi: '0.00', rate: '0.0%' };
const THIN = { style: 'thin' as const, color: { argb: 'FF8C8C8C' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFDCE6F1' } };
const TOTAL_FILL = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFFFF2CC' } };
const FONT = 'SimSun';

export const HEADER_ROWS = 4;

/** The day the warning counts are as of: the month's last day, or the day generated if earlier, `6月30日`. */
export function warningsAsOf(table: Pick<DispatchTable, 'month' | 'generatedOn'>): string {
  const monthEnd = lastDayOf(table.month);
  const day = monthEnd < table.generatedOn ? monthEnd : table.generatedOn;
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

/** The workbook of the table: title, subtitle, two header rows, the rows, and the note under the total. */
export async function writeDispatchTable(table: DispatchTable): Promise<Buffer> {
  const m = Number(table.month.slice(5, 7));
  const year = table.month.slice(0, 4);
  const groups: { title: string; columns: Column[] }[] = [
    { title: '本月', columns: periodColumns((r) => r.month) },
    { title: m === 1 ? '1月累计' : `1–${m}月累计`, columns: periodColumns((r) => r.yearToDate) },
    ...table.targetIndicators.map((indicator) => ({ title: TARGET_GROUP_LABELS[indicator], columns: targetColumns(indicator) })),
    ...(table.withWarnings
      ? [
          {
            // counted as they stood at the month's end (today, for the month under way): said, as the 驾驶舱 counts today's
            title: `预警（截至${warningsAsOf(table)}）`,
            columns: [
              { header: '红色(个)', kind: 'count' as Kind, value: (r: DispatchRow) => r.warnings?.red ?? 0 },
              { header: '黄色(个)', kind: 'count' as Kind, value: (r: DispatchRow) => r.warnings?.yellow ?? 0 },
            ],
          },
        ]
      : []),
    ...(table.withFollowThrough
      ? [
          {
            // states on the same day as the warnings; 下发 counts since January (the note says so)
            title: `跟踪落实（截至${warningsAsOf(table)}）`,
            columns: [
              { header: '问题未办结(个)', kind: 'count' as Kind, value: (r: DispatchRow) => r.followThrough?.problemsOpen ?? 0 },
              { header: '其中超期(个)', kind: 'count' as Kind, value: (r: DispatchRow) => r.followThrough?.problemsOverdue ?? 0 },
              { header: m === 1 ? '督办下发(件，1月)' : `督办下发(件，1–${m}月)`, kind: 'count' as Kind, value: (r: DispatchRow) => r.followThrough?.noticesIssued ?? 0 },
              { header: '督办超期(件)', kind: 'count' as Kind, value: (r: DispatchRow) => r.followThrough?.noticesOverdue ?? 0 },
            ],
          },
        ]
      : []),
  ];
  const columns = groups.flatMap((g) => g.columns);
  const width = columns.length + 1;

  const workbook = new ExcelJS.Workbook();
  workbook.creator = table.cityName;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('月调度表', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROWS }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `1:${HEADER_ROWS}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  sheet.getColumn(1).width = 18;
  columns.forEach((column, i) => (sheet.getColumn(i + 2).width = column.kind === 'rate' ? 11 : 10.5));

  const title = sheet.getRow(1);
  title.getCell(1).value = `${table.cityName}招商引资项目月调度表（${year}年${m}月）`;
  title.getCell(1).font = { name: FONT, size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  title.height = 30;
  sheet.mergeCells(1, 1, 1, width);

  const subtitle = sheet.getRow(2);
  const [gy, gm, gd] = table.generatedOn.split('-').map(Number);
  subtitle.getCell(1).value = `生成日期：${gy}年${gm}月${gd}日\u3000\u3000数据口径：已核实月报\u3000\u3000金额单位：亿元`;
  subtitle.getCell(1).font = { name: FONT, size: 10 };
  subtitle.getCell(1).alignment = { horizontal: 'right', vertical: 'middle' };
  subtitle.height = 18;
  sheet.mergeCells(2, 1, 2, width);

  const headerCell = (row: number, col: number, text: string) => {
    const cell = sheet.getCell(row, col);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  headerCell(3, 1, '地区');
  headerCell(4, 1, '地区');
  sheet.mergeCells(3, 1, 4, 1);
  let col = 2;
  for (const group of groups) {
    for (const [i, column] of group.columns.entries()) {
      headerCell(3, col + i, group.title);
      headerCell(4, col + i, column.header);
    }
    sheet.mergeCells(3, col, 3, col + group.columns.length - 1);
    col += group.columns.length;
  }
  sheet.getRow(3).height = 20;
  sheet.getRow(4).height = 42;

  for (const [r, data] of table.rows.entries()) {
    const row = sheet.getRow(HEADER_ROWS + 1 + r);
    const label = row.getCell(1);
    label.value = data.label;
    label.alignment = { horizontal: data.isTotal ? 'center' : 'left', vertical: 'middle' };
    columns.forEach((column, i) => {
      const cell = row.getCell(i + 2);
      const value = column.value(data);
      cell.value = value;
      cell.numFmt = NUMBER_FORMATS[column.kind];
      cell.alignment = { horizontal: value === NONE ? 'center' : 'right', vertical: 'middle' };
    });
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      cell.border = BORDER;
      cell.font = { name: FONT, size: 10, bold: data.isTotal };
      if (data.isTotal) cell.fill = TOTAL_FILL;
    }
    row.height = 18;
  }

  const noteRow = sheet.getRow(HEADER_ROWS + table.rows.length + 1);
  noteRow.getCell(1).value = `注：${table.note}。`;
  noteRow.getCell(1).font = { name: FONT, size: 9, italic: true };
  noteRow.getCell(1).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  noteRow.height = 30;
  sheet.mergeCells(noteRow.number, 1, noteRow.number, width);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
