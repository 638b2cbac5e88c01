import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { DEFAULT_NOTICE_SETTINGS } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { NoticesApi } from './notices.api';

describe('NoticesApi', () => {
  let backend: HttpTestingController;
  let api: NoticesApi;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    api = TestBed.inject(NoticesApi);
  });
  afterEach(() => backend.verify());

  it('lists by the query, reads the stats, 待升级 and one notice', () => {
    api.list({ kind: 'URGE', status: 'ISSUED', regionCode: '150523', overdue: true, page: 2, pageSize: 50 }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/notices').request.params.toString()).toBe('kind=URGE&status=ISSUED&regionCode=150523&overdue=true&page=2&pageSize=50');
    api.stats('unit', { year: 2026 }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/notices/stats').request.params.toString()).toBe('groupBy=unit&year=2026');
    api.escalations().subscribe();
    backend.expectOne('/api/v1/notices/escalations');
    api.get('n/1').subscribe();
    backend.expectOne('/api/v1/notices/n%2F1');
  });

  it('asks for the suggested text of a problem or of a warning, the dialog showing failures', () => {
    api.compose({ kind: 'REMINDER', subject: { subjectType: 'ISSUE', issueId: 'i-1' } }).subscribe();
    const issue = backend.expectOne((r) => r.url === '/api/v1/notices/compose');
    expect(issue.request.params.toString()).toBe('kind=REMINDER&subjectType=ISSUE&issueId=i-1');
    expect(issue.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    api.compose({ kind: 'URGE', subject: { subjectType: 'WARNING', projectId: 'p-1', warningRule: 'START' }, previousNoticeId: 'n-1' }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/notices/compose').request.params.toString()).toBe('kind=URGE&subjectType=WARNING&projectId=p-1&warningRule=START&previousNoticeId=n-1');
    api.compose({ kind: 'REMINDER', subject: { subjectType: 'COMMITMENT', commitmentId: 'c-1', projectId: 'p-1' } }).subscribe();
    expect(backend.expectOne((r) => r.url === '/api/v1/notices/compose').request.params.toString()).toBe('kind=REMINDER&subjectType=COMMITMENT&commitmentId=c-1&projectId=p-1');
  });

  it('sends each change to its route, with the errors left to the caller', () => {
    const calls: [() => void, string, string][] = [
      [() => api.create({ kind: 'REMINDER', subjectType: 'ISSUE', issueId: 'i', recipientUnitId: 'u', facts: 'f', requirement: 'r' }).subscribe(), 'POST', '/api/v1/notices'],
      [() => api.update('n', { title: 't', version: 1 }).subscribe(), 'PATCH', '/api/v1/notices/n'],
      [() => api.sign('n', { version: 1 }).subscribe(), 'POST', '/api/v1/notices/n/sign'],
      [() => api.return('n', { comment: 'c', version: 1 }).subscribe(), 'POST', '/api/v1/notices/n/return'],
      [() => api.feedback('n', { text: 't', version: 1 }).subscribe(), 'POST', '/api/v1/notices/n/feedback'],
      [() => api.close('n', { version: 1 }).subscribe(), 'POST', '/api/v1/notices/n/close'],
      [() => api.cancel('n', { reason: 'r', version: 1 }).subscribe(), 'POST', '/api/v1/notices/n/cancel'],
      [() => api.saveSettings({ settings: DEFAULT_NOTICE_SETTINGS, version: 2 }).subscribe(), 'PUT', '/api/v1/settings/notices'],
    ];
    for (const [call, method, url] of calls) {
      call();
      const request = backend.expectOne(url).request;
      expect(request.method).toBe(method);
      expect(request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    }
  });

  it('downloads the .docx under the name the server proposes', () => {
    let name = '';
    api.docx({ id: 'n', number: '通招提〔2026〕1号', kind: 'REMINDER' }).subscribe((file) => (name = file.fileName));
    backend
      .expectOne('/api/v1/notices/n/docx')
      .flush(new Blob(['PK']), { headers: { 'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('通招提〔2026〕1号.docx')}` } });
    expect(name).toBe('通招提〔2026〕1号.docx');
    api.docx({ id: 'd', number: null, kind: 'SUPERVISE' }).subscribe((file) => (name = file.fileName));
    backend.expectOne('/api/v1/notices/d/docx').flush(new Blob(['PK']));
    expect(name).toBe('草稿-督办单.docx');
  });
});
