import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormDialog } from '@zhaoshang/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';

/** Shows a new subscription's signing secret once: the list never returns it again. */
@Component({
  selector: 'zs-webhook-secret-dialog',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="created() !== null"
      title="Webhook 订阅已创建"
      submitText="我已妥善保存"
      [cancelText]="null"
      [closable]="false"
      testId="webhook-secret"
      submitTestId="webhook-secret-close"
      (submitted)="closed.emit()"
    >
      <nz-alert nzType="warning" nzShowIcon nzMessage="签名密钥只显示这一次，请立即复制并交给接收方" nzDescription="关闭此窗口后将无法再次查看完整密钥；遗失只能删除订阅后重新创建。" />
      <p class="label">「{{ created()?.name }}」的签名密钥：</p>
      <div class="secret">
        <code class="secret__value" data-testid="webhook-secret-value">{{ created()?.secret }}</code>
        <button nz-button nzType="primary" type="button" (click)="copy()"><nz-icon nzType="copy" />{{ copied() ? '已复制' : '复制' }}</button>
      </div>
      <p class="usage">
        接收方按 Standard Webhooks 验证：对 <code>webhook-id.webhook-timestamp.请求体</code> 以密钥（去掉 whsec_ 后 base64 解码）做 HMAC-SHA256，与
        <code>webhook-signature</code> 头中的 <code>v1,…</code> 比对。
      </p>
    </zs-form-dialog>
  `,
  styleUrl: './webhook-secret-dialog.less',
})
export class WebhookSecretDialog {
  readonly created = input<{ name: string; secret: string } | null>(null);
  readonly closed = output();

  private readonly clipboard = inject(Clipboard);
  private readonly messages = inject(NzMessageService);
  protected readonly copied = signal(false);

  protected copy(): void {
    const secret = this.created()?.secret;
    if (!secret) return;
    if (this.clipboard.copy(secret)) {
      this.copied.set(true);
      this.messages.success('密钥已复制到剪贴板');
    } else {
      this.messages.warning('无法自动复制，请选中密钥后手动复制');
    }
  }
}
