import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { type MonthOverview, type MonthState, monthLabel } from '@zhaoshang/shared/domain';
import { FormDialog } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { MonthsApi } from '@zhaoshang/web/reports/data-access';
import { closeWarning } from './month-text';

/** 月结: says what is still open in the month, then freezes it. */
@Component({
  selector: 'zs-close-month-dialog',
  imports: [NzAlertModule, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="month() !== null" [title]="title()" [action]="saver" submitText="确认月结" testId="close-month" (cancelled)="closed.emit()" (submitted)="submit()">
      <div zsDialogIntro>
        @if (warning(); as warning) {
          <nz-alert class="alert" [nzType]="warning.level" nzShowIcon [nzMessage]="warning.text" data-testid="close-month-warning" />
        }
        <p class="note">月结后，该月月报不能再填报、修改或核实；如需更正，管理员可填写原因后重新打开。</p>
      </div>
    </zs-form-dialog>
  `,
  styleUrl: './month-dialog.less',
})
export class CloseMonthDialog {
  /** the month to close; null keeps the dialog shut */
  readonly month = input<MonthOverview | null>(null);
  readonly saved = output<MonthState>();
  readonly closed = output();
  /** someone else closed or reopened the month meanwhile: the page reads the months again */
  readonly conflict = output();

  private readonly api = inject(MonthsApi);
  protected readonly title = computed(() => {
    const month = this.month();
    return month ? `月结 ${monthLabel(month.month)}` : '月结';
  });
  protected readonly warning = computed(() => {
    const month = this.month();
    return month ? closeWarning(month) : null;
  });
  protected readonly saver = saveAction();

  constructor() {
    effect(() => {
      this.month();
      this.saver.reset();
    });
  }

  protected submit(): void {
    const month = this.month();
    if (!month) return;
    this.saver.run(this.api.close(month.month, month.version), { next: (state) => this.saved.emit(state), conflict: () => this.conflict.emit() });
  }
}
