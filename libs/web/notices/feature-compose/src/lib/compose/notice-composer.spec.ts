import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import type { LeaderDto, NoticeDto, UnitDto } from '@zhaoshang/shared/domain';
import { NoticeComposer } from './notice-composer';

const UNITS: UnitDto[] = [{ id: 'u-1', name: '开鲁县自然资源局', level: 'DISTRICT', regionCode: '150523', sortOrder: 10, active: true, version: 1 }];
const LEADERS: LeaderDto[] = [
  { id: 'l-1', name: '常务副市长', portfolio: null, level: 'CITY', regionCode: null, userId: 'user-1', sortOrder: 10, active: true, version: 1 },
  { id: 'l-2', name: '副市长（未关联账号）', portfolio: null, level: 'CITY', regionCode: null, userId: null, sortOrder: 20, active: true, version: 1 },
];

const byTestId = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`);

async function settle(): Promise<void> {
  await TestBed.inject(ApplicationRef).whenStable();
}

describe('NoticeComposer', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations()] });
    backend = TestBed.inject(HttpTestingController);
  });

  it('opens on the suggested text of the subject and sends the notice, escalating the previous one', async () => {
    void TestBed.inject(NoticeComposer).open({ subject: { subjectType: 'ISSUE', issueId: 'i-1' }, kind: 'SUPERVISE', previousNoticeId: 'n-0', subjectLabel: '开鲁县光伏项目：用地' });
    await settle();
    backend.expectOne('/api/v1/units').flush(UNITS);
    backend.expectOne('/api/v1/leaders').flush(LEADERS);
    const compose = backend.expectOne((r) => r.url === '/api/v1/notices/compose');
    expect(compose.request.params.toString()).toBe('kind=SUPERVISE&subjectType=ISSUE&issueId=i-1&previousNoticeId=n-0');
    compose.flush({ kind: 'SUPERVISE', title: '关于督办的通知', facts: '事实', requirement: '要求', deadline: '2099-12-10', recipientUnitId: 'u-1', previousNoticeId: 'n-0' });
    await settle();
    expect(byTestId('notice-compose-subject')?.textContent).toContain('开鲁县光伏项目');
    expect((byTestId('notice-compose-title') as HTMLInputElement).value).toBe('关于督办的通知');

    // a 督办单 needs its signer: nothing is sent without one
    byTestId('notice-compose-submit')?.click();
    await settle();
    backend.expectNone('/api/v1/notices');
    expect(document.body.textContent).toContain('督办单、移交函须选择签发领导');
  });

  it('issues a 提醒单 at once and resolves with it', async () => {
    const result = TestBed.inject(NoticeComposer).open({ subject: { subjectType: 'WARNING', projectId: 'p-1', warningRule: 'START' } });
    await settle();
    backend.expectOne('/api/v1/units').flush(UNITS);
    backend.expectOne('/api/v1/leaders').flush(LEADERS);
    backend.expectOne((r) => r.url === '/api/v1/notices/compose').flush({ kind: 'REMINDER', title: '关于提醒的通知', facts: '事实', requirement: '要求', deadline: '2099-12-10', recipientUnitId: 'u-1', previousNoticeId: null });
    await settle();
    byTestId('notice-compose-submit')?.click();
    await settle();
    const post = backend.expectOne('/api/v1/notices');
    expect(post.request.body).toEqual({ kind: 'REMINDER', subjectType: 'WARNING', projectId: 'p-1', warningRule: 'START', recipientUnitId: 'u-1', title: '关于提醒的通知', facts: '事实', requirement: '要求', deadline: '2099-12-10' });
    post.flush({ id: 'n-9', status: 'ISSUED', number: '通招提〔2099〕1号' } as NoticeDto);
    await expect(result).resolves.toMatchObject({ id: 'n-9' });
  });
});
