import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type AbstractControl, type FormControl, type NonNullableFormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { PASSWORD_MIN_LENGTH, passwordProblems } from '@zhaoshang/shared/domain';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { zsValidators } from '../form-errors';
import { FirstErrorPipe } from '../pipes';

/**
 * What the password rule asks for, in the words shown under every field that sets a password. The
 * common-password list is checked by the API only (it would weigh on the bundle): its 400 shows at the field.
 */
export const PASSWORD_RULE = `至少 ${PASSWORD_MIN_LENGTH} 位，包含字母、数字、符号中的至少两类，不能包含用户名，不能是常见密码`;

/**
 * A field that sets a password: required with `requiredMessage`, then the shared domain's rule,
 * against the user name `username` gives for the control at the time of the check (none for null).
 */
export function passwordValidators(requiredMessage: string, username: (control: AbstractControl) => string | null = () => null): ValidatorFn[] {
  return [zsValidators.required(requiredMessage), (control) => zsValidators.check((password) => passwordProblems(password, username(control)))(control)];
}

/** A new password and its confirmation, as two controls that the caller places in its form group. */
export interface NewPasswordControls {
  password: FormControl<string>;
  confirm: FormControl<string>;
}

/**
 * The new-password pair both the administrator's 重置密码 and the user's own 修改密码 ask for.
 * The confirmation compares with the password control itself (not a sibling by name), so each
 * form keeps the control names its request uses, and it is checked again whenever the password
 * changes, so that fixing the first field clears the second's 不一致. `username`: whose password
 * it is, which the password may not contain.
 */
export function newPasswordControls(fb: NonNullableFormBuilder, mismatchMessage: string, username?: () => string | null): NewPasswordControls {
  const password = fb.control('', passwordValidators('请输入新密码', username));
  const confirm = fb.control('', [
    zsValidators.required('请再次输入新密码'),
    (control) => (control.value !== '' && control.value !== password.value ? { sameAs: mismatchMessage } : null),
  ]);
  password.valueChanges.subscribe(() => confirm.updateValueAndValidity());
  return { password, confirm };
}

/**
 * The two form items of a new password (新密码 with the rule under it, 确认新密码), inside the
 * caller's `<form nz-form>`. `ids` name the inputs (and their labels' `for`), `testIds` their test ids.
 */
@Component({
  selector: 'zs-new-password-fields',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // contents: the form items lay out as if written in the form itself
  host: { style: 'display: contents' },
  template: `
    <nz-form-item>
      <nz-form-label nzRequired [nzFor]="ids().password">新密码</nz-form-label>
      <nz-form-control [nzErrorTip]="tip" [nzExtra]="rule">
        <nz-input-password>
          <input nz-input [id]="ids().password" [formControl]="controls().password" autocomplete="new-password" [attr.data-testid]="testIds().password" />
        </nz-input-password>
      </nz-form-control>
    </nz-form-item>
    <nz-form-item>
      <nz-form-label nzRequired [nzFor]="ids().confirm">确认新密码</nz-form-label>
      <nz-form-control [nzErrorTip]="tip">
        <nz-input-password>
          <input nz-input [id]="ids().confirm" [formControl]="controls().confirm" autocomplete="new-password" [attr.data-testid]="testIds().confirm" />
        </nz-input-password>
      </nz-form-control>
    </nz-form-item>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
})
export class NewPasswordFields {
  readonly controls = input.required<NewPasswordControls>();
  readonly ids = input.required<{ password: string; confirm: string }>();
  readonly testIds = input.required<{ password: string; confirm: string }>();
  protected readonly rule = PASSWORD_RULE;
}
