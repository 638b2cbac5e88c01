import { ChangeDetectionStrategy, Component, inject, model, output } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type CreateWebhookSubscriptionResponse, WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from '@zhaoshang/shared/domain';
import { WebhooksApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, FormDialog, serverErrorsOn, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

/** http(s) only, as the API checks: a receiver is a web server */
const HTTP_URL = /^https?:\/\/[^\s/?#]+(?:[/?#]\S*)?$/i;

@Component({
  selector: 'zs-webhook-create-dialog',
  imports: [ReactiveFormsModule, NzButtonModule, NzCheckboxModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="open()" title="新建 Webhook 订阅" [action]="saver" formId="webhook-create-form" submitText="创建" testId="webhook-form" [width]="600" (cancelled)="close()">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="webhook-create-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="wh-name">名称</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="写明接收方，例如：市统计局项目库同步">
            <input nz-input id="wh-name" formControlName="name" autocomplete="off" data-testid="webhook-form-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="wh-url">接收地址</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="以 http:// 或 https:// 开头；每次投递以 POST 发送 JSON，并带 Standard Webhooks 签名">
            <input nz-input id="wh-url" formControlName="url" autocomplete="off" placeholder="https://" data-testid="webhook-form-url" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired>订阅的事件</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <div class="all">
              <button nz-button nzType="link" nzSize="small" type="button" (click)="selectAll()" data-testid="webhook-form-all">全选</button>
            </div>
            <nz-checkbox-group formControlName="events" class="events" data-testid="webhook-form-events">
              @for (type of types; track type) {
                <label nz-checkbox [nzValue]="type" [attr.data-testid]="'webhook-event-' + type">
                  {{ labels[type] }} <code>{{ type }}</code>
                </label>
              }
            </nz-checkbox-group>
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .events {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 6px 12px;
    }
    .events code {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .all {
      margin: -4px 0 4px;
    }
  `,
})
export class WebhookCreateDialog {
  readonly open = model(false);
  readonly created = output<CreateWebhookSubscriptionResponse>();

  private readonly api = inject(WebhooksApi);
  protected readonly types = WEBHOOK_EVENT_TYPES;
  protected readonly labels = WEBHOOK_EVENT_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [zsValidators.required('请输入名称'), zsValidators.maxLength(100, '名称最多 100 个字')]],
    url: ['', [zsValidators.required('请输入接收地址'), (control: AbstractControl<string>) => (!control.value || HTTP_URL.test(control.value.trim()) ? null : { url: '接收地址必须是以 http:// 或 https:// 开头的网址' })]],
    events: [[] as WebhookEventType[], [(control: AbstractControl<WebhookEventType[]>) => (control.value?.length ? null : { required: '请至少选择一个事件' })]],
  });
  protected readonly saver = saveAction();

  protected selectAll(): void {
    this.form.controls.events.setValue([...WEBHOOK_EVENT_TYPES]);
  }

  protected submit(): void {
    if (this.saver.saving() || !validateAll(this.form)) return;
    const value = this.form.getRawValue();
    this.saver.run(this.api.create({ name: value.name.trim(), url: value.url.trim(), events: value.events }), {
      next: (response) => {
        this.created.emit(response);
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
