import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { excerpt } from './cells.js';
import { ImportFailed } from './import-failed.js';

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

/** Excel's own limit of characters in one cell: a longer string is refused where it is used. */
export const MAX_CELL_CHARS = 32_767;
/** All parts together, uncompressed, as the zip's directory states them (100,000 rows of 30 columns take ~150 MB). */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;
/** Above this size a part must not be compressed more than MAX_RATIO times: XML compresses 5–50 times, a zip bomb ~1,000. */
export const MAX_RATIO = 250;
const RATIO_FROM_BYTES = 1024 * 1024;
export const MAX_SHARED_STRINGS = 2_000_000;
/**
 * The shared strings are the one part held in memory (the worksheet is streamed): its size bounds
 * what they take, with MAX_SHARED_STRINGS bounding their number.
 */
export const MAX_SHARED_STRINGS_BYTES = 100 * 1024 * 1024;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const MAX_ENTRIES = 10_000;
/**
 * The longest run of characters between two '<' the SAX parser is given: saxes keeps a text node (or
 * a tag) whole until its end, so a longer run is cut here, after enough characters to tell that the
 * cell is too long (an entity takes at most ~10 characters for one).
 */
const MAX_RUN = MAX_CELL_CHARS * 10 + 16;

export interface ZipEntry {
  name: string;
  deflated: boolean;
  compressed: number;
  uncompressed: number;
  crc: number;
  dataStart: number;
}

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

const broken = (fileName: string, why: string) => ImportFailed.file(fileName, `文件不是有效的 Excel（.xlsx）文件，可能已损坏或未上传完整（${why}）`);

/**
 * The zip's directory, checked before anything is inflated: sizes against the limits above, each
 * entry's local header where the directory says, then each entry's data inflated as a stream (nothing
 * kept, never past its stated size) against its recorded size and CRC-32. A truncated upload has no
 * directory; a zip bomb states its sizes (or is cut where it exceeds them).
 */
export async function readZipDirectory(path: string, fileName: string): Promise<Map<string, ZipEntry>> {
  const handle = await open(path, 'r');
  const entries = new Map<string, ZipEntry>();
  try {
    const { size } = await handle.stat();
    const tailSize = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailSize);
    await handle.read(tail, 0, tailSize, size - tailSize);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0 || eocd + 22 > tail.length) throw broken(fileName, '缺少目录');
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0 || dirOffset + dirSize > size || dirSize > 16 * 1024 * 1024) throw broken(fileName, '目录不完整');
    if (count > MAX_ENTRIES) throw ImportFailed.file(fileName, `Excel 文件包含的部件过多（超过 ${MAX_ENTRIES} 个），请另存为新的 .xlsx 后再导入`);
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    let at = 0;
    let total = 0;
    const listed: (ZipEntry & { localOffset: number })[] = [];
    for (let i = 0; i < count; i++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw broken(fileName, '目录项有误');
      const method = dir.readUInt16LE(at + 10);
      const nameLength = dir.readUInt16LE(at + 28);
      const entry = {
        name: dir.toString('utf8', at + 46, at + 46 + nameLength),
        deflated: method === 8,
        crc: dir.readUInt32LE(at + 16),
        compressed: dir.readUInt32LE(at + 20),
        uncompressed: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
        dataStart: 0,
      };
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
      if (method !== 0 && method !== 8) throw broken(fileName, '不支持的压缩方式');
      total += entry.uncompressed;
      // checked before a byte is inflated: the directory is all a zip bomb has to declare itself
      if (total > MAX_UNCOMPRESSED_BYTES) throw tooBig(fileName);
      if (entry.name === SHARED_STRINGS && entry.uncompressed > MAX_SHARED_STRINGS_BYTES) {
        throw ImportFailed.file(fileName, `Excel 文件中的文本解压后超过 ${MAX_SHARED_STRINGS_BYTES / 1024 / 1024} MB，请分成几个文件导入`);
      }
      if (entry.uncompressed > RATIO_FROM_BYTES && entry.uncompressed > entry.compressed * MAX_RATIO) {
        throw ImportFailed.file(fileName, `Excel 文件中的“${entry.name.slice(0, 100)}”压缩比异常（超过 ${MAX_RATIO} 倍），不像是正常的表格文件，未写入任何数据`);
      }
      listed.push(entry);
    }
    for (const entry of listed) {
      const local = Buffer.alloc(30);
      await handle.read(local, 0, 30, entry.localOffset);
      if (local.readUInt32LE(0) !== 0x04034b50) throw broken(fileName, '文件项有误');
      entry.dataStart = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (entry.dataStart + entry.compressed > size) throw broken(fileName, '数据不完整');
      await checkEntry(path, entry).catch(() => {
        throw broken(fileName, '数据校验失败');
      });
      const { localOffset: _, ...plain } = entry;
      entries.set(entry.name, plain);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

const tooBig = (fileName: string) =>
  ImportFailed.file(fileName, `Excel 文件解压后超过 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB，请分成几个文件导入`);

/** The entry's bytes, inflated as a stream and never past the size the directory states. */
async function* entryBytes(path: string, entry: ZipEntry): AsyncIterable<Buffer> {
  if (entry.compressed === 0) return;
  const raw = createReadStream(path, { start: entry.dataStart, end: entry.dataStart + entry.compressed - 1 });
  const data: AsyncIterable<Buffer> = entry.deflated ? raw.pipe(createInflateRaw()) : raw;
  let total = 0;
  try {
    for await (const chunk of data) {
      total += chunk.length;
      if (total > entry.uncompressed) throw new Error('too long');
      yield chunk;
    }
  } finally {
    raw.destroy();
  }
}

async function checkEntry(path: string, entry: ZipEntry): Promise<void> {
  let crc = 0;
  let total = 0;
  for await (const chunk of entryBytes(path, entry)) {
    crc = crc32(chunk, crc);
    total += chunk.length;
  }
  if (total !== entry.uncompressed || crc >>> 0 !== entry.crc >>> 0) throw new Error('mismatch');
}

/** A part whose XML no spreadsheet has: refused as a whole, with this message. */
export class XmlRefused extends Error {}

/** Sections the SAX parser keeps whole until their end, whatever '<' they contain. */
const SECTIONS: readonly [open: string, close: string][] = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
];
const LOOKAHEAD = 9; // '<![CDATA['.length

/**
 * Bounds what the SAX parser holds at once (saxes keeps a text node, a tag, a comment or a CDATA
 * section whole until its end). Runs of more than MAX_RUN characters between two '<' are cut short:
 * what is kept still tells that a cell is too long. Comments, CDATA sections and processing
 * instructions may contain '<', so they are followed to their end and refused beyond MAX_RUN. A
 * DOCTYPE is refused: SpreadsheetML has none, and entity declarations are a bomb of their own.
 */
class XmlGuard {
  private run = 0;
  /** inside a section until this closes it */
  private close: string | null = null;
  /** the end of a chunk that may begin a marker, decided with the next chunk */
  private pending = '';

  feed(chunk: string, last: boolean): string {
    const text = this.pending + chunk;
    this.pending = '';
    let out = '';
    let from = 0;
    while (from < text.length) {
      if (this.close !== null) {
        const end = text.indexOf(this.close, from);
        if (end < 0 && !last) {
          // the closing marker may be split between chunks: its first characters wait for the next one
          const keep = Math.max(from, text.length - (this.close.length - 1));
          this.count(keep - from);
          out += text.slice(from, keep);
          this.pending = text.slice(keep);
          return out;
        }
        const stop = end < 0 ? text.length : end + this.close.length;
        this.count(stop - from);
        out += text.slice(from, stop);
        from = stop;
        if (end >= 0) {
          this.close = null;
          this.run = 0;
        }
        continue;
      }
      const lt = text.indexOf('<', from);
      out += this.cut(text.slice(from, lt < 0 ? text.length : lt));
      if (lt < 0) break;
      if (text.length - lt < LOOKAHEAD && !last) {
        this.pending = text.slice(lt);
        return out;
      }
      if (text.startsWith('<!DOCTYPE', lt)) throw new XmlRefused('Excel 文件含有 DOCTYPE 声明，不像是正常的表格文件，未写入任何数据');
      const section = SECTIONS.find(([open]) => text.startsWith(open, lt));
      const marker = section ? section[0] : '<';
      out += marker;
      this.run = 0;
      this.close = section ? section[1] : null;
      from = lt + marker.length;
    }
    return out;
  }

  private count(length: number): void {
    this.run += length;
    if (this.run > MAX_RUN) {
      throw new XmlRefused(`Excel 文件中有超过 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符的注释、CDATA 段或处理指令，不像是正常的表格文件，未写入任何数据`);
    }
  }

  /** Characters up to the next '<', beyond MAX_RUN in one run dropped. */
  private cut(text: string): string {
    const room = MAX_RUN - this.run;
    if (text.length <= room) {
      this.run += text.length;
      return text;
    }
    let kept = text.slice(0, Math.max(0, room));
    // an entity cut in two would be a syntax error rather than a cell too long
    const amp = kept.lastIndexOf('&');
    if (amp >= 0 && !kept.includes(';', amp)) kept = kept.slice(0, amp);
    this.run = MAX_RUN;
    return kept;
  }
}

/** The entry as UTF-8 text (decoded as one stream, so a character split between chunks stays whole), guarded. */
async function* entryText(path: string, entry: ZipEntry): AsyncIterable<string> {
  const decoder = new TextDecoder('utf-8');
  const guard = new XmlGuard();
  for await (const chunk of entryBytes(path, entry)) yield guard.feed(decoder.decode(chunk, { stream: true }), false);
  yield guard.feed(decoder.decode(), true);
}

/** SAX events of one entry, in batches (one per chunk), parsed as a stream. */
async function* saxEvents(path: string, entry: ZipEntry): AsyncIterable<SaxEvent[]> {
  const parser = new SaxesParser();
  let batch: SaxEvent[] = [];
  let failure: Error | undefined;
  parser.on('opentag', (tag) => batch.push({ kind: 'open', name: localName(tag.name), attributes: tag.attributes as Record<string, string> }));
  parser.on('closetag', (tag: SaxesTagPlain) => batch.push({ kind: 'close', name: localName(tag.name) }));
  parser.on('text', (text) => batch.push({ kind: 'text', text }));
  parser.on('cdata', (text) => batch.push({ kind: 'text', text }));
  parser.on('error', (error) => {
    failure ??= error;
  });
  for await (const chunk of entryText(path, entry)) {
    parser.write(chunk);
    if (failure) throw failure;
    yield batch;
    batch = [];
  }
  parser.close();
  if (failure) throw failure;
  yield batch;
}

type SaxEvent = { kind: 'open'; name: string; attributes: Record<string, string> } | { kind: 'close'; name: string } | { kind: 'text'; text: string };

/** 'x:sheetData' and 'sheetData' alike: some writers prefix SpreadsheetML's namespace. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
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
