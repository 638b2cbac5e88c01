import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { DEFAULT_ISSUE_DUE_DAYS, ISSUE_CATEGORY_LABELS, type IssueCategory, type ProjectIssueDetailDto, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { ProjectsApi } from '@zhaoshang/web/projects/data-access';
import { ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { Subject, catchError, debounceTime, distinctUntilChanged, of, switchMap } from 'rxjs';
import { CATEGORY_OPTIONS, type ProblemProject, defaultDueAt, problemForm, unitsForProject } from './problem-form';

/**
 * 提出问题: the project (fixed when opened from it, else searched), category, description, unit and
 * due date; the due date starts at today + the category's days and follows the category until the
 * user picks a date of their own.
 */
@Component({
  selector: 'zs-raise-problem-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, NzSelectModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog [open]="open()" title="提出问题" [action]="saver" formId="raise-problem-form" submitText="提出" testId="raise-problem" (cancelled)="closed.emit()">
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="raise-problem-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="rp-project">项目</nz-form-label>
          @if (project(); as p) {
            <div class="fixed-project" data-testid="raise-problem-project-fixed"><span class="mono">{{ p.projectNo }}</span> {{ p.name }}</div>
          } @else {
            <nz-form-control [nzErrorTip]="tip">
              <nz-select
                nzId="rp-project"
                formControlName="projectId"
                nzShowSearch
                nzServerSearch
                nzAllowClear
                nzPlaceHolder="输入项目名称、编号或投资方搜索"
                [nzLoading]="searching()"
                (nzOnSearch)="search$.next($event)"
                data-testid="raise-problem-project"
              >
                @for (option of options(); track option.id) {
                  <nz-option [nzValue]="option.id" [nzLabel]="option.projectNo + ' ' + option.name" />
                }
              </nz-select>
            </nz-form-control>
          }
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="rp-category">问题类别</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="rp-category" formControlName="category" nzPlaceHolder="选择类别" data-testid="raise-problem-category">
              @for (c of categories; track c) {
                <nz-option [nzValue]="c" [nzLabel]="categoryLabels[c] + '（' + dueDays()[c] + ' 天）'" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="rp-description">问题描述</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <textarea nz-input id="rp-description" formControlName="description" rows="3" maxlength="1000" placeholder="遇到什么问题、卡在哪个环节、需要谁协调" data-testid="raise-problem-description"></textarea>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="rp-unit">责任单位</nz-form-label>
          <nz-form-control [nzErrorTip]="tip">
            <nz-select nzId="rp-unit" formControlName="unitId" nzShowSearch nzPlaceHolder="选择责任单位" data-testid="raise-problem-unit">
              @for (u of units(); track u.id) {
                <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzRequired nzFor="rp-due">办理时限</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" nzExtra="默认为今天加该类别的办理天数（问题诉求设置）">
            <nz-date-picker nzId="rp-due" formControlName="dueAt" nzFormat="yyyy-MM-dd" [nzDisabledDate]="beforeToday" data-testid="raise-problem-due" />
          </nz-form-control>
        </nz-form-item>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .fixed-project {
      padding: 5px 0;
      line-height: 22px;
    }
    .mono {
      font-family: var(--zs-font-mono, monospace);
    }
    nz-select,
    nz-date-picker {
      width: 100%;
    }
  `,
})
export class RaiseProblemDialog {
  readonly open = input.required<boolean>();
  /** the project it is raised for; null: the user searches one */
  readonly project = input<ProblemProject | null>(null);
  readonly saved = output<ProjectIssueDetailDto>();
  readonly closed = output();

  private readonly api = inject(ProblemsApi);
  private readonly projects = inject(ProjectsApi);
  private readonly responsibility = inject(ResponsibilityStore);
  private readonly user = inject(AuthService).currentUser;
  private readonly destroyRef = inject(DestroyRef);
  protected readonly form = problemForm(inject(NonNullableFormBuilder));
  protected readonly saver = saveAction();
  protected readonly categories = CATEGORY_OPTIONS;
  protected readonly categoryLabels = ISSUE_CATEGORY_LABELS;
  protected readonly dueDays = signal<Record<IssueCategory, number>>(DEFAULT_ISSUE_DUE_DAYS);
  /** the user chose a date: a later change of category leaves it alone */
  protected dueTouched = false;
  private readonly today = shanghaiToday();
  protected readonly beforeToday = (date: Date): boolean => toIsoDate(date) < this.today;

  protected readonly search$ = new Subject<string>();
  protected readonly searching = signal(false);
  protected readonly options = signal<ProblemProject[]>([]);
  private readonly picked = signal<ProblemProject | null>(null);
  private readonly unitChoice = toSignal(this.form.controls.unitId.valueChanges, { initialValue: null });
  /** the region whose units apply: the project's */
  private readonly regionCode = computed(() => this.project()?.regionCode ?? this.picked()?.regionCode ?? null);
  protected readonly units = computed(() => unitsForProject(this.responsibility.units.items(), this.regionCode(), this.unitChoice()));

  constructor() {
    this.responsibility.units.ensureLoaded();
    // a district user raises for their own region's projects only: the search looks there
    this.search$
      .pipe(
        debounceTime(250),
        distinctUntilChanged(),
        switchMap((q) => {
          this.searching.set(true);
          const own = this.user()?.role === 'DISTRICT_STAFF' ? (this.user()?.regionCode ?? undefined) : undefined;
          return this.projects.search({ q: q.trim() || undefined, regionCode: own, pageSize: 20, sort: 'updatedAt', order: 'desc' }).pipe(catchError(() => of({ items: [] })));
        }),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.searching.set(false);
        this.options.set(result.items.map((p) => ({ id: p.id, projectNo: p.projectNo, name: p.name, regionCode: p.regionCode })));
      });
    this.form.controls.category.valueChanges.pipe(takeUntilDestroyed()).subscribe((category) => {
      if (category && !this.dueTouched) this.form.controls.dueAt.setValue(fromIsoDate(defaultDueAt(this.today, category, this.dueDays())), { emitEvent: false });
    });
    this.form.controls.dueAt.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => (this.dueTouched = true));
    this.form.controls.projectId.valueChanges.pipe(takeUntilDestroyed()).subscribe((id) => this.pickProject(id));
    effect(() => {
      if (this.open()) untracked(() => this.reset());
    });
  }

  private pickProject(id: string | null): void {
    this.picked.set(this.options().find((o) => o.id === id) ?? null);
    // a unit of another district no longer fits
    const unit = this.form.controls.unitId.value;
    if (unit && !this.units().some((u) => u.id === unit)) this.form.controls.unitId.setValue(null);
  }

  protected submit(): void {
    if (this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    if (!v.projectId || !v.category || !v.unitId || !v.dueAt) return;
    this.saver.run(this.api.create({ projectId: v.projectId, category: v.category, description: v.description.trim(), unitId: v.unitId, dueAt: toIsoDate(v.dueAt) }), {
      next: (issue) => {
        this.saved.emit(issue);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }

  private reset(): void {
    this.saver.reset();
    this.picked.set(null);
    this.form.reset({ projectId: this.project()?.id ?? null, category: null, description: '', unitId: null, dueAt: null });
    // after the reset: its own valueChanges are not the user's choice
    this.dueTouched = false;
    if (!this.project()) this.search$.next('');
    // the days in force now (an admin may have changed them since the page opened)
    this.api
      .settings()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (s) => this.dueDays.set(s.dueDays), error: () => undefined });
  }
}
