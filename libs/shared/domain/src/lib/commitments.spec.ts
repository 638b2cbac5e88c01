import {
  COMMITMENT_STATUSES,
  canMoveCommitment,
  commitmentStatusProblems,
  commitmentSummarySentence,
  isOverdueCommitment,
  yiOrWanText,
} from './commitments.js';

describe('优惠政策兑现台账', () => {
  it('writes the seeds’ sentence, in 亿元 from 1 亿 on and in 万元 below', () => {
    expect(commitmentSummarySentence({ reviewed: 51, rectified: 45, reviewedHonouredWan: '18500.00' })).toBe('梳理未兑现优惠政策 51 条，已完成整改 45 条，兑现资金 1.85 亿元');
    expect(commitmentSummarySentence({ reviewed: 2, rectified: 0, reviewedHonouredWan: '0.00' })).toBe('梳理未兑现优惠政策 2 条，已完成整改 0 条，兑现资金 0 万元');
    expect(yiOrWanText('9999.99')).toBe('9999.99 万元');
    expect(yiOrWanText('850.50')).toBe('850.5 万元');
    expect(yiOrWanText('100.00')).toBe('100 万元');
    expect(yiOrWanText('10000.00')).toBe('1.00 亿元');
    // rounded half away from zero on the exact digits: 1.845 亿 → 1.85
    expect(yiOrWanText('18450.00')).toBe('1.85 亿元');
  });

  it('moves 未兑现 → 部分兑现 → 已兑现 | 不再兑现, and reopens a closed one only as 部分兑现', () => {
    expect(canMoveCommitment('PENDING', 'PARTIAL')).toBe(true);
    expect(canMoveCommitment('PARTIAL', 'PARTIAL')).toBe(true);
    expect(canMoveCommitment('PARTIAL', 'HONOURED')).toBe(true);
    expect(canMoveCommitment('PENDING', 'WITHDRAWN')).toBe(true);
    expect(canMoveCommitment('HONOURED', 'PARTIAL')).toBe(true);
    for (const to of COMMITMENT_STATUSES) expect(canMoveCommitment(to, 'PENDING')).toBe(false);
    expect(canMoveCommitment('HONOURED', 'WITHDRAWN')).toBe(false);
    expect(canMoveCommitment('WITHDRAWN', 'HONOURED')).toBe(false);
  });

  it('is overdue from the day after its due date while open', () => {
    expect(isOverdueCommitment({ status: 'PENDING', dueAt: '2026-12-05' }, '2026-12-05')).toBe(false);
    expect(isOverdueCommitment({ status: 'PARTIAL', dueAt: '2026-12-04' }, '2026-12-05')).toBe(true);
    expect(isOverdueCommitment({ status: 'HONOURED', dueAt: '2026-12-04' }, '2026-12-05')).toBe(false);
    expect(isOverdueCommitment({ status: 'WITHDRAWN', dueAt: '2026-12-04' }, '2026-12-05')).toBe(false);
  });

  it('names the field of each bad status change', () => {
    const today = '2026-12-05';
    const promised = { status: 'PENDING' as const, promisedAmountWan: '500.00' };
    expect(commitmentStatusProblems(promised, { status: 'PARTIAL', honouredAmountWan: '200', honouredAt: today }, today)).toEqual([]);
    expect(commitmentStatusProblems(promised, { status: 'HONOURED', honouredAmountWan: '500.00', honouredAt: '2026-11-30' }, today)).toEqual([]);
    expect(commitmentStatusProblems(promised, { status: 'HONOURED', honouredAmountWan: '500.01', honouredAt: '2026-12-06' }, today)).toEqual([
      { field: 'honouredAmountWan', message: '累计兑现金额（500.01 万元）不能超过承诺金额（500.00 万元）' },
      { field: 'honouredAt', message: '兑现日期（2026-12-06）不能晚于今天' },
    ]);
    expect(commitmentStatusProblems({ status: 'PENDING', promisedAmountWan: null }, { status: 'HONOURED', honouredAmountWan: '99999', honouredAt: today }, today)).toEqual([]);
    expect(commitmentStatusProblems(promised, { status: 'PARTIAL' }, today).map((p) => p.field)).toEqual(['honouredAmountWan', 'honouredAt']);
    expect(commitmentStatusProblems(promised, { status: 'WITHDRAWN', reason: '  ' }, today)).toEqual([{ field: 'reason', message: '不再兑现须说明原因' }]);
    expect(commitmentStatusProblems({ status: 'HONOURED', promisedAmountWan: null }, { status: 'WITHDRAWN', reason: '企业迁出' }, today)).toEqual([
      { field: 'status', message: '承诺事项当前为“已兑现”，不能改为“不再兑现”' },
    ]);
  });
});
