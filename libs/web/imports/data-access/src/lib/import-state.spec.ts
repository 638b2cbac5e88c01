import type { ImportResult } from '@zhaoshang/shared/domain';
import { IDLE, type ImportEvent, type ImportState, importReducer, importStep } from './import-state';

const clean: ImportResult = { created: 3, updated: 1, unchanged: 0, dryRun: true, warnings: [] };
const rowError = { sheet: '月报', row: 3, column: '完成投资(万元)', message: '应为数字' };

const run = (events: ImportEvent[], from: ImportState = IDLE) => events.reduce(importReducer, from);

describe('importReducer', () => {
  it('goes idle → checking → checked (ok) → importing → done', () => {
    const checking = run([{ type: 'start', dryRun: true }]);
    expect(checking).toEqual({ status: 'checking', transfer: { uploadPercent: 0, phase: null, rowsRead: 0 } });
    const checked = importReducer(checking, { type: 'succeeded', result: clean });
    expect(checked).toEqual({ status: 'checked', outcome: { ok: true, result: clean } });
    const importing = importReducer(checked, { type: 'start', dryRun: false });
    expect(importing).toMatchObject({ status: 'importing', checked: clean });
    const done = importReducer(importing, { type: 'succeeded', result: { ...clean, dryRun: false } });
    expect(done).toEqual({ status: 'done', result: { ...clean, dryRun: false } });
    expect([checking, checked, importing, done].map(importStep)).toEqual([1, 1, 2, 2]);
    expect(importStep(IDLE)).toBe(0);
  });

  it('keeps the rows with errors of a refused check, and lets only a clean check lead to the import', () => {
    const refused = run([{ type: 'start', dryRun: true }, { type: 'rejected', message: '导入失败', errors: [rowError] }]);
    expect(refused).toEqual({ status: 'checked', outcome: { ok: false, message: '导入失败', errors: [rowError] } });
    expect(importReducer(refused, { type: 'start', dryRun: false })).toBe(refused);
    expect(importReducer(IDLE, { type: 'start', dryRun: false })).toBe(IDLE);
    // checking again is fine
    expect(importReducer(refused, { type: 'start', dryRun: true }).status).toBe('checking');
  });

  it('fails from either request, and a refused import keeps its rows', () => {
    expect(run([{ type: 'start', dryRun: true }, { type: 'failed', message: '无法连接服务器' }])).toEqual({
      status: 'failed',
      stage: 'check',
      message: '无法连接服务器',
      errors: [],
    });
    const importing = run([{ type: 'start', dryRun: true }, { type: 'succeeded', result: clean }, { type: 'start', dryRun: false }]);
    const refused = importReducer(importing, { type: 'rejected', message: '导入失败', errors: [rowError] });
    expect(refused).toEqual({ status: 'failed', stage: 'import', message: '导入失败', errors: [rowError] });
    expect(importStep(refused)).toBe(2);
    expect(importReducer(refused, { type: 'start', dryRun: true }).status).toBe('checking');
  });

  it('follows the upload and the server, never backwards, and ignores late answers', () => {
    let state = run([{ type: 'start', dryRun: true }, { type: 'uploaded', loaded: 512, total: 1024 }]);
    expect(state).toMatchObject({ transfer: { uploadPercent: 50 } });
    state = importReducer(state, { type: 'uploaded', loaded: 100, total: null });
    expect(state).toMatchObject({ transfer: { uploadPercent: 50 } });
    state = importReducer(state, { type: 'progress', progress: { importId: 'x', phase: 'READING', rowsRead: 12345 } });
    expect(state).toMatchObject({ transfer: { uploadPercent: 100, phase: 'READING', rowsRead: 12345 } });
    state = importReducer(state, { type: 'progress', progress: { importId: 'x', phase: 'CHECKING', rowsRead: 100 } });
    expect(state).toMatchObject({ transfer: { phase: 'CHECKING', rowsRead: 12345 } });
    const checked = importReducer(state, { type: 'succeeded', result: clean });
    expect(importReducer(checked, { type: 'progress', progress: { importId: 'x', phase: 'DONE', rowsRead: 1 } })).toBe(checked);
    expect(importReducer(checked, { type: 'failed', message: 'late' })).toBe(checked);
    // a second start while one runs changes nothing
    expect(importReducer(state, { type: 'start', dryRun: true })).toBe(state);
    expect(importReducer(checked, { type: 'reset' })).toBe(IDLE);
  });
});
