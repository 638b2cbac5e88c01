import fc from 'fast-check';
import { nationalCodeProblem, usccCheckCharacter, usccProblem } from './codes.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const body17 = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));

describe('usccProblem', () => {
  it('accepts real-world codes', () => {
    // the standard's own example and codes published by well-known companies
    for (const code of ['91350100M000100Y43', '91440300708461136T', '91110108551385082Q', '914403001922038216']) {
      expect(usccProblem(code)).toBeNull();
    }
  });

  it('accepts every body with its computed check character and rejects every other check character', () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...ALPHABET), (body, check) => {
        const valid = usccCheckCharacter(body);
        expect(usccProblem(body + check) === null).toBe(check === valid);
      }),
    );
  });

  it('names the problem: length, characters, check', () => {
    expect(usccProblem('9111000010000058')).toBe('统一社会信用代码应为 18 位，当前为 16 位');
    expect(usccProblem('91440300708461136I')).toContain('不允许的字符“I”');
    expect(usccProblem('91440300708461136A')).toBe('统一社会信用代码校验位不正确（第 18 位应为 T）');
  });
});

describe('nationalCodeProblem', () => {
  it('accepts the shape of DOMAIN.md §2 and nothing else', () => {
    expect(nationalCodeProblem('2024-150525-44-01-123456')).toBeNull();
    expect(nationalCodeProblem('2024-150525-44-01-12345')).not.toBeNull();
    expect(nationalCodeProblem('2024150525440112345600')).not.toBeNull();
    expect(nationalCodeProblem('2024-15052A-44-01-123456')).not.toBeNull();
  });
});
