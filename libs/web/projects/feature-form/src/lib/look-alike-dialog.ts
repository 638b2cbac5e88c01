import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { LookAlikeCandidate } from '@zhaoshang/shared/domain';
import { LookAlikeTable } from '@zhaoshang/web/projects/ui';
import { FormDialog } from '@zhaoshang/web/shared/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';

/**
 * 疑似重复: the project being created looks like existing ones. Counting a project twice inflates
 * the figures, so the user looks first; a capital increase belongs on its parent (登记增资).
 */
@Component({
  selector: 'zs-look-alike-dialog',
  imports: [NzAlertModule, FormDialog, LookAlikeTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="open()"
      title="发现疑似重复项目"
      [busy]="confirming()"
      submitText="仍然创建"
      [danger]="true"
      width="1010px"
      testId="look-alike"
      submitTestId="look-alike-confirm"
      (cancelled)="dismiss.emit()"
      (submitted)="confirm.emit()"
    >
      <div data-testid="look-alike-dialog">
        <nz-alert
          class="intro"
          nzType="warning"
          nzShowIcon
          [nzMessage]="message() || '以下已登记的项目与本项目相似'"
          nzDescription="同一项目只按首次签约统计一次；若是已有项目追加投资，请在原项目详情页「登记增资」。确认不是同一项目时，可以仍然创建。"
        />
        @if (candidates().length > 0) {
          <zs-look-alike-table [candidates]="candidates()" />
        } @else if (details().length > 0) {
          <ul class="details">
            @for (detail of details(); track $index) {
              <li>{{ detail }}</li>
            }
          </ul>
        }
      </div>
    </zs-form-dialog>
  `,
  styleUrl: './look-alike-dialog.less',
})
export class LookAlikeDialog {
  readonly open = input(false);
  readonly candidates = input<LookAlikeCandidate[]>([]);
  /** the API's message, and its details when the candidates could not be read */
  readonly message = input('');
  readonly details = input<string[]>([]);
  readonly confirming = input(false);
  readonly confirm = output();
  readonly dismiss = output();
}
