import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DestroyRef, HostListener, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { WarningOutline } from '@ant-design/icons-angular/icons';
import {
  type DistrictContactDto,
  INVESTOR_ORIGINS,
  INVESTOR_ORIGIN_LABELS,
  type LookAlikeCandidate,
  type LookAlikeQuery,
  MILESTONE_LABELS,
  type MilestoneField,
  PROJECT_FIELD_LABELS,
  PROJECT_STAGES,
  type ProjectDetailDto,
  STAGE_LABELS,
  canEditRegion,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProjectsApi, isLookAlikeError } from '@zhaoshang/web/projects/data-access';
import { LookAlikeTable, StageTag } from '@zhaoshang/web/projects/ui';
import { IndustriesStore, RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import {
  FirstErrorPipe,
  type HoldsUnsavedChanges,
  applyServerErrors,
  setServerError,
  validateAll,
  warnBeforeUnload,
  zsValidators,
} from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorCode, saveAction, toIsoDate, toIsoMonth } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { catchError, debounceTime, distinctUntilChanged, filter, finalize, map, of, switchMap } from 'rxjs';
import { LookAlikeDialog } from './look-alike-dialog';
import {
  LIMITS,
  capitalIncreaseValue,
  formMilestones,
  milestoneFieldsFor,
  milestoneRequired,
  projectForm,
  projectFormValue,
  toCreateRequest,
  toUpdateRequest,
} from './project-form';

export const CORRECTION_REASON_MAX = 500;

/** Typing pauses this long before the look-alikes are asked for. */
export const LOOK_ALIKE_DEBOUNCE_MS = 600;

@Component({
  selector: 'zs-project-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDatePickerModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzSkeletonModule,
    NzSwitchModule,
    FirstErrorPipe,
    LookAlikeDialog,
    LookAlikeTable,
    StageTag,
  ],
  providers: [provideNzIconsPatch([WarningOutline])],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-form-page.html',
  styleUrl: './project-form-page.less',
})
export class ProjectFormPage implements HoldsUnsavedChanges {
  /** the route's `:id` when editing */
  readonly id = input<string>();
  /** `?parent=<id>`: a capital increase (增资) of that project */
  readonly parent = input<string>();

  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly messages = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly regions = inject(RegionsStore);
  protected readonly industries = inject(IndustriesStore);
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly user = inject(AuthService).currentUser;

  protected readonly labels = PROJECT_FIELD_LABELS;
  protected readonly dateLabels = MILESTONE_LABELS;
  protected readonly stages = PROJECT_STAGES;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly origins = INVESTOR_ORIGINS;
  protected readonly originLabels = INVESTOR_ORIGIN_LABELS;
  protected readonly limits = LIMITS;
  protected readonly isFuture = (date: Date) => toIsoDate(date) > shanghaiToday();
  protected readonly isFutureMonth = (date: Date) => toIsoMonth(date) > shanghaiToday().slice(0, 7);

  protected readonly form = projectForm(inject(NonNullableFormBuilder));
  protected readonly editing = computed(() => !!this.id());
  /** the project being edited, as last read */
  protected readonly project = signal<ProjectDetailDto | null>(null);
  /** the project this one increases */
  protected readonly parentProject = signal<ProjectDetailDto | null>(null);
  protected readonly loading = signal(false);
  protected readonly forbidden = signal<string | null>(null);

  private readonly stage = toSignal(this.form.controls.stage.valueChanges, { initialValue: this.form.controls.stage.value });
  private readonly recorded = signal(formMilestones(this.form.getRawValue()));
  protected readonly dateFields = computed(() => milestoneFieldsFor(this.stage(), this.recorded()));
  protected readonly statsRegistered = toSignal(this.form.controls.statsRegistered.valueChanges, { initialValue: false });
  /** district staff register projects of their own region only */
  protected readonly regionFixed = computed(() => this.editing() || this.user()?.role === 'DISTRICT_STAFF');

  private readonly saver = saveAction();
  protected readonly submitting = this.saver.saving;
  protected readonly error = this.saver.error;
  protected readonly conflict = this.saver.conflict;
  protected readonly reloading = signal(false);

  /** while typing: projects that look like this one (create only) */
  protected readonly lookAlikes = signal<LookAlikeCandidate[]>([]);
  protected readonly lookAlikeDialog = signal<{ candidates: LookAlikeCandidate[]; message: string; details: string[] } | null>(null);
  protected readonly confirming = signal(false);

  /**
   * The last save was refused because it alters a closed month (409 PERIOD_CLOSED, DOMAIN.md §5):
   * the API's message, and whether this user may send it again as a correction with a reason
   * (city staff and admins: the API then names `correctionReason` among the details).
   */
  protected readonly periodClosed = signal<{ message: string; mayCorrect: boolean } | null>(null);
  protected readonly correctionReason = inject(NonNullableFormBuilder).control('', zsValidators.maxLength(CORRECTION_REASON_MAX, `更正原因最多 ${CORRECTION_REASON_MAX} 个字`));

  private readonly regionCode = toSignal(this.form.controls.regionCode.valueChanges, { initialValue: this.form.controls.regionCode.value });
  private readonly leadOfficial = toSignal(this.form.controls.leadOfficial.valueChanges, { initialValue: null });
  private readonly leadDepartment = toSignal(this.form.controls.leadDepartment.valueChanges, { initialValue: null });
  /** the lists' active entries, and the project's own even when since deactivated (it keeps it) */
  protected readonly leaderOptions = computed(() => choosable(this.responsibility.leaders.items(), this.leadOfficial()));
  protected readonly unitOptions = computed(() => choosable(this.responsibility.units.items(), this.leadDepartment()));
  /** 旗县联系人: the district staff of the project's region */
  protected readonly contacts = signal<DistrictContactDto[]>([]);

  constructor() {
    this.regions.ensureLoaded();
    this.industries.ensureLoaded();
    this.responsibility.leaders.ensureLoaded();
    this.responsibility.units.ensureLoaded();
    effect(() => {
      const regionCode = this.regionCode();
      untracked(() => this.loadContacts(regionCode));
    });
    this.form.controls.stage.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => this.recorded.set(formMilestones(this.form.getRawValue())));
    this.form.controls.stage.setValue('SIGNED');

    effect(() => {
      const id = this.id();
      const parent = this.parent();
      untracked(() => (id ? this.loadForEdit(id) : this.startCreate(parent ?? null)));
    });
    this.watchLookAlikes();
  }

  protected required(field: MilestoneField): boolean {
    return milestoneRequired(this.stage(), field);
  }

  /**
   * Enter confirms what was typed in a field (a date, a choice) and does not send a form this
   * long half-filled; Ctrl+Enter, or the button, sends it. In a text area Enter is a new line.
   */
  protected enterInField(event: Event): void {
    const target = event.target as HTMLElement | null;
    if (target?.tagName === 'INPUT') event.preventDefault();
  }

  /** typing not yet saved: leaving asks first (route guard, and the tab's beforeunload) */
  hasUnsavedChanges(): boolean {
    return this.form.dirty && !this.submitting();
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected cancel(): void {
    const id = this.id() ?? this.parent();
    void this.router.navigate(id ? ['/projects', id] : ['/projects']);
  }

  protected submit(confirmLookAlike = false): void {
    if (this.submitting() || this.conflict()) return;
    if (!validateAll(this.form)) {
      this.error.set('请按提示修改标红的内容');
      this.scrollToFirstError();
      return;
    }
    const project = this.project();
    const value = this.form.getRawValue();
    const correctionReason = this.periodClosed()?.mayCorrect ? this.correctionReason.value.trim() : '';
    if (this.periodClosed()?.mayCorrect && (correctionReason === '' || this.correctionReason.invalid)) {
      if (correctionReason === '') setServerError(this.correctionReason, '请填写更正原因');
      else this.correctionReason.markAsTouched();
      return;
    }
    const request = project
      ? this.api.update(project.id, { ...toUpdateRequest(value, project.version), ...(correctionReason ? { correctionReason } : {}) })
      : this.api.create({ ...toCreateRequest(value, this.parentProject()?.projectNo ?? null, confirmLookAlike), ...(correctionReason ? { correctionReason } : {}) });
    this.saver.run(request.pipe(takeUntilDestroyed(this.destroyRef), finalize(() => this.confirming.set(false))), {
      next: (saved) => {
        this.lookAlikeDialog.set(null);
        this.periodClosed.set(null);
        this.form.markAsPristine();
        this.messages.success(project ? '已保存' : `已创建项目 ${saved.projectNo}`);
        // the form is done with: Back from the project goes where the user came from, not here
        void this.router.navigate(['/projects', saved.id], { replaceUrl: true });
      },
      error: (error) => this.failed(error),
    });
  }

  /** 「仍然创建」: the user has looked at the candidates. */
  protected confirmLookAlike(): void {
    this.confirming.set(true);
    this.submit(true);
  }

  /** After a version conflict: the project as saved by the other person replaces what was typed. */
  protected reload(): void {
    const project = this.project();
    if (!project) return;
    this.reloading.set(true);
    this.api.get(project.id).subscribe({
      next: (fresh) => {
        this.reloading.set(false);
        this.fill(fresh);
        this.messages.info('已加载最新数据，请重新修改');
      },
      error: () => this.reloading.set(false),
    });
  }

  /** A refused save (but a version conflict): what the alert says. */
  private failed(error: unknown): string | null {
    if (isLookAlikeError(error)) {
      this.showLookAlikes(error);
      return null;
    }
    this.lookAlikeDialog.set(null);
    if (apiErrorCode(error) === 'PERIOD_CLOSED') return this.showPeriodClosed(error);
    const left = applyServerErrors(this.form, error);
    this.scrollToFirstError();
    return left ?? '请按提示修改标红的内容';
  }

  /**
   * Not a generic error: the message says which closed month and what to do. The fields it names
   * are marked; city staff and admins get the 更正原因 box and send the change again with it.
   */
  private showPeriodClosed(error: unknown): null {
    const body = apiErrorBody(error);
    const details = body?.details ?? [];
    const mayCorrect = details.some((d) => d.field === 'correctionReason');
    this.periodClosed.set({ message: body?.message ?? '', mayCorrect });
    // a district user must take the change back: the fields are marked. For city staff and admins the
    // change stands as a correction; a mark would keep the form invalid and the resubmission blocked.
    if (!mayCorrect) {
      for (const detail of details) {
        const control = this.form.get(detail.field);
        if (control) setServerError(control, detail.message);
      }
    }
    // the notice (and the reason box) sits right above the buttons: no scrolling away from it
    return null;
  }

  private showLookAlikes(error: unknown): void {
    const body = apiErrorBody(error);
    const message = body?.message ?? '';
    const details = (body?.details ?? []).map((d) => d.message);
    this.api.lookAlikes(this.lookAlikeQuery()).subscribe({
      next: (candidates) => this.lookAlikeDialog.set({ candidates, message, details }),
      error: () => this.lookAlikeDialog.set({ candidates: [], message, details }),
    });
  }

  private lookAlikeQuery(): LookAlikeQuery {
    const value = this.form.getRawValue();
    return {
      name: value.name.trim(),
      regionCode: value.regionCode ?? '',
      investorUscc: value.investorUscc.trim() === '' ? null : value.investorUscc.trim().toUpperCase(),
      excludeProjectNo: this.parentProject()?.projectNo ?? this.project()?.projectNo ?? null,
    };
  }

  /** Warns while the user types, before they submit (create only). */
  private watchLookAlikes(): void {
    const c = this.form.controls;
    this.form.valueChanges
      .pipe(
        filter(() => !this.editing()),
        map(() => this.lookAlikeQuery()),
        map((query) => ({ ...query, investorUscc: query.investorUscc && c.investorUscc.valid ? query.investorUscc : null })),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        debounceTime(LOOK_ALIKE_DEBOUNCE_MS),
        switchMap((query) => (query.regionCode && (query.name || query.investorUscc) ? this.api.lookAlikes(query).pipe(catchError(() => of([]))) : of([]))),
        takeUntilDestroyed(),
      )
      .subscribe((candidates) => this.lookAlikes.set(candidates));
  }

  /** The district staff of the chosen region; a contact of another region is cleared (the API would refuse it). */
  private loadContacts(regionCode: string | null): void {
    if (!regionCode) {
      this.contacts.set([]);
      return;
    }
    this.api.districtContacts(regionCode).subscribe({
      next: (contacts) => {
        this.contacts.set(contacts);
        const chosen = this.form.controls.districtContactId.value;
        if (chosen && !contacts.some((c) => c.id === chosen) && this.project()?.districtContactId !== chosen) this.form.controls.districtContactId.setValue(null);
      },
      error: () => this.contacts.set([]),
    });
  }

  private startCreate(parentId: string | null): void {
    const user = this.user();
    if (user?.role === 'DISTRICT_STAFF') {
      this.form.controls.regionCode.setValue(user.regionCode);
      this.form.controls.regionCode.disable();
    }
    if (!parentId) return;
    this.loading.set(true);
    this.api.get(parentId).subscribe({
      next: (parent) => {
        this.loading.set(false);
        this.parentProject.set(parent);
        const value = capitalIncreaseValue(parent);
        if (this.regionFixed()) delete value.regionCode;
        this.form.patchValue(value);
        this.form.markAsPristine();
      },
      error: () => this.loading.set(false),
    });
  }

  private loadForEdit(id: string): void {
    this.loading.set(true);
    this.api.get(id).subscribe({
      next: (project) => {
        this.loading.set(false);
        const user = this.user();
        if (!user || !canEditRegion(user, project.regionCode)) {
          this.forbidden.set(`您只能编辑本地区（${user?.regionName ?? '—'}）的项目；${project.regionName}的项目请联系其旗县市区或市级人员。`);
          return;
        }
        this.fill(project);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        if (error instanceof HttpErrorResponse && error.status === 404) this.forbidden.set('项目不存在或已被删除');
      },
    });
  }

  /** The whole form from the project as the API has it now; nothing typed before survives. */
  private fill(project: ProjectDetailDto): void {
    this.project.set(project);
    this.periodClosed.set(null);
    this.correctionReason.reset('');
    this.conflict.set(null);
    this.error.set(null);
    this.form.reset(projectFormValue(project));
    this.form.controls.regionCode.disable();
    this.form.controls.stage.disable();
    this.recorded.set(formMilestones(this.form.getRawValue()));
  }

  private scrollToFirstError(): void {
    // after the error tips have rendered
    setTimeout(() => document.querySelector('.ant-form-item-has-error')?.scrollIntoView({ behavior: 'smooth', block: 'center' }));
  }
}

/** The entries a project may be given: the active ones, and its current one even when deactivated (marked). */
function choosable(entries: readonly { name: string; active: boolean }[], current: string | null): { name: string; label: string }[] {
  return entries.filter((e) => e.active || e.name === current).map((e) => ({ name: e.name, label: e.active ? e.name : `${e.name}（已停用）` }));
}
