import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  MILESTONE_LABELS,
  type MilestoneField,
  type ProjectDetailDto,
  type ProjectStage,
  type Role,
  STAGE_LABELS,
  STAGE_MILESTONE,
  can,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { ProjectsApi } from '@zhaoshang/web/projects/data-access';
import { StageTag } from '@zhaoshang/web/projects/ui';
import { FirstErrorPipe, FormDialog, serverErrorsOn, setServerError, zsValidators } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { map } from 'rxjs';
import { stageMoveCheck, stageMovePlan, stageMoveRequest, stageTargets } from './stage-move';

export const REASON_MAX_LENGTH = 500;

const MILESTONE_FIELDS: MilestoneField[] = ['signedAt', 'registeredAt', 'constructionStartedAt', 'productionStartedAt', 'terminatedAt'];

/** The API names the dates of a move `dates.<field>`. */
const SERVER_FIELDS: Record<string, string> = {
  to: 'to',
  'dates.signedAt': 'signedAt',
  'dates.registeredAt': 'registeredAt',
  'dates.constructionStartedAt': 'constructionStartedAt',
  'dates.productionStartedAt': 'productionStartedAt',
  'dates.terminatedAt': 'terminatedAt',
  terminationReason: 'reason',
  reason: 'reason',
};

/** 变更阶段: pick the target; the dialog asks for exactly what that move needs. */
@Component({
  selector: 'zs-stage-dialog',
  imports: [ReactiveFormsModule, NzAlertModule, NzDatePickerModule, NzFormModule, NzInputModule, NzSelectModule, FirstErrorPipe, FormDialog, StageTag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="project() !== null"
      title="变更阶段"
      [action]="saver"
      formId="stage-form"
      [submitText]="plan()?.kind === 'TERMINATE' ? '终止项目' : plan()?.kind === 'CORRECTION' ? '确认更正' : '确认变更'"
      [danger]="plan()?.kind === 'TERMINATE'"
      [submitDisabled]="targets().length === 0"
      width="560px"
      testId="stage-dialog"
      reloadTestId="version-conflict-reload"
      (cancelled)="closed.emit()"
      (reload)="reload.emit()"
    >
      <p class="intro" zsDialogIntro>
        <span class="intro__name">{{ project()?.name }}</span>
        当前阶段
        @if (project(); as p) {
          <zs-stage-tag [stage]="p.stage" />
        }
      </p>
      @if (targets().length === 0) {
        <nz-alert class="alert" nzType="info" nzShowIcon nzMessage="已终止的项目只能由市级人员或管理员更正（退回到原阶段）。" />
      } @else {
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" (keydown.enter)="enterInPicker($event)" novalidate id="stage-form">
          <nz-form-item>
            <nz-form-label nzRequired nzFor="stage-target">变更为</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="stage-target" formControlName="to" nzPlaceHolder="请选择目标阶段" data-testid="stage-dialog-target">
                @for (stage of targets(); track stage) {
                  <nz-option [nzValue]="stage" [nzLabel]="targetLabel(stage)" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>

          @if (plan(); as plan) {
            @if (plan.kind === 'CORRECTION') {
              <nz-alert
                class="alert"
                nzType="warning"
                nzShowIcon
                nzMessage="退回属于更正"
                nzDescription="退回到较早的阶段是对错误登记的更正：只有市级人员或管理员可以操作，须写明原因，并记入变更记录；目标阶段之后的日期将被清除。"
                data-testid="stage-dialog-correction-note"
              />
            }
            @if (plan.kind === 'TERMINATE') {
              <nz-alert class="alert" nzType="error" nzShowIcon nzMessage="终止后项目不再计入进度统计，已报送的数据保留。" />
            }
            @for (field of plan.dates; track field) {
              <nz-form-item>
                <nz-form-label nzRequired [nzFor]="'stage-' + field">{{ dateLabels[field] }}</nz-form-label>
                <nz-form-control [nzErrorTip]="tip">
                  <nz-date-picker
                    [nzId]="'stage-' + field"
                    [formControl]="dateControl(field)"
                    nzFormat="yyyy-MM-dd"
                    [nzDisabledDate]="isFuture"
                    nzPlaceHolder="YYYY-MM-DD"
                    [attr.data-testid]="field === ownField() ? 'stage-dialog-date' : 'stage-dialog-date-' + field"
                  />
                </nz-form-control>
              </nz-form-item>
            }
            @if (periodClosed(); as closedInfo) {
              <nz-alert
                class="alert"
                nzType="warning"
                nzShowIcon
                [nzMessage]="closedInfo.mayCorrect ? '此变更属于更正已月结月份的数据' : '已月结的月份不能修改'"
                [nzDescription]="closedInfo.message"
                data-testid="stage-dialog-period-closed"
              />
              @if (closedInfo.mayCorrect && plan.reason !== 'correction') {
                <nz-form-item>
                  <nz-form-label nzRequired nzFor="stage-correction-reason">更正原因</nz-form-label>
                  <nz-form-control [nzErrorTip]="tip" nzExtra="提交后记入更正记录，并写入操作日志">
                    <textarea
                      nz-input
                      id="stage-correction-reason"
                      formControlName="correctionReason"
                      rows="2"
                      placeholder="例如：漏报，项目实际于该月开工"
                      data-testid="stage-dialog-correction-reason"
                    ></textarea>
                  </nz-form-control>
                </nz-form-item>
              }
            }
            @if (plan.reason) {
              <nz-form-item>
                <nz-form-label nzRequired nzFor="stage-reason">{{ plan.reason === 'termination' ? '终止原因' : '更正原因' }}</nz-form-label>
                <nz-form-control [nzErrorTip]="tip">
                  <textarea
                    nz-input
                    id="stage-reason"
                    formControlName="reason"
                    rows="3"
                    [placeholder]="plan.reason === 'termination' ? '例如：投资方战略调整，项目取消' : '例如：开工日期误报，项目实际尚未开工'"
                    data-testid="stage-dialog-reason"
                  ></textarea>
                </nz-form-control>
              </nz-form-item>
            }
          }
        </form>
      }
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styleUrl: './stage-dialog.less',
})
export class StageDialog {
  /** the project to move; null keeps the dialog closed */
  readonly project = input<ProjectDetailDto | null>(null);
  readonly role = input.required<Role>();
  readonly saved = output<ProjectDetailDto>();
  readonly closed = output();
  /** after a version conflict: the page reads the project again (and passes it back in) */
  readonly reload = output();

  private readonly api = inject(ProjectsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly dateLabels = MILESTONE_LABELS;
  protected readonly form = this.fb.group({
    to: this.fb.control<ProjectStage | null>(null, zsValidators.required('请选择目标阶段')),
    signedAt: this.fb.control<Date | null>(null),
    registeredAt: this.fb.control<Date | null>(null),
    constructionStartedAt: this.fb.control<Date | null>(null),
    productionStartedAt: this.fb.control<Date | null>(null),
    terminatedAt: this.fb.control<Date | null>(null),
    reason: this.fb.control('', zsValidators.maxLength(REASON_MAX_LENGTH, `原因最多 ${REASON_MAX_LENGTH} 个字`)),
    /** a forward move or a termination dated in a closed month is a correction too (DOMAIN.md §5) */
    correctionReason: this.fb.control('', zsValidators.maxLength(REASON_MAX_LENGTH, `更正原因最多 ${REASON_MAX_LENGTH} 个字`)),
  });
  /** the last answer was 409 PERIOD_CLOSED: its message, and whether this user may send it as a correction */
  protected readonly periodClosed = signal<{ message: string; mayCorrect: boolean } | null>(null);
  private readonly to = toSignal(this.form.controls.to.valueChanges.pipe(map(() => this.form.controls.to.value)), { initialValue: null });

  protected readonly targets = computed(() => {
    const project = this.project();
    return project ? stageTargets(project.stage, can(this.role(), 'projects:correct')) : [];
  });
  protected readonly plan = computed(() => {
    const project = this.project();
    const to = this.to();
    return project && to ? stageMovePlan(project.stage, to, project) : null;
  });
  protected readonly ownField = computed(() => {
    const to = this.to();
    return to && to !== 'NEGOTIATING' ? STAGE_MILESTONE[to] : null;
  });
  protected readonly saver = saveAction();
  protected readonly isFuture = (date: Date) => toIsoDate(date) > shanghaiToday();

  constructor() {
    effect(() => {
      const project = this.project();
      if (project) untracked(() => this.reset(project));
    });
    // a new target asks for other dates: start them from what the project has recorded
    this.form.controls.to.valueChanges.subscribe((to) => {
      const project = this.project();
      if (!project || !to) return;
      for (const field of stageMovePlan(project.stage, to, project).dates) this.dateControl(field).setValue(fromIsoDate(project[field]));
      this.saver.error.set(null);
      this.periodClosed.set(null);
    });
  }

  /** Enter in a date field confirms the date; it does not send the move before the date is taken. */
  protected enterInPicker(event: Event): void {
    if ((event.target as HTMLElement | null)?.closest('nz-date-picker')) event.preventDefault();
  }

  protected targetLabel(stage: ProjectStage): string {
    const project = this.project();
    const plan = project ? stageMovePlan(project.stage, stage, project) : null;
    return plan?.kind === 'CORRECTION' ? `${STAGE_LABELS[stage]}（退回，更正）` : STAGE_LABELS[stage];
  }

  protected dateControl(field: MilestoneField): FormControl<Date | null> {
    return this.form.controls[field];
  }

  protected submit(): void {
    const project = this.project();
    const to = this.form.controls.to.value;
    if (!project || this.saver.saving()) return;
    if (!to) {
      setServerError(this.form.controls.to, '请选择目标阶段');
      return;
    }
    if (this.form.controls.reason.invalid) {
      this.form.controls.reason.markAsDirty();
      this.form.controls.reason.updateValueAndValidity();
      return;
    }
    const value = this.form.getRawValue();
    const plan = stageMovePlan(project.stage, to, project);
    const request = stageMoveRequest(project, {
      to,
      dates: Object.fromEntries(plan.dates.map((field) => [field, value[field] ? toIsoDate(value[field]) : null])),
      reason: value.reason,
    });
    // the API takes a correction's reason in `reason` (a backward move already has one)
    if (this.periodClosed()?.mayCorrect && plan.reason !== 'correction') {
      const correctionReason = value.correctionReason.trim();
      if (correctionReason === '' || this.form.controls.correctionReason.invalid) {
        if (correctionReason === '') setServerError(this.form.controls.correctionReason, '请填写更正原因');
        else this.form.controls.correctionReason.markAsTouched();
        return;
      }
      request.reason = correctionReason;
    }
    const problems = stageMoveCheck(project, this.role(), request, shanghaiToday());
    this.saver.error.set(null);
    if (problems.length > 0) {
      this.showProblems(problems);
      return;
    }
    this.saver.run(this.api.moveStage(project.id, request), {
      next: (moved) => {
        this.saved.emit(moved);
        this.closed.emit();
      },
      error: (error) => this.failed(error),
    });
  }

  /** 409 PERIOD_CLOSED is shown in the dialog with what to do; other refusals go under their fields. */
  private failed(error: unknown): string | null {
    const body = apiErrorBody(error);
    if (body?.error !== 'PERIOD_CLOSED') return serverErrorsOn(this.form, SERVER_FIELDS)(error);
    const details = body.details ?? [];
    this.periodClosed.set({ message: body.message, mayCorrect: details.some((d) => d.field === 'reason') });
    for (const detail of details) {
      const control = (MILESTONE_FIELDS as string[]).includes(detail.field) ? this.dateControl(detail.field as MilestoneField) : null;
      if (control) setServerError(control, detail.message);
    }
    return null;
  }

  /** Each message under the field it is about; the rest (e.g. an earlier date it clashes with) above. */
  private showProblems(problems: { field: string; message: string }[]): void {
    const plan = this.plan();
    const unplaced: string[] = [];
    for (const { field, message } of problems) {
      const control = this.controlFor(field, plan?.dates ?? [], plan?.reason ?? null);
      if (control) setServerError(control, message);
      else unplaced.push(message);
    }
    if (unplaced.length > 0) this.saver.error.set(unplaced.join('；'));
  }

  private controlFor(field: string, dates: MilestoneField[], reason: 'termination' | 'correction' | null) {
    if (field === 'stage') return this.form.controls.to;
    if (field === 'reason' && reason === 'correction') return this.form.controls.reason;
    if (field === 'terminationReason' && reason === 'termination') return this.form.controls.reason;
    return (dates as string[]).includes(field) ? this.dateControl(field as MilestoneField) : null;
  }

  private reset(project: ProjectDetailDto): void {
    this.form.reset({ to: null, reason: '', correctionReason: '' });
    this.saver.reset();
    this.periodClosed.set(null);
    // a single choice is made for the user
    const targets = stageTargets(project.stage, can(this.role(), 'projects:correct'));
    if (targets.length === 1) this.form.controls.to.setValue(targets[0]);
  }
}
