import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { AuditApi } from './audit.api';
import { UsersApi } from './users.api';
import { WebhooksApi } from './webhooks.api';

describe('admin data access', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('pages the audit log by cursor', () => {
    TestBed.inject(AuditApi).page({ entity: 'user', before: 'c42' }).subscribe();
    const request = backend.expectOne((r) => r.url === '/api/v1/audit');
    expect(request.request.params.toString()).toBe('limit=50&entity=user&before=c42');
    request.flush({ items: [], nextCursor: null });
  });

  it('lists disabled users too and leaves the errors of changes to the form', () => {
    const users = TestBed.inject(UsersApi);
    users.list().subscribe();
    const list = backend.expectOne('/api/v1/users?includeDisabled=true');
    expect(list.request.context.get(SKIP_ERROR_MESSAGE)).toBe(false);
    list.flush([]);

    users.update('u 1', { displayName: '李四', version: 3 }).subscribe();
    const patch = backend.expectOne('/api/v1/users/u%201');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ displayName: '李四', version: 3 });
    expect(patch.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    patch.flush({});
  });

  it('pages a webhook log by cursor and deletes a subscription with the version it read', () => {
    const webhooks = TestBed.inject(WebhooksApi);
    webhooks.deliveries('s 1', { status: 'FAILED', before: '42', limit: 20 }).subscribe();
    const log = backend.expectOne((r) => r.url === '/api/v1/webhooks/s%201/deliveries');
    expect(log.request.params.toString()).toBe('status=FAILED&before=42&limit=20');
    log.flush({ items: [], nextCursor: null });

    webhooks.remove('s1', 3).subscribe();
    const removed = backend.expectOne('/api/v1/webhooks/s1?version=3');
    expect(removed.request.method).toBe('DELETE');
    expect(removed.request.context.get(SKIP_ERROR_MESSAGE)).toBe(true);
    removed.flush({});
  });
});
