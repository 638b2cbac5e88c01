import type { AssessmentRow } from '@zhaoshang/shared/domain';
import { defaultPeriod, periodKey, periodParts, periodSelection, segmentsOf } from './periods';

describe('考核 periods', () => {
  it('opens on the last quarter that has ended', () => {
    expect(defaultPeriod('2026-12-05')).toBe('2026-Q3');
    expect(defaultPeriod('2026-10-01')).toBe('2026-Q3');
    expect(defaultPeriod('2026-09-30')).toBe('2026-Q2');
    expect(defaultPeriod('2026-02-10')).toBe('2025-Q4');
  });

  it('round-trips a selection through its key', () => {
    for (const key of ['2026-Q1', '2026-H2', '2026']) {
      const selection = periodSelection(key);
      expect(selection && periodKey(selection.year, selection.part)).toBe(key);
    }
    expect(periodSelection('2026-Q9')).toBeNull();
    expect(periodParts('HALF').map((p) => p.label)).toEqual(['上半年', '下半年']);
  });

  it('draws only the components that earned points', () => {
    const row: AssessmentRow = {
      regionCode: '150525',
      regionName: '奈曼旗',
      score: 65,
      rank: 1,
      components: [
        { component: 'signedAmountWan', label: '签约额目标完成率', ratio: 1.2, weight: 0.5, effectiveWeight: 0.5, points: 50 },
        { component: 'noticesOnTime', label: '督办事项按时办结率', ratio: null, weight: 0.2, effectiveWeight: 0, points: 0 },
        { component: 'issuesOnTime', label: '问题按时办结率', ratio: 0.5, weight: 0.3, effectiveWeight: 0.3, points: 15 },
      ],
    };
    expect(segmentsOf(row).map((s) => [s.component, s.points])).toEqual([
      ['signedAmountWan', 50],
      ['issuesOnTime', 15],
    ]);
  });
});
