import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { FormDialog } from '../form-dialog/form-dialog';

/** What was just created and its secret, which the server keeps no readable copy of or never shows again. */
export interface CreatedSecret {
  name: string;
  secret: string;
}

/**
 * A secret shown once (an API key, a webhook subscription's signing secret): a warning, the value to
 * copy, the caller's note on its use (projected), and a single way out, "我已妥善保存". Test ids derive
 * from `testId`: `-warning`, `-value`, `-copy`, `-close`.
 */
@Component({
  selector: 'zs-secret-once-dialog',
  imports: [NzAlertModule, NzButtonModule, NzIconModule, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="created() !== null"
      [title]="title()"
      submitText="我已妥善保存"
      [cancelText]="null"
      [closable]="false"
      [testId]="testId()"
      [submitTestId]="testId() + '-close'"
      (submitted)="onClose()"
    >
      <nz-alert nzType="warning" nzShowIcon [nzMessage]="warning()" [nzDescription]="description()" [attr.data-testid]="testId() + '-warning'" />
      <p class="label">「{{ created()?.name }}」的{{ secretLabel() }}：</p>
      <div class="secret">
        <code class="secret__value" [attr.data-testid]="testId() + '-value'">{{ created()?.secret }}</code>
        <button nz-button nzType="primary" type="button" (click)="copy()" [attr.data-testid]="testId() + '-copy'">
          <nz-icon nzType="copy" />{{ copied() ? '已复制' : '复制' }}
        </button>
      </div>
      <p class="usage"><ng-content /></p>
    </zs-form-dialog>
  `,
  styleUrl: './secret-once-dialog.less',
})
export class SecretOnceDialog {
  readonly created = input<CreatedSecret | null>(null);
  readonly title = input.required<string>();
  /** 密钥, 签名密钥… */
  readonly secretLabel = input('密钥');
  readonly warning = input.required<string>();
  readonly description = input.required<string>();
  readonly testId = input.required<string>();
  readonly closed = output();

  private readonly clipboard = inject(Clipboard);
  private readonly messages = inject(NzMessageService);
  protected readonly copied = signal(false);

  protected copy(): void {
    const secret = this.created()?.secret;
    if (!secret) return;
    if (this.clipboard.copy(secret)) {
      this.copied.set(true);
      this.messages.success(`${this.secretLabel()}已复制到剪贴板`);
    } else {
      this.messages.warning(`无法自动复制，请选中${this.secretLabel()}后手动复制`);
    }
  }

  protected onClose(): void {
    this.copied.set(false);
    this.closed.emit();
  }
}
