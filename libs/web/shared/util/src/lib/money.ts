/**
 * Money is a decimal string in 万元 (DOMAIN.md §2): formatted here digit by digit, never through a
 * binary float, so that what the screen shows is exactly what the database summed.
 */
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** 1 亿 = 10,000 万: from this many 万元 on, amounts read better in 亿元. */
export const YI_THRESHOLD_WAN = 10_000;

interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

function parse(value: string): Decimal | null {
  const match = DECIMAL.exec(value.trim());
  if (!match) return null;
  const int = match[2].replace(/^0+(?=\d)/, '');
  return { negative: match[1] === '-', int, frac: match[3] ?? '' };
}

/** Rounds half away from zero to `places` decimals, on the digits. */
function round({ negative, int, frac }: Decimal, places: number): Decimal {
  const kept = int + frac.slice(0, places).padEnd(places, '0');
  const next = frac.charAt(places);
  let digits = kept;
  if (next >= '5') {
    const carried = [...kept].reverse();
    let i = 0;
    for (; i < carried.length; i++) {
      if (carried[i] === '9') {
        carried[i] = '0';
      } else {
        carried[i] = String(Number(carried[i]) + 1);
        break;
      }
    }
    digits = (i === carried.length ? '1' : '') + carried.reverse().join('');
  }
  const intDigits = digits.slice(0, digits.length - places) || '0';
  const result = { negative, int: intDigits.replace(/^0+(?=\d)/, ''), frac: digits.slice(digits.length - places) };
  // −0.00 is 0.00
  if (/^0*$/.test(result.int + result.frac)) result.negative = false;
  return result;
}

function group(int: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function show(d: Decimal, places: number): string {
  const r = round(d, places);
  return `${r.negative ? '-' : ''}${group(r.int)}${places > 0 ? `.${r.frac}` : ''}`;
}

/** `1234.5` → `1,234.50`: thousands separators, 2 decimals; null/empty → the fallback; non-numbers as given. */
export function formatWan(value: string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const d = parse(value);
  return d ? show(d, 2) : value;
}

/** `87520.5` 万元 → `8.75205` 亿元, as a decimal string (the point moves four places). */
export function wanToYi(value: string): string {
  const d = parse(value);
  if (!d) return value;
  const padded = d.int.padStart(5, '0');
  const int = padded.slice(0, -4).replace(/^0+(?=\d)/, '');
  const frac = (padded.slice(-4) + d.frac).replace(/0+$/, '');
  return `${d.negative ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** An amount with its unit: `1,234.50 万元`, or `87.52 亿元` from 1 亿 on (totals, big projects). */
export function formatMoney(value: string | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value.trim() === '') return fallback;
  const d = parse(value);
  if (!d) return value;
  const large = d.int.length > String(YI_THRESHOLD_WAN).length - 1;
  return large ? `${show(parse(wanToYi(value)) as Decimal, 2)} 亿元` : `${show(d, 2)} 万元`;
}

/** `1234` → `1,234` */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? `${value < 0 ? '-' : ''}${group(String(Math.abs(value)))}` : String(value);
}

/** Compares two non-negative decimal strings (万元) without turning them into floats. */
export function compareDecimal(a: string, b: string): number {
  const [ai, af = ''] = a.trim().split('.');
  const [bi, bf = ''] = b.trim().split('.');
  const intA = ai.replace(/^0+(?=\d)/, '');
  const intB = bi.replace(/^0+(?=\d)/, '');
  if (intA.length !== intB.length) return intA.length - intB.length;
  if (intA !== intB) return intA < intB ? -1 : 1;
  const width = Math.max(af.length, bf.length);
  const fa = af.padEnd(width, '0');
  const fb = bf.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}
