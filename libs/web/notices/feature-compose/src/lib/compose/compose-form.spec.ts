import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { NoticeDto } from '@zhaoshang/shared/domain';
import { composeForm, fillFromSuggestion, savedMessage } from './compose-form';

function noticeFixture(over: Partial<NoticeDto>): NoticeDto {
  return {
    id: 'n-1', kind: 'SUPERVISE', status: 'PENDING_SIGNATURE', number: null, subjectType: 'ISSUE', projectId: 'p-1', projectNo: '150523-2026-0001',
    projectName: '开鲁县光伏项目', regionCode: '150523', regionName: '开鲁县', issueId: 'i-1', issueCategory: 'LAND', warningRule: null, commitmentId: null,
    previousNoticeId: null, recipientUnitId: 'u-1', recipientUnitName: '开鲁县人民政府', title: 't', facts: 'f', requirement: 'r', deadline: '2026-12-10',
    draftedByName: '市局甲', signerLeaderId: 'l-1', signerLeaderName: '常务副市长', signedAt: null, signComment: null, issuedAt: null, issuedByName: null,
    feedback: null, feedbackAt: null, feedbackByName: null, closedAt: null, closeNote: null, overdue: false, version: 3,
    createdAt: '2026-12-05T02:00:00.000Z', updatedAt: '2026-12-05T02:00:00.000Z', ...over,
  };
}

describe('the compose form', () => {
  const form = () => composeForm(TestBed.inject(NonNullableFormBuilder));

  it('asks for a signing leader for 督办单 and 移交函 only', () => {
    const f = form();
    f.patchValue({ kind: 'REMINDER', recipientUnitId: 'u', title: 't', facts: 'f', requirement: 'r', deadline: new Date(2026, 11, 10) });
    expect(f.valid).toBe(true);
    f.controls.kind.setValue('SUPERVISE');
    expect(f.controls.signerLeaderId.errors).toEqual({ required: '督办单、移交函须选择签发领导' });
    f.controls.signerLeaderId.setValue('l-1');
    expect(f.valid).toBe(true);
  });

  it('takes the suggestion, keeping what the user typed when the kind changes', () => {
    const f = form();
    const suggestion = { kind: 'URGE' as const, title: '关于催办的通知', facts: '事实', requirement: '要求', deadline: '2026-12-11', recipientUnitId: 'u-1', previousNoticeId: 'n-0' };
    fillFromSuggestion(f, suggestion, false);
    expect(f.getRawValue()).toMatchObject({ kind: 'URGE', title: '关于催办的通知', facts: '事实', recipientUnitId: 'u-1' });
    f.controls.facts.setValue('我写的事实');
    fillFromSuggestion(f, { ...suggestion, kind: 'SUPERVISE', facts: '新事实', title: '关于督办的通知' }, true);
    expect(f.getRawValue()).toMatchObject({ kind: 'SUPERVISE', title: '关于督办的通知', facts: '我写的事实', requirement: '要求' });
  });

  it('says what happened: issued with its number, or sent to the leader', () => {
    expect(savedMessage(noticeFixture({ status: 'ISSUED', number: '通招提〔2026〕1号' }), 'create')).toBe('已下发 通招提〔2026〕1号');
    expect(savedMessage(noticeFixture({}), 'create')).toBe('已提交领导签发');
    expect(savedMessage(noticeFixture({}), 'edit')).toBe('已保存，已提交常务副市长签发');
  });
});

