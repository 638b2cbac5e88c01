import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, type RegionDto, type Role, type UserDto, roleNeedsRegion } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, FormDialog, PASSWORD_RULE, applyServerErrors, serverErrorsOn, setServerError, validateAll } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { USERNAME_RULE, createUserForm, editUserForm, fillEditUserForm, toCreateUserRequest, toUpdateUserRequest } from './user-form';

/** What the dialog is for: a new user, or an existing one (username and password are not edited here). */
export type UserDialogTarget = { mode: 'create' } | { mode: 'edit'; user: UserDto };

@Component({
  selector: 'zs-user-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzSelectModule, NzSwitchModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="target() !== null"
      [title]="title()"
      [action]="saver"
      formId="user-form"
      [submitText]="isCreate() ? '创建' : '保存'"
      [reloading]="reloading()"
      testId="user-form"
      (cancelled)="closed.emit()"
      (reload)="reload()"
    >
      <form nz-form nzLayout="vertical" [formGroup]="form()" (ngSubmit)="submit()" novalidate id="user-form">
        @if (isCreate()) {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="user-username">用户名</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" [nzExtra]="usernameRule">
              <input nz-input id="user-username" formControlName="username" autocomplete="off" autocapitalize="off" spellcheck="false" data-testid="user-form-username" />
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label nzRequired nzFor="user-display-name">姓名</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <input nz-input id="user-display-name" formControlName="displayName" autocomplete="off" data-testid="user-form-display-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="user-role">角色</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="user-role" formControlName="role" nzPlaceHolder="请选择角色" data-testid="user-form-role">
              @for (role of roles; track role) {
                <nz-option [nzValue]="role" [nzLabel]="roleLabels[role]" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        @if (needsRegion()) {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="user-region">所属地区</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="user-region" formControlName="regionCode" nzPlaceHolder="请选择旗县市区" data-testid="user-form-region">
                @for (region of regions(); track region.code) {
                  <nz-option [nzValue]="region.code" [nzLabel]="region.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
        }
        @if (isCreate()) {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="user-password">初始密码</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" [nzExtra]="passwordRule">
              <nz-input-password>
                <input nz-input id="user-password" formControlName="password" autocomplete="new-password" data-testid="user-form-password" />
              </nz-input-password>
            </nz-form-control>
          </nz-form-item>
        } @else {
          <nz-form-item>
            <nz-form-label nzFor="user-disabled">停用账号</nz-form-label>
            <nz-form-control nzExtra="停用后该用户不能登录，数据和操作记录保留">
              <nz-switch id="user-disabled" formControlName="disabled" nzCheckedChildren="停用" nzUnCheckedChildren="启用" data-testid="user-form-disabled" />
            </nz-form-control>
          </nz-form-item>
        }
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
})
export class UserDialog {
  /** null keeps the dialog closed */
  readonly target = input<UserDialogTarget | null>(null);
  /** the districts a DISTRICT_STAFF user may belong to */
  readonly regions = input.required<RegionDto[]>();
  readonly created = output<UserDto>();
  /** the user as saved, or as reloaded after a conflict */
  readonly saved = output<UserDto>();
  readonly closed = output();

  private readonly users = inject(UsersApi);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly usernameRule = USERNAME_RULE;
  protected readonly passwordRule = PASSWORD_RULE;
  private readonly createForm = createUserForm(this.fb);
  private readonly editForm = editUserForm(this.fb);
  protected readonly isCreate = computed(() => this.target()?.mode === 'create');
  protected readonly form = computed(() => (this.isCreate() ? this.createForm : this.editForm));
  protected readonly title = computed(() => {
    const target = this.target();
    return target?.mode === 'edit' ? `编辑用户 ${target.user.username}` : '新建用户';
  });
  private readonly role = signal<Role | null>(null);
  protected readonly needsRegion = computed(() => {
    const role = this.role();
    return role !== null && roleNeedsRegion(role);
  });
  protected readonly saver = saveAction();
  protected readonly reloading = signal(false);
  private version = 0;

  constructor() {
    effect(() => {
      const target = this.target();
      if (target) untracked(() => this.fill(target));
    });
    for (const form of [this.createForm, this.editForm]) form.controls.role.valueChanges.subscribe((role) => this.role.set(role));
  }

  protected submit(): void {
    const target = this.target();
    if (!target || this.saver.saving()) return;
    if (target.mode === 'create') {
      if (!validateAll(this.createForm)) return;
      this.saver.run(this.users.create(toCreateUserRequest(this.createForm)), {
        next: (user) => {
          this.created.emit(user);
          this.closed.emit();
        },
        error: (error) => {
          const body = apiErrorBody(error);
          if (body?.error === 'CONFLICT' && !body.details?.length) {
            // the only unique field of a user is the username
            setServerError(this.createForm.controls.username, body.message);
            return null;
          }
          return applyServerErrors(this.createForm, error);
        },
      });
    } else {
      if (!validateAll(this.editForm)) return;
      this.saver.run(this.users.update(target.user.id, toUpdateUserRequest(this.editForm, this.version)), {
        next: (updated) => {
          this.saved.emit(updated);
          this.closed.emit();
        },
        error: serverErrorsOn(this.editForm),
      });
    }
  }

  /** Reads the user as saved by the other person; what was typed here is replaced. */
  protected reload(): void {
    const target = this.target();
    if (target?.mode !== 'edit') return;
    this.reloading.set(true);
    this.users.get(target.user.id).subscribe({
      next: (fresh) => {
        this.reloading.set(false);
        this.fill({ mode: 'edit', user: fresh });
        this.saved.emit(fresh);
      },
      error: () => this.reloading.set(false),
    });
  }

  private fill(target: UserDialogTarget): void {
    this.saver.reset();
    if (target.mode === 'create') {
      this.createForm.reset();
    } else {
      this.version = target.user.version;
      fillEditUserForm(this.editForm, target.user);
    }
    this.role.set(this.form().controls.role.value);
  }
}
