/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
 * the last is a check character over the first 17 with fixed weights, modulo 31.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function usccCheckCharacter(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** Problems with a 统一社会信用代码, in Chinese; null when it is valid. */
export function usccProblem(value: string): string | null {
  if (value.length !== 18) return `统一社会信用代码应为 18 位，当前为 ${value.length} 位`;
  const bad = [...value].find((c) => !USCC_ALPHABET.includes(c));
  if (bad !== undefined) return `统一社会信用代码含有不允许的字符“${bad}”（只能是数字和除 I、O、S、V、Z 外的大写字母）`;
  const expected = usccCheckCharacter(value.slice(0, 17));
  if (expected !== value[17]) return `统一社会信用代码校验位不正确（第 18 位应为 ${expected}）`;
  return null;
}

/** 投资项目代码 (GB/T 40058-2021) as DOMAIN.md §2 gives its shape: YYYY-RRRRRR-DD-TT-NNNNNN. */
export const NATIONAL_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

export function nationalCodeProblem(value: string): string | null {
  return NATIONAL_CODE_PATTERN.test(value) ? null : '投资项目代码格式应为 YYYY-RRRRRR-DD-TT-NNNNNN（24 位，数字与连字符），例如 2024-150525-44-01-123456';
}
