import { TestBed } from '@angular/core/testing';
import type { NoticeDto } from '@zhaoshang/shared/domain';
import { NoticeDeadline } from './notice-tags';
import { NoticePaper, paragraphs } from './notice-paper';
import { daysPast } from './notice-view';

export function noticeFixture(over: Partial<NoticeDto> = {}): NoticeDto {
  return {
    id: 'n-1', kind: 'SUPERVISE', status: 'PENDING_SIGNATURE', number: null, subjectType: 'ISSUE', projectId: 'p-1', projectNo: '150523-2026-0001',
    projectName: '开鲁县光伏项目', regionCode: '150523', regionName: '开鲁县', issueId: 'i-1', issueCategory: 'LAND', warningRule: null, commitmentId: null,
    previousNoticeId: null, recipientUnitId: 'u-1', recipientUnitName: '开鲁县人民政府', title: '关于督办开鲁县光伏项目用地问题的通知',
    facts: '项目用地指标尚未落实。\n\n已两次提醒。', requirement: '请于时限内落实。', deadline: '2026-12-10', draftedByName: '市局甲',
    signerLeaderId: 'l-1', signerLeaderName: '常务副市长', signedAt: null, signComment: null, issuedAt: null, issuedByName: null, feedback: null,
    feedbackAt: null, feedbackByName: null, closedAt: null, closeNote: null, overdue: false, version: 1, createdAt: '2026-12-05T02:00:00.000Z',
    updatedAt: '2026-12-05T02:00:00.000Z', ...over,
  };
}

describe('notice view helpers', () => {
  it('counts calendar days past a deadline, none before it', () => {
    expect(daysPast('2026-12-10', '2026-12-10')).toBe(0);
    expect(daysPast('2026-12-10', '2026-12-01')).toBe(0);
    expect(daysPast('2026-02-27', '2026-03-02')).toBe(3);
  });

  it('splits paragraphs at blank lines', () => {
    expect(paragraphs('一\n二\n\n  三 \n\n')).toEqual(['一\n二', '三']);
  });
});

describe('NoticeDeadline', () => {
  it('says 超期N天 only for an overdue notice', async () => {
    const fixture = TestBed.createComponent(NoticeDeadline);
    fixture.componentRef.setInput('deadline', '2026-12-01');
    fixture.componentRef.setInput('today', '2026-12-05');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).not.toContain('超期');
    fixture.componentRef.setInput('overdue', true);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('超期4天');
  });
});

describe('NoticePaper', () => {
  it('prints the parts of the document: 文号, 标题, 主送, 正文, 时限, 落款', async () => {
    const fixture = TestBed.createComponent(NoticePaper);
    fixture.componentRef.setInput('notice', noticeFixture({ number: '通招督〔2026〕7号', issuedAt: '2026-12-06' }));
    fixture.componentRef.setInput('issuer', '通辽市投资促进局');
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    for (const part of ['通辽市投资促进局督办单', '通招督〔2026〕7号', '签发人：常务副市长', '关于督办开鲁县光伏项目用地问题的通知', '开鲁县人民政府：', '已两次提醒。', '办理时限：2026年12月10日前', '2026年12月6日']) {
      expect(text).toContain(part);
    }
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('.body')).toHaveLength(4);
  });

  it('shows a draft as （草稿）, and no 签发人 on a 提醒单', async () => {
    const fixture = TestBed.createComponent(NoticePaper);
    fixture.componentRef.setInput('notice', noticeFixture({ kind: 'REMINDER', signerLeaderId: null, signerLeaderName: null }));
    fixture.componentRef.setInput('issuer', '通辽市投资促进局');
    await fixture.whenStable();
    const text = (fixture.nativeElement as HTMLElement).textContent ?? '';
    expect(text).toContain('（草稿）');
    expect(text).not.toContain('签发人');
  });
});
