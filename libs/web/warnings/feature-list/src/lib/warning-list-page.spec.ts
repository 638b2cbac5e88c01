import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type RegionDto, WARNING_RULES, type WarningListResponse, shanghaiToday } from '@zhaoshang/shared/domain';
import { ProjectWarningsCard } from './project-warnings-card';
import { WarningDots } from './warning-dots';
import { toggled } from './warning-list-page';
import { flagsText, worstLevel } from './warning-view';
import { warningsRoutes } from './warnings.routes';

const regions: RegionDto[] = [
  { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
  { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
  { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
] as RegionDto[];

const counts = (): WarningListResponse['counts'] => ({
  byRegion: [
    { regionCode: '150502', regionName: '科尔沁区', RED: 0, YELLOW: 0 },
    { regionCode: '150525', regionName: '奈曼旗', RED: 3, YELLOW: 2 },
  ],
  byRule: Object.fromEntries(WARNING_RULES.map((r) => [r, { RED: r === 'START' ? 3 : 0, YELLOW: r === 'REPORT' ? 2 : 0 }])) as WarningListResponse['counts']['byRule'],
});

const response: WarningListResponse = {
  date: '2026-11-01',
  total: 1,
  items: [
    {
      projectId: 'p1',
      projectNo: '150525-2025-0012',
      projectName: '奈曼旗风电项目',
      regionCode: '150525',
      regionName: '奈曼旗',
      rule: 'START',
      level: 'RED',
      since: '2026-03-15',
      message: '签约（2025-03-15）已满 12 个月，仍未开工',
    },
  ],
  counts: counts(),
};

async function open(url: string) {
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'warnings', children: warningsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) => r.flush(regions));
  const lists = () => backend.match((r) => r.url === '/api/v1/warnings');
  const el = () => harness.routeNativeElement as HTMLElement;
  /**
   * Renders until the app is stable, answering every list the page asks for meanwhile: the list is a
   * resource, so the app is not stable while one is pending (a page past the end asks again for the last one).
   */
  const settle = async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      TestBed.tick();
      const pending = lists().filter((r) => !r.cancelled);
      if (pending.length === 0) break;
      pending.forEach((r) => r.flush(response));
    }
    await harness.fixture.whenStable();
  };
  return { harness, backend, lists, el, settle, router: TestBed.inject(Router) };
}

describe('WarningListPage', () => {
  afterEach(() => TestBed.inject(HttpTestingController).match(() => true));

  it('reads the filters from the URL, shows the rows with colour, rule, link and message, and the counts', async () => {
    const { lists, el, settle } = await open('/warnings?date=2026-11-01&regionCode=150525&rule=START&level=RED&page=2');
    const [list] = lists();
    expect(list.request.params.toString()).toBe('date=2026-11-01&regionCode=150525&rule=START&level=RED&page=2&pageSize=20');
    list.flush(response);
    await settle();
    const row = el().querySelector('[data-testid="warning-row"]') as HTMLElement;
    expect(row.dataset['level']).toBe('RED');
    expect(row.textContent).toContain('红色');
    expect(row.textContent).toContain('未按期开工');
    expect(row.textContent).toContain('签约（2025-03-15）已满 12 个月，仍未开工');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/projects/p1');
    expect(el().querySelector('[data-testid="warning-total"]')?.textContent?.trim()).toBe('2026-11-01 共 1 条预警');
    const chip = el().querySelector('[data-region="150525"]') as HTMLElement;
    expect([chip.querySelector('.region__name'), chip.querySelector('.count--red'), chip.querySelector('.count--yellow')].map((e) => e?.textContent?.trim())).toEqual(['奈曼', '3', '2']);
    expect(chip.classList).toContain('region--active');
    // the header names every rule, the sixth (优惠政策) included
    expect(el().querySelector('.zs-page-header__description')?.textContent?.trim()).toBe(
      '按预警规则（未按期开工、开工未入库、开工后资金未到位、月报未报送、问题超期未解决、优惠政策逾期未兑现）每日评估，红色优先处理',
    );
  });

  it('writes a clicked region or rule count to the URL on page 1, and a second click clears it', async () => {
    const { lists, el, settle, router } = await open('/warnings?page=3');
    const [first] = lists();
    expect(first.request.params.has('date')).toBe(false);
    first.flush(response);
    await settle();
    (el().querySelector('[data-region="150525"]') as HTMLElement).click();
    await settle();
    expect(router.url).toBe('/warnings?regionCode=150525');
    lists().filter((r) => !r.cancelled).forEach((r) => r.flush(response));
    await settle();
    (el().querySelector('[data-region="150525"]') as HTMLElement).click();
    await settle();
    expect(router.url).toBe('/warnings');
    lists().filter((r) => !r.cancelled).forEach((r) => r.flush(response));
    await settle();
    (el().querySelectorAll('.rules .count--red')[0] as HTMLElement).click();
    await settle();
    expect(router.url).toBe('/warnings?rule=START&level=RED');
  });

  it('keeps the rows shown while the next view loads and when it fails', async () => {
    const { lists, el, settle } = await open('/warnings');
    lists()[0].flush(response);
    await settle();
    (el().querySelector('[data-region="150525"]') as HTMLElement).click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    TestBed.tick();
    const [next] = lists();
    expect(next.request.params.get('regionCode')).toBe('150525');
    expect(el().querySelectorAll('[data-testid="warning-row"]')).toHaveLength(1);
    expect(el().querySelector('[data-testid="warning-table"] .ant-spin-spinning')).not.toBeNull();
    next.flush({ message: '服务器出错了' }, { status: 500, statusText: 'Error' });
    await settle();
    expect(el().querySelectorAll('[data-testid="warning-row"]')).toHaveLength(1);
    expect(el().querySelector('[data-testid="warning-table"] .ant-spin-spinning')).toBeNull();
    expect(el().querySelector('[data-testid="warning-total"]')?.textContent?.trim()).toBe('2026-11-01 共 1 条预警');
  });

  it('ignores a future date in the URL (today is asked)', async () => {
    const { lists } = await open('/warnings?date=2999-01-01');
    expect(lists()[0].request.params.has('date')).toBe(false);
    expect(shanghaiToday() < '2999-01-01').toBe(true);
  });
});

describe('warning view helpers', () => {
  it('toggles, names and ranks flags', () => {
    expect(toggled(undefined, 'a')).toBe('a');
    expect(toggled('a', 'a')).toBeUndefined();
    expect(flagsText([{ rule: 'START', level: 'RED' }, { rule: 'REPORT', level: 'YELLOW' }])).toBe('红色·未按期开工；黄色·月报未报送');
    expect(worstLevel([{ level: 'YELLOW' }, { level: 'RED' }])).toBe('RED');
    expect(worstLevel([])).toBeNull();
  });
});

@Component({
  imports: [WarningDots, ProjectWarningsCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (id of ids(); track id) {
      <zs-warning-dots [projectId]="id" />
    }
    <zs-project-warnings projectId="p1" />`,
})
class Host {
  readonly ids = signal(['p1', 'p2']);
}

describe('the project pages’ pieces', () => {
  it('shows dots for the list rows from one request, and the detail’s box only when there are warnings', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    await Promise.resolve();
    const backend = TestBed.inject(HttpTestingController);
    const flags = backend.expectOne((r) => r.url === '/api/v1/warnings/by-projects');
    expect(flags.request.params.get('ids')).toBe('p1,p2');
    flags.flush({ p1: [{ rule: 'START', level: 'RED' }, { rule: 'REPORT', level: 'YELLOW' }] });
    backend.expectOne('/api/v1/projects/p1/warnings').flush({ date: '2026-11-23', items: [{ rule: 'STATS', level: 'YELLOW', since: '2026-10-01', message: '开工（2026-09-01）已满 1 个月，仍未入库' }] });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const dots = el.querySelectorAll('[data-testid="warning-dots"]');
    expect(dots).toHaveLength(1);
    expect((dots[0] as HTMLElement).dataset['levels']).toBe('RED,YELLOW');
    expect(dots[0].querySelectorAll('.dot--red')).toHaveLength(1);
    const box = el.querySelector('[data-testid="project-warnings"]') as HTMLElement;
    expect(box.textContent).toContain('开工未入库');
    expect(box.textContent).toContain('自 2026-10-01 起');
    expect(box.classList).not.toContain('box--red');
  });

  it('shows no box when the project has none or the request fails', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.ids.set([]);
    fixture.detectChanges();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/projects/p1/warnings').flush({ message: 'x' }, { status: 500, statusText: 'x' });
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid="project-warnings"]')).toBeNull();
  });
});
