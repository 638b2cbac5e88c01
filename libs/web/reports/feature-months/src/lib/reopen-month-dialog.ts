import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type MonthOverview, type MonthState, monthLabel } from '@zhaoshang/shared/domain';
import { FirstErrorPipe, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { MonthsApi } from '@zhaoshang/web/reports/data-access';
import { REOPEN_REASON_MAX_LENGTH } from './month-text';

/** 重新打开 a closed month: only with a reason, which goes to the audit log. */
@Component({
  selector: 'zs-reopen-month-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="month() !== null" [nzTitle]="title()" [nzFooter]="footer" [nzMaskClosable]="false" (nzOnCancel)="closed.emit()">
      <ng-container *nzModalContent>
        <p class="note">重新打开后，该月月报可以再次填报、修改和核实，相关指标会随之变化。原因将记入操作日志。</p>
        @if (error(); as message) {
          <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="reopen-month-error" />
        }
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
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      <button nz-button type="button" (click)="closed.emit()">取消</button>
      <button nz-button nzType="primary" nzDanger type="submit" form="reopen-month-form" [nzLoading]="submitting()" data-testid="reopen-month-submit">重新打开</button>
    </ng-template>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
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
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.month();
      this.form.reset();
      this.error.set(null);
    });
  }

  protected submit(): void {
    const month = this.month();
    if (!month || this.submitting() || !validateAll(this.form)) return;
    this.submitting.set(true);
    this.error.set(null);
    this.api.reopen(month.month, month.version, this.form.controls.reason.value.trim()).subscribe({
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
