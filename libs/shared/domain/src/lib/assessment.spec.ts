import fc from 'fast-check';
import {
  ASSESSMENT_COMPONENTS,
  type AssessmentComponent,
  type AssessmentInput,
  type AssessmentWeights,
  assessmentWeightsProblems,
  competitionRanks,
  DEFAULT_ASSESSMENT_WEIGHTS,
  parseAssessmentPeriod,
  scoreAssessment,
  scoreDistrict,
} from './assessment.js';

/** Failing runs print their seed; FAST_CHECK_SEED replays one (as the other property specs). */
const RUN = { numRuns: Number(process.env['FAST_CHECK_RUNS'] ?? 300), seed: process.env['FAST_CHECK_SEED'] ? Number(process.env['FAST_CHECK_SEED']) : undefined };

/** ratios in steps of 0.5 % up to 200 % (fc.double keeps to the extremes, near 0 and near 2, and missed the cap) */
const share = fc.integer({ min: 0, max: 400 }).map((n) => n / 200);
const ratio = fc.option(share, { nil: null });
const ratios = fc.record(Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, ratio])) as Record<AssessmentComponent, fc.Arbitrary<number | null>>);
const district = (i: number) => ratios.map((r): AssessmentInput => ({ regionCode: `1505${String(i).padStart(2, '0')}`, regionName: `旗县${i}`, ratios: r }));
const districts = fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => district(i))));

/** weights ≥ 0 summing to 1: random non-negative parts, normalised */
const weights = fc
  .tuple(...ASSESSMENT_COMPONENTS.map(() => fc.integer({ min: 0, max: 100 })))
  .filter((parts) => parts.some((p) => p > 0))
  .map((parts): AssessmentWeights => {
    const total = parts.reduce((a, b) => a + b, 0);
    return Object.fromEntries(ASSESSMENT_COMPONENTS.map((c, i) => [c, parts[i] / total]));
  });

const full = (over: Partial<Record<AssessmentComponent, number | null>>): AssessmentInput => ({ regionCode: '150502', regionName: '科尔沁区', ratios: over });

describe('assessment score (worked examples)', () => {
  it('weights completion capped at 120 % and follow-through shares', () => {
    const w = { signedAmountWan: 0.5, issuesOnTime: 0.5 };
    // 0.5 × min(0.9, 1.2)/1.2 × 100 = 37.5 ; 0.5 × 0.8 × 100 = 40
    expect(scoreDistrict(full({ signedAmountWan: 0.9, issuesOnTime: 0.8 }), w).score).toBe(77.5);
    // 150 % earns no more than 120 %
    expect(scoreDistrict(full({ signedAmountWan: 1.5, issuesOnTime: 1 }), w).score).toBe(100);
    expect(scoreDistrict(full({ signedAmountWan: 1.2, issuesOnTime: 1 }), w).score).toBe(100);
  });

  it('shares the weight of a null component over the others', () => {
    const w = { signedAmountWan: 0.5, issuesOnTime: 0.25, noticesOnTime: 0.25 };
    const row = scoreDistrict(full({ signedAmountWan: 0.6, issuesOnTime: 1, noticesOnTime: null }), w);
    // 0.6/1.2 × 2/3 + 1 × 1/3 = 1/3 + 1/3
    expect(row.score).toBe(66.67);
    expect(row.components.find((c) => c.component === 'noticesOnTime')).toMatchObject({ ratio: null, effectiveWeight: 0, points: 0 });
    expect(row.components.find((c) => c.component === 'signedAmountWan')?.effectiveWeight).toBeCloseTo(2 / 3, 12);
  });

  it('gives no score when nothing weighted applies', () => {
    expect(scoreDistrict(full({ signedAmountWan: null, issuesOnTime: 1 }), { signedAmountWan: 1 }).score).toBeNull();
  });

  it('ranks ties the same and skips the next rank', () => {
    expect(competitionRanks([90, 95, 90, null, 80])).toEqual([2, 1, 2, null, 4]);
    expect(competitionRanks([50, 50, 40])).toEqual([1, 1, 3]);
  });

  it('reads quarters, halves and years', () => {
    expect(parseAssessmentPeriod('2026-Q3')).toMatchObject({ kind: 'QUARTER', from: '2026-07', to: '2026-09', label: '2026年第三季度' });
    expect(parseAssessmentPeriod('2026-H1')).toMatchObject({ kind: 'HALF', from: '2026-01', to: '2026-06', label: '2026年上半年' });
    expect(parseAssessmentPeriod('2026')).toMatchObject({ kind: 'YEAR', from: '2026-01', to: '2026-12' });
    for (const bad of ['2026-Q5', '2026-H3', '26', '2026-07', '2026-q1', '']) expect(parseAssessmentPeriod(bad)).toBeNull();
  });
});

describe('assessment weights validation', () => {
  it('accepts the defaults and rejects a sum other than 100 %', () => {
    expect(assessmentWeightsProblems(DEFAULT_ASSESSMENT_WEIGHTS)).toEqual([]);
    expect(assessmentWeightsProblems({ ...DEFAULT_ASSESSMENT_WEIGHTS, issuesOnTime: 0.2 })).toEqual([{ field: 'weights', message: '各项权重之和应为 100%，现为 105%' }]);
  });

  it('names the field of a negative, missing or unknown weight', () => {
    const { issuesOnTime: _gone, ...missing } = DEFAULT_ASSESSMENT_WEIGHTS;
    expect(assessmentWeightsProblems(missing)).toEqual([{ field: 'weights.issuesOnTime', message: '缺少“问题按时办结率”的权重' }]);
    expect(assessmentWeightsProblems({ ...DEFAULT_ASSESSMENT_WEIGHTS, noticesOnTime: -0.1, commitmentsHonoured: 0.35 })).toEqual([
      { field: 'weights.noticesOnTime', message: '“督办事项按时办结率”的权重不能为负数' },
    ]);
    expect(assessmentWeightsProblems({ ...DEFAULT_ASSESSMENT_WEIGHTS, bonus: 0 })[0]).toEqual({ field: 'weights.bonus', message: '不认识的考核项：bonus' });
    expect(assessmentWeightsProblems([])).toEqual([{ field: 'weights', message: '权重应为按考核项的数值' }]);
  });

  it('accepts any non-negative weights summing to 1 within 1e-9, whatever the floating point', () => {
    fc.assert(
      fc.property(weights, (w) => {
        const complete = Object.fromEntries(ASSESSMENT_COMPONENTS.map((c) => [c, w[c] ?? 0]));
        expect(assessmentWeightsProblems(complete)).toEqual([]);
        // off by more than the tolerance: refused
        const first = ASSESSMENT_COMPONENTS.find((c) => (complete[c] ?? 0) > 0.01) ?? ASSESSMENT_COMPONENTS[0];
        expect(assessmentWeightsProblems({ ...complete, [first]: Math.max(0, (complete[first] ?? 0) - 0.001) })).toHaveLength(1);
      }),
      RUN,
    );
  });
});

describe('assessment score (properties)', () => {
  it('stays within 0–100 and its effective weights sum to 1', () => {
    fc.assert(
      fc.property(districts, weights, (inputs, w) => {
        for (const row of scoreAssessment(inputs, w)) {
          if (row.score === null) {
            expect(row.rank).toBeNull();
            continue;
          }
          expect(row.score).toBeGreaterThanOrEqual(0);
          expect(row.score).toBeLessThanOrEqual(100);
          const sum = row.components.reduce((s, c) => s + c.effectiveWeight, 0);
          expect(Math.abs(sum - 1)).toBeLessThan(1e-9);
        }
      }),
      RUN,
    );
  });

  it('is monotone in each input: a higher ratio never lowers the score', () => {
    const component = fc.constantFrom(...ASSESSMENT_COMPONENTS);
    fc.assert(
      fc.property(district(0), weights, component, share, share, (input, w, c, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lower = scoreDistrict({ ...input, ratios: { ...input.ratios, [c]: low } }, w).score;
        const higher = scoreDistrict({ ...input, ratios: { ...input.ratios, [c]: high } }, w).score;
        if (lower !== null && higher !== null) expect(higher).toBeGreaterThanOrEqual(lower);
      }),
      RUN,
    );
  });

  it('ranks equal scores the same, better scores higher, and the next rank skips', () => {
    fc.assert(
      fc.property(districts, weights, (inputs, w) => {
        const rows = scoreAssessment(inputs, w);
        for (const a of rows)
          for (const b of rows) {
            if (a.score === null || b.score === null) continue;
            if (a.score === b.score) expect(a.rank).toBe(b.rank);
            if (a.score > b.score) expect(a.rank ?? 0).toBeLessThan(b.rank ?? 0);
          }
        for (const row of rows) if (row.rank !== null) expect(row.rank).toBe(1 + rows.filter((o) => o.score !== null && o.score > (row.score ?? 0)).length);
      }),
      RUN,
    );
  });

  it('ranks a copy of a district the same as the district', () => {
    fc.assert(
      fc.property(districts, weights, (inputs, w) => {
        const twin = { ...inputs[0], regionCode: '159999' };
        const rows = scoreAssessment([...inputs, twin], w);
        expect(rows.find((r) => r.regionCode === '159999')?.rank).toBe(rows.find((r) => r.regionCode === inputs[0].regionCode)?.rank);
      }),
      RUN,
    );
  });

  it('does not depend on the order of the districts', () => {
    fc.assert(
      fc.property(
        districts.chain((inputs) => fc.tuple(fc.constant(inputs), fc.shuffledSubarray(inputs, { minLength: inputs.length, maxLength: inputs.length }))),
        weights,
        ([inputs, shuffled], w) => {
          const byCode = (rows: ReturnType<typeof scoreAssessment>) => Object.fromEntries(rows.map((r) => [r.regionCode, [r.score, r.rank]]));
          expect(byCode(scoreAssessment(shuffled, w))).toEqual(byCode(scoreAssessment(inputs, w)));
        },
      ),
      RUN,
    );
  });
});
