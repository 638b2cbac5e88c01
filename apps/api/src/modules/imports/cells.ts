import { canonicalWan, isCalendarDate, moneyProblem } from '@zhaoshang/shared/domain';
import type { CellValue } from './sheet-reader.js';

/**
 * Turning spreadsheet cells into the API's values. Each returns the value, null for an empty cell,
 * or a Problem whose message names the column. Money stays a decimal string throughout: a number
 * cell is written out with its shortest exact representation, never rounded through toFixed.
 */
export class Problem {
  constructor(readonly message: string) {}
}

export type Parsed<T> = T | null | Problem;

export const isProblem = (value: unknown): value is Problem => value instanceof Problem;

/** Most characters of a cell a message quotes: a cell may hold 32,767, an answer should not echo them all. */
export const QUOTE_MAX = 200;

/** A cell's text as a message quotes it: at most QUOTE_MAX characters, '…' where it was cut. */
export function excerpt(value: string): string {
  return value.length > QUOTE_MAX ? `${value.slice(0, QUOTE_MAX)}…` : value;
}

/** Trimmed text; full-width spaces count as spaces; empty → null. */
export function text(cell: CellValue | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (cell instanceof Date) return isoDate(cell);
  const value = String(cell).replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return value === '' ? null : value;
}

/**
 * `value` as a string of its own. A cell's text is often a substring of the chunk of sheet XML it was read
 * from, and V8 keeps a substring of 13 characters or more as a slice of its parent: a row an importer keeps
 * for its batch (a project number, a progress text) then keeps the whole chunk alive. Issue 17: the monthly
 * import's kept rows held ~1.6 KB each, most of it chunks, promoted to the old generation with its batch.
 */
export function detached(value: string): string;
export function detached(value: string | null): string | null;
export function detached(value: string | null): string | null {
  return value === null || value.length < 13 ? value : Buffer.from(value, 'utf16le').toString('utf16le');
}

export function limitedText(cell: CellValue | undefined, label: string, max: number): Parsed<string> {
  const value = text(cell);
  if (value !== null && value.length > max) return new Problem(`${label}最多 ${max} 个字`);
  return value;
}

/**
 * 1234.5 (a number cell) → '1234.50'; '1,234.5' and '1234.5' (text) likewise; more than 2 decimals is refused.
 * A number cell is read as Excel shows it, at 15 significant digits: a formula's 2.7199999999999998
 * is the 2.72 the user sees, not a value with 16 decimals.
 */
export function money(cell: CellValue | undefined, label: string): Parsed<string> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return new Problem(`${label}应为数字（单位：万元，最多 2 位小数）`);
    return canonical(numberText(excelNumber(cell)), label);
  }
  if (typeof cell === 'boolean' || cell instanceof Date) return new Problem(`${label}应为数字（单位：万元，最多 2 位小数）`);
  const value = text(cell);
  if (value === null) return null;
  return canonical(value.replace(/,/g, ''), label);
}

function canonical(value: string, label: string): Parsed<string> {
  const problem = moneyProblem(label, value);
  return problem ? new Problem(problem) : canonicalWan(value);
}

/**
 * A number as Excel keeps and shows it: 15 significant digits (2.7199999999999998 → 2.72). A number
 * whose shortest text has at most 15 characters and no exponent has at most 15 significant digits,
 * which a double keeps exactly (DBL_DIG): it is already that number, and the rounding is skipped
 * (most cells of an import, 400,000 of them in 100,000 monthly rows).
 */
export function excelNumber(n: number): number {
  const plain = String(n);
  if (plain.length <= 15 && !plain.includes('e')) return n === 0 ? 0 : n; // -0 is shown as 0
  return Number(n.toPrecision(15));
}

/** A number's exact decimal text without an exponent: 1e-7 → '0.0000001', 1.5e21 → '1500000000000000000000'. */
export function numberText(n: number): string {
  const plain = String(n);
  if (!/e/i.test(plain)) return plain;
  const [mantissa, exponentText] = plain.toLowerCase().split('e');
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const result =
    point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + result;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell of ExcelJS carries the calendar date at 00:00 UTC. */
function isoDate(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Excel's day numbers (1900 system) for a date cell without a date format: 1990–2099. */
const SERIAL_MIN = 32874;
const SERIAL_MAX = 73415;

function fromSerial(serial: number): string {
  return isoDate(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

/** A date cell, or text YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 → 'YYYY-MM-DD'. */
export function date(cell: CellValue | undefined, label: string): Parsed<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? new Problem(`${label}不是有效日期`) : isoDate(cell);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= SERIAL_MIN && cell <= SERIAL_MAX) return fromSerial(cell);
    return new Problem(`${label}不是有效日期（应为 YYYY-MM-DD，例如 2025-03-01）`);
  }
  const value = text(cell);
  if (value === null) return null;
  const match = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)$/.exec(value.replace(/[ T]00:00(:00)?$/, ''));
  if (!match) return new Problem(`${label}不是有效日期（应为 YYYY-MM-DD，例如 2025-03-01）`);
  const iso = `${match[1]}-${pad(Number(match[2] ?? match[4]))}-${pad(Number(match[3] ?? match[5]))}`;
  return isCalendarDate(iso) ? iso : new Problem(`${label}“${excerpt(value)}”不是有效日期`);
}

/** A date cell, or text YYYY-MM, YYYY/M, YYYY.M or YYYY年M月 → 'YYYY-MM'. */
export function month(cell: CellValue | undefined, label: string): Parsed<string> {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? new Problem(`${label}不是有效月份`) : isoDate(cell).slice(0, 7);
  // 2025.10 as a number is 2025.1: only whole numbers (202510) are months
  if (typeof cell === 'number' && !Number.isInteger(cell)) return new Problem(`${label}应为 YYYY-MM 格式，例如 2025-06（请把单元格设为文本）`);
  const value = typeof cell === 'number' ? String(cell) : text(cell);
  if (value === null) return null;
  const match = /^(\d{4})\s*(?:[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月?)$/.exec(value) ?? /^(\d{4})(\d{2})$/.exec(value);
  const m = match ? Number(match[2] ?? match[3]) : 0;
  if (!match || m < 1 || m > 12) return new Problem(`${label}应为 YYYY-MM 格式，例如 2025-06`);
  return `${match[1]}-${pad(m)}`;
}

/** 是/否 (also Y/N, true/false, 1/0); empty → null. */
export function yesNo(cell: CellValue | undefined, label: string): Parsed<boolean> {
  if (typeof cell === 'boolean') return cell;
  const value = text(cell);
  if (value === null) return null;
  if (/^(是|y|yes|true|1)$/i.test(value)) return true;
  if (/^(否|n|no|false|0)$/i.test(value)) return false;
  return new Problem(`${label}应填“是”或“否”`);
}

/** A value from a fixed list of labels, e.g. 投资方来源 境外/区外/…; empty → null. */
export function choice<T extends string>(cell: CellValue | undefined, label: string, labels: Record<T, string>): Parsed<T> {
  const value = text(cell);
  if (value === null) return null;
  const found = (Object.keys(labels) as T[]).find((key) => labels[key] === value || key === value.toUpperCase());
  return found ?? new Problem(`${label}应为以下之一：${Object.values(labels).join('、')}`);
}
