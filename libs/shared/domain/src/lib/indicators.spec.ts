import fc from 'fast-check';
import { growthContribution, pull, rateOfAmounts, rateOfCounts, yoyOfAmounts, yoyOfCounts } from './indicators.js';

describe('indicator arithmetic', () => {
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
