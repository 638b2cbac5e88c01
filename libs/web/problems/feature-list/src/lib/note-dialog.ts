import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { type ProjectIssueDetailDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll, zsValidators } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import type { Observable } from 'rxjs';
import type { StatusMove } from './problem-actions';

/** What the dialog writes: a progress note or comment, or a change of status with its note. */
export type NoteTarget = { kind: 'note'; issue: ProjectIssueDetailDto; asLeader: boolean } | { kind: 'status'; issue: ProjectIssueDetailDto; move: StatusMove };

/**
 * 填写进展 / 填写意见 and 改变状态: one text, required for a note and for the moves that need one
 * (已解决 and 无法解决 with the 办理结果, 重新办理 with the reason).
 */
@Component({
  selector: 'zs-note-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="target() !== null" [title]="words().title" [action]="saver" formId="note-form" [submitText]="words().submit" testId="note-dialog" (cancelled)="closed.emit()" (reload)="reloadRequested.emit()">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="note-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="note-at">{{ words().dateLabel }}</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-date-picker nzId="note-at" formControlName="at" nzFormat="yyyy-MM-dd" [nzAllowClear]="false" [nzDisabledDate]="afterToday" data-testid="note-at" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzRequired]="words().required" nzFor="note-text">{{ words().label }}</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea nz-input id="note-text" formControlName="text" rows="4" maxlength="1000" [placeholder]="words().placeholder" data-testid="note-text"></textarea>
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
  `,
})
export class NoteDialog {
  readonly target = input<NoteTarget | null>(null);
  readonly saved = output<ProjectIssueDetailDto>();
  readonly closed = output();
  readonly reloadRequested = output();

  private readonly api = inject(ProblemsApi);
  /** progress has a date of its own (DOMAIN.md §9): the day it happened, today unless told */
  protected readonly form = inject(NonNullableFormBuilder).group({ at: [fromIsoDate(shanghaiToday()) as Date | null, zsValidators.required('请选择日期')], text: [''] });
  protected readonly afterToday = (date: Date): boolean => toIsoDate(date) > shanghaiToday();
  /** a move the status no longer allows (someone moved it meanwhile) is stale data too: 重新加载 */
  protected readonly saver = saveAction({ conflictCodes: ['WRONG_STATUS'] });
  protected readonly words = computed(() => {
    const t = this.target();
    if (!t || t.kind === 'note')
      return t?.asLeader
        ? { title: '填写意见', label: '意见', dateLabel: '日期', submit: '提交', required: true, placeholder: '对办理的要求或协调意见' }
        : { title: '填写进展', label: '办理进展', dateLabel: '进展日期', submit: '提交', required: true, placeholder: '做了什么、结果如何、下一步' };
    const closing = t.move.to !== 'IN_PROGRESS';
    return {
      title: t.move.label,
      label: closing ? '办理结果' : '说明',
      dateLabel: closing ? '办结日期' : '日期',
      submit: '确定',
      required: t.move.needsNote,
      placeholder: closing ? '问题如何解决，或为何无法解决' : t.move.needsNote ? '为何重新办理' : '可不填',
    };
  });

  constructor() {
    effect(() => {
      const target = this.target();
      if (target)
        untracked(() => {
          this.saver.reset();
          const required = this.words().required;
          this.form.controls.text.setValidators(required ? [zsValidators.required(`请填写${this.words().label}`), zsValidators.maxLength(1000, '最多 1000 个字')] : [zsValidators.maxLength(1000, '最多 1000 个字')]);
          this.form.reset({ at: fromIsoDate(shanghaiToday()), text: '' });
        });
    });
  }

  protected submit(): void {
    const t = this.target();
    if (!t || this.saver.saving() || !validateAll(this.form)) return;
    const text = this.form.controls.text.value.trim();
    const picked = this.form.controls.at.value;
    const at = picked ? toIsoDate(picked) : undefined;
    const request: Observable<ProjectIssueDetailDto> =
      t.kind === 'note' ? this.api.addNote(t.issue.id, { text, at }) : this.api.changeStatus(t.issue.id, { status: t.move.to, ...(text ? { note: text } : {}), at, version: t.issue.version });
    this.saver.run(request, {
      next: (issue) => {
        this.saved.emit(issue);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error, { note: 'text' }),
    });
  }
}
