import { addMonths, defaultPeriod, lastDayOfMonth, matchingPreset, monthsOf, parseSelection, periodLabel, periodPresets, selectionParams } from './period';

describe('dashboard period', () => {
  it('defaults to January through last month, and in January to last year', () => {
    expect(defaultPeriod('2026-11-23')).toEqual({ from: '2026-01', to: '2026-10' });
    expect(defaultPeriod('2026-01-05')).toEqual({ from: '2025-01', to: '2025-12' });
    expect(defaultPeriod('2026-02-01')).toEqual({ from: '2026-01', to: '2026-01' });
  });

  it('offers 本年, 上半年, 本季度 and 上月 relative to the last complete month', () => {
    expect(periodPresets('2026-11-23').map((p) => [p.label, p.from, p.to])).toEqual([
      ['本年', '2026-01', '2026-10'],
      ['上半年', '2026-01', '2026-06'],
      ['本季度', '2026-10', '2026-10'],
      ['上月', '2026-10', '2026-10'],
    ]);
    // before June is over, 上半年 is last year's
    expect(periodPresets('2026-05-10').find((p) => p.key === 'firstHalf')).toMatchObject({ from: '2025-01', to: '2025-06' });
    expect(periodPresets('2026-09-01').find((p) => p.key === 'quarter')).toMatchObject({ from: '2026-07', to: '2026-08' });
  });

  it('recognises a preset, the first that matches', () => {
    expect(matchingPreset({ from: '2026-01', to: '2026-10' }, '2026-11-23')).toBe('year');
    expect(matchingPreset({ from: '2026-10', to: '2026-10' }, '2026-11-23')).toBe('quarter');
    expect(matchingPreset({ from: '2026-03', to: '2026-05' }, '2026-11-23')).toBeNull();
  });

  it('reads the URL, falling back to the defaults and putting a reversed range in order', () => {
    expect(parseSelection({}, '2026-11-23')).toEqual({ from: '2026-01', to: '2026-10', region: null });
    expect(parseSelection({ from: '2026-03', to: '2026-05', region: '150525' }, '2026-11-23')).toEqual({ from: '2026-03', to: '2026-05', region: '150525' });
    expect(parseSelection({ from: '2026-05', to: '2026-03' }, '2026-11-23')).toMatchObject({ from: '2026-03', to: '2026-05' });
    expect(parseSelection({ from: '2026-13', to: 'x', region: 'evil' }, '2026-11-23')).toEqual({ from: '2026-01', to: '2026-10', region: null });
    expect(parseSelection({ region: '150599' }, '2026-11-23', ['150525']).region).toBeNull();
  });

  it('writes only what differs from the defaults into the URL', () => {
    expect(selectionParams({ from: '2026-01', to: '2026-10', region: null }, '2026-11-23')).toEqual({ from: null, to: null, region: null });
    expect(selectionParams({ from: '2026-01', to: '2026-06', region: '150525' }, '2026-11-23')).toEqual({ from: '2026-01', to: '2026-06', region: '150525' });
  });

  it('labels periods in Chinese', () => {
    expect(periodLabel({ from: '2026-01', to: '2026-10' })).toBe('2026年1—10月');
    expect(periodLabel({ from: '2026-10', to: '2026-10' })).toBe('2026年10月');
    expect(periodLabel({ from: '2025-11', to: '2026-02' })).toBe('2025年11月—2026年2月');
  });

  it('does month arithmetic across years and knows the last day of a month', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-06', -18)).toBe('2024-12');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2026-10')).toBe('2026-10-31');
    expect(monthsOf({ from: '2025-11', to: '2026-02' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
