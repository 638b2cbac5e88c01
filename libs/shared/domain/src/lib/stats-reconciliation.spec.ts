import {
  completedDifference,
  completedDiffers,
  DEFAULT_STATS_TOLERANCE,
  normalizedProjectName,
  reconciliationList,
  registeredBy,
  statsItemProblems,
  type StatsProjectItem,
  statsToleranceProblems,
} from './stats-reconciliation.js';

const item = (overrides: Partial<StatsProjectItem> = {}): StatsProjectItem => ({
  nationalCode: '2025-150526-44-01-000123',
  name: '扎鲁特旗风电项目',
  regionCode: '150526',
  registeredMonth: '2025-06',
  completedYtdWan: '3560.50',
  month: '2026-03',
  ...overrides,
});

describe('statsItemProblems', () => {
  it('accepts a well-formed row', () => {
    expect(statsItemProblems(item(), '2026-03')).toEqual([]);
  });

  it('names each bad field in Chinese', () => {
    const problems = statsItemProblems(item({ nationalCode: '2025-15', name: ' ', completedYtdWan: '1.234', month: '2026-02', registeredMonth: '2026-13' }), '2026-03');
    expect(problems.map((p) => p.field)).toEqual(['nationalCode', 'name', 'month', 'registeredMonth', 'completedYtdWan']);
    expect(problems.find((p) => p.field === 'completedYtdWan')?.message).toBe('本年完成投资(万元)最多保留 2 位小数');
    expect(problems.find((p) => p.field === 'month')?.message).toContain('2026年3月');
  });

  it('refuses a registration month after the list month, and negative amounts', () => {
    expect(statsItemProblems(item({ registeredMonth: '2026-04' }), '2026-03').map((p) => p.field)).toEqual(['registeredMonth']);
    expect(statsItemProblems(item({ completedYtdWan: '-5' }), '2026-03')[0].message).toBe('本年完成投资(万元)不能为负数');
  });
});

describe('completedDiffers: absolute AND relative tolerance', () => {
  const tol = DEFAULT_STATS_TOLERANCE;

  it('lets rounding and small revisions pass', () => {
    expect(completedDiffers('1000.00', '1008.00', tol)).toBe(false); // 8 万元 ≤ 10
    expect(completedDiffers('100000.00', '104000.00', tol)).toBe(false); // 4000 万元 but 3.8% ≤ 5%
    expect(completedDiffers('0.00', '10.00', tol)).toBe(false); // exactly the absolute bound is still within
  });

  it('lists a gap beyond both bounds, in either direction', () => {
    expect(completedDiffers('100.00', '500.00', tol)).toBe(true);
    expect(completedDiffers('500.00', '100.00', tol)).toBe(true);
    expect(completedDiffers('0.00', '10.01', tol)).toBe(true);
    expect(completedDiffers('100000.00', '106000.00', tol)).toBe(true); // 5.66%
  });

  it('is exact at the relative bound (no binary floats)', () => {
    // diff 5, base 100: exactly 5% is within
    expect(completedDiffers('95.00', '100.00', { toleranceWan: '0', toleranceRate: 0.05 })).toBe(false);
    expect(completedDiffers('94.99', '100.00', { toleranceWan: '0', toleranceRate: 0.05 })).toBe(true);
    expect(completedDiffers('0.10', '0.30', { toleranceWan: '0', toleranceRate: 0 })).toBe(true);
  });

  it('differences are exact decimal strings, ours − theirs', () => {
    expect(completedDifference('0.10', '0.30')).toBe('-0.20');
    expect(completedDifference('1000.00', '1008.00')).toBe('-8.00');
  });
});

describe('tolerance settings', () => {
  it('checks both fields', () => {
    expect(statsToleranceProblems(DEFAULT_STATS_TOLERANCE)).toEqual([]);
    expect(statsToleranceProblems({ toleranceWan: '-1', toleranceRate: 1.5 }).map((p) => p.field)).toEqual(['toleranceWan', 'toleranceRate']);
    expect(statsToleranceProblems({ toleranceWan: '1', toleranceRate: 0.00001 }).map((p) => p.field)).toEqual(['toleranceRate']);
  });
});

describe('the lists', () => {
  const registered = { statsRegistered: true, statsRegisteredMonth: '2025-06' };
  const notRegistered = { statsRegistered: false, statsRegisteredMonth: null };

  it('puts a pair in matched or notRegistered by our 入库 as of the month', () => {
    expect(reconciliationList(registered, true, '2026-03')).toBe('matched');
    expect(reconciliationList(notRegistered, true, '2026-03')).toBe('notRegistered');
    expect(reconciliationList({ statsRegistered: true, statsRegisteredMonth: '2026-04' }, true, '2026-03')).toBe('notRegistered');
  });

  it('puts our lone 入库 project in oursOnly and their lone row in unknown', () => {
    expect(reconciliationList(registered, false, '2026-03')).toBe('oursOnly');
    expect(reconciliationList(notRegistered, false, '2026-03')).toBeNull();
    expect(reconciliationList(null, true, '2026-03')).toBe('unknown');
  });

  it('registeredBy counts the registration month itself', () => {
    expect(registeredBy(registered, '2025-06')).toBe(true);
    expect(registeredBy(registered, '2025-05')).toBe(false);
  });

  it('compares names as the SQL does: case and white space ignored', () => {
    expect(normalizedProjectName(' 对账 名称\t匹配ABC ')).toBe('对账名称匹配abc');
  });
});
