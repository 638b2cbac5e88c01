import type { AbstractControl, ValidationErrors } from '@angular/forms';
import { apiKeyRateLimitProblems } from '@zhaoshang/shared/domain';

/** The budget as the form checks it: the same rule and words as the API (api-key-limits.ts). */
export function rateLimitValidator(control: AbstractControl<number | null>): ValidationErrors | null {
  if (control.value === null || control.value === undefined) return { required: '请输入每分钟请求上限' };
  const [problem] = apiKeyRateLimitProblems(control.value);
  return problem ? { range: problem } : null;
}

export const RATE_LIMIT_HINT = '该密钥每分钟最多可发出的请求数，所有服务进程共同计数；超出后对方收到 429，需按 Retry-After 等待';
