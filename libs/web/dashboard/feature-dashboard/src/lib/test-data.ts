import type { IndicatorFigures, IndicatorRow, IndicatorValues, IndicatorYoy } from '@zhaoshang/shared/domain';

const ORIGINS_ZERO = { FOREIGN: '0.00', OUT_OF_REGION: '0.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '0.00' };

/** Plain figures with everything zero (last year's, in the tests). */
export function figures(overrides: Partial<IndicatorFigures> = {}): IndicatorFigures {
  return {
    signedCount: 0,
    signedAmountWan: '0.00',
    signedCount10m: 0,
    startedCount: 0,
    arrivedFundsWan: '0.00',
    foreignCapitalWan: '0.00',
    faiTotalWan: '0.00',
    arrivedByOrigin: ORIGINS_ZERO,
    keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0 },
    ...overrides,
  };
}

/** A 同比 with every figure null (nothing last year), and the given ones on top. */
export function yoy(overrides: Partial<IndicatorYoy> = {}): IndicatorYoy {
  return {
    signedCount: null,
    signedAmountWan: null,
    signedCount10m: null,
    startedCount: null,
    arrivedFundsWan: null,
    foreignCapitalWan: null,
    faiTotalWan: null,
    arrivedByOrigin: { FOREIGN: null, OUT_OF_REGION: null, IN_REGION_OUT_OF_CITY: null, IN_CITY_OTHER_COUNTY: null, LOCAL: null },
    keyProjects: { count: null, startedCount: null, approvalsCompleteCount: null },
    ...overrides,
  };
}

/** Indicator values with everything zero or null, and the given figures on top. */
export function values(overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  return {
    ...figures(),
    startRate: null,
    arrivalRate: null,
    fundsToFaiRatio: null,
    registeredFaiShare: null,
    growthContribution: null,
    pull: null,
    lastYear: figures(),
    yoy: yoy(),
    keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0, startRate: null, approvalsCompleteRate: null },
    targetCompletion: {},
    ...overrides,
  };
}

export function row(key: string, label: string, overrides: Partial<IndicatorValues> = {}): IndicatorRow {
  return { key, label, ...values(overrides) };
}
