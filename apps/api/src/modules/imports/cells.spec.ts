import fc from 'fast-check';
import { detached, excelNumber, isProblem, money, numberText } from './cells';

describe('import cells: money', () => {
  it('reads a number cell at Excel’s 15 significant digits before the 2-decimal check', () => {
    // what Excel writes for =2+0.72 and similar formula results (fuzz seed 1282243705)
    expect(2 + 72 / 100).toBe(2.7199999999999998);
    expect(money(2 + 72 / 100, '本月到位资金')).toBe('2.72');
    expect(money(0.1 + 0.2, '本月到位资金')).toBe('0.30');
    expect(money(99999 + 99 / 100, '本月到位资金')).toBe('99999.99');
    expect(excelNumber(1234567.8900000001)).toBe(1234567.89);
  });

  it('still refuses a third decimal that Excel shows', () => {
    const result = money(1.234, '本月到位资金');
    expect(isProblem(result) && result.message).toBe('本月到位资金最多保留 2 位小数');
    const formula = money(2.7249999999999996, '本月到位资金');
    expect(isProblem(formula) && formula.message).toBe('本月到位资金最多保留 2 位小数');
  });

  it('writes numbers without an exponent', () => {
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(1.5e21)).toBe('1500000000000000000000');
  });
});

describe('import cells: excelNumber', () => {
  it('equals the rounding to 15 significant digits for any double, short ones included', () => {
    const shortDecimals = fc.tuple(fc.integer({ min: -99_999_999, max: 99_999_999 }), fc.integer({ min: 0, max: 6 })).map(([n, d]) => n / 10 ** d);
    fc.assert(
      fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), shortDecimals, fc.integer()), (n) => {
        expect(Object.is(excelNumber(n), Number(n.toPrecision(15)))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('import cells: detached', () => {
  it('gives the same text, short or long, any characters, and null as null', () => {
    expect(detached(null)).toBeNull();
    const chunk = '<row><c t="inlineStr"><is><t>150571-2021-0274</t></is></c><c><is><t>主体施工，引号"与反斜杠\\</t></is></c></row>';
    expect(detached(chunk.slice(29, 45))).toBe('150571-2021-0274');
    // the property's first counterexample (seed 152057010): a slice starting inside a surrogate pair — its lone
    // half must survive the copy (a UTF-8 round trip made it U+FFFD)
    const split = ('𐀀 𐀀𐀀𐀀Ấ 𐀀' + '𐀀 𐀀𐀀𐀀Ấ 𐀀').slice(16);
    expect(detached(split)).toBe(split);
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.nat(20), (text, from) => {
      const part = (text + text).slice(from);
      expect(detached(part)).toBe(part);
    }));
  });
});
