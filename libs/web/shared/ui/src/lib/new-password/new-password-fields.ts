import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type FormControl, type NonNullableFormBuilder, ReactiveFormsModule, type ValidatorFn } from '@angular/forms';
import { passwordProblems } from '@zhaoshang/shared/domain';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { zsValidators } from '../form-errors';
import { FirstErrorPipe } from '../pipes';

/** What the password rule asks for, in the words shown under every field that sets a password. */
export const PASSWORD_RULE = '至少 8 位，包含字母、数字、符号中的至少两类';

/** A field that sets a password: required with `requiredMessage`, then the shared domain's rule. */
export function passwordValidators(requiredMessage: string): ValidatorFn[] {
  return [zsValidators.required(requiredMessage), zsValidators.check(passwordProblems)];
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
 * changes, so that fixing the first field clears the second's 不一致.
 */
export function newPasswordControls(fb: NonNullableFormBuilder, mismatchMessage: string): NewPasswordControls {
  const password = fb.control('', passwordValidators('请输入新密码'));
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
