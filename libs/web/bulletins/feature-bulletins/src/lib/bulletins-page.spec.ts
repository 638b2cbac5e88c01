import { defaultQuarter, quarterOptions } from './bulletins-page';

describe('季度通报 page helpers', () => {
  it('offers the last eight quarters up to the current one, newest first, across the year', () => {
    expect(quarterOptions('2026-12-05')).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1']);
    expect(quarterOptions('2026-02-10', 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3']);
  });

  it('opens on the last quarter that has ended', () => {
    expect(defaultQuarter('2026-12-05')).toBe('2026-Q3');
    expect(defaultQuarter('2026-01-02')).toBe('2025-Q4');
  });
});
