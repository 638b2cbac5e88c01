import { excerpt } from './cells.js';
import { ImportFailed } from './import-failed.js';
import { MAX_CELL_CHARS, saxEvents, SHARED_STRINGS, type ZipEntry } from './xlsx-parts.js';

/**
 * Our own reader of an .xlsx's first worksheet: the zip's parts are found by its central directory
 * and read in a fixed order (relationships, workbook, styles, shared strings, then the worksheet), each
 * inflated and SAX-parsed as a stream. It replaced ExcelJS' streaming WorkbookReader, which
 * - followed the zip's order and lost parts now and then: unzipper's Parse emits 'end' as soon as the
 *   input file has been read, while entries it has already parsed still wait in its paused buffer, and
 *   ExcelJS' iterateStream stops at that 'end'. When the shared strings were among the lost entries the
 *   worksheet was read without them (issue 12: a header cell came out as {sharedString: 0} under load);
 * - built every string whole: one 20 MB shared string took 49 s and 2.4 GB (issue 12).
 * Here nothing longer than Excel's own cell limit is built, and the parts' sizes are bounded first.
 */

/** Distinct texts of one file: the shared strings are held in memory while the worksheet is read. */
export const MAX_SHARED_STRINGS = 2_000_000;

/** A cell longer than Excel allows: refused with its row and column once the worksheet reaches it. */
export class TooLong {
  constructor(readonly start: string) {}
}

export type XlsxValue = string | number | boolean | Date | null | TooLong;

export interface XlsxRow {
  row: number;
  /** 0-based by column, trailing empty cells dropped (as ExcelJS gave them) */
  cells: XlsxValue[];
}

/** Text collected up to Excel's limit: beyond it only the first characters are kept, to quote. */
class CellText {
  private parts: string[] = [];
  private length = 0;
  private over = false;

  add(text: string): void {
    if (this.over) return;
    this.length += text.length;
    if (this.length > MAX_CELL_CHARS) {
      this.over = true;
      this.parts = [(this.parts.join('') + text).slice(0, 200)];
      return;
    }
    this.parts.push(text);
  }

  value(): string | TooLong {
    return this.over ? new TooLong(this.parts.join('')) : this.parts.join('');
  }
}

interface Workbook {
  sheetName: string;
  sheetPath: string;
  date1904: boolean;
}

/** The first worksheet (in the workbook's order, as Excel shows its tabs), its name, and the date system. */
async function readWorkbook(path: string, entries: Map<string, ZipEntry>): Promise<Workbook | null> {
  const workbookEntry = entries.get('xl/workbook.xml');
  const relsEntry = entries.get('xl/_rels/workbook.xml.rels');
  const fallback = [...entries.keys()]
    .map((name) => /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))[0]?.[0];
  let sheetName = '';
  let rId = '';
  let date1904 = false;
  if (workbookEntry) {
    for await (const batch of saxEvents(path, workbookEntry)) {
      for (const e of batch) {
        if (e.kind !== 'open') continue;
        if (e.name === 'workbookPr') date1904 = e.attributes['date1904'] === '1' || e.attributes['date1904'] === 'true';
        if (e.name === 'sheet' && !rId) {
          sheetName = e.attributes['name'] ?? '';
          rId = e.attributes['r:id'] ?? Object.entries(e.attributes).find(([k]) => k.endsWith(':id'))?.[1] ?? '';
        }
      }
    }
  }
  let sheetPath: string | undefined;
  if (relsEntry && rId) {
    for await (const batch of saxEvents(path, relsEntry)) {
      for (const e of batch) {
        if (e.kind === 'open' && e.name === 'Relationship' && e.attributes['Id'] === rId) {
          const target = e.attributes['Target'] ?? '';
          sheetPath = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        }
      }
    }
  }
  if (!sheetPath || !entries.has(sheetPath)) sheetPath = fallback;
  return sheetPath ? { sheetName, sheetPath, date1904 } : null;
}

/** Excel's built-in number formats that show a date or time (the Chinese ones included). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** As ExcelJS decides it: a format with y, m, d, h, s or b outside quotes and brackets shows a date. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Which cell styles (the `s` of a cell, an index into cellXfs) show a date. */
async function readDateStyles(path: string, entry: ZipEntry | undefined): Promise<Set<number>> {
  const dates = new Set<number>();
  if (!entry) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let xf = 0;
  for await (const batch of saxEvents(path, entry)) {
    for (const e of batch) {
      if (e.kind === 'open' && e.name === 'numFmt') custom.set(Number(e.attributes['numFmtId']), e.attributes['formatCode'] ?? '');
      else if (e.kind === 'open' && e.name === 'cellXfs') inCellXfs = true;
      else if (e.kind === 'close' && e.name === 'cellXfs') inCellXfs = false;
      else if (e.kind === 'open' && e.name === 'xf' && inCellXfs) {
        const id = Number(e.attributes['numFmtId'] ?? 0);
        const code = custom.get(id);
        if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) dates.add(xf);
        xf++;
      }
    }
  }
  return dates;
}

/** The shared strings as plain text (rich text runs joined, phonetic guides left out); too long ones as TooLong. */
async function readSharedStrings(path: string, entry: ZipEntry | undefined, fileName: string): Promise<(string | TooLong)[]> {
  const strings: (string | TooLong)[] = [];
  if (!entry) return strings;
  let text: CellText | null = null;
  let inT = false;
  let inPhonetic = false;
  for await (const batch of saxEvents(path, entry)) {
    for (const e of batch) {
      if (e.kind === 'text') {
        if (text && inT && !inPhonetic) text.add(e.text);
      } else if (e.kind === 'open') {
        if (e.name === 'si') text = new CellText();
        else if (e.name === 't') inT = true;
        else if (e.name === 'rPh') inPhonetic = true;
      } else if (e.name === 't') inT = false;
      else if (e.name === 'rPh') inPhonetic = false;
      else if (e.name === 'si' && text) {
        strings.push(text.value());
        text = null;
        if (strings.length > MAX_SHARED_STRINGS) {
          throw ImportFailed.file(fileName, `Excel 文件中的不同文本超过 ${MAX_SHARED_STRINGS.toLocaleString('en')} 个，请分成几个文件导入`);
        }
      }
    }
  }
  return strings;
}

/** 'B12' → 2 (1-based); 0 when there is no column. */
function columnOf(ref: string | undefined): number {
  let col = 0;
  for (const c of ref ?? '') {
    const code = c.charCodeAt(0);
    if (code >= 65 && code <= 90) col = col * 26 + code - 64;
    else break;
  }
  return col;
}

/** 3 → 'C', 28 → 'AB'. */
export function columnLetter(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export interface XlsxSheet {
  name: string;
  rows: AsyncIterable<XlsxRow>;
}

/**
 * Opens the first worksheet of an .xlsx whose directory was checked by readZipDirectory. Cells are
 * given as ExcelJS gave them: shared and inline strings as text, numbers, dates (by the cell's number
 * format), booleans, error cells as their text ('#N/A'), a formula as its cached result.
 */
export async function openXlsx(path: string, entries: Map<string, ZipEntry>, fileName: string, maxColumns: number): Promise<XlsxSheet> {
  const workbook = await readWorkbook(path, entries);
  if (!workbook) throw ImportFailed.file(fileName, 'Excel 文件中没有工作表');
  const dateStyles = await readDateStyles(path, entries.get('xl/styles.xml'));
  const strings = await readSharedStrings(path, entries.get(SHARED_STRINGS), fileName);
  const sheet = entries.get(workbook.sheetPath);
  if (!sheet) throw ImportFailed.file(fileName, 'Excel 文件中没有工作表');
  // errors in the rows name the worksheet, as the importers' own errors do
  const name = excerpt(workbook.sheetName) || fileName;
  return { name, rows: sheetRows(path, sheet, { strings, dateStyles, date1904: workbook.date1904, sheet: name, maxColumns }) };
}

interface SheetContext {
  strings: (string | TooLong)[];
  dateStyles: Set<number>;
  date1904: boolean;
  /** the worksheet's name, as errors name it */
  sheet: string;
  maxColumns: number;
}

interface OpenCell {
  col: number;
  type: string;
  style: number;
  formula: boolean;
  value: CellText | null;
  inline: CellText | null;
}

async function* sheetRows(path: string, entry: ZipEntry, context: SheetContext): AsyncIterable<XlsxRow> {
  let row: XlsxRow | null = null;
  let lastRow = 0;
  let lastCol = 0;
  let cell: OpenCell | null = null;
  let inV = false;
  let inT = false;
  let inPhonetic = false;
  for await (const batch of saxEvents(path, entry)) {
    const done: XlsxRow[] = [];
    for (const e of batch) {
      if (e.kind === 'text') {
        if (cell && inV) cell.value?.add(e.text);
        else if (cell && inT && !inPhonetic) cell.inline?.add(e.text);
        continue;
      }
      if (e.kind === 'open') {
        switch (e.name) {
          case 'row':
            lastRow = Number(e.attributes['r']) || lastRow + 1;
            lastCol = 0;
            row = { row: lastRow, cells: [] };
            break;
          case 'c':
            if (!row) break;
            lastCol = columnOf(e.attributes['r']) || lastCol + 1;
            if (lastCol > context.maxColumns) {
              throw ImportFailed.file(context.sheet, `第 ${row.row} 行的列数超过 ${context.maxColumns} 列`, row.row);
            }
            cell = { col: lastCol, type: e.attributes['t'] ?? 'n', style: Number(e.attributes['s'] ?? 0), formula: false, value: null, inline: null };
            break;
          case 'v':
            if (cell) cell.value = new CellText();
            inV = true;
            break;
          case 'f':
            if (cell) cell.formula = true;
            break;
          case 'is':
            if (cell) cell.inline = new CellText();
            break;
          case 't':
            inT = true;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
        continue;
      }
      switch (e.name) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          inPhonetic = false;
          break;
        case 'c':
          if (row && cell) {
            const value = cellValue(cell, context);
            if (value instanceof TooLong) throw tooLongCell(context.sheet, row.row, cell.col, value);
            if (value !== null) row.cells[cell.col - 1] = value;
          }
          cell = null;
          break;
        case 'row':
          if (row) {
            // holes (cells not in the file) are empty cells
            for (let i = 0; i < row.cells.length; i++) row.cells[i] ??= null;
            done.push(row);
          }
          row = null;
          break;
      }
    }
    for (const r of done) yield r;
  }
}

function tooLongCell(sheet: string, row: number, col: number, value: TooLong): ImportFailed {
  return ImportFailed.file(
    sheet,
    `第 ${row} 行 ${columnLetter(col)} 列的单元格超过 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符（Excel 单元格的上限），未写入任何数据；其开头为“${value.start.slice(0, 20)}…”`,
    row,
    columnLetter(col),
  );
}

function cellValue(cell: OpenCell, context: SheetContext): XlsxValue {
  const raw = cell.value?.value() ?? null;
  if (raw instanceof TooLong) return raw;
  if (cell.formula) {
    // a formula's cached result; ExcelJS kept it a number unless the result is text
    if (raw === null || raw === '') return null;
    if (cell.type === 'str') return raw;
    if (cell.type === 'e') return raw;
    return parseFloat(raw);
  }
  if (cell.type === 'inlineStr') return cell.inline?.value() ?? raw;
  if (raw === null || raw === '') return null;
  switch (cell.type) {
    case 's': {
      const index = Number(raw);
      return Number.isInteger(index) ? (context.strings[index] ?? null) : null;
    }
    case 'str':
    case 'e':
      return raw;
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'd': {
      const date = new Date(raw);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      const n = parseFloat(raw);
      if (context.dateStyles.has(cell.style) && Number.isFinite(n)) {
        return new Date(Math.round((n - 25569 + (context.date1904 ? 1462 : 0)) * 86_400_000));
      }
      return n;
    }
  }
}
