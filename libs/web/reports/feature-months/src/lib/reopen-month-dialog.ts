import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type MonthOverview, type MonthState, monthLabel } from '@zhaoshang/shared/domain';
import { FirstErrorPipe, FormDialog, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { MonthsApi } from '@zhaoshang/web/reports/data-access';
import { REOPEN_REASON_MAX_LENGTH } from './month-text';

/** 重新打开 a closed month: only with a reason, which goes to the audit log. */
@Component({
  selector: 'zs-reopen-month-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="month() !== null"
      [title]="title()"
      [action]="saver"
      formId="reopen-month-form"
      submitText="重新打开"
      [danger]="true"
      testId="reopen-month"
      (cancelled)="closed.emit()"
    >
      <p class="note" zsDialogIntro>重新打开后，该月月报可以再次填报、修改和核实，相关指标会随之变化。原因将记入操作日志。</p>
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="reopen-month-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="reopen-reason">重新打开原因</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea
              nz-input
              id="reopen-reason"
              formControlName="reason"
              rows="3"
              placeholder="例如：科尔沁区 3 月完成投资误报，需更正后重新核实"
              data-testid="reopen-month-reason"
            ></textarea>
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styleUrl: './month-dialog.less',
})
export class ReopenMonthDialog {
  readonly month = input<MonthOverview | null>(null);
  readonly saved = output<MonthState>();
  readonly closed = output();
  readonly conflict = output();

  private readonly api = inject(MonthsApi);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: [
      '',
      [
        zsValidators.required('请填写重新打开的原因'),
        zsValidators.pattern(/\S/, '请填写重新打开的原因'),
        zsValidators.maxLength(REOPEN_REASON_MAX_LENGTH, `原因最多 ${REOPEN_REASON_MAX_LENGTH} 个字`),
      ],
    ],
  });
  protected readonly title = computed(() => {
    const month = this.month();
    return month ? `重新打开 ${monthLabel(month.month)}` : '重新打开';
  });
  protected readonly saver = saveAction();

  constructor() {
    effect(() => {
      this.month();
      this.form.reset();
      this.saver.reset();
    });
  }

  protected submit(): void {
    const month = this.month();
    if (!month || this.saver.saving() || !validateAll(this.form)) return;
    this.saver.run(this.api.reopen(month.month, month.version, this.form.controls.reason.value.trim()), {
      next: (state) => this.saved.emit(state),
      conflict: () => this.conflict.emit(),
    });
  }
}
