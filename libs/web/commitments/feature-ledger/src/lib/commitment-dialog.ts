import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { COMMITMENT_TYPES, COMMITMENT_TYPE_LABELS, type CommitmentType, type PolicyCommitmentDto, moneyProblem } from '@zhaoshang/shared/domain';
import { CommitmentsApi } from '@zhaoshang/web/commitments/data-access';
import { ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, saveAction, stripGrouping, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';

/** The project a new commitment is recorded for (登记承诺 on the project's page). */
export interface CommitmentProject {
  id: string;
  projectNo: string;
  name: string;
  regionCode: string;
}

export type CommitmentTarget = { kind: 'create'; project: CommitmentProject } | { kind: 'edit'; commitment: PolicyCommitmentDto };

/**
 * 登记承诺 and 编辑: what was promised (type, content, amount in 万元 if any), by when, and which unit
 * answers for it — the city's units and the project's district's own, as for a problem.
 */
@Component({
  selector: 'zs-commitment-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, NzSelectModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="target() !== null" [title]="title()" [action]="saver" formId="commitment-form" submitText="保存" testId="commitment-dialog" (cancelled)="closed.emit()" (reload)="reloadRequested.emit()">
      <p class="subject">{{ projectLabel() }}</p>
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="commitment-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cm-type">政策类型</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="cm-type" formControlName="type" nzPlaceHolder="选择政策类型" data-testid="commitment-type">
              @for (t of types; track t) {
                <nz-option [nzValue]="t" [nzLabel]="typeLabels[t]" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cm-content">承诺内容</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea nz-input id="cm-content" formControlName="content" rows="3" maxlength="1000" placeholder="合同中承诺的优惠政策" data-testid="commitment-content"></textarea>
          </nz-form-control>
        </nz-form-item>
        <div class="row">
          <nz-form-item>
            <nz-form-label nzFor="cm-amount">承诺金额（万元）</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <input nz-input id="cm-amount" formControlName="promisedAmountWan" inputmode="decimal" placeholder="无金额可不填" data-testid="commitment-amount" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="cm-due">兑现期限</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-date-picker nzId="cm-due" formControlName="dueAt" nzFormat="yyyy-MM-dd" data-testid="commitment-due" />
            </nz-form-control>
          </nz-form-item>
        </div>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="cm-unit">责任单位</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="cm-unit" formControlName="unitId" nzShowSearch nzPlaceHolder="选择责任单位" data-testid="commitment-unit">
              @for (u of units(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
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
    .row {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
    .subject {
      margin: 0 0 12px;
      color: var(--zs-text-secondary, rgba(0, 0, 0, 0.65));
    }
  `,
})
export class CommitmentDialog {
  readonly target = input<CommitmentTarget | null>(null);
  readonly saved = output<PolicyCommitmentDto>();
  readonly closed = output();
  readonly reloadRequested = output();

  private readonly api = inject(CommitmentsApi);
  private readonly responsibility = inject(ResponsibilityStore);
  protected readonly types = COMMITMENT_TYPES;
  protected readonly typeLabels = COMMITMENT_TYPE_LABELS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    type: [null as CommitmentType | null, zsValidators.required('请选择政策类型')],
    content: ['', [zsValidators.required('请填写承诺内容'), zsValidators.maxLength(1000, '承诺内容最多 1000 个字')]],
    promisedAmountWan: ['', zsValidators.check((value) => (value.trim() === '' ? [] : [moneyProblem('承诺金额', stripGrouping(value))].filter((p): p is string => p !== null)))],
    dueAt: [null as Date | null, zsValidators.required('请选择兑现期限')],
    unitId: [null as string | null, zsValidators.required('请选择责任单位')],
  });
  protected readonly saver = saveAction();
  protected readonly title = computed(() => (this.target()?.kind === 'edit' ? '编辑承诺' : '登记承诺'));
  protected readonly projectLabel = computed(() => {
    const t = this.target();
    if (!t) return '';
    return t.kind === 'create' ? `${t.project.projectNo} ${t.project.name}` : `${t.commitment.projectNo} ${t.commitment.projectName}`;
  });
  private readonly regionCode = computed(() => {
    const t = this.target();
    return t ? (t.kind === 'create' ? t.project.regionCode : t.commitment.regionCode) : null;
  });
  /** the city's units and the project's district's; a deactivated one only when already chosen */
  protected readonly units = computed(() => {
    const t = this.target();
    const chosen = t?.kind === 'edit' ? t.commitment.unitId : null;
    const region = this.regionCode();
    return this.responsibility.units.items().filter((u) => (u.active || u.id === chosen) && (u.level === 'CITY' || region === null || u.regionCode === region));
  });

  constructor() {
    this.responsibility.units.ensureLoaded();
    effect(() => {
      const t = this.target();
      if (t)
        untracked(() => {
          this.saver.reset();
          if (t.kind === 'create') this.form.reset({ type: null, content: '', promisedAmountWan: '', dueAt: null, unitId: null });
          else {
            const c = t.commitment;
            this.form.reset({ type: c.type, content: c.content, promisedAmountWan: c.promisedAmountWan ?? '', dueAt: fromIsoDate(c.dueAt), unitId: c.unitId });
          }
        });
    });
  }

  protected submit(): void {
    const t = this.target();
    if (!t || this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    if (!v.type || !v.dueAt || !v.unitId) return;
    const amount = stripGrouping(v.promisedAmountWan);
    const fields = { type: v.type, content: v.content.trim(), promisedAmountWan: amount === '' ? null : amount, dueAt: toIsoDate(v.dueAt), unitId: v.unitId };
    const request = t.kind === 'create' ? this.api.create({ projectId: t.project.id, ...fields }) : this.api.update(t.commitment.id, { ...fields, version: t.commitment.version });
    this.saver.run(request, {
      next: (saved) => {
        this.saved.emit(saved);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }
}
