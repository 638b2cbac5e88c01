import { ChangeDetectionStrategy, Component, effect, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RETURN_REASON_MAX_LENGTH } from '@zhaoshang/shared/domain';
import { FormDialog } from '@zhaoshang/web/shared/ui';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';

/** 退回: the reason is required (≤ 200 characters) and shown to the district on the returned rows. */
@Component({
  selector: 'zs-return-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="count() > 0"
      [title]="'退回月报（' + count() + ' 条）'"
      [busy]="busy()"
      submitText="退回"
      [danger]="true"
      testId="return-dialog"
      (cancelled)="cancelled.emit()"
      (submitted)="submit()"
    >
      <p class="intro">退回后由地区更正并重新提交。请写明退回原因，地区填报页面会显示该原因。</p>
      <form nz-form nzLayout="vertical" id="return-form" (ngSubmit)="submit()" novalidate>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="return-reason">退回原因</nz-form-label>
          <nz-form-control [nzErrorTip]="reason.hasError('maxlength') ? '退回原因最多 ' + maxLength + ' 个字' : '请填写退回原因'">
            <textarea
              nz-input
              id="return-reason"
              [formControl]="reason"
              rows="4"
              placeholder="例如：银行贷款到位金额与放款凭证不符，请核对"
              data-testid="return-dialog-reason"
            ></textarea>
          </nz-form-control>
        </nz-form-item>
        <div class="counter" [class.counter--over]="reason.value.length > maxLength">{{ reason.value.length }} / {{ maxLength }}</div>
      </form>
    </zs-form-dialog>
  `,
  styleUrl: './return-dialog.less',
})
export class ReturnDialog {
  /** how many reports are being returned; 0 closes the dialog */
  readonly count = input.required<number>();
  readonly busy = input(false);
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();
  protected readonly maxLength = RETURN_REASON_MAX_LENGTH;
  protected readonly reason = inject(NonNullableFormBuilder).control('', [Validators.required, Validators.maxLength(RETURN_REASON_MAX_LENGTH), blankRefused]);

  constructor() {
    // a new return starts with an empty reason
    effect(() => {
      if (this.count() > 0) this.reason.reset('');
    });
  }

  protected submit(): void {
    if (this.reason.invalid) {
      this.reason.markAsDirty();
      this.reason.updateValueAndValidity();
      return;
    }
    this.confirmed.emit(this.reason.value.trim());
  }
}

function blankRefused(control: { value: string }): { required: true } | null {
  return control.value.trim() === '' ? { required: true } : null;
}
