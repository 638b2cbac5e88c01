import { reportingObligationEnd, reportMonthProblem } from './monthly.js';

describe('reportingObligationEnd (填报义务, DOMAIN.md §5)', () => {
  it('runs open-ended until production, then to the production month plus the setting', () => {
    expect(reportingObligationEnd({ productionStartedAt: null, terminatedAt: null }, 3)).toBeNull();
    expect(reportingObligationEnd({ productionStartedAt: '2025-11-30', terminatedAt: null }, 3)).toBe('2026-02');
    expect(reportingObligationEnd({ productionStartedAt: '2025-11-01', terminatedAt: null }, 0)).toBe('2025-11');
  });

  it('ends at the termination month when that comes first', () => {
    expect(reportingObligationEnd({ productionStartedAt: null, terminatedAt: '2025-06-15' }, 3)).toBe('2025-06');
    expect(reportingObligationEnd({ productionStartedAt: '2025-05-01', terminatedAt: '2025-06-15' }, 3)).toBe('2025-06');
    expect(reportingObligationEnd({ productionStartedAt: '2025-01-01', terminatedAt: '2025-06-15' }, 3)).toBe('2025-04');
  });
});

describe('reportMonthProblem', () => {
  const today = '2026-12-04';
  it('refuses months after the termination month, and before signing, and in the future', () => {
    const p = { signedAt: '2025-03-15', terminatedAt: '2025-08-31' };
    expect(reportMonthProblem(p, '2025-08', today)).toBeNull();
    expect(reportMonthProblem(p, '2025-09', today)).toBe('项目在该月之前已终止，不需填报');
    expect(reportMonthProblem(p, '2025-02', today)).toBe('项目在该月尚未签约，不需填报');
    expect(reportMonthProblem({ signedAt: '2025-03-15', terminatedAt: null }, '2027-01', today)).toBe('不能填报未来月份');
  });
});
