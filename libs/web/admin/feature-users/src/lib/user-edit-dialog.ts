import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, type RegionDto, type UserDto, roleNeedsRegion } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { applyServerErrors, FirstErrorPipe, validateAll } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { editUserForm, fillEditUserForm, toUpdateUserRequest } from './user-form';

@Component({
  selector: 'zs-user-edit-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, NzSelectModule, NzSwitchModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="user() !== null" [nzTitle]="'编辑用户 ' + (user()?.username ?? '')" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="closed.emit()">
      <ng-container *nzModalContent>
        @if (conflict(); as message) {
          <nz-alert class="dialog-alert" nzType="warning" nzShowIcon [nzMessage]="message" [nzAction]="reloadAction" data-testid="user-form-conflict" />
          <ng-template #reloadAction>
            <button nz-button nzSize="small" type="button" [nzLoading]="reloading()" (click)="reload()" data-testid="user-form-reload">重新加载</button>
          </ng-template>
        }
        @if (error(); as message) {
          <nz-alert class="dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="user-form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="user-edit-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="ue-display-name">姓名</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <input nz-input id="ue-display-name" formControlName="displayName" autocomplete="off" data-testid="user-form-display-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="ue-role">角色</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="ue-role" formControlName="role" nzPlaceHolder="请选择角色" data-testid="user-form-role">
                @for (role of roles; track role) {
                  <nz-option [nzValue]="role" [nzLabel]="roleLabels[role]" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          @if (needsRegion()) {
            <nz-form-item>
              <nz-form-label nzRequired nzFor="ue-region">所属地区</nz-form-label>
              <nz-form-control [nzErrorTip]="tip">
                <nz-select nzId="ue-region" formControlName="regionCode" nzPlaceHolder="请选择旗县市区" data-testid="user-form-region">
                  @for (region of regions(); track region.code) {
                    <nz-option [nzValue]="region.code" [nzLabel]="region.name" />
                  }
                </nz-select>
              </nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzFor="ue-disabled">停用账号</nz-form-label>
            <nz-form-control nzExtra="停用后该用户不能登录，数据和操作记录保留">
              <nz-switch id="ue-disabled" formControlName="disabled" nzCheckedChildren="停用" nzUnCheckedChildren="启用" data-testid="user-form-disabled" />
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="closed.emit()">取消</button>
      <button nz-button nzType="primary" type="submit" form="user-edit-form" [disabled]="conflict() !== null" [nzLoading]="submitting()" data-testid="user-form-submit">
        保存
      </button>
    </ng-template>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .dialog-alert {
      margin-bottom: 16px;
    }
  `,
})
export class UserEditDialog {
  /** the user being edited; null keeps the dialog closed */
  readonly user = input<UserDto | null>(null);
  readonly regions = input.required<RegionDto[]>();
  /** the user as saved, or as reloaded after a conflict */
  readonly saved = output<UserDto>();
  readonly closed = output();

  private readonly users = inject(UsersApi);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly form = editUserForm(inject(NonNullableFormBuilder));
  private readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly needsRegion = computed(() => {
    const role = this.role();
    return role !== null && roleNeedsRegion(role);
  });
  protected readonly submitting = signal(false);
  protected readonly reloading = signal(false);
  protected readonly error = signal<string | null>(null);
  /** someone else saved this user after we read it: our version is stale */
  protected readonly conflict = signal<string | null>(null);
  private version = 0;

  constructor() {
    effect(() => {
      const user = this.user();
      if (user) untracked(() => this.fill(user));
    });
  }

  protected submit(): void {
    const user = this.user();
    if (!user || this.submitting() || !validateAll(this.form)) return;
    this.submitting.set(true);
    this.error.set(null);
    this.users.update(user.id, toUpdateUserRequest(this.form, this.version)).subscribe({
      next: (updated) => {
        this.submitting.set(false);
        this.saved.emit(updated);
        this.closed.emit();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (apiErrorCode(error) === 'VERSION_CONFLICT') {
          this.conflict.set(apiErrorMessage(error));
          return;
        }
        this.error.set(applyServerErrors(this.form, error));
      },
    });
  }

  /** Reads the user as saved by the other person; what was typed here is replaced. */
  protected reload(): void {
    const user = this.user();
    if (!user) return;
    this.reloading.set(true);
    this.users.get(user.id).subscribe({
      next: (fresh) => {
        this.reloading.set(false);
        this.fill(fresh);
        this.saved.emit(fresh);
      },
      error: () => this.reloading.set(false),
    });
  }

  private fill(user: UserDto): void {
    this.version = user.version;
    this.conflict.set(null);
    this.error.set(null);
    fillEditUserForm(this.form, user);
  }
}
