import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { FormDialog } from '@zhaoshang/web/shared/ui';

export const KEY_SHOWN_ONCE_WARNING = '密钥只显示这一次，请立即复制保存';

/** Shows a new key once; only its hash is kept, so it can never be shown again. */
@Component({
  selector: 'zs-api-key-secret-dialog',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="created() !== null"
      title="API 密钥已创建"
      submitText="我已妥善保存"
      [cancelText]="null"
      [closable]="false"
      testId="api-key-secret"
      submitTestId="api-key-secret-close"
      (submitted)="closed.emit()"
    >
      <nz-alert nzType="warning" nzShowIcon [nzMessage]="warning" nzDescription="关闭此窗口后将无法再次查看完整密钥；遗失只能吊销后重新创建。" data-testid="api-key-warning" />
      <p class="label">「{{ created()?.name }}」的密钥：</p>
      <div class="secret">
        <code class="secret__value" data-testid="api-key-created-value">{{ created()?.key }}</code>
        <button nz-button nzType="primary" type="button" (click)="copy()" data-testid="api-key-copy">
          <nz-icon nzType="copy" />{{ copied() ? '已复制' : '复制' }}
        </button>
      </div>
      <p class="usage">调用方在请求头中发送 <code>X-Api-Key: &lt;密钥&gt;</code>。</p>
    </zs-form-dialog>
  `,
  styleUrl: './api-key-secret-dialog.less',
})
export class ApiKeySecretDialog {
  readonly created = input<{ name: string; key: string } | null>(null);
  readonly closed = output();

  private readonly clipboard = inject(Clipboard);
  private readonly messages = inject(NzMessageService);
  protected readonly warning = KEY_SHOWN_ONCE_WARNING;
  protected readonly copied = signal(false);

  protected copy(): void {
    const key = this.created()?.key;
    if (!key) return;
    if (this.clipboard.copy(key)) {
      this.copied.set(true);
      this.messages.success('密钥已复制到剪贴板');
    } else {
      this.messages.warning('无法自动复制，请选中密钥后手动复制');
    }
  }
}
