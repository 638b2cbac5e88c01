import { ChangeDetectionStrategy, Component, computed, inject, input, model, output, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, type RegionDto, type UserDto, roleNeedsRegion } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, applyServerErrors, setServerError, validateAll } from '@zhaoshang/web/shared/ui';
import { apiErrorBody } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { PASSWORD_RULE, USERNAME_RULE, createUserForm, toCreateUserRequest } from './user-form';

@Component({
  selector: 'zs-user-create-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, NzSelectModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="open()" nzTitle="新建用户" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="close()">
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="user-form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="user-create-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="uc-username">用户名</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" [nzExtra]="usernameRule">
              <input nz-input id="uc-username" formControlName="username" autocomplete="off" autocapitalize="off" spellcheck="false" data-testid="user-form-username" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="uc-display-name">姓名</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <input nz-input id="uc-display-name" formControlName="displayName" autocomplete="off" data-testid="user-form-display-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="uc-role">角色</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="uc-role" formControlName="role" nzPlaceHolder="请选择角色" data-testid="user-form-role">
                @for (role of roles; track role) {
                  <nz-option [nzValue]="role" [nzLabel]="roleLabels[role]" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          @if (needsRegion()) {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="uc-region">所属地区</nz-form-label>
              <nz-form-control [nzErrorTip]="tip">
                <nz-select nzId="uc-region" formControlName="regionCode" nzPlaceHolder="请选择旗县市区" data-testid="user-form-region">
                  @for (region of regions(); track region.code) {
                    <nz-option [nzValue]="region.code" [nzLabel]="region.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzRequired nzFor="uc-password">初始密码</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" [nzExtra]="passwordRule">
              <nz-input-password>
                <input nz-input id="uc-password" formControlName="password" autocomplete="new-password" data-testid="user-form-password" />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="close()">取消</button>
      <button nz-button nzType="primary" type="submit" form="user-create-form" [nzLoading]="submitting()" data-testid="user-form-submit">创建</button>
    </ng-template>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .dialog-alert {
      margin-bottom: 16px;
    }
  `,
})
export class UserCreateDialog {
  readonly open = model(false);
  /** the districts a DISTRICT_STAFF user may belong to */
  readonly regions = input.required<RegionDto[]>();
  readonly created = output<UserDto>();

  private readonly users = inject(UsersApi);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly usernameRule = USERNAME_RULE;
  protected readonly passwordRule = PASSWORD_RULE;
  protected readonly form = createUserForm(inject(NonNullableFormBuilder));
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly needsRegion = computed(() => {
    const role = this.role();
    return role !== null && roleNeedsRegion(role);
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.submitting() || !validateAll(this.form)) return;
    this.submitting.set(true);
    this.error.set(null);
    this.users.create(toCreateUserRequest(this.form)).subscribe({
      next: (user) => {
        this.submitting.set(false);
        this.created.emit(user);
        this.close();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const body = apiErrorBody(error);
        if (body?.error === 'CONFLICT' && !body.details?.length) {
          // the only unique field of a user is the username
          setServerError(this.form.controls.username, body.message);
          return;
        }
        this.error.set(applyServerErrors(this.form, error));
      },
    });
  }

  protected close(): void {
    this.open.set(false);
    this.error.set(null);
    this.form.reset();
  }
}
