import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { openRoutedPage } from '@zhaoshang/web/shared/util/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { DEFAULT_NOTICE_SETTINGS, type LeaderDto, type UnitDto } from '@zhaoshang/shared/domain';
import { noticesRoutes } from './notices.routes';
import { COUNTS, escalationFixture, listOf, noticeFixture } from './test-data';

const LEADERS: LeaderDto[] = [{ id: 'l-1', name: '常务副市长', portfolio: null, level: 'CITY', regionCode: null, userId: 'u1', sortOrder: 10, active: true, version: 1 }];
const UNITS: UnitDto[] = [{ id: 'u-1', name: '开鲁县人民政府', level: 'DISTRICT', regionCode: '150523', sortOrder: 10, active: true, version: 1 }];

/** until the requests answered have been rendered */
async function settle(): Promise<void> {
  await TestBed.inject(ApplicationRef).whenStable();
}

describe('督办台账', () => {
  afterEach(() => localStorage.clear());

  it('shows the counts and the notices, and narrows the list when a count is clicked', async () => {
    storeTestSession('CITY_STAFF');
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const page = await openRoutedPage('notices', noticesRoutes);
    page.backend.expectOne((r) => r.url === '/api/v1/notices').flush(listOf([noticeFixture({ status: 'ISSUED', number: '通招督〔2026〕1号', overdue: true, deadline: '2026-01-02' })]));
    page.backend.expectOne('/api/v1/notices/escalations').flush({ items: [escalationFixture()] });
    page.harness.detectChanges();
    const stats = { groupBy: 'region', rows: [], total: { key: '', label: '合计', issued: {}, overdue: {}, closed: 0, closedOnTime: 0 } };
    page.backend.match(() => true).forEach((r) => r.flush(r.request.url.endsWith('/stats') ? stats : []));
    await settle();
    page.harness.detectChanges();
    expect(page.byTestId('notice-count-overdue')?.textContent).toContain(String(COUNTS.overdue));
    expect(page.byTestId('notice-count-onTimeRate')?.textContent).toContain('80.0%');
    const row = page.el.querySelector('[data-testid="notice-row"]');
    expect(row?.textContent).toContain('通招督〔2026〕1号');
    expect(row?.textContent).toMatch(/超期\d+天/);
    expect(page.byTestId('notice-tab-escalate')?.textContent).toContain('1');

    page.byTestId('notice-count-overdue')?.click();
    await new Promise((resolve) => setTimeout(resolve));
    page.harness.detectChanges();
    expect(page.backend.expectOne((r) => r.url === '/api/v1/notices').request.params.get('overdue')).toBe('true');
  });

  it('lists 待升级 with the next rung proposed; city staff get the button', async () => {
    storeTestSession('CITY_STAFF');
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const page = await openRoutedPage('notices', noticesRoutes, '/notices?tab=escalate');
    page.backend.expectOne('/api/v1/notices/escalations').flush({ items: [escalationFixture()] });
    page.backend.match(() => true).forEach((r) => r.flush([]));
    await settle();
    page.harness.detectChanges();
    expect(page.byTestId('escalation-row')?.textContent).toContain('超期 3 个工作日');
    expect(page.byTestId('escalate')?.textContent?.trim()).toBe('发催办单');
  });

  it('shows leaders the proposal without a button', async () => {
    storeTestSession('LEADER');
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const page = await openRoutedPage('notices', noticesRoutes, '/notices?tab=escalate');
    page.backend.expectOne('/api/v1/notices/escalations').flush({ items: [escalationFixture()] });
    page.backend.match(() => true).forEach((r) => r.flush([]));
    await settle();
    page.harness.detectChanges();
    expect(page.byTestId('escalate')).toBeNull();
    expect(page.byTestId('escalation-row')?.textContent).toContain('建议：催办单');
  });
});

describe('the notice page', () => {
  afterEach(() => localStorage.clear());

  async function open(role: 'LEADER' | 'CITY_STAFF' | 'DISTRICT_STAFF', notice = noticeFixture()) {
    storeTestSession(role, role === 'DISTRICT_STAFF' ? { regionCode: '150523' } : {});
    TestBed.configureTestingModule({ providers: [provideNoopAnimations()] });
    const page = await openRoutedPage('notices', noticesRoutes, '/notices/n-1');
    page.backend.expectOne('/api/v1/notices/n-1').flush(notice);
    page.backend.expectOne('/api/v1/leaders').flush(LEADERS);
    page.backend.expectOne('/api/v1/units').flush(UNITS);
    page.backend.expectOne('/api/v1/settings/notices').flush({ settings: { ...DEFAULT_NOTICE_SETTINGS, issuer: '通辽市投资促进局（测试）' }, version: 1 });
    await settle();
    page.harness.detectChanges();
    return page;
  }

  it('lets the leader named as signer sign, sending the version read', async () => {
    const page = await open('LEADER');
    expect(page.byTestId('notice-paper')?.textContent).toContain('开鲁县人民政府：');
    expect(page.byTestId('notice-paper')?.textContent).toContain('通辽市投资促进局（测试）');
    expect(page.byTestId('notice-return')).not.toBeNull();
    expect(page.byTestId('notice-close')).toBeNull();
    page.byTestId('notice-sign')?.click();
    page.harness.detectChanges();
    await settle();
    const submit = document.querySelector<HTMLButtonElement>('[data-testid="notice-step-submit"]');
    submit?.click();
    const sign = page.backend.expectOne('/api/v1/notices/n-1/sign');
    expect(sign.request.body).toEqual({ version: 3 });
    sign.flush(noticeFixture({ status: 'ISSUED', number: '通招督〔2026〕1号', signedAt: '2026-12-05T03:00:00Z', issuedAt: '2026-12-05T03:00:00Z', version: 4 }));
    await settle();
    page.harness.detectChanges();
    expect(page.byTestId('notice-heading-number')?.textContent).toContain('通招督〔2026〕1号');
    expect(page.byTestId('notice-sign')).toBeNull();
  });

  it('asks the leader for a comment before returning a draft', async () => {
    const page = await open('LEADER');
    page.byTestId('notice-return')?.click();
    page.harness.detectChanges();
    await settle();
    const submit = document.querySelector<HTMLButtonElement>('[data-testid="notice-step-submit"]');
    expect(submit?.disabled).toBe(true);
    const text = document.querySelector<HTMLTextAreaElement>('[data-testid="notice-step-text"]');
    if (!text) throw new Error('no text');
    text.value = '事实不清，请补充用地报批进展';
    text.dispatchEvent(new Event('input'));
    page.harness.detectChanges();
    await settle();
    expect(submit?.disabled).toBe(false);
    submit?.click();
    const sent = page.backend.expectOne('/api/v1/notices/n-1/return');
    expect(sent.request.body).toEqual({ comment: '事实不清，请补充用地报批进展', version: 3 });
    sent.flush(noticeFixture({ status: 'RETURNED', signComment: '事实不清，请补充用地报批进展', version: 4 }));
    await settle();
    page.harness.detectChanges();
    expect(page.byTestId('notice-returned-comment')?.textContent).toContain('事实不清');
    expect(page.byTestId('notice-sign')).toBeNull();
  });

  it('offers city staff edit and cancel on a draft, nothing to sign', async () => {
    const page = await open('CITY_STAFF');
    expect(page.byTestId('notice-edit')).not.toBeNull();
    expect(page.byTestId('notice-cancel')).not.toBeNull();
    expect(page.byTestId('notice-sign')).toBeNull();
  });

  it('lets the district answer an issued notice of its region', async () => {
    const page = await open('DISTRICT_STAFF', noticeFixture({ status: 'ISSUED', number: '通招督〔2026〕1号' }));
    expect(page.byTestId('notice-feedback')).not.toBeNull();
    expect(page.byTestId('notice-close')).toBeNull();
  });
});
