import fc from 'fast-check';
import { approvalsCompleteBy, growthContribution, type IndicatorFigures, pull, rateOfAmounts, rateOfCounts, yoyOf, yoyOfAmounts, yoyOfCounts } from './indicators.js';

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

const figures = (overrides: Partial<IndicatorFigures> = {}): IndicatorFigures => ({
  signedCount: 0,
  signedAmountWan: '0.00',
  signedCount10m: 0,
  startedCount: 0,
  arrivedFundsWan: '0.00',
  foreignCapitalWan: '0.00',
  faiTotalWan: '0.00',
  arrivedByOrigin: { FOREIGN: '0.00', OUT_OF_REGION: '0.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '0.00' },
  keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0 },
  ...overrides,
});

describe('yoyOf (the complete 同比, DOMAIN.md §6)', () => {
  it('gives every amount and count its own 同比, origins and key projects included', () => {
    const now = figures({
      signedCount: 3,
      signedAmountWan: '150.00',
      signedCount10m: 1,
      startedCount: 2,
      arrivedFundsWan: '110.00',
      foreignCapitalWan: '30.00',
      faiTotalWan: '900.00',
      arrivedByOrigin: { FOREIGN: '30.00', OUT_OF_REGION: '80.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '5.00', LOCAL: '1.00' },
      keyProjects: { count: 4, startedCount: 3, approvalsCompleteCount: 0 },
    });
    const last = figures({
      signedCount: 2,
      signedAmountWan: '100.00',
      signedCount10m: 0,
      startedCount: 4,
      arrivedFundsWan: '100.00',
      foreignCapitalWan: '20.00',
      faiTotalWan: '1000.00',
      arrivedByOrigin: { FOREIGN: '20.00', OUT_OF_REGION: '80.00', IN_REGION_OUT_OF_CITY: '10.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '4.00' },
      keyProjects: { count: 2, startedCount: 1, approvalsCompleteCount: 2 },
    });
    expect(yoyOf(now, last)).toEqual({
      signedCount: 0.5,
      signedAmountWan: 0.5,
      signedCount10m: null,
      startedCount: -0.5,
      arrivedFundsWan: 0.1,
      foreignCapitalWan: 0.5,
      faiTotalWan: -0.1,
      arrivedByOrigin: { FOREIGN: 0.5, OUT_OF_REGION: 0, IN_REGION_OUT_OF_CITY: -1, IN_CITY_OTHER_COUNTY: null, LOCAL: -0.75 },
      keyProjects: { count: 1, startedCount: 2, approvalsCompleteCount: -1 },
    });
  });
});

describe('approvalsCompleteBy (手续办结 as of a day)', () => {
  const items = (doneAt: string) => [
    { status: 'NOT_REQUIRED', doneAt: null },
    { status: 'DONE', doneAt },
  ];
  it('counts an item done on or before the day, not one done after it', () => {
    expect(approvalsCompleteBy(items('2025-05-31'), '2025-05-31')).toBe(true);
    expect(approvalsCompleteBy(items('2025-06-01'), '2025-05-31')).toBe(false);
  });
  it('is not complete while an item is open, nor with no items at all', () => {
    expect(approvalsCompleteBy([...items('2025-01-01'), { status: 'IN_PROGRESS', doneAt: null }], '2025-05-31')).toBe(false);
    expect(approvalsCompleteBy([{ status: 'NOT_REQUIRED', doneAt: null }], '2025-05-31')).toBe(true);
    expect(approvalsCompleteBy([], '2025-05-31')).toBe(false);
  });
});
