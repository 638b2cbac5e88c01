import { canonicalTargetValue, rankByCompletion, targetValueProblem } from './targets.js';

describe('targets', () => {
  it('accepts amounts with at most 2 decimals and whole counts, naming the indicator otherwise', () => {
    expect(targetValueProblem('signedAmountWan', '12000.5')).toBeNull();
    expect(targetValueProblem('signedAmountWan', '0')).toBeNull();
    expect(targetValueProblem('signedAmountWan', '-1')).toBe('签约额(万元)不能为负数');
    expect(targetValueProblem('arrivedFundsWan', '1.234')).toBe('到位资金(万元)最多保留 2 位小数');
    expect(targetValueProblem('arrivedFundsWan', 'abc')).toBe('到位资金(万元)应为数字（单位：万元，最多 2 位小数）');
    expect(targetValueProblem('startedCount', '25')).toBeNull();
    expect(targetValueProblem('startedCount', '2.5')).toBe('开工项目(个)应为不小于 0 的整数');
    expect(targetValueProblem('signedCount10m', '-3')).toBe('千万元以上签约项目(个)不能为负数');
    expect(targetValueProblem('signedCount10m', '007')).toBe('千万元以上签约项目(个)应为不小于 0 的整数');
  });

  it('stores amounts with two decimals and counts as plain integers', () => {
    expect(canonicalTargetValue('signedAmountWan', '1200')).toBe('1200.00');
    expect(canonicalTargetValue('signedAmountWan', '1200.5')).toBe('1200.50');
    expect(canonicalTargetValue('startedCount', '25')).toBe('25');
  });

  it('ranks by completion, highest first, ties sharing a rank, none for no completion', () => {
    expect(rankByCompletion([{ completion: 0.5 }, { completion: null }, { completion: 1.2 }, { completion: 0.5 }, { completion: 0.1 }])).toEqual([2, null, 1, 2, 4]);
  });
});
