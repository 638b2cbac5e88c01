import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { COMMITMENT_STATUS_LABELS, COMMITMENT_TRANSITIONS, type CommitmentStatus, type PolicyCommitmentDto, commitmentStatusProblems, shanghaiToday } from '@zhaoshang/shared/domain';
import { CommitmentsApi } from '@zhaoshang/web/commitments/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, setServerError, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { formatMoney, fromIsoDate, saveAction, stripGrouping, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';

/**
 * 登记兑现: the commitment's next status (only the moves the contract allows), the cumulative amount
 * honoured and its date (部分兑现/已兑现), or the reason (不再兑现). The rules are the domain's
 * `commitmentStatusProblems`, so the dialog says before sending what the API would answer.
 */
@Component({
  selector: 'zs-honour-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, NzSelectModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="commitment() !== null" title="登记兑现" [action]="saver" formId="honour-form" submitText="确定" testId="honour-dialog" (cancelled)="closed.emit()" (reload)="reloadRequested.emit()">
      @if (commitment(); as c) {
        <p class="subject">{{ c.projectName }} · {{ c.content }}@if (c.promisedAmountWan) { （承诺 {{ money(c.promisedAmountWan) }}）}</p>
      }
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="honour-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="honour-status">兑现状态</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="honour-status" formControlName="status" nzPlaceHolder="选择兑现状态" data-testid="honour-status">
              @for (s of moves(); track s) {
                <nz-option [nzValue]="s" [nzLabel]="labels[s]" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        @if (status() === 'PARTIAL' || status() === 'HONOURED') {
          <nz-form-item>
            <nz-form-label nzRequired nzFor="honour-amount">累计兑现金额（万元）</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <input nz-input id="honour-amount" formControlName="honouredAmountWan" inputmode="decimal" placeholder="到目前为止共兑现的金额" data-testid="honour-amount" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="honour-at">兑现日期</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-date-picker nzId="honour-at" formControlName="honouredAt" nzFormat="yyyy-MM-dd" [nzDisabledDate]="afterToday" data-testid="honour-at" />
            </nz-form-control>
          </nz-form-item>
        }
        <nz-form-item>
          <nz-form-label [nzRequired]="status() === 'WITHDRAWN'" nzFor="honour-reason">{{ status() === 'WITHDRAWN' ? '不再兑现原因' : '说明' }}</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea nz-input id="honour-reason" formControlName="reason" rows="3" maxlength="1000" [placeholder]="status() === 'WITHDRAWN' ? '为何不再兑现' : '可不填'" data-testid="honour-reason"></textarea>
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    nz-date-picker {
      width: 100%;
    }
    .subject {
      margin: 0 0 12px;
      color: var(--zs-text-secondary, rgba(0, 0, 0, 0.65));
    }
  `,
})
export class HonourDialog {
  readonly commitment = input<PolicyCommitmentDto | null>(null);
  readonly saved = output<PolicyCommitmentDto>();
  readonly closed = output();
  readonly reloadRequested = output();

  private readonly api = inject(CommitmentsApi);
  protected readonly labels = COMMITMENT_STATUS_LABELS;
  protected readonly money = formatMoney;
  protected readonly form = inject(NonNullableFormBuilder).group({
    status: [null as CommitmentStatus | null, zsValidators.required('请选择兑现状态')],
    honouredAmountWan: [''],
    honouredAt: [null as Date | null],
    reason: ['', zsValidators.maxLength(1000, '最多 1000 个字')],
  });
  protected readonly status = toSignal(this.form.controls.status.valueChanges, { initialValue: null });
  protected readonly moves = computed(() => {
    const c = this.commitment();
    return c ? COMMITMENT_TRANSITIONS[c.status] : [];
  });
  protected readonly afterToday = (date: Date): boolean => toIsoDate(date) > shanghaiToday();
  /** a move the status no longer allows (someone recorded one meanwhile) is stale data too: 重新加载 */
  protected readonly saver = saveAction({ conflictCodes: ['WRONG_STATUS'] });

  constructor() {
    effect(() => {
      const c = this.commitment();
      if (c)
        untracked(() => {
          this.saver.reset();
          const next = COMMITMENT_TRANSITIONS[c.status].includes('PARTIAL') ? 'PARTIAL' : null;
          this.form.reset({ status: next, honouredAmountWan: c.honouredAmountWan === '0.00' ? '' : c.honouredAmountWan, honouredAt: fromIsoDate(shanghaiToday()), reason: '' });
        });
    });
  }

  protected submit(): void {
    const c = this.commitment();
    if (!c || this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    if (!v.status) return;
    const honouring = v.status === 'PARTIAL' || v.status === 'HONOURED';
    const request = {
      status: v.status,
      ...(honouring ? { honouredAmountWan: stripGrouping(v.honouredAmountWan), ...(v.honouredAt ? { honouredAt: toIsoDate(v.honouredAt) } : {}) } : {}),
      ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
      version: c.version,
    };
    const problems = commitmentStatusProblems(c, request, shanghaiToday());
    if (problems.length > 0) {
      for (const p of problems) {
        const control = this.form.get(p.field);
        if (control) setServerError(control, p.message);
      }
      return;
    }
    this.saver.run(this.api.changeStatus(c.id, request), {
      next: (saved) => {
        this.saved.emit(saved);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }
}
