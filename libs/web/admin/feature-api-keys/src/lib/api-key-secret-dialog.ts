import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { SecretOnceDialog } from '@zhaoshang/web/shared/ui';

export const KEY_SHOWN_ONCE_WARNING = '密钥只显示这一次，请立即复制保存';

/** Shows a new key once; only its hash is kept, so it can never be shown again. */
@Component({
  selector: 'zs-api-key-secret-dialog',
  imports: [SecretOnceDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-secret-once-dialog
      [created]="shown()"
      title="API 密钥已创建"
      [warning]="warning"
      description="关闭此窗口后将无法再次查看完整密钥；遗失只能吊销后重新创建。"
      testId="api-key-secret"
      (closed)="closed.emit()"
    >
      调用方在请求头中发送 <code>X-Api-Key: &lt;密钥&gt;</code>。
    </zs-secret-once-dialog>
  `,
})
export class ApiKeySecretDialog {
  readonly created = input<{ name: string; key: string } | null>(null);
  readonly closed = output();

  protected readonly warning = KEY_SHOWN_ONCE_WARNING;
  protected readonly shown = computed(() => {
    const created = this.created();
    return created ? { name: created.name, secret: created.key } : null;
  });
}
