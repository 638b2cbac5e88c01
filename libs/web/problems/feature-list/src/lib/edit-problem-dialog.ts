import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ISSUE_CATEGORY_LABELS, type ProjectIssueDetailDto } from '@zhaoshang/shared/domain';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { CATEGORY_OPTIONS, problemForm, unitsForProject } from './problem-form';

/** 编辑 a problem: category, description, unit and due date, with the version it was read at (409: 重新加载). */
@Component({
  selector: 'zs-edit-problem-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, NzSelectModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="issue() !== null" title="编辑问题" [action]="saver" formId="edit-problem-form" testId="edit-problem" (cancelled)="closed.emit()" (reload)="reloadRequested.emit()">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="edit-problem-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ep-category">问题类别</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="ep-category" formControlName="category" data-testid="edit-problem-category">
              @for (c of categories; track c) {
                <nz-option [nzValue]="c" [nzLabel]="labels[c]" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ep-description">问题描述</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea nz-input id="ep-description" formControlName="description" rows="3" maxlength="1000" data-testid="edit-problem-description"></textarea>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ep-unit">责任单位</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="ep-unit" formControlName="unitId" nzShowSearch data-testid="edit-problem-unit">
              @for (u of units(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="ep-due">办理时限</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-date-picker nzId="ep-due" formControlName="dueAt" nzFormat="yyyy-MM-dd" data-testid="edit-problem-due" />
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    nz-select,
    nz-date-picker {
      width: 100%;
    }
  `,
})
export class EditProblemDialog {
  readonly issue = input<ProjectIssueDetailDto | null>(null);
  readonly saved = output<ProjectIssueDetailDto>();
  readonly closed = output();
  readonly reloadRequested = output();

  private readonly api = inject(ProblemsApi);
  private readonly responsibility = inject(ResponsibilityStore);
  protected readonly form = problemForm(inject(NonNullableFormBuilder));
  protected readonly saver = saveAction();
  protected readonly categories = CATEGORY_OPTIONS;
  protected readonly labels = ISSUE_CATEGORY_LABELS;
  private readonly unitChoice = toSignal(this.form.controls.unitId.valueChanges, { initialValue: null });
  protected readonly units = computed(() => unitsForProject(this.responsibility.units.items(), this.issue()?.regionCode ?? null, this.unitChoice() ?? this.issue()?.unitId ?? null));

  constructor() {
    this.responsibility.units.ensureLoaded();
    effect(() => {
      const issue = this.issue();
      if (issue)
        untracked(() => {
          this.saver.reset();
          this.form.reset({ projectId: issue.projectId, category: issue.category, description: issue.description, unitId: issue.unitId, dueAt: fromIsoDate(issue.dueAt) });
        });
    });
  }

  protected submit(): void {
    const issue = this.issue();
    if (!issue || this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    if (!v.category || !v.unitId || !v.dueAt) return;
    this.saver.run(this.api.update(issue.id, { category: v.category, description: v.description.trim(), unitId: v.unitId, dueAt: toIsoDate(v.dueAt), version: issue.version }), {
      next: (saved) => {
        this.saved.emit(saved);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }
}
