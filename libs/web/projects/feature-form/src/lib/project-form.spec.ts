import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import { firstErrorMessage } from '@zhaoshang/web/shared/ui';
import { type ProjectForm, milestoneFieldsFor, projectForm, toCreateRequest, toUpdateRequest } from './project-form';

function validForm(): ProjectForm {
  const form = projectForm(TestBed.inject(NonNullableFormBuilder));
  form.patchValue({
    name: '奈曼旗 50 万千瓦风电项目',
    regionCode: '150525',
    industryCode: 'NE',
    stage: 'SIGNED',
    investorName: '内蒙古某新能源有限公司',
    investorOrigin: 'OUT_OF_REGION',
    contractAmountWan: '350000',
    signedAt: new Date(2025, 0, 2),
  });
  return form;
}

const message = (form: ProjectForm, field: keyof ProjectForm['controls']) => firstErrorMessage(form.controls[field].errors);

describe('the project form speaks the API’s rules', () => {
  it('starts valid when filled, so the tests below are about one rule each', () => {
    expect(validForm().valid).toBe(true);
  });

  it('checks the investor’s credit code, check character included, in any case', () => {
    const form = validForm();
    form.controls.investorUscc.setValue('91440300708461136A');
    expect(message(form, 'investorUscc')).toBe('投资方统一社会信用代码校验位不正确（第 18 位应为 T）');
    form.controls.investorUscc.setValue('9144030070846113');
    expect(message(form, 'investorUscc')).toBe('投资方统一社会信用代码应为 18 位，当前为 16 位');
    form.controls.investorUscc.setValue('91440300708461136t');
    expect(form.controls.investorUscc.valid).toBe(true);
    expect(toCreateRequest(form.getRawValue(), null).investorUscc).toBe('91440300708461136T');
  });

  it('checks money in 万元: not negative, at most two decimals, a number, present', () => {
    const form = validForm();
    form.controls.contractAmountWan.setValue('-5');
    expect(message(form, 'contractAmountWan')).toBe('签约额(万元)不能为负数');
    form.controls.contractAmountWan.setValue('1200.555');
    expect(message(form, 'contractAmountWan')).toBe('签约额(万元)最多保留 2 位小数');
    form.controls.contractAmountWan.setValue('一千');
    expect(message(form, 'contractAmountWan')).toBe('签约额(万元)应为数字（单位：万元，最多 2 位小数）');
    form.controls.contractAmountWan.setValue('');
    expect(message(form, 'contractAmountWan')).toBe('签约额(万元)不能为空');
    form.controls.plannedInvestmentWan.setValue('12.3.4');
    expect(message(form, 'plannedInvestmentWan')).toBe('计划总投资(万元)应为数字（单位：万元，最多 2 位小数）');
  });

  it('checks the national project code’s shape', () => {
    const form = validForm();
    form.controls.nationalCode.setValue('2024-150525-44-01-12345');
    expect(message(form, 'nationalCode')).toContain('投资项目代码格式应为 YYYY-RRRRRR-DD-TT-NNNNNN');
  });

  it('asks for the dates of the chosen stage and keeps them in order and in the past', () => {
    const form = validForm();
    form.controls.signedAt.setValue(null);
    form.controls.stage.setValue('UNDER_CONSTRUCTION');
    expect(message(form, 'constructionStartedAt')).toBe('项目处于“开工在建”阶段，必须填写开工日期');
    expect(message(form, 'signedAt')).toBe('项目已过签约阶段，必须填写签约日期');
    // a skipped stage may stay empty
    expect(form.controls.registeredAt.errors).toBeNull();

    form.controls.signedAt.setValue(new Date(2025, 5, 1));
    form.controls.constructionStartedAt.setValue(new Date(2025, 2, 1));
    expect(message(form, 'constructionStartedAt')).toBe('开工日期（2025-03-01）不能早于签约日期（2025-06-01）');
    // changing the earlier date clears the later one's complaint
    form.controls.signedAt.setValue(new Date(2025, 0, 5));
    expect(form.controls.constructionStartedAt.errors).toBeNull();

    const tomorrow = new Date(`${shanghaiToday()}T00:00:00`);
    tomorrow.setDate(tomorrow.getDate() + 1);
    form.controls.constructionStartedAt.setValue(tomorrow);
    expect(message(form, 'constructionStartedAt')).toBe(`开工日期不能晚于今天（${shanghaiToday()}）`);
  });

  it('shows and keeps only the dates of the stages reached', () => {
    expect(milestoneFieldsFor('NEGOTIATING')).toEqual([]);
    expect(milestoneFieldsFor('REGISTERED')).toEqual(['signedAt', 'registeredAt']);
    expect(milestoneFieldsFor('TERMINATED')).toEqual(['signedAt', 'terminatedAt']);
    expect(milestoneFieldsFor('TERMINATED', { constructionStartedAt: '2025-03-01' })).toEqual(['signedAt', 'constructionStartedAt', 'terminatedAt']);

    const form = validForm();
    form.controls.stage.setValue('UNDER_CONSTRUCTION');
    form.controls.constructionStartedAt.setValue(new Date(2025, 2, 1));
    form.controls.stage.setValue('SIGNED');
    expect(form.controls.constructionStartedAt.value).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('asks a terminated project for its reason', () => {
    const form = validForm();
    form.controls.stage.setValue('TERMINATED');
    form.controls.terminatedAt.setValue(new Date(2025, 3, 1));
    expect(message(form, 'terminationReason')).toBe('终止项目必须填写终止原因');
    form.controls.terminationReason.setValue('投资方撤资');
    expect(form.valid).toBe(true);
  });

  it('asks a registered (入库) project for its month and a planned investment; the threshold is the API’s setting', () => {
    const form = validForm();
    form.controls.statsRegistered.setValue(true);
    expect(message(form, 'statsRegisteredMonth')).toBe('统计入库的项目必须填写入库月份');
    expect(message(form, 'plannedInvestmentWan')).toBe('统计入库的项目必须填写计划总投资(万元)');
    form.controls.statsRegisteredMonth.setValue(new Date(2025, 5, 1));
    form.controls.plannedInvestmentWan.setValue('300');
    // the 入库 threshold is a setting (DOMAIN.md §6): the API checks it and its 400 names the field
    expect(message(form, 'statsRegistered')).toBeNull();
    form.controls.plannedInvestmentWan.setValue('800');
    expect(form.valid).toBe(true);
    // switching it off clears what only a registered project has
    form.controls.statsCode.setValue('TJ-001');
    form.controls.statsRegistered.setValue(false);
    expect(form.controls.statsRegisteredMonth.value).toBeNull();
    expect(form.valid).toBe(true);
  });

  it('sends trimmed values, nulls for blanks, and only what an edit may change', () => {
    const form = validForm();
    form.patchValue({ name: '  风电项目 ', notes: '   ', plannedStartMonth: new Date(2025, 8, 1) });
    const create = toCreateRequest(form.getRawValue(), '150525-2023-0007');
    expect(create).toMatchObject({
      name: '风电项目',
      regionCode: '150525',
      stage: 'SIGNED',
      signedAt: '2025-01-02',
      plannedStartMonth: '2025-09',
      notes: null,
      contractAmountWan: '350000',
      parentProjectNo: '150525-2023-0007',
    });
    expect(create).not.toHaveProperty('confirmLookAlike');
    expect(toCreateRequest(form.getRawValue(), null, true).confirmLookAlike).toBe(true);

    const update = toUpdateRequest(form.getRawValue(), 7);
    expect(update.version).toBe(7);
    expect(update).not.toHaveProperty('stage');
    expect(update).not.toHaveProperty('regionCode');
    expect(update).not.toHaveProperty('parentProjectNo');
    expect(update.signedAt).toBe('2025-01-02');
  });
});
