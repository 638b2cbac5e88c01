import { daysFrom, overdueText } from './issue-due';

describe('overdue words', () => {
  it('counts the days past the due date across months and years', () => {
    expect(daysFrom('2026-11-30', '2026-12-05')).toBe(5);
    expect(daysFrom('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysFrom('2026-12-05', '2026-12-01')).toBe(-4);
  });

  it('says 超期N天 only for what the API calls overdue, and never 超期0天', () => {
    expect(overdueText({ dueAt: '2026-11-30', overdue: true }, '2026-12-05')).toBe('超期5天');
    expect(overdueText({ dueAt: '2026-12-05', overdue: true }, '2026-12-05')).toBe('超期1天');
    expect(overdueText({ dueAt: '2026-11-30', overdue: false }, '2026-12-05')).toBeNull();
  });
});
