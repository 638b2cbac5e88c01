import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFailed } from './import-failed.js';
import { MAX_CELL_CHARS, readZipDirectory, XmlRefused, type ZipEntry } from './xlsx-parts.js';
import { columnLetter, openXlsx } from './xlsx-reader.js';

/** A cell as the file gives it: text from CSV; text, number, date or boolean from .xlsx. */
export type CellValue = string | number | boolean | Date | null;

export interface SheetRow {
  /** as the spreadsheet shows it: the first line is 1 */
  row: number;
  /** 0-based by column */
  cells: CellValue[];
}

export interface OpenedSheet {
  format: 'xlsx' | 'csv';
  /** for CSV the file's name; for .xlsx the first worksheet's name once its rows are being read */
  sheet: string;
  rows: () => AsyncIterable<SheetRow>;
}

/** More rows than an import takes (the target is 100,000): beyond it, the file is refused. */
export const MAX_DATA_ROWS = 200_000;
const MAX_COLUMNS = 100;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Opens an uploaded file as one sheet of rows, by its content rather than its name: a zip is .xlsx
 * (the first worksheet), an old binary .xls is refused, and text is CSV in UTF-8 (with or without
 * BOM) or GB18030, which Excel on Chinese Windows writes. Rows are read as a stream.
 */
export async function openSheet(path: string, originalName: string): Promise<OpenedSheet> {
  const name = basename(originalName || 'CSV');
  const head = await readHead(path, 4096);
  if (head.length === 0) throw ImportFailed.file(name, '上传的文件是空的');
  if (head.subarray(0, 4).equals(ZIP)) {
    const entries = await readZipDirectory(path, name);
    const opened: OpenedSheet = { format: 'xlsx', sheet: name, rows: () => xlsxRows(path, entries, opened) };
    return opened;
  }
  if (head.subarray(0, 4).equals(OLE)) throw ImportFailed.file(name, '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  if (/\.xlsx$/i.test(name)) throw ImportFailed.file(name, '文件不是有效的 Excel（.xlsx）文件，可能已损坏');
  // NUL bytes do not occur in text: a picture, a PDF, a Word file…
  if (head.includes(0)) throw ImportFailed.file(name, '无法识别的文件格式：请上传 Excel（.xlsx）或 CSV 文件');
  const encoding = head.subarray(0, 3).equals(UTF8_BOM) ? 'utf-8' : await detectEncoding(path);
  return { format: 'csv', sheet: name, rows: () => csvRows(path, name, encoding) };
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-8 when the whole file decodes strictly as UTF-8, else GB18030 (which decodes any bytes). */
async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** RFC 4180 CSV: quoted fields (with "" and line breaks inside), CRLF, LF or CR line ends. */
async function* csvRows(path: string, name: string, encoding: 'utf-8' | 'gb18030'): AsyncIterable<SheetRow> {
  // the BOM is dropped by the decoder (ignoreBOM false)
  const decoder = new TextDecoder(encoding);
  let field = '';
  let cells: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let pendingCr = false;
  let row = 0;
  const endRow = (): SheetRow => {
    cells.push(field);
    const done: SheetRow = { row: ++row, cells };
    field = '';
    cells = [];
    afterQuote = false;
    return done;
  };
  // Excel's limit for one cell holds for CSV too: a longer field is refused before it grows further
  const tooLong = () =>
    ImportFailed.file(
      name,
      `第 ${row + 1} 行 ${columnLetter(cells.length + 1)} 列的单元格超过 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符（Excel 单元格的上限），未写入任何数据；其开头为“${field.slice(0, 20)}…”`,
      row + 1,
      columnLetter(cells.length + 1),
    );
  // a refusal waits until the rows before it are given out (the error report shows them)
  let failure: ImportFailed | null = null;
  const stop = (rows: SheetRow[], why: ImportFailed): SheetRow[] => {
    failure = why;
    return rows;
  };
  const emit = (text: string): SheetRow[] => {
    const out: SheetRow[] = [];
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else field += c;
        if (field.length > MAX_CELL_CHARS) return stop(out, tooLong());
        continue;
      }
      if (c === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (c === ',') {
        cells.push(field);
        field = '';
        afterQuote = false;
        if (cells.length > MAX_COLUMNS) return stop(out, ImportFailed.file(name, `第 ${row + 1} 行的列数超过 ${MAX_COLUMNS} 列`, row + 1));
      } else if (c === '\r' || c === '\n') {
        out.push(endRow());
        pendingCr = c === '\r';
      } else {
        field += c;
        if (field.length > MAX_CELL_CHARS) return stop(out, tooLong());
      }
    }
    return out;
  };
  let carry = '';
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 })) {
    let text = carry + decoder.decode(chunk as Buffer, { stream: true });
    carry = '';
    // quotes at a chunk's end wait for the next chunk: "" (a quote) or " (the end of a field) needs the next character
    const trailing = /"+$/.exec(text)?.[0].length ?? 0;
    if (trailing > 0) {
      carry = text.slice(-trailing);
      text = text.slice(0, -trailing);
    }
    for (const r of emit(text)) yield r;
    if (failure) throw failure;
  }
  const rest = emit(carry + decoder.decode());
  for (const r of rest) yield r;
  if (failure) throw failure;
  if (field !== '' || cells.length > 0) yield endRow();
}

/** The first worksheet of an .xlsx, as a stream (see xlsx-reader.ts). */
async function* xlsxRows(path: string, entries: Map<string, ZipEntry>, opened: OpenedSheet): AsyncIterable<SheetRow> {
  const fileName = opened.sheet;
  try {
    const sheet = await openXlsx(path, entries, fileName, MAX_COLUMNS);
    opened.sheet = sheet.name;
    // TooLong never reaches here: the reader refuses such a cell with its row and column
    for await (const row of sheet.rows) yield row as SheetRow;
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    if (error instanceof XmlRefused) throw ImportFailed.file(fileName, error.message);
    throw ImportFailed.file(fileName, `无法读取 Excel 文件，文件可能已损坏（${error instanceof Error ? error.message.slice(0, 100) : String(error)}）`);
  }
}

/** The sheet name shown in errors for a CSV file. */
export function csvSheetName(originalName: string): string {
  return basename(originalName || 'CSV');
}
