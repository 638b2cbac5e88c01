import { TestBed } from '@angular/core/testing';
import { signal } from '@angular/core';
import { type TableColumn, columnVisibility } from './column-settings';

type Key = 'no' | 'industry' | 'investor' | 'date';
const COLUMNS: TableColumn<Key>[] = [
  { key: 'no', title: '项目编号', required: true },
  { key: 'industry', title: '产业' },
  { key: 'investor', title: '投资方' },
  { key: 'date', title: '签约日期', hiddenByDefault: true },
];

describe('columnVisibility', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the hidden columns per user and list, and never hides a required one', () => {
    const owner = signal<string | null>('u1');
    const columns = TestBed.runInInjectionContext(() => columnVisibility('projects', COLUMNS, owner));
    expect(columns.shown('industry')).toBe(true);
    expect(columns.shown('date')).toBe(false);
    columns.setShown('date', true);
    columns.setShown('industry', false);
    columns.setShown('no', false);
    expect(columns.shown('industry')).toBe(false);
    expect(columns.shown('no')).toBe(true);
    expect(columns.shownCount()).toBe(3);
    expect(JSON.parse(localStorage.getItem('zs.columns.projects.u1') ?? 'null')).toEqual(['industry']);

    // a colleague on the same browser has their own choice; the first user's comes back with them
    owner.set('u2');
    expect(columns.shown('industry')).toBe(true);
    expect(columns.shown('date')).toBe(false);
    owner.set('u1');
    expect(columns.shown('industry')).toBe(false);

    // read again, as after a reload
    const again = TestBed.runInInjectionContext(() => columnVisibility('projects', COLUMNS, () => 'u1'));
    expect(again.shown('industry')).toBe(false);
    expect(again.shown('date')).toBe(true);
    again.reset();
    expect(again.shown('industry')).toBe(true);
    expect(again.shown('date')).toBe(false);
    expect(localStorage.getItem('zs.columns.projects.u1')).toBeNull();
  });

  it('ignores a stored entry that is broken or names columns no longer there', () => {
    localStorage.setItem('zs.columns.projects.u1', '{broken');
    expect([...TestBed.runInInjectionContext(() => columnVisibility('projects', COLUMNS, () => 'u1')).hidden()]).toEqual(['date']);
    localStorage.setItem('zs.columns.projects.u1', JSON.stringify(['gone', 'no', 'investor', 3]));
    expect([...TestBed.runInInjectionContext(() => columnVisibility('projects', COLUMNS, () => 'u1')).hidden()]).toEqual(['investor']);
  });
});
