import { ChangeDetectionStrategy, Component, inject, model } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { FirstErrorPipe, FormDialog, NewPasswordFields, applyServerErrors, newPasswordControls, setServerError, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

@Component({
  selector: 'zs-change-password-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog, NewPasswordFields],
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
        <zs-new-password-fields [controls]="newPassword" [ids]="{ password: 'cp-new', confirm: 'cp-confirm' }" [testIds]="{ password: 'cp-new', confirm: 'cp-confirm' }" />
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
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly newPassword = newPasswordControls(this.fb, '两次输入的新密码不一致', () => this.auth.currentUser()?.username ?? null);
  // the control names are the request's fields, so that the API's messages land on them
  protected readonly form = this.fb.group({
    currentPassword: ['', [zsValidators.required('请输入当前密码')]],
    newPassword: this.newPassword.password,
    confirmPassword: this.newPassword.confirm,
  });

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
