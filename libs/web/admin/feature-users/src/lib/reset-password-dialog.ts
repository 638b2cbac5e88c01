import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { FormGroup, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { UserDto } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { FormDialog, NewPasswordFields, newPasswordControls, serverErrorsOn, validateAll } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzMessageService } from 'ng-zorro-antd/message';

@Component({
  selector: 'zs-reset-password-dialog',
  imports: [ReactiveFormsModule, NzFormModule, FormDialog, NewPasswordFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="user() !== null"
      title="重置密码"
      [action]="saver"
      formId="reset-password-form"
      submitText="重置密码"
      [danger]="true"
      testId="reset-password"
      (cancelled)="closed.emit()"
      (reload)="reload()"
    >
      <p class="dialog-intro" zsDialogIntro>
        为 <strong>{{ user()?.displayName }}</strong>（{{ user()?.username }}）设置新密码。请将新密码当面或通过安全渠道告知本人，并提醒其登录后修改。
      </p>
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="reset-password-form">
        <zs-new-password-fields
          [controls]="passwordControls"
          [ids]="{ password: 'rp-password', confirm: 'rp-confirm' }"
          [testIds]="{ password: 'reset-password-password', confirm: 'reset-password-confirm' }"
        />
      </form>
    </zs-form-dialog>
  `,
  styleUrl: './reset-password-dialog.less',
})
export class ResetPasswordDialog {
  readonly user = input<UserDto | null>(null);
  readonly saved = output<UserDto>();
  readonly closed = output();

  private readonly users = inject(UsersApi);
  private readonly messages = inject(NzMessageService);
  protected readonly passwordControls = newPasswordControls(inject(NonNullableFormBuilder), '两次输入的密码不一致', () => this.user()?.username ?? null);
  protected readonly form = new FormGroup(this.passwordControls);
  protected readonly saver = saveAction();
  private version = 0;

  constructor() {
    effect(() => {
      const user = this.user();
      if (!user) return;
      this.version = user.version;
      this.form.reset();
      this.saver.reset();
    });
  }

  protected submit(): void {
    const user = this.user();
    if (!user || this.saver.saving() || !validateAll(this.form)) return;
    this.saver.run(this.users.resetPassword(user.id, { password: this.form.controls.password.value, version: this.version }), {
      next: (updated) => {
        this.messages.success(`已重置 ${updated.displayName} 的密码`);
        this.saved.emit(updated);
        this.closed.emit();
      },
      error: serverErrorsOn(this.form),
    });
  }

  /** After a conflict: take the current version (the new password typed here stays). */
  protected reload(): void {
    const user = this.user();
    if (!user) return;
    this.users.get(user.id).subscribe((fresh) => {
      this.version = fresh.version;
      this.saver.reset();
      this.saved.emit(fresh);
    });
  }
}
