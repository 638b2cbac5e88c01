import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { LookAlikeCandidate } from '@zhaoshang/shared/domain';
import { LookAlikeTable } from '@zhaoshang/web/projects/ui';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';

/**
 * 疑似重复: the project being created looks like existing ones. Counting a project twice inflates
 * the figures, so the user looks first; a capital increase belongs on its parent (登记增资).
 */
@Component({
  selector: 'zs-look-alike-dialog',
  imports: [NzAlertModule, NzButtonModule, NzModalModule, LookAlikeTable],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="open()" nzTitle="发现疑似重复项目" [nzFooter]="footer" [nzMaskClosable]="false" nzWidth="1010px" (nzOnCancel)="dismiss.emit()">
      <ng-container *nzModalContent>
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
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="dismiss.emit()" data-testid="look-alike-cancel">取消</button>
      <button nz-button nzType="primary" nzDanger type="button" [nzLoading]="confirming()" (click)="confirm.emit()" data-testid="look-alike-confirm">仍然创建</button>
    </ng-template>
  `,
  styles: `
    .intro {
      margin-bottom: 16px;
    }
    .details {
      margin: 0;
      padding-left: 20px;
    }
  `,
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
