import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32, createInflateRaw } from 'node:zlib';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ImportFailed } from './import-failed.js';

/**
 * The parts of an .xlsx as xlsx-reader.ts reads them: the zip's directory checked against the limits
 * below before anything is inflated, and each part inflated, decoded and SAX-parsed as a stream, with
 * what the parser may hold at once bounded (XmlGuard).
 */

/** Excel's own limit of characters in one cell: a longer string is refused where it is used. */
export const MAX_CELL_CHARS = 32_767;
/** All parts together, uncompressed, as the zip's directory states them (100,000 rows of 30 columns take ~150 MB). */
export const MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024;
/** Above this size a part must not be compressed more than MAX_RATIO times: XML compresses 5–50 times, a zip bomb ~1,000. */
export const MAX_RATIO = 250;
const RATIO_FROM_BYTES = 1024 * 1024;
/**
 * The shared strings are the one part held in memory (the worksheet is streamed): its size bounds
 * what they take, with MAX_SHARED_STRINGS bounding their number.
 */
export const MAX_SHARED_STRINGS_BYTES = 100 * 1024 * 1024;
export const SHARED_STRINGS = 'xl/sharedStrings.xml';
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
export class XmlGuard {
  private run = 0;
  /** inside a section until this closes it */
  private close: string | null = null;
  /** the end of a chunk that may begin a marker, decided with the next chunk */
  private pending = '';

  /** `maxRun` other than MAX_RUN only in tests */
  constructor(private readonly maxRun = MAX_RUN) {}

  /**
   * The chunk as the parser may see it. Text passes through as it is (no copy) unless a run is cut:
   * `out` holds what was decided before the last cut, `kept` where the unchanged text resumes.
   */
  feed(chunk: string, last: boolean): string {
    const text = this.pending + chunk;
    this.pending = '';
    let out = '';
    let kept = 0;
    let from = 0;
    while (from < text.length) {
      if (this.close !== null) {
        const end = text.indexOf(this.close, from);
        if (end < 0 && !last) {
          // the closing marker may be split between chunks: its first characters wait for the next one
          const keep = Math.max(from, text.length - (this.close.length - 1));
          this.count(keep - from);
          this.pending = text.slice(keep);
          return out + text.slice(kept, keep);
        }
        const stop = end < 0 ? text.length : end + this.close.length;
        this.count(stop - from);
        from = stop;
        if (end >= 0) {
          this.close = null;
          this.run = 0;
        }
        continue;
      }
      const lt = text.indexOf('<', from);
      const runEnd = lt < 0 ? text.length : lt;
      const cutAt = this.cut(text, from, runEnd);
      if (cutAt < runEnd) {
        out += text.slice(kept, cutAt);
        kept = runEnd;
      }
      if (lt < 0) break;
      if (text.length - lt < LOOKAHEAD && !last) {
        this.pending = text.slice(lt);
        return out + text.slice(kept, lt);
      }
      const next = text.charCodeAt(lt + 1);
      // only '<!' and '<?' may open a section
      const section = next === 33 || next === 63 ? SECTIONS.find(([open]) => text.startsWith(open, lt)) : undefined;
      if (next === 33 && text.startsWith('<!DOCTYPE', lt)) throw new XmlRefused('Excel 文件含有 DOCTYPE 声明，不像是正常的表格文件，未写入任何数据');
      this.run = 0;
      this.close = section ? section[1] : null;
      from = lt + (section ? section[0].length : 1);
    }
    return kept === 0 ? text : out + text.slice(kept);
  }

  private count(length: number): void {
    this.run += length;
    if (this.run > this.maxRun) {
      throw new XmlRefused(`Excel 文件中有超过 ${MAX_CELL_CHARS.toLocaleString('en')} 个字符的注释、CDATA 段或处理指令，不像是正常的表格文件，未写入任何数据`);
    }
  }

  /** Where the run text[from, to) up to the next '<' ends as the parser sees it: beyond MAX_RUN in one run dropped. */
  private cut(text: string, from: number, to: number): number {
    const room = this.maxRun - this.run;
    if (to - from <= room) {
      this.run += to - from;
      return to;
    }
    let keptTo = from + Math.max(0, room);
    // an entity cut in two would be a syntax error rather than a cell too long
    const amp = text.lastIndexOf('&', keptTo - 1);
    if (amp >= from) {
      const semicolon = text.indexOf(';', amp);
      if (semicolon < 0 || semicolon >= keptTo) keptTo = amp;
    }
    this.run = this.maxRun;
    return keptTo;
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
export async function* saxEvents(path: string, entry: ZipEntry): AsyncIterable<SaxEvent[]> {
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

export type SaxEvent = { kind: 'open'; name: string; attributes: Record<string, string> } | { kind: 'close'; name: string } | { kind: 'text'; text: string };

/** 'x:sheetData' and 'sheetData' alike: some writers prefix SpreadsheetML's namespace. */
function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
