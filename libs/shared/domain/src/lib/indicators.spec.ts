import fc from 'fast-check';
import { addWan, fromCents, growthContribution, pull, rateOfAmounts, rateOfCounts, subtractWan, toCents, yoyOfAmounts, yoyOfCounts } from './indicators.js';

describe('indicator arithmetic', () => {
  it('adds and subtracts 2-decimal amounts exactly', () => {
    expect(addWan('0.10', '0.20', '1234567890.05')).toBe('1234567890.35');
    expect(subtractWan('1.00', '2.50')).toBe('-1.50');
    expect(fromCents(toCents('-0.05'))).toBe('-0.05');
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (cents) => {
        expect(toCents(fromCents(cents))).toBe(cents);
      }),
    );
  });

  it('rounds rates to 4 decimals, half away from zero, and gives null for a zero denominator', () => {
    expect(rateOfAmounts('771', '1000')).toBe(0.771);
    expect(rateOfAmounts('1', '3')).toBe(0.3333);
    expect(rateOfAmounts('2', '3')).toBe(0.6667);
    expect(rateOfAmounts('1', '0.00')).toBeNull();
    expect(rateOfAmounts('1', null)).toBeNull();
    expect(rateOfCounts(1, 8)).toBe(0.125);
    expect(rateOfCounts(1, 0)).toBeNull();
    expect(yoyOfAmounts('110', '100')).toBe(0.1);
    expect(yoyOfAmounts('90', '100')).toBe(-0.1);
    expect(yoyOfAmounts('1', '0')).toBeNull();
    expect(yoyOfCounts(3, 2)).toBe(0.5);
    expect(growthContribution('150', '100', '1100', '1000')).toBe(0.5);
    expect(growthContribution('150', '100', '1000', '1000')).toBeNull();
    expect(pull('150', '100', '1000')).toBe(5);
    expect(pull('150', '100', null)).toBeNull();
  });

  it('agrees with plain division to within rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 1, max: 10 ** 9 }), (n, d) => {
        const rate = rateOfCounts(n, d) as number;
        expect(Math.abs(rate - n / d)).toBeLessThanOrEqual(0.00005 + 1e-12);
      }),
    );
  });
});
