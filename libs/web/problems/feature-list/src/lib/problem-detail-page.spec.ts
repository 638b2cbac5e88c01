import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { LoginResponse, ProjectIssueDetailDto, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from '@zhaoshang/web/auth/data-access';
import { problemsRoutes } from './problems.routes';

const ID = '6f1c2b7e-8a4d-4c3b-9e2f-0a1b2c3d4e5f';
const issue = (over: Partial<ProjectIssueDetailDto> = {}): ProjectIssueDetailDto => ({
  id: ID,
  projectId: 'p1',
  projectNo: '150525-2026-0001',
  projectName: '奈曼旗光伏治沙项目',
  regionCode: '150525',
  regionName: '奈曼旗',
  category: 'LABOUR',
  description: '施工用工缺口 120 人',
  raisedAt: '2026-10-01',
  raisedByName: '萨仁',
  unitId: 'u1',
  unitName: '奈曼旗人社局',
  dueAt: '2026-10-21',
  status: 'OPEN',
  resolution: null,
  closedAt: null,
  overdue: true,
  version: 4,
  createdAt: '2026-10-01T00:00:00Z',
  updatedAt: '2026-10-01T00:00:00Z',
  notes: [],
  ...over,
});

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement | null;

async function open(role: Role, regionCode: string | null) {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '萨仁', role, regionCode, regionName: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'problems', children: problemsRoutes }], withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(`/problems/${ID}`);
  const backend = TestBed.inject(HttpTestingController);
  TestBed.tick();
  backend.expectOne(`/api/v1/project-issues/${ID}`).flush(issue());
  await harness.fixture.whenStable();
  const el = () => harness.routeNativeElement as HTMLElement;
  const click = async (root: HTMLElement | null, id: string) => {
    root?.querySelector<HTMLElement>(`[data-testid="${id}"]`)?.click();
    await harness.fixture.whenStable();
  };
  return { harness, backend, el, click };
}

describe('ProblemDetailPage', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).match(() => true);
    overlay()?.replaceChildren();
    localStorage.clear();
  });

  it('asks the 办理结果 before closing, and after a 409 says so and reads the problem again', async () => {
    const { harness, backend, el, click } = await open('DISTRICT_STAFF', '150525');
    expect(el().querySelector('[data-testid="problem-notice"]')).toBeNull();
    await click(el(), 'problem-move-RESOLVED');
    await click(overlay(), 'note-dialog-submit');
    backend.expectNone({ method: 'POST', url: `/api/v1/project-issues/${ID}/status` });
    expect(overlay()?.textContent).toContain('请填写办理结果');

    const text = overlay()?.querySelector<HTMLTextAreaElement>('[data-testid="note-text"]');
    if (!text) throw new Error('no text field');
    text.value = '已招聘到位';
    text.dispatchEvent(new Event('input'));
    await click(overlay(), 'note-dialog-submit');
    const sent = backend.expectOne({ method: 'POST', url: `/api/v1/project-issues/${ID}/status` });
    expect(sent.request.body).toMatchObject({ status: 'RESOLVED', note: '已招聘到位', version: 4 });
    sent.flush(
      { statusCode: 409, error: 'VERSION_CONFLICT', message: '该问题已被他人修改（当前版本 5，您提交的是版本 4），请刷新后重试' },
      { status: 409, statusText: 'Conflict' },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    await harness.fixture.whenStable();
    expect(overlay()?.querySelector('[data-testid="note-dialog-conflict"]')?.textContent).toContain('已被他人修改');
    await click(overlay(), 'note-dialog-reload');
    backend.expectOne(`/api/v1/project-issues/${ID}`).flush(issue({ status: 'IN_PROGRESS', version: 5 }));
    await harness.fixture.whenStable();
    expect(el().querySelector('[data-testid="problem-detail"]')?.getAttribute('data-status')).toBe('IN_PROGRESS');
  });

  it('gives city staff 发提醒单 on an overdue problem and a leader only 填写意见', async () => {
    const city = await open('CITY_STAFF', null);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await city.click(city.el(), 'problem-notice');
    // the notices pages take it from this URL (the agreement with the 督办 pages)
    expect(navigate).toHaveBeenCalledWith(['/notices/new'], { queryParams: { subjectType: 'ISSUE', issueId: ID } });
    TestBed.resetTestingModule();
    const leader = await open('LEADER', null);
    expect(leader.el().querySelector('[data-testid="problem-edit"]')).toBeNull();
    expect(leader.el().querySelector('[data-testid="problem-move-RESOLVED"]')).toBeNull();
    expect(leader.el().querySelector('[data-testid="problem-note"]')?.textContent?.trim()).toBe('填写意见');
  });
});
