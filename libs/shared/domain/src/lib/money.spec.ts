import fc from 'fast-check';
import { addWan, canonicalWan, compareWan, fromCents, moneyProblem, parseWan, roundDecimal, subtractWan, sumWan, toCents, wanToYi } from './money.js';

/** Amounts well past what numeric(16,2) holds, and past a float's exact range. */
const cents = fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n });
const amount = cents.map(fromCents);
/** The same amount as people and PostgreSQL write it: '12', '12.5', '12.50', '012.5'. */
const spelling = fc.tuple(cents, fc.boolean(), fc.nat({ max: 2 })).map(([c, trimZeros, leadingZeros]) => {
  let text = fromCents(c);
  if (trimZeros) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text.replace(/^(-?)/, `$1${'0'.repeat(leadingZeros)}`);
});

/** The 亿元 conversion worked out separately: hundredths of 万元 are millionths of 亿元. */
function yiReference(c: bigint): string {
  const abs = c < 0n ? -c : c;
  const text = `${c < 0n ? '-' : ''}${abs / 1_000_000n}.${String(abs % 1_000_000n).padStart(6, '0')}`;
  return text.replace(/\.?0+$/, '');
}

/** 亿元 rounded to 2 decimals, half away from zero, worked out on hundredths of 万元. */
function yi2Reference(c: bigint): string {
  const abs = c < 0n ? -c : c;
  const rounded = (abs + 5000n) / 10000n;
  return fromCents(c < 0n ? -rounded : rounded);
}

const sign = (text: string) => (text.startsWith('-') ? -1 : /^0\.00$/.test(text) ? 0 : 1);

describe('parsing and canonical text', () => {
  it('reads amounts with at most 2 decimals, signed, and nothing else', () => {
    expect(parseWan('1234.5')).toBe(123450n);
    expect(parseWan('-0.05')).toBe(-5n);
    expect(parseWan('007')).toBe(700n);
    for (const text of ['', '1.234', '1.', '.5', '+1', '1e5', '1,000', ' 1', 'abc', '--1']) expect(parseWan(text)).toBeNull();
    expect(() => toCents('1.234')).toThrow(RangeError);
  });

  // what is not an amount is left as it is, for validation to report
  it.each([
    ['1234.5', '1234.50'],
    ['1200', '1200.00'],
    ['0.05', '0.05'],
    ['1.234', '1.234'],
    ['abc', 'abc'],
    [null, null],
  ])('writes the canonical text of %s, as PostgreSQL gives amounts back: %s', (given, expected) => expect(canonicalWan(given)).toBe(expected));

  it('reads back what it writes, and any spelling of an amount gives one canonical text', () => {
    fc.assert(fc.property(cents, (c) => expect(toCents(fromCents(c))).toBe(c)));
    fc.assert(
      fc.property(spelling, (text) => {
        const canonical = canonicalWan(text);
        expect(canonical).toMatch(/^-?(0|[1-9]\d*)\.\d{2}$/);
        expect(canonicalWan(canonical)).toBe(canonical);
        expect(compareWan(text, canonical)).toBe(0);
      }),
    );
  });

  it('accepts as input exactly the non-negative amounts of at most 12 integer digits', () => {
    expect(moneyProblem('签约额', '-1')).toBe('签约额不能为负数');
    expect(moneyProblem('签约额', '1.005')).toBe('签约额最多保留 2 位小数');
    expect(moneyProblem('签约额', '十万')).toBe('签约额应为数字（单位：万元，最多 2 位小数）');
    fc.assert(
      fc.property(fc.oneof(spelling, fc.string()), (text) => {
        if (moneyProblem('金额', text) !== null) return;
        const c = parseWan(text);
        expect(c).not.toBeNull();
        expect(c as bigint).toBeGreaterThanOrEqual(0n);
        expect(c as bigint).toBeLessThan(10n ** 14n);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts and sums exactly where floats do not', () => {
    expect(addWan('0.10', '0.20')).toBe('0.30');
    expect(subtractWan('1.00', '2.50')).toBe('-1.50');
    expect(sumWan(['0.10', '0.20', '1234567890.05'])).toBe('1234567890.35');
    expect(sumWan(['1', null, '', undefined, '2.5'])).toBe('3.50');
    expect(sumWan([])).toBe('0.00');
    expect(addWan('9999999999999999.99', '0.01')).toBe('10000000000000000.00');
  });

  it('subtracting undoes adding, and adding does not depend on the order', () => {
    fc.assert(
      fc.property(amount, spelling, (a, b) => {
        expect(subtractWan(addWan(a, b), b)).toBe(a);
        expect(addWan(a, b)).toBe(addWan(b, a));
        expect(addWan(a, subtractWan(b, b))).toBe(a);
      }),
    );
  });

  it('sums the same whatever the order, and as repeated adding', () => {
    fc.assert(
      fc.property(
        fc.array(spelling, { maxLength: 30 }).chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length }))),
        ([values, shuffled]) => {
        expect(sumWan(shuffled)).toBe(sumWan(values));
        expect(sumWan(values)).toBe(values.reduce((total, v) => addWan(total, v), '0.00'));
        },
      ),
    );
  });

  it('compares by value, consistently with subtracting', () => {
    expect(compareWan('900', '1000')).toBe(-1);
    expect(compareWan('1000.5', '1000.05')).toBe(1);
    expect(compareWan('1000.50', '1000.5')).toBe(0);
    expect(compareWan('007', '7')).toBe(0);
    fc.assert(
      fc.property(spelling, spelling, (a, b) => {
        expect(compareWan(a, b)).toBe(sign(subtractWan(a, b)));
        expect(compareWan(b, a) + compareWan(a, b)).toBe(0);
      }),
    );
  });
});

describe('万元 → 亿元 and rounding', () => {
  it.each([
    ['875200', undefined, '87.52'],
    ['10000', undefined, '1'],
    ['1234.5', undefined, '0.12345'],
    ['5', undefined, '0.0005'],
    ['12345.67', undefined, '1.234567'],
    ['-5000', undefined, '-0.5'],
    ['0.00', undefined, '0'],
    // rounded only when asked, half away from zero
    ['875249.99', 2, '87.52'],
    ['875250', 2, '87.53'],
    ['-875250', 2, '-87.53'],
    ['-0.01', 2, '0.00'],
    ['1234567890', 2, '123456.79'],
  ])('%s 万元 at %s places is %s 亿元', (wan, places, yi) => expect(wanToYi(wan, places)).toBe(yi));

  it('moves the point four places, exactly', () => {
    expect(() => wanToYi('十万')).toThrow(RangeError);
    fc.assert(fc.property(cents, (c) => expect(wanToYi(fromCents(c))).toBe(yiReference(c))));
  });

  it('rounds to the places asked for, half away from zero, only at the end', () => {
    fc.assert(fc.property(cents, (c) => expect(wanToYi(fromCents(c), 2)).toBe(yi2Reference(c))));
  });

  it.each([
    // Number('1.005').toFixed(2) is '1.00'
    ['1.005', 2, '1.01'],
    ['999999.995', 2, '1000000.00'],
    ['0.004', 2, '0.00'],
    ['-0.004', 2, '0.00'],
    ['-1234.5', 2, '-1234.50'],
    ['2.5', 0, '3'],
    ['-2.5', 0, '-3'],
    ['12.', 2, null],
    ['abc', 2, null],
  ])('rounds %s to %s places on its digits: %s', (value, places, expected) => expect(roundDecimal(value, places)).toBe(expected));

  it('rounds what it reads back unchanged, and 亿元 the same way as the conversion', () => {
    fc.assert(
      fc.property(cents, (c) => {
        expect(roundDecimal(fromCents(c), 2)).toBe(fromCents(c));
        expect(roundDecimal(`${wanToYi(fromCents(c))}`, 2)).toBe(wanToYi(fromCents(c), 2));
      }),
    );
  });
});
