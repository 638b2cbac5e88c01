import { ChangeDetectionStrategy, Component, inject, model } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { passwordProblems } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, setServerError, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

@Component({
  selector: 'zs-change-password-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="open()" title="修改密码" [action]="saver" formId="change-password-form" submitText="确定修改" testId="cp" (cancelled)="close()">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="change-password-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-current">当前密码</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-input-password>
              <input nz-input id="cp-current" formControlName="currentPassword" autocomplete="current-password" data-testid="cp-current" />
            </nz-input-password>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-new">新密码</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="至少 8 位，包含字母、数字、符号中的至少两类">
            <nz-input-password>
              <input nz-input id="cp-new" formControlName="newPassword" autocomplete="new-password" data-testid="cp-new" />
            </nz-input-password>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cp-confirm">确认新密码</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-input-password>
              <input nz-input id="cp-confirm" formControlName="confirmPassword" autocomplete="new-password" data-testid="cp-confirm" />
            </nz-input-password>
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
})
export class ChangePasswordDialog {
  readonly open = model(false);

  private readonly auth = inject(AuthService);
  private readonly messages = inject(NzMessageService);
  protected readonly saver = saveAction();
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [zsValidators.required('请输入当前密码')]],
    newPassword: ['', [zsValidators.required('请输入新密码'), zsValidators.check(passwordProblems)]],
    confirmPassword: ['', [zsValidators.required('请再次输入新密码'), zsValidators.sameAs('newPassword', '两次输入的新密码不一致')]],
  });

  constructor() {
    this.form.controls.newPassword.valueChanges.subscribe(() => this.form.controls.confirmPassword.updateValueAndValidity());
  }

  protected submit(): void {
    if (this.saver.saving() || !validateAll(this.form)) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saver.run(this.auth.changePassword({ currentPassword, newPassword }), {
      next: () => {
        this.messages.success('密码已修改，下次登录请使用新密码');
        this.close();
      },
      error: (error) => {
        const body = apiErrorBody(error);
        if (body?.error === 'INVALID_CREDENTIALS') {
          setServerError(this.form.controls.currentPassword, body.message);
          return null;
        }
        return applyServerErrors(this.form, error);
      },
    });
  }

  protected close(): void {
    this.open.set(false);
    this.saver.reset();
    this.form.reset();
  }
}
