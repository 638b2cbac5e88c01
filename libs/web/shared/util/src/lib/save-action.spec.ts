import { HttpErrorResponse, HttpHeaders, HttpResponse } from '@angular/common/http';
import type { ApiErrorBody } from '@zhaoshang/shared/domain';
import { Subject, firstValueFrom, of, throwError } from 'rxjs';
import { apiErrorMessage } from './api-error';
import { asDownload } from './download';
import { rowAction } from './row-action';
import { DownloadAction, saveAction } from './save-action';

function apiError(status: number, body: ApiErrorBody): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body });
}

const conflict = apiError(409, { statusCode: 409, error: 'VERSION_CONFLICT', message: '数据已被他人修改' });
const invalid = apiError(400, { statusCode: 400, error: 'VALIDATION_FAILED', message: '提交的数据有误' });

describe('saveAction', () => {
  it('is saving until the answer, then hands the value on', () => {
    const action = saveAction();
    const answer = new Subject<number>();
    const next = jest.fn();
    action.run(answer, { next });
    expect(action.saving()).toBe(true);
    expect(action.run(of(2), { next })).toBeNull();
    answer.next(1);
    expect(action.saving()).toBe(false);
    expect(next).toHaveBeenCalledWith(1);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('shows a version conflict apart from other errors, in the given words or the API’s', () => {
    const own = saveAction({ conflictMessage: '目标已被他人修改，请重新加载后再修改' });
    own.run(throwError(() => conflict));
    expect(own.conflict()).toBe('目标已被他人修改，请重新加载后再修改');
    expect(own.error()).toBeNull();

    const api = saveAction();
    api.run(throwError(() => conflict));
    expect(api.conflict()).toBe('数据已被他人修改');
    api.run(throwError(() => invalid));
    expect(api.conflict()).toBeNull();
    expect(api.error()).toBe('提交的数据有误');
  });

  it('lets the caller take a conflict, treat more codes as one, and place other errors itself', () => {
    const action = saveAction({ conflictCodes: ['MONTH_CLOSED'] });
    const onConflict = jest.fn();
    action.run(throwError(() => apiError(409, { statusCode: 409, error: 'MONTH_CLOSED', message: '该月已月结' })), { conflict: onConflict });
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(action.conflict()).toBeNull();
    action.run(throwError(() => invalid), { error: () => null });
    expect(action.error()).toBeNull();
    expect(action.saving()).toBe(false);
  });
});

describe('downloads', () => {
  it('hands the file to the browser under the proposed name, and says so', () => {
    const created: Blob[] = [];
    const createObjectURL = URL.createObjectURL;
    URL.createObjectURL = jest.fn((blob: Blob) => (created.push(blob), 'blob:x'));
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      const action = new DownloadAction();
      const saved = jest.fn();
      const response = new HttpResponse({
        body: new Blob(['x']),
        headers: new HttpHeaders({ 'Content-Disposition': `attachment; filename="d.xlsx"; filename*=UTF-8''${encodeURIComponent('月调度表.xlsx')}` }),
      });
      action.run(asDownload(of(response), 'fallback.xlsx'), { saved, error: jest.fn() });
      expect(saved).toHaveBeenCalledWith('月调度表.xlsx');
      expect(click).toHaveBeenCalledTimes(1);
      expect(created).toHaveLength(1);
      expect(action.busy()).toBe(false);
    } finally {
      URL.createObjectURL = createObjectURL;
      click.mockRestore();
    }
  });

  it("reads a failure's message out of the blob", async () => {
    const body = new Blob([JSON.stringify({ statusCode: 400, error: 'VALIDATION_FAILED', message: '不能选择未来月份' })]);
    const failed = asDownload(throwError(() => new HttpErrorResponse({ status: 400, error: body })), 'x.xlsx');
    const error = await firstValueFrom(failed).catch((e: unknown) => e);
    expect(apiErrorMessage(error)).toBe('不能选择未来月份');
  });
});

describe('rowAction', () => {
  it('names the pending row until the answer, and refuses a second row meanwhile', () => {
    const action = rowAction<string>();
    const answer = new Subject<number>();
    const next = jest.fn();
    const other = jest.fn();
    action.run('a', answer, { next, failed: jest.fn() });
    expect(action.pending()).toBe('a');
    action.run('b', answer, { next: other, failed: jest.fn() });
    expect(action.pending()).toBe('a');
    answer.next(1);
    answer.complete();
    expect(action.pending()).toBeNull();
    expect(next).toHaveBeenCalledWith(1);
    expect(other).not.toHaveBeenCalled();
  });

  it('hands any failure to `failed`; only a conflict also calls `stale`', () => {
    const action = rowAction<string>();
    const failed = jest.fn();
    const stale = jest.fn();
    action.run('a', throwError(() => invalid), { next: jest.fn(), failed, stale });
    expect(failed).toHaveBeenLastCalledWith(invalid);
    expect(stale).not.toHaveBeenCalled();
    expect(action.pending()).toBeNull();

    action.run('a', throwError(() => conflict), { next: jest.fn(), failed, stale });
    expect(failed).toHaveBeenLastCalledWith(conflict);
    expect(stale).toHaveBeenCalledTimes(1);
    expect(action.pending()).toBeNull();
  });
});
