import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { ImportFailed } from './import-failed.js';

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
    const opened: OpenedSheet = { format: 'xlsx', sheet: name, rows: () => xlsxRows(path, opened) };
    return opened;
  }
  if (head.subarray(0, 4).equals(OLE)) throw ImportFailed.file(name, '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  if (/\.xlsx$/i.test(name)) throw ImportFailed.file(name, '文件不是有效的 Excel（.xlsx）文件，可能已损坏');
  // NUL bytes do not occur in text: a picture, a PDF, a Word file…
  if (head.includes(0)) throw ImportFailed.file(name, '无法识别的文件格式：请上传 Excel（.xlsx）或 CSV 文件');
  const encoding = head.subarray(0, 3).equals(UTF8_BOM) ? 'utf-8' : await detectEncoding(path);
  return { format: 'csv', sheet: name, rows: () => csvRows(path, encoding) };
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
async function* csvRows(path: string, encoding: 'utf-8' | 'gb18030'): AsyncIterable<SheetRow> {
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
        continue;
      }
      if (c === '"' && field === '' && !afterQuote) {
        quoted = true;
      } else if (c === ',') {
        cells.push(field);
        field = '';
        afterQuote = false;
        if (cells.length > MAX_COLUMNS) throw ImportFailed.file(basename(path), `第 ${row + 1} 行的列数超过 ${MAX_COLUMNS} 列`, row + 1);
      } else if (c === '\r' || c === '\n') {
        out.push(endRow());
        pendingCr = c === '\r';
      } else field += c;
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
  }
  const rest = emit(carry + decoder.decode());
  for (const r of rest) yield r;
  if (field !== '' || cells.length > 0) yield endRow();
}

/** The first worksheet of an .xlsx, as a stream (shared strings and styles cached, so dates are dates). */
async function* xlsxRows(path: string, opened: OpenedSheet): AsyncIterable<SheetRow> {
  const fileName = opened.sheet;
  const reader = withUtf8Decoding(
    new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' }),
  );
  try {
    for await (const worksheet of reader) {
      opened.sheet = (worksheet as unknown as { name?: string }).name || opened.sheet;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        if (values.length - 1 > MAX_COLUMNS) throw ImportFailed.file(fileName, `第 ${row.number} 行的列数超过 ${MAX_COLUMNS} 列`, row.number);
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    throw ImportFailed.file(fileName, `无法读取 Excel 文件，文件可能已损坏（${error instanceof Error ? error.message.slice(0, 100) : String(error)}）`);
  }
}

type ChunkSource = AsyncIterable<Buffer | string>;
interface ReaderInternals {
  _parseWorksheet?: (iterator: ChunkSource, sheetNo: string) => unknown;
  _parseSharedStrings?: (entry: NodeJS.ReadableStream) => unknown;
}

/**
 * ExcelJS 4.4's streaming reader decodes every zip chunk on its own (a TextDecoder without
 * `stream: true`), so a Chinese character split between two chunks becomes U+FFFD — one cell in
 * some thousands of a big file. This reader's worksheet and shared-strings parts are decoded as
 * one stream instead: the worksheet chunks through a streaming TextDecoder, the shared strings
 * entry with setEncoding (Node's StringDecoder). Only this instance is changed.
 */
function withUtf8Decoding(reader: ExcelJS.stream.xlsx.WorkbookReader): ExcelJS.stream.xlsx.WorkbookReader {
  const internals = reader as unknown as ReaderInternals;
  const parseWorksheet = internals._parseWorksheet;
  const parseSharedStrings = internals._parseSharedStrings;
  if (typeof parseWorksheet !== 'function' || typeof parseSharedStrings !== 'function') {
    throw new Error('ExcelJS WorkbookReader internals changed: review withUtf8Decoding');
  }
  internals._parseWorksheet = (iterator, sheetNo) => parseWorksheet.call(reader, decodeUtf8(iterator), sheetNo);
  internals._parseSharedStrings = (entry) => {
    entry.setEncoding('utf8');
    return parseSharedStrings.call(reader, entry);
  };
  return reader;
}

async function* decodeUtf8(chunks: ChunkSource): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** ExcelJS' rich text, formulas (their cached result), hyperlinks and errors as plain values. */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) return (v['richText'] as { text?: string }[]).map((part) => part.text ?? '').join('');
    if ('result' in v) return plainCell(v['result']);
    if ('formula' in v || 'sharedFormula' in v) return null;
    if (typeof v['text'] === 'string') return v['text'];
    if ('error' in v) return String(v['error']);
  }
  return String(value as string);
}

/** The sheet name shown in errors for a CSV file. */
export function csvSheetName(originalName: string): string {
  return basename(originalName || 'CSV');
}
