import { ChangeDetectionStrategy, Component, inject, model, output, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { API_KEY_SCOPES, API_KEY_SCOPE_LABELS, type ApiKeyScope, type CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { ApiKeysApi } from '@zhaoshang/web/admin/data-access';
import { applyServerErrors, FirstErrorPipe, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

export const API_KEY_NAME_MAX_LENGTH = 100;

@Component({
  selector: 'zs-api-key-create-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzCheckboxModule, NzFormModule, NzInputModule, NzModalModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="open()" nzTitle="新建 API 密钥" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="close()">
      <ng-container *nzModalContent>
        @if (error(); as message) {
          <nz-alert class="dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="api-key-form-error" />
        }
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="api-key-create-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="ak-name">名称</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" nzExtra="写明使用方，例如：市统计局固定资产投资系统">
              <input nz-input id="ak-name" formControlName="name" autocomplete="off" data-testid="api-key-form-name" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired>权限范围</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-checkbox-group formControlName="scopes" class="scopes" data-testid="api-key-form-scopes">
                @for (scope of scopes; track scope) {
                  <label nz-checkbox [nzValue]="scope" [attr.data-testid]="'api-key-scope-' + scope">{{ scopeLabels[scope] }}</label>
                }
              </nz-checkbox-group>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="close()">取消</button>
      <button nz-button nzType="primary" type="submit" form="api-key-create-form" [nzLoading]="submitting()" data-testid="api-key-form-submit">创建</button>
    </ng-template>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .dialog-alert {
      margin-bottom: 16px;
    }
    .scopes {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
  `,
})
export class ApiKeyCreateDialog {
  readonly open = model(false);
  readonly created = output<CreateApiKeyResponse & { name: string }>();

  private readonly api = inject(ApiKeysApi);
  protected readonly scopes = API_KEY_SCOPES;
  protected readonly scopeLabels = API_KEY_SCOPE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [zsValidators.required('请输入名称'), zsValidators.maxLength(API_KEY_NAME_MAX_LENGTH, `名称最多 ${API_KEY_NAME_MAX_LENGTH} 个字`)]],
    scopes: [[] as ApiKeyScope[], [(control: AbstractControl<ApiKeyScope[]>) => (control.value?.length ? null : { required: '请至少选择一项权限' })]],
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  protected submit(): void {
    if (this.submitting() || !validateAll(this.form)) return;
    const name = this.form.controls.name.value.trim();
    this.submitting.set(true);
    this.error.set(null);
    this.api.create({ name, scopes: this.form.controls.scopes.value }).subscribe({
      next: (response) => {
        this.submitting.set(false);
        this.created.emit({ ...response, name });
        this.close();
      },
      error: (error: unknown) => {
        this.submitting.set(false);
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
