import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Subject, of, throwError } from 'rxjs';
import { type GridModel, editableGrid } from './editable-grid';

/** A one-cell grid: enough to drive the flow. */
class Cell implements GridModel<Cell> {
  constructor(
    readonly saved: string,
    readonly value: string = saved,
  ) {}
  get hasChanges(): boolean {
    return this.value !== this.saved;
  }
  get valid(): boolean {
    return /^\d*$/.test(this.value);
  }
  with(value: string): Cell {
    return new Cell(this.saved, value);
  }
  discard(): Cell {
    return new Cell(this.saved);
  }
}

const options = { conflictMessage: '数据已被他人修改，请重新加载后再录入', invalidMessage: '请先更正标红的金额' };
const conflict = new HttpErrorResponse({ status: 409, error: { statusCode: 409, error: 'VERSION_CONFLICT', message: '已被修改' } });

function setup(extra: Partial<typeof options & { discardOnReload: boolean }> = {}) {
  return TestBed.runInInjectionContext(() => editableGrid<Cell>({ ...options, ...extra }));
}

describe('EditableGrid', () => {
  it('sends only changed, valid grids, one save at a time', () => {
    const editor = setup();
    const send = jest.fn(() => new Subject<string>());
    editor.grid.set(new Cell('1'));
    editor.save(send, jest.fn());
    expect(send).not.toHaveBeenCalled();

    editor.edit((cell) => cell.with('x'));
    editor.save(send, jest.fn());
    expect(send).not.toHaveBeenCalled();
    expect(editor.saver.error()).toBe('请先更正标红的金额');

    editor.edit((cell) => cell.with('2'));
    expect(editor.hasChanges()).toBe(true);
    editor.save(send, jest.fn());
    editor.save(send, jest.fn());
    expect(send).toHaveBeenCalledTimes(1);
    expect(editor.saver.saving()).toBe(true);
    expect(editor.saver.error()).toBeNull();
  });

  it('hands the result on, and shows a conflict in its own words until reloaded', () => {
    const editor = setup();
    editor.grid.set(new Cell('1').with('2'));
    const saved = jest.fn();
    editor.save(() => of('ok'), saved);
    expect(saved).toHaveBeenCalledWith('ok', expect.any(Cell));

    editor.save(() => throwError(() => conflict), saved);
    expect(editor.saver.conflict()).toBe('数据已被他人修改，请重新加载后再录入');
    const before = editor.reloadCount();
    editor.reload();
    expect(editor.saver.conflict()).toBeNull();
    expect(editor.reloadCount()).toBe(before + 1);
    expect(editor.hasChanges()).toBe(true);
  });

  it('drops the edits on reload or discard when asked to', () => {
    const editor = setup({ discardOnReload: true });
    editor.grid.set(new Cell('1').with('x'));
    editor.save(() => of('never'), jest.fn());
    editor.discard();
    expect(editor.hasChanges()).toBe(false);
    expect(editor.saver.error()).toBeNull();
    editor.edit((cell) => cell.with('3'));
    editor.reload();
    expect(editor.hasChanges()).toBe(false);
  });

  it('reads again when the params change or on reload, keeping what it had after a failure', async () => {
    const editor = setup();
    const year = signal(2026);
    const fetch = jest.fn((y: number) => (y === 2024 ? throwError(() => new Error('offline')) : of(`figures ${y}`)));
    const loaded = jest.fn();
    TestBed.runInInjectionContext(() => editor.load(year, fetch, loaded));
    TestBed.tick();
    expect(loaded).toHaveBeenLastCalledWith('figures 2026');
    year.set(2025);
    TestBed.tick();
    expect(loaded).toHaveBeenLastCalledWith('figures 2025');
    editor.reload();
    TestBed.tick();
    expect(fetch).toHaveBeenCalledTimes(3);
    year.set(2024);
    TestBed.tick();
    expect(loaded).toHaveBeenLastCalledWith(null);
    expect(editor.loading()).toBe(false);
  });
});
