import { REPORT_MONEY_FIELDS, type ReportFigures } from '@zhaoshang/shared/domain';

/** The input columns of the entry grid, left to right. */
export const GRID_COLUMNS = [...REPORT_MONEY_FIELDS.slice(0, 3), 'completedInvestmentWan', 'progress'] as const satisfies readonly (keyof ReportFigures)[];
export type GridColumn = (typeof GRID_COLUMNS)[number];

export interface CellPosition {
  row: number;
  col: number;
}

/** Where the caret is in the cell's input: ←/→ leave the cell only from its edge, as in a spreadsheet. */
export interface Caret {
  atStart: boolean;
  atEnd: boolean;
}

const EDGES: Caret = { atStart: true, atEnd: true };

/**
 * Where a key sends the focus, or null when the key is not ours (Tab stays the browser's):
 * Enter / ArrowDown go to the same column of the next editable row, Shift+Enter / ArrowUp to the
 * previous one; rows that cannot be edited (submitted, verified) are jumped over. ArrowLeft /
 * ArrowRight go to the cell beside when the caret is at the input's start / end (a cell just
 * entered has all its text selected, so the arrow moves on at once), else they move the caret.
 */
export function keyTarget(key: string, shift: boolean, from: CellPosition, editable: readonly boolean[], caret: Caret = EDGES): CellPosition | null {
  if (key === 'ArrowLeft') return caret.atStart && from.col > 0 ? { row: from.row, col: from.col - 1 } : null;
  if (key === 'ArrowRight') return caret.atEnd && from.col < GRID_COLUMNS.length - 1 ? { row: from.row, col: from.col + 1 } : null;
  let step: 1 | -1;
  if (key === 'Enter') step = shift ? -1 : 1;
  else if (key === 'ArrowDown') step = 1;
  else if (key === 'ArrowUp') step = -1;
  else return null;
  for (let row = from.row + step; row >= 0 && row < editable.length; row += step) {
    if (editable[row]) return { row, col: from.col };
  }
  return null;
}

/** 1,234.50 / 1 234,5? — thousands separators and spaces out: `1,234.50` → `1234.50`. */
export function cleanNumber(text: string): string {
  return text.replace(/[,，\s\u00a0\u3000]/g, '').replace(/^￥|^¥/, '');
}

/** An Excel selection on the clipboard: lines of tab-separated cells (the last line break is not a row). */
export function parseClipboardBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/** Whether a paste is a block (more than one cell) rather than one value. */
export function isBlock(block: string[][]): boolean {
  return block.length > 1 || (block[0]?.length ?? 0) > 1;
}

export interface CellValue extends CellPosition {
  field: GridColumn;
  value: string;
}

/**
 * The cells a block pasted at `start` fills: to the right up to the last column, and down over
 * the editable rows (read-only rows are skipped, as Enter skips them); what does not fit is dropped.
 * Amounts are cleaned of separators; the progress text is trimmed.
 */
export function pasteCells(start: CellPosition, block: string[][], editable: readonly boolean[]): CellValue[] {
  const cells: CellValue[] = [];
  let row = start.row;
  for (const line of block) {
    while (row < editable.length && !editable[row]) row++;
    if (row >= editable.length) break;
    line.forEach((raw, offset) => {
      const col = start.col + offset;
      if (col >= GRID_COLUMNS.length) return;
      const field = GRID_COLUMNS[col];
      cells.push({ row, col, field, value: field === 'progress' ? raw.trim() : cleanNumber(raw) });
    });
    row++;
  }
  return cells;
}
