import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { UserDto } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { applyServerErrors, FirstErrorPipe, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { PASSWORD_RULE, passwordValidators } from './user-form';

@Component({
  selector: 'zs-reset-password-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="user() !== null" nzTitle="重置密码" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="closed.emit()">
      <ng-container *nzModalContent>
        <p class="dialog-intro">
          为 <strong>{{ user()?.displayName }}</strong>（{{ user()?.username }}）设置新密码。请将新密码当面或通过安全渠道告知本人，并提醒其登录后修改。
        </p>
        @if (error(); as message) {
          <nz-alert class="dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" [nzAction]="conflict() ? reloadAction : null" data-testid="reset-password-error" />
          <ng-template #reloadAction>
            <button nz-button nzSize="small" type="button" (click)="reload()">重新加载</button>
          </ng-template>
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="reset-password-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="rp-password">新密码</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" [nzExtra]="passwordRule">
              <nz-input-password>
                <input nz-input id="rp-password" formControlName="password" autocomplete="new-password" data-testid="reset-password-password" />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="rp-confirm">确认新密码</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-input-password>
                <input nz-input id="rp-confirm" formControlName="confirm" autocomplete="new-password" data-testid="reset-password-confirm" />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="closed.emit()">取消</button>
      <button nz-button nzType="primary" nzDanger type="submit" form="reset-password-form" [nzLoading]="submitting()" data-testid="reset-password-submit">
        重置密码
      </button>
    </ng-template>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .dialog-intro {
      margin-bottom: 16px;
      color: rgba(0, 0, 0, 0.65);
    }
    .dialog-alert {
      margin-bottom: 16px;
    }
  `,
})
export class ResetPasswordDialog {
  readonly user = input<UserDto | null>(null);
  readonly saved = output<UserDto>();
  readonly closed = output();

  private readonly users = inject(UsersApi);
  private readonly messages = inject(NzMessageService);
  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', passwordValidators('请输入新密码')],
    confirm: ['', [zsValidators.required('请再次输入新密码'), zsValidators.sameAs('password', '两次输入的密码不一致')]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  private version = 0;

  constructor() {
    effect(() => {
      const user = this.user();
      if (!user) return;
      this.version = user.version;
      this.form.reset();
      this.error.set(null);
      this.conflict.set(false);
    });
    this.form.controls.password.valueChanges.subscribe(() => this.form.controls.confirm.updateValueAndValidity());
  }

  protected submit(): void {
    const user = this.user();
    if (!user || this.submitting() || !validateAll(this.form)) return;
    this.submitting.set(true);
    this.error.set(null);
    this.users.resetPassword(user.id, { password: this.form.controls.password.value, version: this.version }).subscribe({
      next: (updated) => {
        this.submitting.set(false);
        this.messages.success(`已重置 ${updated.displayName} 的密码`);
        this.saved.emit(updated);
        this.closed.emit();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const conflict = apiErrorCode(error) === 'VERSION_CONFLICT';
        this.conflict.set(conflict);
        this.error.set(conflict ? apiErrorMessage(error) : applyServerErrors(this.form, error));
      },
    });
  }

  /** After a conflict: take the current version (the new password typed here stays). */
  protected reload(): void {
    const user = this.user();
    if (!user) return;
    this.users.get(user.id).subscribe((fresh) => {
      this.version = fresh.version;
      this.conflict.set(false);
      this.error.set(null);
      this.saved.emit(fresh);
    });
  }
}
