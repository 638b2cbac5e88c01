import { byUrgency, urgency } from './my-projects';

describe('my projects', () => {
  it('ranks red flags before yellow before none', () => {
    expect(urgency(undefined)).toBe(2);
    expect(urgency([])).toBe(2);
    expect(urgency([{ rule: 'START', level: 'YELLOW' }])).toBe(1);
    expect(urgency([{ rule: 'START', level: 'YELLOW' }, { rule: 'FUNDS', level: 'RED' }])).toBe(0);
  });

  it('keeps the given order within a rank', () => {
    const flags: Record<string, { rule: 'START'; level: 'RED' | 'YELLOW' }[]> = { b: [{ rule: 'START', level: 'RED' }], d: [{ rule: 'START', level: 'YELLOW' }] };
    expect(byUrgency([{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }, { id: 'e' }], (id) => flags[id]).map((p) => p.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
});
