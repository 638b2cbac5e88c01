import type { ImportRowError } from '@zhaoshang/shared/domain';
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { neutraliseCell } from '../../common/http/xlsx-reply.js';
import { ImportFailed } from './import-failed.js';
import type { OpenedSheet } from './sheet-reader.js';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };
const ERROR_HEADER = '错误说明';

export function errorReportFileName(originalName: string): string {
  const base = originalName.replace(/\.[^.]*$/, '') || '导入文件';
  return `${base}-错误说明.xlsx`;
}

/**
 * The uploaded sheet again as .xlsx, row by row (a streaming writer), with 「错误说明」 after the
 * last column: each bad row highlighted and its errors spelt out, so staff fix them and upload again.
 */
export async function writeErrorReport(out: Writable, sheet: OpenedSheet, errors: ImportRowError[]): Promise<void> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const error of errors) byRow.set(error.row, [...(byRow.get(error.row) ?? []), error]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const target = workbook.addWorksheet('错误说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  let width = 0;
  let written = 0;
  try {
    for await (const row of sheet.rows()) {
      const blank = row.cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
      const isHeader = width === 0 && !blank;
      if (isHeader) width = row.cells.length;
      // rows the import skips (blank ones) keep their place, so that row numbers match the original file
      for (; written < row.row - 1; written++) target.addRow([]).commit();
      const problems = byRow.get(row.row);
      const message = isHeader ? ERROR_HEADER : (problems?.map((p) => (p.column ? `【${p.column}】${p.message}` : p.message)).join('；') ?? null);
      const cells = row.cells.map((c) => (typeof c === 'string' ? neutraliseCell(c) : c));
      const padded = [...cells, ...Array<null>(Math.max(0, width - cells.length)).fill(null)];
      const added = target.addRow([...padded, message]);
      if (isHeader) added.font = { bold: true };
      else if (problems) {
        for (let i = 1; i <= padded.length + 1; i++) added.getCell(i).fill = ERROR_FILL;
        added.getCell(padded.length + 1).font = { color: { argb: 'FFC00000' } };
      }
      added.commit();
      written = row.row;
    }
  } catch (error) {
    // the reader refuses the file part-way (a cell over Excel's limit, too many columns): the report
    // ends there with the reason, rather than as a broken download
    if (!(error instanceof ImportFailed)) throw error;
    const added = target.addRow([...Array<null>(width).fill(null), error.message]);
    added.getCell(width + 1).font = { color: { argb: 'FFC00000' } };
    added.commit();
  }
  target.getColumn(width + 1).width = 60;
  target.commit();
  await workbook.commit();
}
