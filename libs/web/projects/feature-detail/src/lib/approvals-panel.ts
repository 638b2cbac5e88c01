import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  APPROVAL_KIND_LABELS,
  APPROVAL_STATUSES,
  APPROVAL_STATUS_LABELS,
  type ApprovalStatus,
  type ProjectDetailDto,
  approvalsComplete,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { ProjectsApi } from '@zhaoshang/web/projects/data-access';
import { FirstErrorPipe, serverErrorsOn } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { APPROVALS_SERVER_FIELDS, type ApprovalsForm, approvalItems, approvalsForm } from './approvals-form';

const STATUS_COLORS: Record<ApprovalStatus, string> = {
  NOT_STARTED: 'default',
  IN_PROGRESS: 'processing',
  DONE: 'success',
  NOT_REQUIRED: 'default',
};

/** 手续: the six approvals, each with its status and (when done) its date; 「手续办结」 when all required are done. */
@Component({
  selector: 'zs-approvals-panel',
  imports: [ReactiveFormsModule, NzAlertModule, NzBadgeModule, NzButtonModule, NzDatePickerModule, NzFormModule, NzSelectModule, NzTableModule, NzTagModule, FirstErrorPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="approvals__head">
      @if (complete()) {
        <nz-badge nzStatus="success" nzText="手续办结" data-testid="approvals-complete" />
      } @else {
        <nz-badge nzStatus="warning" [nzText]="'手续未办结，待办 ' + pending() + ' 项'" data-testid="approvals-complete" />
      }
    </div>
    @if (conflict(); as message) {
      <nz-alert class="approvals__alert" nzType="warning" nzShowIcon [nzMessage]="message" [nzAction]="reloadAction" />
      <ng-template #reloadAction>
        <button nz-button nzSize="small" type="button" (click)="reload.emit()" data-testid="version-conflict-reload">重新加载</button>
      </ng-template>
    }
    @if (error(); as message) {
      <nz-alert class="approvals__alert" nzType="error" nzShowIcon [nzMessage]="message" />
    }
    <form [formGroup]="form()" (ngSubmit)="save()" novalidate>
      <nz-table
        [nzData]="rows()"
        [nzFrontPagination]="false"
        [nzShowPagination]="false"
        [nzScroll]="{ x: editable() ? '430px' : '320px' }"
        nzSize="small"
        data-testid="approvals-table"
      >
        <thead>
          <tr>
            <th>手续</th>
            <th nzWidth="130px">状态</th>
            <th nzWidth="160px">办结日期</th>
          </tr>
        </thead>
        <tbody formArrayName="rows">
          @for (row of rows(); track row.controls.kind.value; let i = $index) {
            <tr [formGroupName]="i" [attr.data-kind]="row.controls.kind.value">
              <td class="approvals__kind">{{ kindLabels[row.controls.kind.value] }}</td>
              @if (editable()) {
                <td>
                  <nz-select formControlName="status" class="approvals__status" [attr.data-testid]="'approval-status-' + row.controls.kind.value">
                    @for (status of statuses; track status) {
                      <nz-option [nzValue]="status" [nzLabel]="statusLabels[status]" />
                    }
                  </nz-select>
                </td>
                <td>
                  @if (row.controls.status.value === 'DONE') {
                    <nz-form-control [nzErrorTip]="tip">
                      <nz-date-picker
                        formControlName="doneAt"
                        nzFormat="yyyy-MM-dd"
                        nzPlaceHolder="办结日期"
                        [nzDisabledDate]="isFuture"
                        [attr.data-testid]="'approval-date-' + row.controls.kind.value"
                      />
                    </nz-form-control>
                  } @else {
                    <span class="approvals__none">—</span>
                  }
                </td>
              } @else {
                <td>
                  <nz-tag [nzColor]="statusColors[row.controls.status.value]">{{ statusLabels[row.controls.status.value] }}</nz-tag>
                </td>
                <td class="approvals__date">{{ row.controls.status.value === 'DONE' ? doneAtText(row.controls.doneAt.value) : '—' }}</td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
      @if (editable()) {
        <div class="approvals__actions">
          <button nz-button nzType="primary" type="submit" [disabled]="!dirty() || conflict() !== null" [nzLoading]="saving()" data-testid="approvals-save">保存手续</button>
          @if (dirty()) {
            <button nz-button type="button" (click)="revert()">撤销修改</button>
          }
        </div>
      }
    </form>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .approvals__head {
      margin-bottom: 8px;
    }
    .approvals__alert {
      margin-bottom: 12px;
    }
    .approvals__kind {
      white-space: nowrap;
    }
    .approvals__status {
      width: 112px;
    }
    .approvals__none,
    .approvals__date {
      color: rgba(0, 0, 0, 0.55);
      font-variant-numeric: tabular-nums;
    }
    .approvals__actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    nz-date-picker {
      width: 140px;
    }
    nz-form-control {
      display: block;
    }
  `,
})
export class ApprovalsPanel {
  readonly project = input.required<ProjectDetailDto>();
  readonly editable = input(false);
  readonly saved = output<ProjectDetailDto>();
  readonly reload = output();

  private readonly api = inject(ProjectsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly messages = inject(NzMessageService);
  protected readonly kindLabels = APPROVAL_KIND_LABELS;
  protected readonly statuses = APPROVAL_STATUSES;
  protected readonly statusLabels = APPROVAL_STATUS_LABELS;
  protected readonly statusColors = STATUS_COLORS;
  protected readonly isFuture = (date: Date) => toIsoDate(date) > shanghaiToday();

  /** a fresh form for every version of the project: nothing stale survives a reload */
  protected readonly form = computed<ApprovalsForm>(() => approvalsForm(this.fb, this.project().approvals));
  protected readonly rows = computed(() => this.form().controls.rows.controls);
  private readonly value = signal(0);
  protected readonly dirty = signal(false);
  protected readonly complete = computed(() => {
    this.value();
    return approvalsComplete(approvalItems(this.form()));
  });
  protected readonly pending = computed(() => {
    this.value();
    return approvalItems(this.form()).filter((a) => a.status !== 'DONE' && a.status !== 'NOT_REQUIRED').length;
  });
  private readonly saver = saveAction();
  protected readonly saving = this.saver.saving;
  protected readonly error = this.saver.error;
  protected readonly conflict = this.saver.conflict;

  constructor() {
    effect((onCleanup) => {
      const form = this.form();
      untracked(() => {
        this.dirty.set(false);
        this.saver.reset();
      });
      const subscription = form.valueChanges.subscribe(() => {
        this.value.update((n) => n + 1);
        this.dirty.set(true);
      });
      onCleanup(() => subscription.unsubscribe());
    });
  }

  protected doneAtText(date: Date | null): string {
    return date ? toIsoDate(date) : '日期未填';
  }

  protected revert(): void {
    const form = this.form();
    for (const row of form.controls.rows.controls) {
      const original = this.project().approvals.find((a) => a.kind === row.controls.kind.value);
      row.controls.status.setValue(original?.status ?? 'NOT_STARTED');
      row.controls.doneAt.setValue(fromIsoDate(original?.doneAt));
    }
    this.dirty.set(false);
  }

  protected save(): void {
    const form = this.form();
    if (this.saving()) return;
    for (const row of form.controls.rows.controls) {
      // dirty first: the error tip shows on dirty controls when their status is next reported
      row.controls.doneAt.markAsDirty();
      row.controls.doneAt.markAsTouched();
      row.controls.doneAt.updateValueAndValidity();
    }
    if (form.invalid) return;
    this.saver.run(this.api.updateApprovals(this.project().id, { items: approvalItems(form), version: this.project().version }), {
      next: (updated) => {
        this.messages.success('手续已保存');
        this.saved.emit(updated);
      },
      error: serverErrorsOn(form, APPROVALS_SERVER_FIELDS),
    });
  }
}

