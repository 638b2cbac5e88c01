import { AUDIT_ENTITIES } from './audit.js';
import { changeFieldLabel, changeValueLabel, isMoneyChangeField } from './change-labels.js';
import { PROJECT_FIELD_LABELS } from './projects.js';

describe('the label table of recorded changes', () => {
  it('names the fields of every snapshot, and leaves an unknown one as it is', () => {
    expect(changeFieldLabel('stage')).toBe('项目阶段');
    expect(changeFieldLabel('investorOrigin')).toBe('投资方来源');
    expect(changeFieldLabel('arrivedEquityWan')).toBe('自有资金到位(万元)');
    expect(changeFieldLabel('status')).toBe('状态');
    expect(changeFieldLabel('correctionReason')).toBe('更正原因');
    expect(Object.keys(PROJECT_FIELD_LABELS).every((field) => changeFieldLabel(field) === PROJECT_FIELD_LABELS[field as keyof typeof PROJECT_FIELD_LABELS])).toBe(true);
    expect(changeFieldLabel('name')).toBe('项目名称');
    expect(changeFieldLabel('name', 'industry')).toBe('名称');
    expect(changeFieldLabel('stage', 'industry')).toBe('项目阶段');
    expect(changeFieldLabel('toString')).toBe('toString');
    expect(changeFieldLabel('somethingNew')).toBe('somethingNew');
    expect(AUDIT_ENTITIES).toContain('monthlyReport');
  });

  it('names the enumerated values, and nothing else', () => {
    expect(changeValueLabel('stage', 'UNDER_CONSTRUCTION')).toBe('开工在建');
    expect(changeValueLabel('investorOrigin', 'OUT_OF_REGION')).toBe('区外');
    expect(changeValueLabel('status', 'DRAFT')).toBe('草稿');
    expect(changeValueLabel('role', 'LEADER')).toBe('领导');
    expect(changeValueLabel('indicator', 'arrivedFundsWan')).toBe('到位资金(万元)');
    expect(changeValueLabel('stage', 'LATER')).toBeNull();
    expect(changeValueLabel('name', 'SIGNED')).toBeNull();
    expect(changeValueLabel('stage', 3)).toBeNull();
    expect(changeValueLabel('stage', 'constructor')).toBeNull();
  });

  it('knows the amounts in 万元 by their names', () => {
    expect(isMoneyChangeField('contractAmountWan')).toBe(true);
    expect(isMoneyChangeField('completedInvestmentWan')).toBe(true);
    expect(isMoneyChangeField('progress')).toBe(false);
  });
});
