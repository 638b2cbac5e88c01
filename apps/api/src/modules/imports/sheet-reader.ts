import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { crc32, createInflateRaw } from 'node:zlib';
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
    await checkZip(path, name);
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
      for await (const row of withWatchdog(worksheet, fileName)) {
        const values = row.values as unknown[];
        if (values.length - 1 > MAX_COLUMNS) throw ImportFailed.file(fileName, `第 ${row.number} 行的列数超过 ${MAX_COLUMNS} 列`, row.number);
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) {
          try {
            cells.push(plainCell(values[i]));
          } catch (error) {
            if (!(error instanceof UnreadableCell)) throw error;
            throw ImportFailed.file(fileName, `第 ${row.number} 行第 ${i} 列的单元格未能读出，未写入任何数据，请重新上传该文件`, row.number);
          }
        }
        yield { row: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (error) {
    if (error instanceof ImportFailed) throw error;
    throw ImportFailed.file(fileName, `无法读取 Excel 文件，文件可能已损坏（${error instanceof Error ? error.message.slice(0, 100) : String(error)}）`);
  }
}

/** How long the .xlsx reader may go without producing a row before the file is taken as broken. */
const STALL_MS = 20_000;

/** ExcelJS' reader can wait forever on a damaged zip; no row for STALL_MS ends the import with a 422. */
async function* withWatchdog<T>(source: AsyncIterable<T>, fileName: string): AsyncIterable<T> {
  const iterator = source[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(ImportFailed.file(fileName, '无法读取 Excel 文件，文件可能已损坏（读取超时）')), STALL_MS);
    });
    try {
      const next = await Promise.race([iterator.next(), stalled]);
      if (next.done) return;
      yield next.value;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * A quick integrity check of an .xlsx before it is streamed: the zip's central directory must be
 * there (a truncated upload has none), each entry's local header where the directory says, and each
 * entry's data must inflate to its recorded size and CRC-32. ExcelJS' streaming reader does not
 * check these, and on some damaged files it never finishes.
 */
async function checkZip(path: string, fileName: string): Promise<void> {
  const broken = (why: string) => ImportFailed.file(fileName, `文件不是有效的 Excel（.xlsx）文件，可能已损坏或未上传完整（${why}）`);
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) throw broken('缺少目录');
    const entries = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0 || dirOffset + dirSize > size || dirSize > 16 * 1024 * 1024) throw broken('目录不完整');
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let at = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw broken('目录项有误');
      const method = dir.readUInt16LE(at + 10);
      const crc = dir.readUInt32LE(at + 16);
      const compressed = dir.readUInt32LE(at + 20);
      const uncompressed = dir.readUInt32LE(at + 24);
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      const localOffset = dir.readUInt32LE(at + 42);
      at += 46 + nameLength + extraLength + commentLength;
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw broken('文件项有误');
      const dataStart = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (dataStart + compressed > size) throw broken('数据不完整');
      if (method !== 0 && method !== 8) throw broken('不支持的压缩方式');
      await checkEntry(path, dataStart, compressed, method === 8, uncompressed, crc).catch(() => {
        throw broken('数据校验失败');
      });
    }
  } finally {
    await handle.close();
  }
}

/** Inflates one entry as a stream (nothing kept) and compares its size and CRC-32 with the directory's. */
async function checkEntry(path: string, start: number, length: number, deflated: boolean, size: number, crc: number): Promise<void> {
  let crcSoFar = 0;
  let total = 0;
  const raw = length === 0 ? [] : createReadStream(path, { start, end: start + length - 1 });
  const data: AsyncIterable<Buffer> = deflated && length > 0 ? (raw as NodeJS.ReadableStream).pipe(createInflateRaw()) : (raw as AsyncIterable<Buffer>);
  for await (const chunk of data) {
    crcSoFar = crc32(chunk, crcSoFar);
    total += chunk.length;
    if (total > size) throw new Error('too long');
  }
  if (total !== size || crcSoFar >>> 0 !== crc >>> 0) throw new Error('mismatch');
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
  internals._parseWorksheet = (iterator, sheetNo) => {
    // a zip whose worksheet comes before xl/workbook.xml: ExcelJS reads `model.sheets` before it has a model
    const withModel = reader as unknown as { model?: { sheets?: unknown[] } };
    withModel.model ??= { sheets: [] };
    return parseWorksheet.call(reader, decodeUtf8(iterator), sheetNo);
  };
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
    // a shared string ExcelJS did not resolve, or a value of a kind we do not know: never import its
    // "[object Object]" as text (seen once, intermittently, under heavy load)
    throw new UnreadableCell(JSON.stringify(value).slice(0, 80));
  }
  return String(value as string);
}

/** A cell the .xlsx reader could not turn into a value; the import answers with a 422 to retry. */
export class UnreadableCell extends Error {}

/** The sheet name shown in errors for a CSV file. */
export function csvSheetName(originalName: string): string {
  return basename(originalName || 'CSV');
}
