import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';

export const KEY_SHOWN_ONCE_WARNING = '密钥只显示这一次，请立即复制保存';

/** Shows a new key once; only its hash is kept, so it can never be shown again. */
@Component({
  selector: 'zs-api-key-secret-dialog',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="created() !== null" nzTitle="API 密钥已创建" [nzFooter]="footer" [nzMaskClosable]="false" [nzClosable]="false" [nzKeyboard]="false">
      <ng-container *nzModalContent>
        <nz-alert nzType="warning" nzShowIcon [nzMessage]="warning" nzDescription="关闭此窗口后将无法再次查看完整密钥；遗失只能吊销后重新创建。" data-testid="api-key-warning" />
        <p class="label">「{{ created()?.name }}」的密钥：</p>
        <div class="secret">
          <code class="secret__value" data-testid="api-key-created-value">{{ created()?.key }}</code>
          <button nz-button nzType="primary" type="button" (click)="copy()" data-testid="api-key-copy">
            <nz-icon nzType="copy" />{{ copied() ? '已复制' : '复制' }}
          </button>
        </div>
        <p class="usage">调用方在请求头中发送 <code>X-Api-Key: &lt;密钥&gt;</code>。</p>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button nzType="primary" type="button" (click)="closed.emit()" data-testid="api-key-secret-close">我已妥善保存</button>
    </ng-template>
  `,
  styles: `
    .label {
      margin: 16px 0 8px;
    }
    .secret {
      display: flex;
      gap: 8px;
      align-items: stretch;
    }
    .secret__value {
      flex: 1;
      min-width: 0;
      padding: 6px 10px;
      overflow-wrap: anywhere;
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      background: #f5f5f5;
      border: 1px solid #d9d9d9;
      border-radius: 6px;
      user-select: all;
    }
    .usage {
      margin: 12px 0 0;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
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
