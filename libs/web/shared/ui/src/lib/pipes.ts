import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { formatDateTime, formatMoney, formatWan } from '@zhaoshang/web/shared/util';
import { firstErrorMessage } from './form-errors';

/** `{{ user.lastLoginAt | zsDateTime: '从未登录' }}` → `2026-03-05 09:02` in Beijing time. */
@Pipe({ name: 'zsDateTime' })
export class DateTimePipe implements PipeTransform {
  transform(value: string | null | undefined, fallback = '—'): string {
    return formatDateTime(value, fallback);
  }
}

/** The message to show under a form control: `{{ control.errors | zsFirstError }}`. */
@Pipe({ name: 'zsFirstError' })
export class FirstErrorPipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined): string | null {
    return firstErrorMessage(errors);
  }
}

/** `{{ project.contractAmountWan | zsWan }}` → `1,350.00` (万元, the unit in the column header). */
@Pipe({ name: 'zsWan' })
export class WanPipe implements PipeTransform {
  transform(value: string | null | undefined, fallback = '—'): string {
    return formatWan(value, fallback);
  }
}

/** `{{ total | zsMoney }}` → `1,234.50 万元`, or `87.52 亿元` when large. */
@Pipe({ name: 'zsMoney' })
export class MoneyPipe implements PipeTransform {
  transform(value: string | null | undefined, fallback = '—'): string {
    return formatMoney(value, fallback);
  }
}
