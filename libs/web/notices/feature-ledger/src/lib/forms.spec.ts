import { subjectFromParams } from './new/notice-new-page';
import { DEFAULT_NOTICE_SETTINGS } from '@zhaoshang/shared/domain';
import { noticeHistory } from './detail/notice-history';
import { datesOf, draftOf, draftProblems, settingsOf } from './settings/settings-form';
import { noticeFixture } from './test-data';

describe('the settings form', () => {
  it('round-trips the settings and finds no problem in the defaults', () => {
    const draft = draftOf({ ...DEFAULT_NOTICE_SETTINGS, holidays: ['2026-10-01', '2026-10-02'] });
    expect(draftProblems(draft)).toEqual({});
    expect(settingsOf(draft)).toEqual({ ...DEFAULT_NOTICE_SETTINGS, holidays: ['2026-10-01', '2026-10-02'] });
  });

  it('names the field of each problem', () => {
    const draft = draftOf(DEFAULT_NOTICE_SETTINGS);
    draft.prefixes.URGE = '通招提';
    draft.deadlineWorkingDays.SUPERVISE = 0;
    draft.holidays = '2026-10-01\n2026-13-01';
    draft.extraWorkdays = '2026-10-01';
    draft.issuer = ' ';
    expect(draftProblems(draft)).toEqual({
      'prefixes.URGE': '各类通知的前缀不能相同（文号会重复）',
      'deadlineWorkingDays.SUPERVISE': '请输入 1–60 的整数',
      holidays: '不是有效日期（应为 YYYY-MM-DD）：2026-13-01',
      extraWorkdays: '2026-10-01 不能既是节假日又是调休上班日',
      issuer: '请输入落款单位',
    });
    expect(datesOf('2026-10-02, 2026-10-01\n2026-10-02')).toEqual(['2026-10-01', '2026-10-02']);
  });
});

describe('noticeHistory', () => {
  it('tells the course of a signed, answered and closed notice in order', () => {
    const n = noticeFixture({ status: 'CLOSED', number: '通招督〔2026〕1号', signedAt: '2026-12-05T03:00:00Z', signComment: '同意', issuedAt: '2026-12-05T03:00:00Z', issuedByName: '常务副市长', feedback: '已落实', feedbackAt: '2026-12-06T03:00:00Z', feedbackByName: '开鲁甲', closedAt: '2026-12-07T03:00:00Z' });
    expect(noticeHistory(n).map((s) => s.key)).toEqual(['drafted', 'signed', 'issued', 'feedback', 'closed']);
    expect(noticeHistory(n)[1]).toMatchObject({ label: '领导签发', by: '常务副市长', text: '同意' });
  });

  it('shows a return with the leader\'s comment, and an overdue notice', () => {
    expect(noticeHistory(noticeFixture({ status: 'RETURNED', signComment: '事实不清' })).map((s) => [s.key, s.text])).toEqual([['drafted', null], ['returned', '事实不清']]);
    expect(noticeHistory(noticeFixture({ status: 'ISSUED', issuedAt: '2026-12-01T00:00:00Z', overdue: true })).at(-1)?.key).toBe('overdue');
  });
});

describe('subjectFromParams', () => {
  const params = (q: Record<string, string>) => ({ get: (name: string) => q[name] ?? null });
  it('reads a problem or a warning from a link, nothing else', () => {
    expect(subjectFromParams(params({ subjectType: 'ISSUE', issueId: 'i-1' }))).toEqual({ subjectType: 'ISSUE', issueId: 'i-1' });
    expect(subjectFromParams(params({ subjectType: 'WARNING', projectId: 'p-1', warningRule: 'START' }))).toEqual({ subjectType: 'WARNING', projectId: 'p-1', warningRule: 'START' });
    expect(subjectFromParams(params({ subjectType: 'WARNING', projectId: 'p-1', warningRule: 'NOPE' }))).toBeNull();
    expect(subjectFromParams(params({ subjectType: 'ISSUE' }))).toBeNull();
  });
});
