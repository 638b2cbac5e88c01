import { DEFAULT_ISSUE_DUE_DAYS, ISSUE_CATEGORIES, addDays, isOverdueIssue, issueSettingsProblems } from './problems.js';

describe('问题诉求设置', () => {
  it('accepts the defaults and every whole number of days from 1 to 365', () => {
    expect(issueSettingsProblems(DEFAULT_ISSUE_DUE_DAYS)).toEqual([]);
    expect(issueSettingsProblems(Object.fromEntries(ISSUE_CATEGORIES.map((c, i) => [c, i % 2 ? 1 : 365])))).toEqual([]);
  });

  it('names the category of each bad value, a missing one and an unknown one', () => {
    const { LAND: _land, ...withoutLand } = DEFAULT_ISSUE_DUE_DAYS;
    expect(issueSettingsProblems({ ...withoutLand, EIA: 366, LABOUR: 0, FINANCING: 7.5, OTHER: '30', WEATHER: 3 })).toEqual([
      { field: 'dueDays.WEATHER', message: '不认识的问题类别：WEATHER' },
      { field: 'dueDays.LAND', message: '缺少“用地”的办理时限' },
      { field: 'dueDays.EIA', message: '环评的办理时限应为 1 至 365 之间的整数（天）' },
      { field: 'dueDays.FINANCING', message: '融资的办理时限应为 1 至 365 之间的整数（天）' },
      { field: 'dueDays.LABOUR', message: '用工的办理时限应为 1 至 365 之间的整数（天）' },
      { field: 'dueDays.OTHER', message: '其他的办理时限应为 1 至 365 之间的整数（天）' },
    ]);
    expect(issueSettingsProblems(null)).toEqual([{ field: 'dueDays', message: '办理时限应为按类别的天数' }]);
    expect(issueSettingsProblems([60])).toEqual([{ field: 'dueDays', message: '办理时限应为按类别的天数' }]);
  });

  it('counts due dates across month and year ends, overdue only after the due day and while open', () => {
    expect(addDays('2026-12-20', 20)).toBe('2027-01-09');
    expect(isOverdueIssue({ status: 'OPEN', dueAt: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isOverdueIssue({ status: 'IN_PROGRESS', dueAt: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdueIssue({ status: 'RESOLVED', dueAt: '2026-12-04' }, '2026-12-05')).toBe(false);
  });
});
