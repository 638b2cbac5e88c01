import { ChangeDetectionStrategy, Component, inject, model, output } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { API_KEY_RATE_LIMIT_DEFAULT, API_KEY_RATE_LIMIT_MAX, API_KEY_RATE_LIMIT_MIN, API_KEY_SCOPES, API_KEY_SCOPE_LABELS, type ApiKeyScope, type CreateApiKeyResponse } from '@zhaoshang/shared/domain';
import { ApiKeysApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, FormDialog, serverErrorsOn, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { RATE_LIMIT_HINT, rateLimitValidator } from './rate-limit-field';

export const API_KEY_NAME_MAX_LENGTH = 100;

@Component({
  selector: 'zs-api-key-create-dialog',
  imports: [ReactiveFormsModule, NzCheckboxModule, NzFormModule, NzInputModule, NzInputNumberModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="open()" title="新建 API 密钥" [action]="saver" formId="api-key-create-form" submitText="创建" testId="api-key-form" (cancelled)="close()">
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
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ak-rate-limit">每分钟请求上限</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" [nzExtra]="rateLimitHint">
            <nz-input-number
              nzId="ak-rate-limit"
              formControlName="rateLimitPerMinute"
              [nzMin]="rateLimitMin"
              [nzMax]="rateLimitMax"
              [nzStep]="100"
              [nzPrecision]="0"
              nzAddonAfter="次/分钟"
              data-testid="api-key-form-rate-limit"
            />
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styleUrl: './api-key-create-dialog.less',
})
export class ApiKeyCreateDialog {
  readonly open = model(false);
  readonly created = output<CreateApiKeyResponse & { name: string }>();

  private readonly api = inject(ApiKeysApi);
  protected readonly scopes = API_KEY_SCOPES;
  protected readonly scopeLabels = API_KEY_SCOPE_LABELS;
  protected readonly rateLimitHint = RATE_LIMIT_HINT;
  protected readonly rateLimitMin = API_KEY_RATE_LIMIT_MIN;
  protected readonly rateLimitMax = API_KEY_RATE_LIMIT_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [zsValidators.required('请输入名称'), zsValidators.maxLength(API_KEY_NAME_MAX_LENGTH, `名称最多 ${API_KEY_NAME_MAX_LENGTH} 个字`)]],
    scopes: [[] as ApiKeyScope[], [(control: AbstractControl<ApiKeyScope[]>) => (control.value?.length ? null : { required: '请至少选择一项权限' })]],
    // nullable: the number box is empty while the admin retypes it
    rateLimitPerMinute: [API_KEY_RATE_LIMIT_DEFAULT as number | null, [rateLimitValidator]],
  });
  protected readonly saver = saveAction();

  protected submit(): void {
    if (this.saver.saving() || !validateAll(this.form)) return;
    const name = this.form.controls.name.value.trim();
    const rateLimitPerMinute = this.form.controls.rateLimitPerMinute.value ?? API_KEY_RATE_LIMIT_DEFAULT;
    this.saver.run(this.api.create({ name, scopes: this.form.controls.scopes.value, rateLimitPerMinute }), {
      next: (response) => {
        this.created.emit({ ...response, name });
        this.close();
      },
      error: serverErrorsOn(this.form),
    });
  }

  protected close(): void {
    this.open.set(false);
    this.saver.reset();
    this.form.reset();
  }
}
