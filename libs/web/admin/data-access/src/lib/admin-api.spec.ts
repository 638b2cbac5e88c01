import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RegionDto } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { AuditApi } from './audit.api';
import { RegionsStore } from './regions.store';
import { UsersApi } from './users.api';

const regions: RegionDto[] = [
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
];

describe('admin data access', () => {
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
  });
  afterEach(() => backend.verify());

  it('reads the regions once for all callers and tells the city from its districts', () => {
    const store = TestBed.inject(RegionsStore);
    store.ensureLoaded();
    store.load().subscribe();
    backend.expectOne('/api/v1/regions').flush(regions);

    expect(store.city()?.name).toBe('通辽市');
    expect(store.districts().map((r) => r.name)).toEqual(['科尔沁区', '奈曼旗']);
    expect(store.name('150525')).toBe('奈曼旗');
    store.ensureLoaded();
    backend.expectNone('/api/v1/regions');
  });

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
});
