import type { FaiTotalDto, Role } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { openRoutedPage, typeInto } from '@zhaoshang/web/shared/util/testing';
import { FAI_CONFLICT_MESSAGE, faiYears } from './fai-page';
import { faiRoutes } from './fai.routes';

const year = faiYears()[0];
const jan = `${year}-01`;
const saved: FaiTotalDto[] = [{ regionCode: '150502', regionName: '科尔沁区', month: jan, amountWan: '123456.7', version: 7, updatedAt: `${jan}-28T00:00:00Z` }];

async function open(role: Role) {
  storeTestSession(role);
  const page = await openRoutedPage('fai', faiRoutes);
  page.backend.expectOne('/api/v1/regions').flush([
    { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
    { code: '150502', name: '科尔沁区', shortName: '科尔沁', parentCode: '150500', sortOrder: 1 },
  ]);
  page.backend.expectOne(`/api/v1/fai-totals?year=${year}`).flush(saved);
  await page.harness.fixture.whenStable();
  return page;
}

describe('FaiPage', () => {
  afterEach(() => localStorage.clear());

  it('shows leaders the figures with thousands separators and no inputs', async () => {
    const { el, byTestId } = await open('LEADER');
    expect(el.querySelector('input[data-testid^="fai-cell-"]')).toBeNull();
    expect(byTestId('fai-save')).toBeNull();
    expect(byTestId('fai-total-150502')?.textContent).toContain('123,456.70');
  });

  it('sends only the changed cells with their versions, and reports a conflict', async () => {
    const { harness, backend, byTestId } = await open('CITY_STAFF');
    typeInto(byTestId(`fai-cell-150502-${jan}`), '123456.80');
    typeInto(byTestId(`fai-cell-150500-${jan}`), '1,000,000');
    await harness.fixture.whenStable();
    expect(byTestId('fai-pending')?.textContent).toContain('已修改 2 个月份');
    expect(byTestId('fai-total-150500')?.textContent).toContain('1,000,000.00');

    byTestId('fai-save')?.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/v1/fai-totals' });
    expect(put.request.body).toEqual({
      basis: 'MONTH',
      items: [
        { regionCode: '150500', month: jan, amountWan: '1000000' },
        { regionCode: '150502', month: jan, amountWan: '123456.80', version: 7 },
      ],
    });
    put.flush({ statusCode: 409, error: 'VERSION_CONFLICT', message: '数据已被他人修改' }, { status: 409, statusText: 'Conflict' });
    await harness.fixture.whenStable();
    expect(byTestId('fai-error')?.textContent).toContain(FAI_CONFLICT_MESSAGE);
    byTestId('fai-reload')?.click();
    await harness.fixture.whenStable();
    backend.expectOne(`/api/v1/fai-totals?year=${year}`).flush(saved);
    await harness.fixture.whenStable();
    expect(byTestId('fai-pending')).toBeNull();
  });

  it('refuses to save amounts with problems and lists them in Chinese', async () => {
    const { harness, backend, byTestId } = await open('ADMIN');
    typeInto(byTestId(`fai-cell-150502-${jan}`), '12.345');
    await harness.fixture.whenStable();
    expect(byTestId('fai-problems')?.textContent).toContain('科尔沁区 1月：金额最多保留 2 位小数');
    byTestId('fai-save')?.click();
    backend.expectNone('/api/v1/fai-totals');
    await harness.fixture.whenStable();
    expect(byTestId('fai-error')?.textContent).toContain('请先更正标红的金额');
  });
});
