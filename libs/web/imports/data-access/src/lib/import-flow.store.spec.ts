import { HttpErrorResponse, HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ImportResult } from '@zhaoshang/shared/domain';
import { IMPORT_FAI_FORBIDDEN_MESSAGE, IMPORT_NETWORK_MESSAGE, IMPORT_TOO_LARGE_MESSAGE, importErrorMessage, newImportId } from './import-errors';
import { IMPORT_POLL_MS, ImportFlowStore } from './import-flow.store';

const file = (name = '月报.xlsx') => new File(['a,b'], name);
const clean: ImportResult = { created: 2, updated: 1, unchanged: 5, dryRun: true, warnings: [] };

function setup() {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), ImportFlowStore, { provide: IMPORT_POLL_MS, useValue: 500 }],
  });
  return { store: TestBed.inject(ImportFlowStore), backend: TestBed.inject(HttpTestingController) };
}

function formOf(request: { request: { body: unknown } }): Record<string, string | File> {
  const body = request.request.body as FormData;
  const fields: Record<string, string | File> = {};
  body.forEach((value, key) => (fields[key] = value));
  return fields;
}

describe('ImportFlowStore', () => {
  afterEach(() => jest.useRealTimers());

  it('checks with a dry run, shows progress from the upload and the server, then imports the same file', () => {
    jest.useFakeTimers();
    const { store, backend } = setup();
    expect(store.setFile(file('清单.txt'))).toBe(false);
    expect(store.setFile(file())).toBe(true);
    store.setKind('monthly');
    expect(store.file()).not.toBeNull();
    store.check();
    expect(store.state().status).toBe('checking');

    const check = backend.expectOne({ method: 'POST', url: '/api/v1/imports' });
    const sent = formOf(check);
    expect(sent).toMatchObject({ kind: 'monthly', dryRun: 'true', confirmLookAlikes: 'false' });
    expect(sent['file']).toBeInstanceOf(File);
    expect(sent['importId']).toMatch(/^[0-9a-f-]{36}$/);

    check.event({ type: HttpEventType.UploadProgress, loaded: 30, total: 100 });
    expect(store.transfer()?.uploadPercent).toBe(30);

    // the server has not seen it yet: 404 is skipped
    jest.advanceTimersByTime(500);
    backend.expectOne(`/api/v1/imports/${String(sent['importId'])}/progress`).flush({ message: 'x' }, { status: 404, statusText: 'Not Found' });
    expect(store.state().status).toBe('checking');
    jest.advanceTimersByTime(500);
    backend.expectOne(`/api/v1/imports/${String(sent['importId'])}/progress`).flush({ importId: sent['importId'], phase: 'READING', rowsRead: 12345 });
    expect(store.transfer()).toEqual({ uploadPercent: 100, phase: 'READING', rowsRead: 12345 });

    check.flush(clean);
    expect(store.checked()).toEqual(clean);
    expect(store.canImport()).toBe(true);
    // polling ended with the request
    jest.advanceTimersByTime(2000);
    backend.expectNone((r) => r.url.endsWith('/progress'));

    store.import();
    const run = backend.expectOne({ method: 'POST', url: '/api/v1/imports' });
    expect(formOf(run)).toMatchObject({ kind: 'monthly', dryRun: 'false' });
    expect(formOf(run)['importId']).not.toBe(sent['importId']);
    run.flush({ ...clean, dryRun: false });
    expect(store.state()).toEqual({ status: 'done', result: { ...clean, dryRun: false } });
    backend.verify();
  });

  it('shows the rows of a refused check and does not offer the import', () => {
    const { store, backend } = setup();
    store.setFile(file());
    store.check();
    const errors = [
      { sheet: 'Sheet1', row: 3, column: '完成投资(万元)', message: '完成投资(万元)应为数字' },
      { sheet: 'Sheet1', row: 4, column: '项目编号', message: '项目编号 150525-2025-9999 不存在' },
    ];
    backend
      .expectOne('/api/v1/imports')
      .flush({ statusCode: 422, error: 'IMPORT_FAILED', message: '文件中有 2 处错误，未写入任何数据', errors }, { status: 422, statusText: 'Unprocessable Entity' });
    expect(store.state()).toMatchObject({ status: 'checked', outcome: { ok: false } });
    expect(store.errors()).toEqual(errors);
    expect(store.canImport()).toBe(false);
    store.import();
    backend.expectNone('/api/v1/imports');
  });

  it('turns look-alike rows into warnings once confirmed, and imports with the confirmation', () => {
    const { store, backend } = setup();
    store.setFile(file('项目.xlsx'));
    store.check();
    const lookAlike = { sheet: 'Sheet1', row: 2, column: '项目名称', message: '疑似重复项目：与同一地区的「奈曼旗光伏项目」同名（编号 150525-2025-0001）；如确认不是同一项目，请勾选后重新导入' };
    backend
      .expectOne('/api/v1/imports')
      .flush({ statusCode: 422, error: 'IMPORT_FAILED', message: '导入文件有 1 处错误', errors: [lookAlike] }, { status: 422, statusText: 'Unprocessable Entity' });
    expect(store.onlyLookAlikes()).toBe(true);
    store.confirmLookAlikes.set(true);
    store.check();
    const recheck = backend.expectOne('/api/v1/imports');
    expect(formOf(recheck)).toMatchObject({ dryRun: 'true', confirmLookAlikes: 'true' });
    const warning = { ...lookAlike, message: '疑似重复项目：与同一地区的「奈曼旗光伏项目」同名（编号 150525-2025-0001）' };
    recheck.flush({ ...clean, warnings: [warning] });
    expect(store.warnings()).toEqual([warning]);
    expect(store.canImport()).toBe(true);
    store.confirmLookAlikes.set(false);
    expect(store.canImport()).toBe(false);
    store.confirmLookAlikes.set(true);
    store.import();
    const run = backend.expectOne('/api/v1/imports');
    expect(formOf(run)).toMatchObject({ dryRun: 'false', confirmLookAlikes: 'true' });
    run.flush({ ...clean, dryRun: false, warnings: [warning] });
    // a new file asks again
    store.startOver();
    expect(store.confirmLookAlikes()).toBe(false);
  });

  it('fails with a clear message, and a new file starts over', () => {
    const { store, backend } = setup();
    store.setKind('fai');
    store.setFile(file('固投.csv'));
    store.check();
    backend.expectOne('/api/v1/imports').flush({ statusCode: 403, error: 'FORBIDDEN', message: 'Forbidden' }, { status: 403, statusText: 'Forbidden' });
    expect(store.state()).toEqual({ status: 'failed', stage: 'check', message: IMPORT_FAI_FORBIDDEN_MESSAGE, errors: [] });
    expect(store.step()).toBe(1);
    store.setFile(file('另一个.xlsx'));
    expect(store.state().status).toBe('idle');
  });
});

describe('importErrorMessage', () => {
  const error = (status: number, body: unknown = null) => new HttpErrorResponse({ status, error: body });
  it('says what went wrong in Chinese', () => {
    expect(importErrorMessage(error(0), 'projects')).toBe(IMPORT_NETWORK_MESSAGE);
    expect(importErrorMessage(error(413), 'projects')).toBe(IMPORT_TOO_LARGE_MESSAGE);
    expect(importErrorMessage(error(403), 'fai')).toBe(IMPORT_FAI_FORBIDDEN_MESSAGE);
    expect(importErrorMessage(error(403, { statusCode: 403, error: 'FORBIDDEN', message: '只能导入本地区的项目' }), 'projects')).toBe('只能导入本地区的项目');
    expect(importErrorMessage(error(500), 'monthly')).toBe('服务器出错（500），请稍后重试');
  });

  it('makes version 4 ids', () => {
    expect(newImportId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
