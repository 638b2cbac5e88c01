import { type AbstractControl, type FormGroup, type ValidationErrors, type ValidatorFn, Validators } from '@angular/forms';
import { apiErrorBody, apiErrorMessage } from '@zhaoshang/web/shared/util';

/**
 * Validators whose error value is the Chinese message itself, so that a form control's error tip
 * is simply its first error (see `firstErrorMessage`).
 */
export const zsValidators = {
  required(message: string): ValidatorFn {
    return (control) => (Validators.required(control) ? { required: message } : null);
  },
  maxLength(max: number, message: string): ValidatorFn {
    return (control) => (typeof control.value === 'string' && control.value.length > max ? { maxlength: message } : null);
  },
  pattern(pattern: RegExp, message: string): ValidatorFn {
    return (control) => {
      const value: unknown = control.value;
      return typeof value === 'string' && value !== '' && !pattern.test(value) ? { pattern: message } : null;
    };
  },
  /** `problems` returns Chinese messages (e.g. `passwordProblems` of the shared domain lib) */
  check(problems: (value: string) => string[]): ValidatorFn {
    return (control) => {
      const value: unknown = control.value;
      if (typeof value !== 'string' || value === '') return null;
      const found = problems(value);
      return found.length > 0 ? { check: found.join('；') } : null;
    };
  },
  /** the control's value must equal the sibling control `other` */
  sameAs(other: string, message: string): ValidatorFn {
    return (control) => {
      const sibling = control.parent?.get(other);
      return sibling && control.value !== '' && control.value !== sibling.value ? { sameAs: message } : null;
    };
  },
};

/** The first message among a control's errors; built-in validators get a generic wording. */
export function firstErrorMessage(errors: ValidationErrors | null | undefined): string | null {
  if (!errors) return null;
  for (const [key, value] of Object.entries(errors)) {
    if (typeof value === 'string') return value;
    if (key === 'required') return '此项为必填项';
    if (key === 'maxlength') return `最多 ${(value as { requiredLength: number }).requiredLength} 个字符`;
    if (key === 'minlength') return `至少 ${(value as { requiredLength: number }).requiredLength} 个字符`;
    if (key === 'min') return `不能小于 ${(value as { min: number }).min}`;
    if (key === 'max') return `不能大于 ${(value as { max: number }).max}`;
    if (key === 'pattern') return '格式不正确';
  }
  return '输入有误';
}

/**
 * Puts the API's validation messages on the controls they name (`details[].field` is the request
 * field path, which our forms mirror) and returns what is left for a general alert: the message
 * of a non-field error, or null when every problem found its control.
 */
export function applyServerErrors(form: FormGroup, error: unknown, fieldToControl: Record<string, string> = {}): string | null {
  const body = apiErrorBody(error);
  if (!body?.details?.length) return apiErrorMessage(error);
  const unplaced: string[] = [];
  for (const detail of body.details) {
    const control: AbstractControl | null = form.get(fieldToControl[detail.field] ?? detail.field);
    if (control) {
      setServerError(control, detail.message);
    } else {
      unplaced.push(detail.message);
    }
  }
  return unplaced.length > 0 ? `${body.message}：${unplaced.join('；')}` : null;
}

/**
 * Shows the API's verdict on one control until its value changes. Touched first: the error tip
 * only shows on touched or dirty controls, and setErrors is what tells ng-zorro to look again.
 */
export function setServerError(control: AbstractControl, message: string): void {
  control.markAsDirty();
  control.markAsTouched();
  control.setErrors({ ...(control.errors ?? {}), server: message });
}

/** Marks every invalid control dirty so that the error tips show, and reports whether the form is valid. */
export function validateAll(form: FormGroup): boolean {
  for (const control of Object.values(form.controls)) {
    if (control.invalid) {
      control.markAsDirty();
      control.markAsTouched();
      control.updateValueAndValidity({ onlySelf: true });
    }
  }
  return form.valid;
}

/** A SaveAction `error` handler: the API's messages on the form's fields, what is left for the alert. */
export function serverErrorsOn(form: FormGroup, fieldToControl: Record<string, string> = {}): (error: unknown) => string | null {
  return (error) => applyServerErrors(form, error, fieldToControl);
}
