import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { IndustryDto } from '@zhaoshang/shared/domain';
import { IndustriesApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, setServerError, validateAll } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorCode, apiErrorMessage, saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { INDUSTRY_CODE_RULE, industryForm } from './industry-form';

/** What the dialog is for: a new industry (with a suggested sort order) or an existing one. */
export type IndustryDialogTarget = { mode: 'create'; sortOrder: number } | { mode: 'edit'; industry: IndustryDto };

@Component({
  selector: 'zs-industry-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputModule, NzInputNumberModule, NzSwitchModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="target() !== null"
      [title]="title()"
      [action]="saver"
      formId="industry-form"
      [submitText]="isCreate() ? '创建' : '保存'"
      testId="industry-form"
      (cancelled)="closed.emit()"
      (reload)="reloadRequested.emit()"
    >
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="industry-form">
        <nz-form-item>
          <nz-form-label [nzRequired]="isCreate()" nzFor="ind-code">代码</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" [nzExtra]="isCreate() ? codeRule : '代码创建后不能修改'">
            <input nz-input id="ind-code" formControlName="code" autocomplete="off" autocapitalize="characters" spellcheck="false" data-testid="industry-form-code" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ind-name">名称</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="括号内可注明细分领域，例如：新能源（风电、光伏、储能、氢能）">
            <input nz-input id="ind-name" formControlName="name" autocomplete="off" data-testid="industry-form-name" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ind-sort">排序号</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="数字小的排在前面">
            <nz-input-number nzId="ind-sort" formControlName="sortOrder" [nzMin]="0" [nzMax]="9999" [nzStep]="10" [nzPrecision]="0" data-testid="industry-form-sort-order" />
          </nz-form-control>
        </nz-form-item>
        @if (!isCreate()) {
          <nz-form-item>
            <nz-form-label nzFor="ind-active">启用</nz-form-label>
            <nz-form-control nzExtra="停用的类别不能再用于新项目，已有项目不受影响">
              <nz-switch id="ind-active" formControlName="active" nzCheckedChildren="启用" nzUnCheckedChildren="停用" data-testid="industry-form-active" />
            </nz-form-control>
          </nz-form-item>
        }
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    nz-input-number {
      width: 160px;
    }
  `,
})
export class IndustryDialog {
  readonly target = input<IndustryDialogTarget | null>(null);
  readonly saved = output<IndustryDto>();
  readonly closed = output();
  /** after a version conflict: the page re-reads the list and passes the current industry */
  readonly reloadRequested = output();

  private readonly api = inject(IndustriesApi);
  protected readonly codeRule = INDUSTRY_CODE_RULE;
  protected readonly form = industryForm(inject(NonNullableFormBuilder));
  protected readonly isCreate = computed(() => this.target()?.mode === 'create');
  protected readonly title = computed(() => {
    const target = this.target();
    return target?.mode === 'edit' ? `编辑产业类别 ${target.industry.code}` : '新建产业类别';
  });
  protected readonly saver = saveAction();

  constructor() {
    effect(() => {
      const target = this.target();
      if (target) untracked(() => this.fill(target));
    });
    // codes are capitals; accept what was typed in lower case
    this.form.controls.code.valueChanges.subscribe((code) => {
      if (code !== code.toUpperCase()) this.form.controls.code.setValue(code.toUpperCase(), { emitEvent: false });
    });
  }

  protected submit(): void {
    const target = this.target();
    if (!target || this.saver.saving() || !validateAll(this.form)) return;
    const value = this.form.getRawValue();
    const sortOrder = value.sortOrder ?? 0;
    const request =
      target.mode === 'create'
        ? this.api.create({ code: value.code.trim(), name: value.name.trim(), sortOrder })
        : this.api.update(target.industry.code, { name: value.name.trim(), sortOrder, active: value.active, version: target.industry.version });
    this.saver.run(request, {
      next: (industry) => {
        this.saved.emit(industry);
        this.closed.emit();
      },
      error: (error) => {
        // a taken code: the only unique field of an industry
        if (apiErrorCode(error) === 'CONFLICT' && !apiErrorBody(error)?.details?.length) {
          setServerError(this.form.controls.code, apiErrorMessage(error));
          return null;
        }
        return applyServerErrors(this.form, error);
      },
    });
  }

  private fill(target: IndustryDialogTarget): void {
    this.saver.reset();
    if (target.mode === 'create') {
      this.form.reset({ code: '', name: '', sortOrder: target.sortOrder, active: true });
      this.form.controls.code.enable({ emitEvent: false });
    } else {
      const { code, name, sortOrder, active } = target.industry;
      this.form.reset({ code, name, sortOrder, active });
      this.form.controls.code.disable({ emitEvent: false });
    }
  }
}
