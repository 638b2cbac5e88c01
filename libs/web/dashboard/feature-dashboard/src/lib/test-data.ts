import type { IndicatorRow, IndicatorValues } from '@zhaoshang/shared/domain';

/** Indicator values with everything zero or null, and the given figures on top. */
export function values(overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  return {
    signedCount: 0,
    signedAmountWan: '0.00',
    signedCount10m: 0,
    startedCount: 0,
    arrivedFundsWan: '0.00',
    faiTotalWan: null,
    startRate: null,
    arrivedByOrigin: { FOREIGN: '0.00', OUT_OF_REGION: '0.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '0.00' },
    arrivalRate: null,
    fundsToFaiRatio: null,
    registeredFaiShare: null,
    growthContribution: null,
    pull: null,
    lastYear: { signedCount: 0, signedAmountWan: '0.00', signedCount10m: 0, startedCount: 0, arrivedFundsWan: '0.00', faiTotalWan: null },
    yoy: { signedCount: null, signedAmountWan: null, signedCount10m: null, startedCount: null, arrivedFundsWan: null, faiTotalWan: null },
    keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0, startRate: null, approvalsCompleteRate: null },
    targetCompletion: {},
    ...overrides,
  };
}

export function row(key: string, label: string, overrides: Partial<IndicatorValues> = {}): IndicatorRow {
  return { key, label, ...values(overrides) };
}
