import fc from 'fast-check';
import type { IndicatorFigures, IndicatorValues } from './indicators.js';
import { addWan, canonicalWan } from './money.js';
import { figuresDiffer, PUBLISHED_INDICATORS, publicationDifferences, publicationLabel, publicationPeriodLabel, type PublishedFigures } from './publications.js';

function values(overrides: Partial<IndicatorValues> = {}): IndicatorValues {
  const arrivedByOrigin = { FOREIGN: '0.00', OUT_OF_REGION: '100.00', IN_REGION_OUT_OF_CITY: '0.00', IN_CITY_OTHER_COUNTY: '0.00', LOCAL: '0.00' };
  const figures: IndicatorFigures = {
    signedCount: 2,
    signedAmountWan: '2400.00',
    signedCount10m: 2,
    startedCount: 1,
    arrivedFundsWan: '100.00',
    foreignCapitalWan: '0.00',
    faiTotalWan: '5000.00',
    arrivedByOrigin,
    keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0 },
  };
  const noYoy = { FOREIGN: null, OUT_OF_REGION: null, IN_REGION_OUT_OF_CITY: null, IN_CITY_OTHER_COUNTY: null, LOCAL: null };
  return {
    ...figures,
    startRate: 0.5,
    arrivalRate: 0.0417,
    fundsToFaiRatio: 0.02,
    registeredFaiShare: null,
    growthContribution: null,
    pull: null,
    lastYear: { ...figures, signedCount: 0 },
    yoy: {
      signedCount: null,
      signedAmountWan: null,
      signedCount10m: null,
      startedCount: null,
      arrivedFundsWan: null,
      foreignCapitalWan: null,
      faiTotalWan: null,
      arrivedByOrigin: noYoy,
      keyProjects: { count: null, startedCount: null, approvalsCompleteCount: null },
    },
    keyProjects: { count: 0, startedCount: 0, approvalsCompleteCount: 0, startRate: null, approvalsCompleteRate: null },
    targetCompletion: {},
    ...overrides,
  };
}

const names = (code: string) => ({ '150500': '全市', '150525': '奈曼旗' })[code] ?? code;

describe('publicationDifferences', () => {
  it('lists only the figures that differ, with both values and the difference in their own kind', () => {
    const before: PublishedFigures[] = [
      { regionCode: '150500', period: 'MONTH', figures: values() },
      { regionCode: '150525', period: 'MONTH', figures: values() },
    ];
    const after: PublishedFigures[] = [
      { regionCode: '150500', period: 'MONTH', figures: values({ arrivedFundsWan: '150.5', startRate: 0.75, signedCount: 3 }) },
      { regionCode: '150525', period: 'MONTH', figures: values({ arrivedFundsWan: '100' }) },
    ];
    expect(publicationDifferences(before, after, names)).toEqual([
      { regionCode: '150500', regionName: '全市', period: 'MONTH', indicator: 'signedCount', label: '签约项目数', kind: 'count', before: 2, after: 3, difference: 1 },
      { regionCode: '150500', regionName: '全市', period: 'MONTH', indicator: 'arrivedFundsWan', label: '到位资金', kind: 'amount', before: '100.00', after: '150.5', difference: '50.50' },
      { regionCode: '150500', regionName: '全市', period: 'MONTH', indicator: 'startRate', label: '开工率', kind: 'rate', before: 0.5, after: 0.75, difference: 0.25 },
    ]);
  });

  it('compares a region or period present on one side only with nulls, and null with 0 as different', () => {
    const rows = publicationDifferences([], [{ regionCode: '150525', period: 'YTD', figures: values() }], names);
    expect(rows.find((r) => r.indicator === 'signedCount')).toMatchObject({ before: null, after: 2, difference: null });
    expect(rows.some((r) => r.indicator === 'pull')).toBe(false); // null on both sides
    expect(figuresDiffer('rate', null, 0)).toBe(true);
    expect(figuresDiffer('amount', '1.5', '1.50')).toBe(false);
  });

  it('finds no difference between a revision and itself, and a difference after any change of a compared figure', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 }).map((c) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`);
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 50 }), (a, b, n) => {
        const one: PublishedFigures[] = [{ regionCode: '150500', period: 'YTD', figures: values({ arrivedFundsWan: a, startedCount: n }) }];
        expect(publicationDifferences(one, one, names)).toEqual([]);
        const other: PublishedFigures[] = [{ regionCode: '150500', period: 'YTD', figures: values({ arrivedFundsWan: b, startedCount: n }) }];
        const rows = publicationDifferences(one, other, names);
        expect(rows.map((r) => r.indicator)).toEqual(figuresDiffer('amount', a, b) ? ['arrivedFundsWan'] : []);
        // before + difference = after, exactly
        for (const row of rows) expect(addWan(a, String(row.difference))).toBe(canonicalWan(b));
      }),
    );
  });

  it('compares 实际利用外资 (foreignCapitalWan) and names every compared figure once', () => {
    const foreign = PUBLISHED_INDICATORS.find((i) => i.key === 'foreignCapitalWan');
    expect(foreign?.pick(values({ foreignCapitalWan: '12.00' }))).toBe('12.00');
    expect(new Set(PUBLISHED_INDICATORS.map((i) => i.key)).size).toBe(PUBLISHED_INDICATORS.length);
  });
});

describe('publicationLabel', () => {
  it('says nothing for an open month, the revision for a closed one, 已修订 when revised', () => {
    expect(publicationLabel({ closed: false, revision: 2, revised: true })).toBeNull();
    expect(publicationLabel({ closed: true, revision: null, revised: false })).toBeNull();
    expect(publicationLabel({ closed: true, revision: 1, revised: false })).toBe('已发布 · 第1版');
    expect(publicationLabel({ closed: true, revision: 2, revised: true })).toBe('已修订（第2版）');
    expect(publicationLabel({ closed: true, revision: 1, revised: true })).toBe('已修订');
    expect([publicationPeriodLabel('MONTH', '2026-08'), publicationPeriodLabel('YTD', '2026-08')]).toEqual(['当月', '1–8月累计']);
  });
});
