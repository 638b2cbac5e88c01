import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type MonthOverview, type MonthState, monthLabel } from '@zhaoshang/shared/domain';
import { FirstErrorPipe, FormDialog, setServerError, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorMessage, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { MonthsApi } from '@zhaoshang/web/reports/data-access';
import { CLOSE_REASON_MAX_LENGTH, closeWarning, waitingWarning } from './month-text';

const REASON_NEEDED = '尚有待核实月报，确认月结须填写说明';

/**
 * 月结: says what is still open in the month, then freezes it and publishes its figures. Reports
 * still waiting for verification need a reason (DOMAIN.md §7); the API says so too (REPORTS_WAITING)
 * when some were submitted after the page was read, and the dialog then asks for the reason.
 */
@Component({
  selector: 'zs-close-month-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="month() !== null" [title]="title()" [action]="saver" submitText="确认月结" testId="close-month" (cancelled)="closed.emit()" (submitted)="submit()">
      <div zsDialogIntro>
        @if (warning(); as warning) {
          <nz-alert class="alert" [nzType]="warning.level" nzShowIcon [nzMessage]="warning.text" data-testid="close-month-warning" />
        }
        @if (waiting(); as text) {
          <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="text" data-testid="close-month-waiting" />
        }
        <p class="note">月结后，该月月报不能再填报、修改或核实，当月指标作为已发布数据保存；如需更正，管理员可填写原因后重新打开。</p>
      </div>
      @if (waiting()) {
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="close-reason">月结说明</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <textarea nz-input id="close-reason" formControlName="reason" rows="3" placeholder="例如：统计局催报，待核实月报下月一并处理" data-testid="close-month-reason"></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
        <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
      }
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
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [zsValidators.maxLength(CLOSE_REASON_MAX_LENGTH, `说明最多 ${CLOSE_REASON_MAX_LENGTH} 个字`)]],
  });
  /** the API's REPORTS_WAITING message, when it knew of waiting reports the page did not */
  private readonly serverWaiting = signal<string | null>(null);
  protected readonly title = computed(() => {
    const month = this.month();
    return month ? `月结 ${monthLabel(month.month)}` : '月结';
  });
  protected readonly warning = computed(() => {
    const month = this.month();
    return month ? closeWarning(month) : null;
  });
  /** what asks for the reason: the waiting reports the page counted, or the API's word */
  protected readonly waiting = computed(() => {
    const month = this.month();
    return this.serverWaiting() ?? (month ? waitingWarning(month) : null);
  });
  protected readonly saver = saveAction();

  constructor() {
    effect(() => {
      this.month();
      this.form.reset();
      this.serverWaiting.set(null);
      this.saver.reset();
    });
  }

  protected submit(): void {
    const month = this.month();
    if (!month || this.saver.saving()) return;
    const control = this.form.controls.reason;
    const reason = control.value.trim();
    if (this.waiting() && !reason) {
      setServerError(control, REASON_NEEDED);
      return;
    }
    if (control.invalid) return;
    this.saver.run(this.api.close(month.month, month.version, this.waiting() ? reason : undefined), {
      next: (state) => this.saved.emit(state),
      conflict: () => this.conflict.emit(),
      error: (error) => {
        const body = apiErrorBody(error);
        if (body?.error !== 'REPORTS_WAITING') return apiErrorMessage(error);
        // submitted since the page was read: ask for the reason, in the API's words
        this.serverWaiting.set(body.message);
        return null;
      },
    });
  }
}
