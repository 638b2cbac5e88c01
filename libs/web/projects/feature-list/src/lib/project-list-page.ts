import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  INVESTOR_ORIGINS,
  INVESTOR_ORIGIN_LABELS,
  PROJECT_STAGES,
  type ProjectSortField,
  STAGE_LABELS,
  can,
  industryShortName,
} from '@zhaoshang/shared/domain';
import { AuthService, ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import {
  PAGE_SIZES,
  type ProjectListQuery,
  ProjectsApi,
  activeFilterCount,
  parseProjectQuery,
  projectQueryParams,
  sameQuery,
} from '@zhaoshang/web/projects/data-access';
import { StageTag } from '@zhaoshang/web/projects/ui';
import { IndustriesStore, RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { ColumnSettings, EllipsisCell, FirstErrorPipe, PageHeader, type TableColumn, WanPipe, columnVisibility, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { downloadAction, formatCount, formatMoney, lastValue } from '@zhaoshang/web/shared/util';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule, type NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { debounceTime, distinctUntilChanged, filter, map } from 'rxjs';
import { filterForm, filterFormValue, filterFromForm } from './filter-form';
import { ProjectWarningTag } from './project-warning-tag';

/** Typing and picking settle for this long before the list is asked again. */
export const FILTER_DEBOUNCE_MS = 300;

/** The list's columns; 项目编号 and 项目名称 say which project a row is and always show (列设置). */
export type ProjectColumn = 'projectNo' | 'name' | 'region' | 'industry' | 'investor' | 'origin' | 'contractAmount' | 'arrivedFunds' | 'signedAt' | 'stage' | 'warnings';
export const PROJECT_COLUMNS: readonly TableColumn<ProjectColumn>[] = [
  { key: 'projectNo', title: '项目编号', required: true },
  { key: 'name', title: '项目名称', required: true },
  { key: 'region', title: '地区' },
  { key: 'industry', title: '产业' },
  { key: 'investor', title: '投资方' },
  { key: 'origin', title: '来源' },
  { key: 'contractAmount', title: '签约额(万元)' },
  { key: 'arrivedFunds', title: '累计到位(万元)' },
  // at 1440 px the name keeps room only without one column: the date, on the phone cards and a click away
  { key: 'signedAt', title: '签约日期', hiddenByDefault: true },
  { key: 'stage', title: '阶段' },
  { key: 'warnings', title: '预警' },
];

@Component({
  selector: 'zs-project-list-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    NzBadgeModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzIconModule,
    NzInputModule,
    NzPaginationModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ColumnSettings,
    EllipsisCell,
    FirstErrorPipe,
    PageHeader,
    ProjectWarningTag,
    StageTag,
    WanPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './project-list-page.html',
  styleUrl: './project-list-page.less',
})
export class ProjectListPage {
  private readonly api = inject(ProjectsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  protected readonly regions = inject(RegionsStore);
  protected readonly industries = inject(IndustriesStore);
  /** 包联领导 and 责任单位 for the filters (issue 14) */
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly isPhone = injectIsPhone();

  protected readonly stages = PROJECT_STAGES;
  protected readonly stageLabels = STAGE_LABELS;
  protected readonly origins = INVESTOR_ORIGINS;
  protected readonly originLabels = INVESTOR_ORIGIN_LABELS;
  protected readonly pageSizes = [...PAGE_SIZES];

  private readonly user = inject(AuthService).currentUser;
  protected readonly canCreate = computed(() => can(this.user()?.role, 'projects:edit'));
  /** which columns show, remembered per user in this browser */
  protected readonly columns = columnVisibility('projects', PROJECT_COLUMNS, () => this.user()?.id);

  protected readonly form = filterForm(inject(NonNullableFormBuilder));

  /** the view the URL describes: the one source of truth for filters, sort and page */
  private readonly query$ = this.route.queryParamMap.pipe(map((params) => parseProjectQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)])))));
  protected readonly query = toSignal(this.query$, { requireSync: true });
  /** the list asks again only when the view really changes (a navigation to the same view does not) */
  private readonly searchQuery = computed(() => this.query(), { equal: sameQuery });
  /** a newer view replaces a pending one; a failure is shown by the interceptor */
  private readonly search = rxResource({ params: () => this.searchQuery(), stream: ({ params }) => this.api.search(params) });
  protected readonly result = lastValue(this.search);
  protected readonly loading = this.search.isLoading;
  protected readonly exporting = downloadAction();
  /** phones show the filters only on request */
  protected readonly filtersOpen = signal(false);
  protected readonly filterCount = computed(() => activeFilterCount(this.query()));

  protected readonly totalsText = computed(() => {
    const total = this.result()?.total;
    return total ? `共 ${formatCount(total.count)} 个项目，签约额 ${formatMoney(total.contractAmountWan)}` : '';
  });

  constructor() {
    this.regions.ensureLoaded();
    this.industries.ensureLoaded();
    this.responsibility.leaders.ensureLoaded();
    this.responsibility.units.ensureLoaded();
    this.presetOwnRegion();

    // the filter bar shows the view the URL describes
    this.query$.pipe(distinctUntilChanged(sameQuery), takeUntilDestroyed()).subscribe((query) => this.form.reset(filterFormValue(query), { emitEvent: false }));

    this.form.valueChanges
      .pipe(
        debounceTime(FILTER_DEBOUNCE_MS),
        filter(() => this.form.valid),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.applyFilters());
  }

  /** Enter in a text field applies at once. */
  protected applyFilters(): void {
    if (!this.form.valid) return;
    const { sort, order, pageSize } = this.query();
    this.show({ ...filterFromForm(this.form.getRawValue()), sort, order, page: 1, pageSize });
  }

  protected resetFilters(): void {
    const { sort, order, pageSize } = this.query();
    this.show({ sort, order, page: 1, pageSize });
  }

  protected sortOrder(field: ProjectSortField): NzTableSortOrder {
    const { sort, order } = this.query();
    return sort === field ? (order === 'desc' ? 'descend' : 'ascend') : null;
  }

  protected sortBy(field: ProjectSortField, order: string | null): void {
    const query = this.query();
    if (order === null) {
      // the third click clears only this column's sort
      if (query.sort === field) this.show({ ...query, sort: undefined, order: undefined, page: 1 });
      return;
    }
    this.show({ ...query, sort: field, order: order === 'descend' ? 'desc' : 'asc', page: 1 });
  }

  protected pageTo(page: number): void {
    this.show({ ...this.query(), page });
  }

  protected pageSizeTo(pageSize: number): void {
    this.show({ ...this.query(), page: 1, pageSize });
  }

  protected exportExcel(): void {
    if (this.exporting.busy()) return;
    this.exporting.run(this.api.export(this.query()), { saved: (fileName) => this.messages.success(`已导出 ${fileName}`), error: (error) => this.notifier.show(error) });
  }

  /** 科尔沁左翼中旗 → 科左中旗: the table's columns stay narrow; the cell's title has the full name */
  protected shortRegion(code: string, name: string): string {
    return this.regions.regions().find((r) => r.code === code)?.shortName ?? name;
  }

  protected shortIndustry(name: string): string {
    return industryShortName(name);
  }

  /**
   * A district's staff work on their own region first (issue 13): opened without any filter, the
   * list starts filtered to it. The filter shows in the bar and is cleared like any other.
   */
  private presetOwnRegion(): void {
    const user = this.user();
    if (user?.role !== 'DISTRICT_STAFF' || !user.regionCode || this.route.snapshot.queryParamMap.keys.length > 0) return;
    this.show({ ...this.query(), regionCode: user.regionCode, page: 1 });
  }

  private show(query: ProjectListQuery): void {
    if (sameQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: projectQueryParams(query, { forUrl: true }), replaceUrl: true });
  }
}
