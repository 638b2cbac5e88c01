import { initialList, initialMonth, initialRegion } from './reconciliation-view';

describe('reconciliation view', () => {
  it('opens on last month unless the URL names a month up to this one', () => {
    expect(initialMonth(null, '2026-12-05')).toBe('2026-11');
    expect(initialMonth('2026-03', '2026-12-05')).toBe('2026-03');
    expect(initialMonth('2027-01', '2026-12-05')).toBe('2026-11');
    expect(initialMonth('2026-13', '2026-12-05')).toBe('2026-11');
  });

  it('opens on the URL’s region when known, else a district user’s own, else the city', () => {
    const known = ['150500', '150526'];
    expect(initialRegion('150526', known, null, '150500')).toBe('150526');
    expect(initialRegion('999999', known, '150526', '150500')).toBe('150526');
    expect(initialRegion(null, known, null, '150500')).toBe('150500');
    expect(initialRegion(null, [], null, null)).toBeNull();
  });

  it('opens on the matched list unless the URL names another', () => {
    expect(initialList('unknown')).toBe('unknown');
    expect(initialList('bogus')).toBe('matched');
    expect(initialList(null)).toBe('matched');
  });
});
