import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { SecretOnceDialog } from '@zhaoshang/web/shared/ui';

/** Shows a new subscription's signing secret once: the list never returns it again. */
@Component({
  selector: 'zs-webhook-secret-dialog',
  imports: [SecretOnceDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-secret-once-dialog
      [created]="created()"
      title="Webhook 订阅已创建"
      secretLabel="签名密钥"
      warning="签名密钥只显示这一次，请立即复制并交给接收方"
      description="关闭此窗口后将无法再次查看完整密钥；遗失只能删除订阅后重新创建。"
      testId="webhook-secret"
      (closed)="closed.emit()"
    >
      接收方按 Standard Webhooks 验证：对 <code>webhook-id.webhook-timestamp.请求体</code> 以密钥（去掉 whsec_ 后 base64 解码）做 HMAC-SHA256，与
        <code>webhook-signature</code> 头中的 <code>v1,…</code> 比对。
    </zs-secret-once-dialog>
  `,
})
export class WebhookSecretDialog {
  readonly created = input<{ name: string; secret: string } | null>(null);
  readonly closed = output();
}
