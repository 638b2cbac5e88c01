import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { IndustryDto, RegionDto } from '@zhaoshang/shared/domain';
import { IndustriesStore } from './industries.store';
import { RegionsStore } from './regions.store';

const regions: RegionDto[] = [
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
];

const industries: IndustryDto[] = [
  { code: 'OT', name: '其他', sortOrder: 100, active: true, version: 1 },
  { code: 'NE', name: '新能源（风电、光伏、储能、氢能）', sortOrder: 10, active: true, version: 1 },
  { code: 'XX', name: '已停用产业', sortOrder: 50, active: false, version: 2 },
];

describe('shared reference data', () => {
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

  it('keeps retired industries for old projects but offers only active ones, and reloads after a change', () => {
    const store = TestBed.inject(IndustriesStore);
    store.ensureLoaded();
    backend.expectOne('/api/v1/industries').flush(industries);

    expect(store.industries().map((i) => i.code)).toEqual(['NE', 'XX', 'OT']);
    expect(store.active().map((i) => i.code)).toEqual(['NE', 'OT']);
    expect(store.name('XX')).toBe('已停用产业');
    store.ensureLoaded();
    backend.expectNone('/api/v1/industries');

    store.invalidate();
    store.ensureLoaded();
    backend.expectOne('/api/v1/industries').flush(industries.slice(0, 1));
    expect(store.industries().map((i) => i.code)).toEqual(['OT']);
  });
});
