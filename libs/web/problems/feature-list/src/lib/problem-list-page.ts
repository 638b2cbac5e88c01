import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, ISSUE_STATUSES, ISSUE_STATUS_LABELS, type IssueCategory, type IssueStatus, type ProjectIssueDetailDto, type ProjectIssueQuery, can } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { type IssueStatsGroup, PROBLEM_PAGE_SIZES, type ProblemListQuery, ProblemsApi, effectiveRegion, parseProblemQuery, problemQueryParams, sameProblemQuery } from '@zhaoshang/web/problems/data-access';
import { IssueCategoryTag, IssueDue, IssueStatusTag } from '@zhaoshang/web/problems/ui';
import { RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { EllipsisCell, PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { formatCount, formatRate, lastValue } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { IssueSettingsDrawer } from './issue-settings-drawer';
import { RaiseProblemDialog } from './raise-problem-dialog';

const STATS_GROUPS: { value: IssueStatsGroup; label: string }[] = [
  { value: 'region', label: '按旗县区' },
  { value: 'unit', label: '按责任单位' },
  { value: 'category', label: '按类别' },
];

/**
 * 问题清单 (issue 14 item 2): every project's problems, filtered by region, unit, category, status and
 * 超期 (all in the URL), with the counts and 办结率 of the filtered set and the statistics by district,
 * unit or category. A district user starts on their own region; the filter can be removed.
 */
@Component({
  selector: 'zs-problem-list-page',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCheckboxModule,
    NzEmptyModule,
    NzPaginationModule,
    NzRadioModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    EllipsisCell,
    PageHeader,
    IssueCategoryTag,
    IssueDue,
    IssueStatusTag,
    IssueSettingsDrawer,
    RaiseProblemDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './problem-list-page.html',
  styleUrl: './problem-list-page.less',
})
export class ProblemListPage {
  private readonly api = inject(ProblemsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly messages = inject(NzMessageService);
  protected readonly regions = inject(RegionsStore);
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly user = inject(AuthService).currentUser;
  protected readonly isPhone = injectIsPhone();

  protected readonly categories = ISSUE_CATEGORIES;
  protected readonly categoryLabels = ISSUE_CATEGORY_LABELS;
  protected readonly statuses = ISSUE_STATUSES;
  protected readonly statusLabels = ISSUE_STATUS_LABELS;
  protected readonly pageSizes = [...PROBLEM_PAGE_SIZES];
  protected readonly statsGroups = STATS_GROUPS;
  protected readonly rate = formatRate;
  protected readonly count = formatCount;

  protected readonly canRaise = computed(() => can(this.user()?.role, 'problems:edit'));
  protected readonly canSetDays = computed(() => can(this.user()?.role, 'settings:manage'));
  protected readonly raising = signal(false);
  protected readonly settingDays = signal(false);
  protected readonly statsGroup = signal<IssueStatsGroup>('region');

  private readonly query$ = this.route.queryParamMap.pipe(map((params) => parseProblemQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)])))));
  protected readonly query = toSignal(this.query$, { requireSync: true });
  /** the district user's own region stands in for "no region chosen" */
  protected readonly region = computed(() => effectiveRegion(this.query(), this.user()?.role === 'DISTRICT_STAFF' ? this.user()?.regionCode : null));
  /** what is asked of the API: the URL's view with the effective region */
  private readonly request = computed<ProjectIssueQuery & { page: number; pageSize: number }>(
    () => {
      const { regionCode: _url, ...rest } = this.query();
      const region = this.region();
      return { ...rest, ...(region ? { regionCode: region } : {}) };
    },
    { equal: sameProblemQuery },
  );
  private readonly list = rxResource({ params: () => this.request(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly loading = this.list.isLoading;
  /**
   * The statistics over the list's filters but the one of their own grouping: by district they show
   * every district (the chosen one marked), so that a district user sees where they stand.
   */
  private readonly statsQuery = computed(() => {
    const group = this.statsGroup();
    const { regionCode, unitId, category, ...rest } = this.request();
    return { group, query: { ...rest, ...(group !== 'region' && regionCode ? { regionCode } : {}), ...(group !== 'unit' && unitId ? { unitId } : {}), ...(group !== 'category' && category ? { category } : {}) } };
  });
  private readonly stats = rxResource({ params: () => this.statsQuery(), stream: ({ params }) => this.api.stats(params.group, params.query) });
  protected readonly statsResult = lastValue(this.stats);
  protected readonly statsLoading = this.stats.isLoading;
  protected readonly hasFilter = computed(() => {
    const q = this.query();
    return !!(this.region() || q.unitId || q.category || q.status || q.overdue);
  });

  constructor() {
    this.regions.ensureLoaded();
    this.responsibility.units.ensureLoaded();
  }

  protected pickRegion(regionCode: string | null | undefined): void {
    // '' keeps "all regions" in the URL, so that a district user's choice survives a reload
    this.show({ ...this.query(), regionCode: regionCode ?? '', page: 1 });
  }

  protected pickUnit(unitId: string | null | undefined): void {
    this.show({ ...this.query(), unitId: unitId ?? undefined, page: 1 });
  }

  protected pickCategory(category: IssueCategory | null | undefined): void {
    this.show({ ...this.query(), category: category ?? undefined, page: 1 });
  }

  protected pickStatus(status: IssueStatus | null | undefined): void {
    this.show({ ...this.query(), status: status ?? undefined, page: 1 });
  }

  protected pickOverdue(overdue: boolean): void {
    this.show({ ...this.query(), overdue: overdue || undefined, page: 1 });
  }

  protected clear(): void {
    this.show({ regionCode: '', page: 1, pageSize: this.query().pageSize });
  }

  protected pageTo(page: number): void {
    this.show({ ...this.query(), page });
  }

  protected pageSizeTo(pageSize: number): void {
    this.show({ ...this.query(), page: 1, pageSize });
  }

  /** a row of the statistics narrows the list to it (again: all) */
  protected drill(key: string): void {
    const q = this.query();
    const group = this.statsGroup();
    if (group === 'region') this.pickRegion(this.region() === key ? '' : key);
    else if (group === 'unit') this.pickUnit(q.unitId === key ? null : key);
    else this.pickCategory(q.category === key ? null : (key as IssueCategory));
  }

  protected isDrilled(key: string): boolean {
    const group = this.statsGroup();
    return group === 'region' ? this.region() === key : group === 'unit' ? this.query().unitId === key : this.query().category === key;
  }

  protected shortRegion(code: string, name: string): string {
    return this.regions.regions().find((r) => r.code === code)?.shortName ?? name;
  }

  protected raised(issue: ProjectIssueDetailDto): void {
    this.messages.success(`已提出问题：${issue.projectName}`);
    this.list.reload();
    this.stats.reload();
  }

  private show(query: ProblemListQuery): void {
    if (sameProblemQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: problemQueryParams(query, { forUrl: true }), replaceUrl: true });
  }
}
