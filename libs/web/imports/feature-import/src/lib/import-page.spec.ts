import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Role } from '@zhaoshang/shared/domain';
import { storeTestSession } from '@zhaoshang/web/auth/data-access/testing';
import { ImportFlowStore } from '@zhaoshang/web/imports/data-access';
import { importsRoutes } from './imports.routes';
import { transferText } from './import-text';
import { defaultExportRange } from './monthly-export-card';

async function open(role: Role, regionCode: string | null = null, url = '/imports') {
  storeTestSession(role, { regionCode, regionName: regionCode ? '奈曼旗' : null });
  TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'imports', children: importsRoutes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  backend.match('/api/v1/regions').forEach((r) =>
    r.flush([
      { code: '150500', name: '通辽市', shortName: '通辽', parentCode: null, sortOrder: 0 },
      { code: '150525', name: '奈曼旗', shortName: '奈曼', parentCode: '150500', sortOrder: 6 },
    ]),
  );
  await harness.fixture.whenStable();
  const el = () => harness.routeNativeElement as HTMLElement;
  const store = harness.routeDebugElement?.injector.get(ImportFlowStore) as ImportFlowStore;
  return { harness, backend, el, store };
}

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('ImportPage', () => {
  afterEach(() => localStorage.clear());

  it('opens on the kind a link names (the 兑现台账 links with ?kind=commitments), and ignores one it does not offer', async () => {
    const ledger = await open('DISTRICT_STAFF', '150525', '/imports?kind=commitments');
    expect(ledger.store.kind()).toBe('commitments');
    expect(byTestId(ledger.el(), 'import-kind-commitments')).not.toBeNull();
    TestBed.resetTestingModule();
    const fai = await open('DISTRICT_STAFF', '150525', '/imports?kind=fai');
    expect(fai.store.kind()).toBe('projects');
  });

  it('offers FAI totals only to those who may change them', async () => {
    const city = await open('CITY_STAFF');
    expect(byTestId(city.el(), 'import-kind-fai')).not.toBeNull();
    TestBed.resetTestingModule();
    const district = await open('DISTRICT_STAFF', '150525');
    expect(byTestId(district.el(), 'import-kind-projects')).not.toBeNull();
    expect(byTestId(district.el(), 'import-kind-fai')).toBeNull();
    // district staff export their own region only
    expect(byTestId(district.el(), 'monthly-export-region')?.textContent).toContain('奈曼旗');
  });

  it('shows the rows with errors with their count, and the download of the error list', async () => {
    const { harness, backend, el, store } = await open('CITY_STAFF');
    store.setFile(new File(['x'], '月报.csv'));
    store.check();
    await harness.fixture.whenStable();
    expect(byTestId(el(), 'import-progress')?.textContent).toContain('正在上传文件');
    backend.expectOne('/api/v1/imports').flush(
      {
        statusCode: 422,
        error: 'IMPORT_FAILED',
        message: '导入失败',
        errors: [
          { sheet: '月报', row: 5, column: '项目编号', message: '项目编号 150525-2025-9999 不存在' },
          { sheet: '月报', row: 3, column: '完成投资(万元)', message: '完成投资(万元)应为数字（单位：万元，最多 2 位小数）' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await harness.fixture.whenStable();
    const table = byTestId(el(), 'import-errors') as HTMLElement;
    expect(table.textContent).toContain('共 2 处错误，未写入任何数据');
    const rows = Array.from(table.querySelectorAll('[data-testid="import-errors-row"]')).map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent?.trim()));
    // sorted by row
    expect(rows).toEqual([
      ['月报', '3', '完成投资(万元)', '完成投资(万元)应为数字（单位：万元，最多 2 位小数）'],
      ['月报', '5', '项目编号', '项目编号 150525-2025-9999 不存在'],
    ]);
    expect(byTestId(el(), 'import-run')).toBeNull();

    byTestId(el(), 'import-error-report')?.click();
    const report = backend.expectOne({ method: 'POST', url: '/api/v1/imports/error-report' });
    expect((report.request.body as FormData).get('kind')).toBe('projects');
  });

  it('says 将新增/更新/不变 after a clean check and 导入完成 after the import', async () => {
    const { harness, backend, el, store } = await open('ADMIN');
    store.setKind('monthly');
    store.setFile(new File(['x'], '月报.xlsx'));
    store.check();
    backend.expectOne('/api/v1/imports').flush({ created: 1234, updated: 2, unchanged: 0, dryRun: true, warnings: [] });
    await harness.fixture.whenStable();
    expect(byTestId(el(), 'import-check-ok')?.textContent).toContain('将新增 1,234 · 更新 2 · 不变 0');
    byTestId(el(), 'import-run')?.click();
    backend.expectOne('/api/v1/imports').flush({ created: 1234, updated: 2, unchanged: 0, dryRun: false, warnings: [] });
    await harness.fixture.whenStable();
    const done = byTestId(el(), 'import-done') as HTMLElement;
    expect(done.textContent).toContain('导入完成：新增 1,234，更新 2，不变 0');
    expect(done.textContent).toContain('月报核实');
  });
});

describe('texts', () => {
  it('follows the upload, then the server', () => {
    expect(transferText({ uploadPercent: 40, phase: null, rowsRead: 0 }, true)).toBe('正在上传文件… 40%');
    expect(transferText({ uploadPercent: 100, phase: 'READING', rowsRead: 12345 }, true)).toBe('正在读取文件：已读取 12,345 行');
  });

  it('exports from January to last month by default', () => {
    expect(defaultExportRange('2026-05-14')).toEqual(['2026-01', '2026-04']);
    expect(defaultExportRange('2026-01-20')).toEqual(['2025-01', '2025-12']);
  });
});
