import { problemRights, statusMoves } from './problem-actions';

const issue = { regionCode: '150525', overdue: true };

describe('problem rights', () => {
  it('lets district staff act on their own region only, leaders comment, city staff send a 提醒单 when overdue', () => {
    expect(problemRights({ role: 'DISTRICT_STAFF', regionCode: '150525' }, issue)).toEqual({ edit: true, comment: true, notice: false });
    expect(problemRights({ role: 'DISTRICT_STAFF', regionCode: '150523' }, issue)).toEqual({ edit: false, comment: false, notice: false });
    expect(problemRights({ role: 'LEADER', regionCode: null }, issue)).toEqual({ edit: false, comment: true, notice: false });
    expect(problemRights({ role: 'CITY_STAFF', regionCode: null }, issue)).toEqual({ edit: true, comment: true, notice: true });
    expect(problemRights({ role: 'CITY_STAFF', regionCode: null }, { ...issue, overdue: false }).notice).toBe(false);
    expect(problemRights(null, issue)).toEqual({ edit: false, comment: false, notice: false });
  });

  it('offers the moves of the status, with a note where the API requires one', () => {
    expect(statusMoves('OPEN')).toEqual([
      { to: 'IN_PROGRESS', label: '开始办理', needsNote: false },
      { to: 'RESOLVED', label: '标为已解决', needsNote: true },
      { to: 'UNRESOLVABLE', label: '标为无法解决', needsNote: true },
    ]);
    expect(statusMoves('RESOLVED')).toEqual([{ to: 'IN_PROGRESS', label: '重新办理', needsNote: true }]);
  });
});
