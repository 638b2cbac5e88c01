import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { type MonthOverview, type MonthState, monthLabel } from '@zhaoshang/shared/domain';
import { apiErrorCode, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { MonthsApi } from '@zhaoshang/web/reports/data-access';
import { closeWarning } from './month-text';

/** 月结: says what is still open in the month, then freezes it. */
@Component({
  selector: 'zs-close-month-dialog',
  imports: [NzAlertModule, NzButtonModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="month() !== null" [nzTitle]="title()" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="closed.emit()">
      <ng-container *nzModalContent>
        @if (warning(); as warning) {
          <nz-alert class="alert" [nzType]="warning.level" nzShowIcon [nzMessage]="warning.text" data-testid="close-month-warning" />
        }
        <p class="note">月结后，该月月报不能再填报、修改或核实；如需更正，管理员可填写原因后重新打开。</p>
        @if (error(); as message) {
          <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="close-month-error" />
        }
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="closed.emit()">取消</button>
      <button nz-button nzType="primary" type="button" [nzLoading]="submitting()" (click)="submit()" data-testid="close-month-submit">确认月结</button>
    </ng-template>
  `,
  styles: `
    .alert {
      margin-bottom: 12px;
    }
    .note {
      margin: 0 0 12px;
      color: rgba(0, 0, 0, 0.65);
    }
  `,
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
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.month();
      this.error.set(null);
    });
  }

  protected submit(): void {
    const month = this.month();
    if (!month || this.submitting()) return;
    this.submitting.set(true);
    this.error.set(null);
    this.api.close(month.month, month.version).subscribe({
      next: (state) => {
        this.submitting.set(false);
        this.saved.emit(state);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        if (apiErrorCode(error) === 'VERSION_CONFLICT') this.conflict.emit();
        else this.error.set(apiErrorMessage(error));
      },
    });
  }
}
