/**
 * Money (DOMAIN.md §2): amounts in 万元 as decimal strings with at most 2 decimals ("1234.50"),
 * computed exactly as integer hundredths (BigInt), never as binary floats. This is the only place
 * that does arithmetic on amounts; screens format them with `libs/web/shared/util`.
 *
 * Rounding rule, for the whole code base: arithmetic and the 万元 → 亿元 conversion are exact and
 * never round; a figure is rounded only at the end, for a reader (a screen, a printed table), half
 * away from zero on its exact digits (`roundDecimal`, `wanToYi(wan, places)`).
 */

/** An amount a person may enter, in 万元: not negative, at most 12 integer digits and 2 decimals. */
export const MONEY_WAN_PATTERN = /^(0|[1-9]\d{0,11})(\.\d{1,2})?$/;

/** Why `value` is not an amount a person may enter (DOMAIN.md §2), or null when it is one. */
export function moneyProblem(label: string, value: string): string | null {
  if (/^-/.test(value)) return `${label}不能为负数`;
  if (/^\d+\.\d{3,}$/.test(value)) return `${label}最多保留 2 位小数`;
  return MONEY_WAN_PATTERN.test(value) ? null : `${label}应为数字（单位：万元，最多 2 位小数）`;
}

/** A computed amount: signed (differences may be negative), at most 2 decimals, as PostgreSQL's numeric(…,2) prints them. */
const AMOUNT_TEXT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;
/** Any decimal number, for rounding and the 亿元 conversion, whose exactness does not depend on the number of decimals. */
const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** '1234.5' → 123450n (hundredths of a 万元); null when the text is not an amount with at most 2 decimals. */
export function parseWan(value: string): bigint | null {
  const match = AMOUNT_TEXT.exec(value);
  if (!match) return null;
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** Like `parseWan`, for amounts that are known to be amounts (from the database, or checked before): other text is a bug. */
export function toCents(value: string): bigint {
  const cents = parseWan(value);
  if (cents === null) throw new RangeError(`不是以万元为单位、最多 2 位小数的金额：“${value}”`);
  return cents;
}

/** 123450n → '1234.50': the canonical text of an amount. */
export function fromCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/**
 * '1200' and '1200.5' as PostgreSQL's numeric(…,2) gives them back ('1200.00', '1200.50'), so that an
 * unchanged amount is not a change. Text that is not an amount is returned as it is: validation reports it.
 */
export function canonicalWan(value: string): string;
export function canonicalWan(value: string | null): string | null;
export function canonicalWan(value: string | null): string | null {
  const cents = value === null ? null : parseWan(value);
  return cents === null ? value : fromCents(cents);
}

export function addWan(a: string, b: string): string {
  return fromCents(toCents(a) + toCents(b));
}

export function subtractWan(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

/** Σ of amounts; an empty cell (null, undefined, '') counts as nothing, and no amount at all as '0.00'. */
export function sumWan(values: Iterable<string | null | undefined>): string {
  let cents = 0n;
  for (const value of values) if (value !== null && value !== undefined && value !== '') cents += toCents(value);
  return fromCents(cents);
}

/** −1, 0 or 1 as `a` is less than, equal to or more than `b`, by value ('1000.5' = '1000.50'). */
export function compareWan(a: string, b: string): -1 | 0 | 1 {
  const d = toCents(a) - toCents(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** A decimal number as an integer count of 10^-scale: 12.345 = {units: 12345n, scale: 3}. */
interface Decimal {
  units: bigint;
  scale: number;
}

function parseDecimal(value: string): Decimal | null {
  const match = DECIMAL_TEXT.exec(value);
  if (!match) return null;
  const fraction = match[3] ?? '';
  const units = BigInt(match[2] + fraction);
  return { units: match[1] === '-' ? -units : units, scale: fraction.length };
}

function decimalText({ units, scale }: Decimal): string {
  const digits = (units < 0n ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const sign = units < 0n ? '-' : '';
  return scale === 0 ? `${sign}${int}` : `${sign}${int}.${digits.slice(digits.length - scale)}`;
}

/** `d` at exactly `places` decimals, half away from zero. */
function rounded(d: Decimal, places: number): Decimal {
  if (d.scale <= places) return { units: d.units * 10n ** BigInt(places - d.scale), scale: places };
  const divisor = 10n ** BigInt(d.scale - places);
  const abs = d.units < 0n ? -d.units : d.units;
  const magnitude = (abs * 2n + divisor) / (divisor * 2n);
  return { units: d.units < 0n ? -magnitude : magnitude, scale: places };
}

/**
 * A decimal number rounded half away from zero to `places` decimals, on its exact digits ('1.005' →
 * '1.01', where a float gives '1.00'); −0 is '0'. Null when the text is not a decimal number.
 */
export function roundDecimal(value: string, places: number): string | null {
  const d = parseDecimal(value);
  return d === null ? null : decimalText(rounded(d, places));
}

/**
 * 万元 → 亿元 (1 亿 = 10,000 万), exactly: the point moves four places ('87520.5' → '8.75205',
 * '10000' → '1'); a 2-decimal amount gives at most 6 decimals. With `places`, the exact result is
 * then rounded half away from zero ('875249.99', 2 → '87.52'), the module's one rounding rule.
 */
export function wanToYi(wan: string, places?: number): string {
  const d = parseDecimal(wan);
  if (d === null) throw new RangeError(`不是数字：“${wan}”`);
  const yi = { units: d.units, scale: d.scale + 4 };
  if (places !== undefined) return decimalText(rounded(yi, places));
  // exact, without trailing zeros
  let { units, scale } = yi;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return decimalText({ units, scale });
}
