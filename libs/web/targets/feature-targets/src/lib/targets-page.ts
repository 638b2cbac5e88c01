import { ChangeDetectionStrategy, Component, HostListener, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import {
  TARGET_INDICATOR_LABELS,
  TARGET_INDICATORS,
  type TargetDto,
  type TargetIndicator,
  type TargetProgressResponse,
  can,
  isCountIndicator,
  monthOf,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { PublicationBadge } from '@zhaoshang/web/reports/feature-revisions';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { GridAlerts, GridSaveBar, type HoldsUnsavedChanges, PageHeader, WanPipe, editableGrid, injectIsPhone, warnBeforeUnload } from '@zhaoshang/web/shared/ui';
import { TargetsApi } from '@zhaoshang/web/targets/data-access';
import { apiErrorMessage, downloadAction, formatCount, formatRate } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { catchError, of, switchMap } from 'rxjs';
import { DispatchFiguresView } from './dispatch-figures';
import { TargetsGrid, formatTargetFigure, progressPercent, progressTone, timeProgress } from './targets-grid';

export const TARGETS_CONFLICT_MESSAGE = '目标已被他人修改，请重新加载后再修改';

export type TargetsView = 'targets' | 'progress';

/** The next year (targets are set ahead), this year and the four before it. */
export function targetYears(today: string = shanghaiToday()): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => year + 1 - i);
}

/** The months a year's completion can be cut off at: January to this month (a whole past year; none of a future one). */
export function cutOffMonths(year: number, today: string = shanghaiToday()): string[] {
  const thisMonth = monthOf(today);
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter((m) => m <= thisMonth);
}

/**
 * The cut-off a year's completion opens on: the last month that is over (its reports are being
 * filed and verified), not the month under way, whose 1–12月 and 时间进度 100% on 5 December read as
 * a year already gone (issue 13). January, with no month over yet this year, opens on itself.
 */
export function defaultCutOff(year: number, today: string = shanghaiToday()): string | null {
  const months = cutOffMonths(year, today);
  const thisMonth = monthOf(today);
  const over = months.filter((m) => m < thisMonth);
  return over.at(-1) ?? months.at(-1) ?? null;
}

const TONE_COLORS = { done: '#52c41a', onTrack: '#1677ff', behind: '#fa8c16', none: '#d9d9d9' } as const;

/** 目标任务: the annual targets of the city and its districts (admins edit them) and how far they are met. */
@Component({
  selector: 'zs-targets-page',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzProgressModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    DispatchFiguresView,
    GridAlerts,
    GridSaveBar,
    PageHeader,
    PublicationBadge,
    WanPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './targets-page.html',
  styleUrl: './targets-page.less',
})
export class TargetsPage implements HoldsUnsavedChanges {
  private readonly api = inject(TargetsApi);
  private readonly messages = inject(NzMessageService);
  private readonly regions = inject(RegionsStore);
  private readonly user = inject(AuthService).currentUser;

  protected readonly isPhone = injectIsPhone();
  private readonly thisMonth = monthOf(shanghaiToday());
  protected readonly canEdit = computed(() => can(this.user()?.role, 'targets:manage'));
  protected readonly indicators = TARGET_INDICATORS;
  protected readonly labels = TARGET_INDICATOR_LABELS;
  /** narrow screens: the unit stays, 千万元以上签约项目 is shortened */
  protected readonly shortLabels: Record<TargetIndicator, string> = { signedAmountWan: '签约额(万元)', signedCount10m: '千万元以上(个)', arrivedFundsWan: '到位资金(万元)', startedCount: '开工项目(个)' };
  protected readonly years = targetYears();
  protected readonly year = signal(Number(shanghaiToday().slice(0, 4)));
  protected readonly view = signal<TargetsView>(this.canEdit() ? 'targets' : 'progress');
  protected readonly months = computed(() => cutOffMonths(this.year()));
  /** the chosen cut-off month; null: the latest there is */
  private readonly pickedMonth = signal<string | null>(null);
  protected readonly month = computed(() => {
    const months = this.months();
    const picked = this.pickedMonth();
    return picked && months.includes(picked) ? picked : defaultCutOff(this.year());
  });

  private readonly targets = signal<TargetDto[]>([]);
  protected readonly editor = editableGrid<TargetsGrid>({ conflictMessage: TARGETS_CONFLICT_MESSAGE, invalidMessage: '请先更正标红的目标值', discardOnReload: true });
  protected readonly grid = this.editor.grid;
  protected readonly dispatchTable = downloadAction();
  protected readonly progress = signal<TargetProgressResponse | null>(null);
  protected readonly progressLoading = signal(false);
  protected readonly progressError = signal<string | null>(null);
  protected readonly changeCount = computed(() => formatCount(this.grid()?.changes.length ?? 0));
  protected readonly problemsText = computed(() => (this.grid()?.problems ?? []).map((p) => `${p.regionName}：${p.message}`));
  protected readonly timeShare = computed(() => {
    const month = this.month();
    return month ? formatRate(timeProgress(month)) : null;
  });
  /** the indicators some district or the city has a target for; the others are left out of the view */
  protected readonly progressIndicators = computed(() =>
    (this.progress()?.indicators ?? []).filter((i) => i.city.target !== null || i.districts.some((d) => d.target !== null)),
  );

  protected readonly formatRate = formatRate;
  protected readonly figure = formatTargetFigure;
  protected readonly percent = progressPercent;

  constructor() {
    this.regions.ensureLoaded();
    this.editor.load(this.year, (year) => this.api.list(year), (targets) => {
      if (targets) this.targets.set(targets);
      this.rebuild();
    });
    toObservable(this.regions.regions)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.rebuild());
    toObservable(computed(() => ({ view: this.view(), year: this.year(), month: this.month(), reload: this.editor.reloadCount() })))
      .pipe(
        switchMap(({ view, year, month }) => {
          if (view !== 'progress' || month === null) return of(undefined);
          this.progressLoading.set(true);
          this.progressError.set(null);
          return this.api.progress(year, month).pipe(
            catchError((error: unknown) => {
              this.progressError.set(apiErrorMessage(error));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((progress) => {
        if (progress === undefined) return;
        this.progressLoading.set(false);
        this.progress.set(progress);
      });
  }

  hasUnsavedChanges(): boolean {
    return this.grid()?.hasChanges ?? false;
  }

  @HostListener('window:beforeunload', ['$event'])
  protected beforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this, event);
  }

  protected pickYear(year: number): void {
    this.year.set(year);
  }

  protected pickView(view: TargetsView): void {
    this.view.set(view);
  }

  protected pickMonth(month: string): void {
    this.pickedMonth.set(month);
  }

  protected edit(regionCode: string, indicator: TargetIndicator, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.editor.edit((grid) => grid.withEdit(regionCode, indicator, text));
  }

  protected save(): void {
    this.editor.save(
      (grid) => this.api.save(grid.year, grid.changes),
      (result, grid) => {
        this.messages.success(`已保存：新增 ${formatCount(result.created)} 项，修改 ${formatCount(result.updated)} 项，删除 ${formatCount(result.deleted)} 项`);
        this.targets.set(result.items);
        this.grid.set(new TargetsGrid(grid.year, this.regions.regions(), result.items));
        this.editor.reload();
      },
    );
  }

  protected downloadDispatchTable(): void {
    const month = this.month();
    if (!month) return;
    this.dispatchTable.run(this.api.downloadDispatchTable(month), { error: (error) => this.messages.error(apiErrorMessage(error)) });
  }

  protected isCount(indicator: TargetIndicator): boolean {
    return isCountIndicator(indicator);
  }

  protected shortName(code: string, fallback: string): string {
    return this.regions.regions().find((r) => r.code === code)?.shortName ?? fallback;
  }

  protected monthLabel(month: string): string {
    const label = `1–${Number(month.slice(5, 7))}月`;
    // the month under way counts up to today, not to its end
    return month === this.thisMonth ? `${label}（截至今天）` : label;
  }

  protected color(completion: number | null): string {
    const month = this.month();
    return TONE_COLORS[month ? progressTone({ completion }, month) : 'none'];
  }

  private rebuild(): void {
    const regions = this.regions.regions();
    if (regions.length === 0) return;
    this.grid.set(new TargetsGrid(this.year(), regions, this.targets()));
  }
}
