import fc from 'fast-check';
import { CAPABILITIES, can, canEditRegion } from './capabilities.js';
import { ROLES, roleNeedsRegion } from './roles.js';
import { industryShortName } from './dictionaries.js';
import { passwordProblems } from './users.js';

describe('capabilities', () => {
  it('gives admins every capability but signing (leaders sign 督办单/移交函, DOMAIN.md §7) and leaders none that change data', () => {
    for (const capability of Object.keys(CAPABILITIES) as (keyof typeof CAPABILITIES)[]) {
      expect({ capability, admin: can('ADMIN', capability) }).toEqual({ capability, admin: capability !== 'notices:sign' });
    }
    expect(ROLES.filter((role) => can(role, 'notices:sign'))).toEqual(['LEADER']);
    expect(ROLES.filter((role) => can(role, 'notices:issue'))).toEqual(['ADMIN', 'CITY_STAFF']);
    expect(can('LEADER', 'notices:feedback')).toBe(false);
    expect(can('LEADER', 'users:manage')).toBe(false);
    expect(can('LEADER', 'dictionary:manage')).toBe(false);
    expect(can(null, 'session:use')).toBe(false);
  });

  it('lets district staff edit their own region only, leaders none, city roles all', () => {
    const code = fc.stringMatching(/^15\d{4}$/);
    fc.assert(
      fc.property(code, code, (own, other) => {
        expect(canEditRegion({ role: 'DISTRICT_STAFF', regionCode: own }, other)).toBe(own === other);
        expect(canEditRegion({ role: 'LEADER', regionCode: null }, other)).toBe(false);
        expect(canEditRegion({ role: 'CITY_STAFF', regionCode: null }, other)).toBe(true);
        expect(canEditRegion({ role: 'ADMIN', regionCode: null }, other)).toBe(true);
      }),
    );
  });

  it('lets city staff and admins close a month, only admins reopen one (DOMAIN.md §7)', () => {
    expect(ROLES.filter((role) => can(role, 'months:close'))).toEqual(['ADMIN', 'CITY_STAFF']);
    expect(ROLES.filter((role) => can(role, 'months:reopen'))).toEqual(['ADMIN']);
  });

  it('binds only district staff to a region', () => {
    expect(ROLES.filter(roleNeedsRegion)).toEqual(['DISTRICT_STAFF']);
  });
});

describe('industryShortName', () => {
  it('drops the bracketed part, full-width or not', () => {
    expect(industryShortName('新能源（风电、光伏、储能、氢能）')).toBe('新能源');
    expect(industryShortName('现代物流及商贸(含冷链)')).toBe('现代物流及商贸');
    expect(industryShortName('装备制造')).toBe('装备制造');
  });
});

describe('passwordProblems', () => {
  it('accepts a long password of two kinds and rejects short or single-kind ones', () => {
    expect(passwordProblems('Tongliao2026')).toEqual([]);
    expect(passwordProblems('abc1')).toContain('密码至少 10 位');
    expect(passwordProblems('abcdefghij')).toContain('密码需包含字母、数字、符号中的至少两类');
  });
});
