import type { RegionDto, TargetDto } from '@zhaoshang/shared/domain';
import { formatRate } from '@zhaoshang/web/shared/util';
import { TargetsGrid, formatTargetFigure, progressPercent, progressTone, timeProgress } from './targets-grid';

const REGIONS: RegionDto[] = [
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
];
const SAVED: TargetDto[] = [
  { regionCode: '150525', regionName: '奈曼旗', year: 2026, indicator: 'signedAmountWan', value: '12000.00', version: 3 },
  { regionCode: '150500', regionName: '通辽市', year: 2026, indicator: 'startedCount', value: '25', version: 1 },
  { regionCode: '150525', regionName: '奈曼旗', year: 2025, indicator: 'startedCount', value: '9', version: 1 },
];

describe('TargetsGrid', () => {
  const grid = () => new TargetsGrid(2026, REGIONS, SAVED);

  it('has the city first and the districts in order, four indicators each, showing the saved values of the year', () => {
    const g = grid();
    expect(g.rows.map((r) => [r.regionCode, r.isCity])).toEqual([
      ['150500', true],
      ['150502', false],
      ['150525', false],
    ]);
    expect(g.rows[2].cells.map((c) => [c.indicator, c.value])).toEqual([
      ['signedAmountWan', '12000.00'],
      ['signedCount10m', ''],
      ['arrivedFundsWan', ''],
      ['startedCount', ''],
    ]);
    expect(g.hasChanges).toBe(false);
  });

  it('turns edits into changes carrying the version read; an equal value or an untouched empty one is no change', () => {
    const g = grid()
      .withEdit('150525', 'signedAmountWan', '15,000')
      .withEdit('150502', 'startedCount', '4')
      .withEdit('150500', 'arrivedFundsWan', ' ')
      .withEdit('150500', 'startedCount', '25');
    expect(g.changes).toEqual([
      { regionCode: '150502', indicator: 'startedCount', value: '4', version: 0 },
      { regionCode: '150525', indicator: 'signedAmountWan', value: '15000', version: 3 },
    ]);
    expect(grid().withEdit('150525', 'signedAmountWan', '12000').hasChanges).toBe(false);
  });

  it('clears a saved target with an empty cell', () => {
    const g = grid().withEdit('150500', 'startedCount', '');
    expect(g.changes).toEqual([{ regionCode: '150500', indicator: 'startedCount', value: null, version: 1 }]);
  });

  it('marks bad values with the indicator named, keeps them out of the changes, and discards edits', () => {
    const g = grid().withEdit('150502', 'startedCount', '2.5').withEdit('150502', 'arrivedFundsWan', '-1');
    expect(g.valid).toBe(false);
    expect(g.problems).toEqual([
      { regionName: '科尔沁区', indicator: 'arrivedFundsWan', message: '到位资金(万元)不能为负数' },
      { regionName: '科尔沁区', indicator: 'startedCount', message: '开工项目(个)应为不小于 0 的整数' },
    ]);
    expect(g.changes).toEqual([]);
    expect(g.discard().hasChanges).toBe(false);
  });

  it('normalises pasted numbers', () => {
    expect(grid().withEdit('150502', 'startedCount', ' 1，234,5 ').changes).toEqual([{ regionCode: '150502', indicator: 'startedCount', value: '12345', version: 0 }]);
  });
});

describe('progress display', () => {
  it('formats rates with one decimal and shows — without one', () => {
    expect(formatRate(0.7714)).toBe('77.1%');
    expect(formatRate(1.25)).toBe('125.0%');
    expect(formatRate(0)).toBe('0.0%');
    expect(formatRate(null)).toBe('—');
  });

  it('compares completion with the time gone by', () => {
    // the month under way: by the day (5 December is 339 of 365 days), a whole past month: by months
    expect(timeProgress('2026-12', '2026-12-05')).toBeCloseTo(339 / 365, 6);
    expect(timeProgress('2026-11', '2026-12-05')).toBeCloseTo(11 / 12, 6);
    expect(progressTone({ completion: 0.93 }, '2026-12')).toBe(timeProgress('2026-12') <= 0.93 ? 'onTrack' : 'behind');
    expect(progressTone({ completion: 1.01 }, '2026-06')).toBe('done');
    expect(progressTone({ completion: 0.5 }, '2026-06')).toBe('onTrack');
    expect(progressTone({ completion: 0.49 }, '2026-06')).toBe('behind');
    expect(progressTone({ completion: null }, '2026-06')).toBe('none');
    expect(progressPercent({ completion: 1.37 })).toBe(100);
    expect(progressPercent({ completion: 0.4567 })).toBe(45.7);
  });

  it('shows amounts in 万元 and counts in 个', () => {
    expect(formatTargetFigure('signedAmountWan', '12000.50')).toBe('12,000.50 万元');
    expect(formatTargetFigure('startedCount', '25')).toBe('25 个');
    expect(formatTargetFigure('startedCount', null)).toBe('未设定');
  });
});
