import type { Role, TargetDto, TargetProgressResponse } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { openRoutedPage, typeInto } from '@zhaoshang/web/shared/util/testing';
import { TARGETS_CONFLICT_MESSAGE, cutOffMonths, defaultCutOff, targetYears } from './targets-page';
import { targetsRoutes } from './targets.routes';

const year = targetYears()[1]; // this year
const saved: TargetDto[] = [
  { regionCode: '150525', regionName: '奈曼旗', year, indicator: 'signedAmountWan', value: '12000.00', version: 2 },
  { regionCode: '150500', regionName: '通辽市', year, indicator: 'startedCount', value: '25', version: 1 },
];
const month = defaultCutOff(year) as string;
const entry = (regionCode: string, regionName: string, actual: string, target: string | null, completion: number | null, rank: number | null) => ({ regionCode, regionName, actual, target, completion, rank });
const progress: TargetProgressResponse = {
  year,
  from: `${year}-01`,
  to: month,
  note: '全市到位资金不含市内县际资金',
  indicators: [
    {
      indicator: 'signedAmountWan',
      label: '签约额(万元)',
      city: entry('150500', '通辽市', '4000.00', null, null, null),
      districts: [entry('150525', '奈曼旗', '3000.00', '12000.00', 0.25, 1), entry('150502', '科尔沁区', '1000.00', null, null, null)],
    },
    { indicator: 'signedCount10m', label: '千万元以上签约项目(个)', city: entry('150500', '通辽市', '1', null, null, null), districts: [entry('150525', '奈曼旗', '1', null, null, null)] },
  ],
};

/** A total with nothing in it, as GET /indicators answers for a month without reports. */
const DISPATCH_TOTAL = {
  signedCount: 0,
  signedAmountWan: '0.00',
  startedCount: 0,
  arrivedFundsWan: '0.00',
  foreignCapitalWan: '0.00',
  fundsToFaiRatio: null,
  yoy: { arrivedFundsWan: null, foreignCapitalWan: null },
};

async function open(role: Role) {
  storeTestSession(role);
  const page = await openRoutedPage('targets', targetsRoutes);
  page.backend.expectOne('/api/v1/regions').flush([
    { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
    { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
    { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
  ]);
  page.backend.expectOne(`/api/v1/targets?year=${year}`).flush(saved);
  // the progress view's 月调度表 asks for the month and the year to date; they keep the page busy until answered
  const dispatch = page.backend.match((r) => r.url === '/api/v1/indicators');
  if (dispatch.length > 0) expect(dispatch.map((r) => r.request.params.get('from'))).toEqual([month, `${year}-01`]);
  dispatch.forEach((r) => r.flush({ from: month, to: month, region: '150500', groupBy: 'region', includeUnverified: false, rows: [], total: { ...DISPATCH_TOTAL, note: null } }));
  const none = { issued: 0, overdue: 0 };
  page.backend
    .match((r) => r.url === '/api/v1/follow-through/summary')
    .forEach((r) =>
      r.flush({ from: `${year}-01`, to: month, region: '150500', asOf: `${month}-01`, rows: [], total: { problems: { total: 0, open: 0, overdue: 0, closed: 0, closedRate: null }, notices: { REMINDER: none, URGE: none, SUPERVISE: none, TRANSFER: none } } }),
    );
  await page.harness.fixture.whenStable();
  return page;
}

describe('TargetsPage', () => {
  afterEach(() => localStorage.clear());

  it('offers next year, this year and four before it, and months up to now', () => {
    expect(targetYears('2026-11-23')).toEqual([2027, 2026, 2025, 2024, 2023, 2022]);
    expect(cutOffMonths(2026, '2026-03-02')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(cutOffMonths(2025, '2026-03-02')).toHaveLength(12);
    expect(cutOffMonths(2027, '2026-03-02')).toEqual([]);
    // opens on the last month that is over, not on the month under way (issue 13)
    expect(defaultCutOff(2026, '2026-12-05')).toBe('2026-11');
    expect(defaultCutOff(2025, '2026-12-05')).toBe('2025-12');
    expect(defaultCutOff(2026, '2026-01-05')).toBe('2026-01');
    expect(defaultCutOff(2027, '2026-12-05')).toBeNull();
  });

  it('shows leaders the completion ranking first, and the targets read-only', async () => {
    const { harness, backend, el, byTestId } = await open('LEADER');
    backend.expectOne((r) => r.url === '/api/v1/targets/progress' && r.params.get('year') === String(year) && r.params.get('to') === month).flush(progress);
    await harness.fixture.whenStable();
    // the 月调度表 under the ranking (its figures are dispatch-figures.spec's)
    expect(byTestId('dispatch-table')?.textContent).toContain('全市');
    // only indicators with some target are shown
    expect(byTestId('progress-signedAmountWan')).not.toBeNull();
    expect(byTestId('progress-signedCount10m')).toBeNull();
    const entries = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="progress-signedAmountWan"] [data-testid="progress-entry"]'));
    expect(entries.map((e) => e.dataset['region'])).toEqual(['150525', '150502']);
    expect(entries[0].textContent).toContain('25.0%');
    expect(entries[0].textContent).toContain('3,000.00 万元 / 12,000.00 万元');
    expect(entries[1].textContent).toContain('未设定');
    expect(el.querySelector('nz-progress')).not.toBeNull();

    (el.querySelector('[data-testid="targets-view-targets"]') as HTMLElement).click();
    await harness.fixture.whenStable();
    expect(el.querySelector('input[data-testid^="target-cell-"]')).toBeNull();
    expect(byTestId('targets-save')).toBeNull();
    expect(byTestId('target-value-150525-signedAmountWan')?.textContent).toContain('12,000.00');
    expect(byTestId('target-value-150500-startedCount')?.textContent?.trim()).toBe('25');
    expect(byTestId('target-value-150502-startedCount')?.textContent?.trim()).toBe('—');
  });

  it('lets an admin edit, sends the changes with versions, and reloads after a conflict', async () => {
    const { harness, backend, el, byTestId } = await open('ADMIN');
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[data-testid="targets-row"]')).map((r) => r.dataset['region']);
    expect(rows).toEqual(['150500', '150502', '150525']);
    typeInto(byTestId('target-cell-150525-signedAmountWan'), '15,000');
    typeInto(byTestId('target-cell-150502-startedCount'), '4');
    await harness.fixture.whenStable();
    expect(byTestId('targets-pending')?.textContent).toContain('已修改 2 项');

    byTestId('targets-save')?.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/targets' });
    expect(put.request.body).toEqual({
      year,
      items: [
        { regionCode: '150502', indicator: 'startedCount', value: '4', version: 0 },
        { regionCode: '150525', indicator: 'signedAmountWan', value: '15000', version: 2 },
      ],
    });
    put.flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await harness.fixture.whenStable();
    expect(byTestId('targets-error')?.textContent).toContain(TARGETS_CONFLICT_MESSAGE);
    byTestId('targets-reload')?.click();
    await harness.fixture.whenStable();
    backend.expectOne(`/api/v1/targets?year=${year}`).flush(saved);
    await harness.fixture.whenStable();
    expect(byTestId('targets-pending')).toBeNull();
    expect((byTestId('target-cell-150525-signedAmountWan') as HTMLInputElement).value).toBe('12000.00');
  });

  it('refuses to save bad values and lists them in Chinese', async () => {
    const { harness, backend, byTestId } = await open('ADMIN');
    typeInto(byTestId('target-cell-150502-startedCount'), '2.5');
    await harness.fixture.whenStable();
    expect(byTestId('targets-problems')?.textContent).toContain('科尔沁区：开工项目(个)应为不小于 0 的整数');
    byTestId('targets-save')?.click();
    await harness.fixture.whenStable();
    expect(byTestId('targets-error')?.textContent).toContain('请先更正标红的目标值');
    backend.expectNone({ method: 'PUT', url: '/api/v1/targets' });
  });

  it('saves and shows the saved values with their new versions', async () => {
    const { harness, backend, byTestId } = await open('ADMIN');
    typeInto(byTestId('target-cell-150500-startedCount'), '');
    await harness.fixture.whenStable();
    byTestId('targets-save')?.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/targets' });
    expect(put.request.body.items).toEqual([{ regionCode: '150500', indicator: 'startedCount', value: null, version: 1 }]);
    put.flush({ created: 0, updated: 0, deleted: 1, unchanged: 0, items: [saved[0]] });
    await harness.fixture.whenStable();
    backend.expectOne(`/api/v1/targets?year=${year}`).flush([saved[0]]);
    await harness.fixture.whenStable();
    expect(byTestId('targets-pending')).toBeNull();
    expect((byTestId('target-cell-150500-startedCount') as HTMLInputElement).value).toBe('');
  });
});
