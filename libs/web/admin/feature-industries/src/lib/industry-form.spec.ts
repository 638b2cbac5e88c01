import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { IndustryDto } from '@zhaoshang/shared/domain';
import { firstErrorMessage } from '@zhaoshang/web/shared/ui';
import { industryForm, nextSortOrder } from './industry-form';

describe('industry form', () => {
  it('accepts codes of the shared pattern only, with the rule in Chinese', () => {
    const form = industryForm(TestBed.inject(NonNullableFormBuilder));
    form.setValue({ code: 'NE', name: '新能源（风电、光伏、储能、氢能）', sortOrder: 10, active: true });
    expect(form.valid).toBe(true);

    for (const bad of ['N', '1NE', 'NEW-ENERGY', 'ABCDEFGHI', 'ne']) {
      form.controls.code.setValue(bad);
      expect(firstErrorMessage(form.controls.code.errors)).toBe('代码为2–8 位大写字母或数字，以字母开头，例如 NE、AGRI');
    }
    form.controls.code.setValue('');
    expect(firstErrorMessage(form.controls.code.errors)).toBe('请输入代码');
    form.controls.code.setValue('AGRI2');
    form.controls.sortOrder.setValue(null);
    expect(firstErrorMessage(form.controls.sortOrder.errors)).toBe('请输入排序号');
  });

  it('suggests a sort order after the last one', () => {
    const industry = (sortOrder: number): IndustryDto => ({ code: 'X' + sortOrder, name: 'x', sortOrder, active: true, version: 1 });
    expect(nextSortOrder([])).toBe(10);
    expect(nextSortOrder([industry(30), industry(110), industry(20)])).toBe(120);
  });
});
