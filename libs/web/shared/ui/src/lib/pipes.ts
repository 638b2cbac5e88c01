import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { formatDateTime } from '@zhaoshang/web/shared/util';
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
