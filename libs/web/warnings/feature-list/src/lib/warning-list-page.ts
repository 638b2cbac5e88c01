import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  WARNING_LEVEL_LABELS,
  WARNING_LEVELS,
  WARNING_RULE_LABELS,
  WARNING_RULES,
  type WarningLevel,
  type WarningRule,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { formatCount, fromIsoDate, lastValue, toIsoDate } from '@zhaoshang/web/shared/util';
import { WARNING_PAGE_SIZES, type WarningListQuery, WarningsApi, parseWarningQuery, sameWarningQuery, warningQueryParams } from '@zhaoshang/web/warnings/data-access';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { LEVEL_TAG_COLORS } from './warning-view';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { NoticeComposer } from '@zhaoshang/web/notices/feature-compose';
import { type WarningItem, can } from '@zhaoshang/shared/domain';

/** The filters a click on a count changes: the same value again clears it. */
export function toggled<T>(current: T | undefined, value: T): T | undefined {
  return current === value ? undefined : value;
}

/** 项目预警: the day's warnings of every project, filtered by region, rule and colour, with the counts. */
@Component({
  selector: 'zs-warning-list-page',
  imports: [FormsModule, RouterLink, NzDatePickerModule, NzEmptyModule, NzPaginationModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './warning-list-page.html',
  styleUrl: './warning-list-page.less',
})
export class WarningListPage {
  private readonly api = inject(WarningsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsStore);
  protected readonly isPhone = injectIsPhone();

  protected readonly today = shanghaiToday();
  protected readonly rules = WARNING_RULES;
  protected readonly levels = WARNING_LEVELS;
  protected readonly ruleLabels = WARNING_RULE_LABELS;
  protected readonly levelLabels = WARNING_LEVEL_LABELS;
  /** every rule named, from the shared labels (the list of five said nothing of 优惠政策 once POLICY came) */
  protected readonly description = `按预警规则（${WARNING_RULES.map((rule) => WARNING_RULE_LABELS[rule]).join('、')}）每日评估，红色优先处理`;
  protected readonly colors = LEVEL_TAG_COLORS;
  protected readonly pageSizes = [...WARNING_PAGE_SIZES];

  private readonly query$ = this.route.queryParamMap.pipe(map((params) => parseWarningQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)])), this.today)));
  protected readonly query = toSignal(this.query$, { requireSync: true });
  /** the list asks again only when the view really changes (a navigation to the same filters does not) */
  private readonly listQuery = computed(() => this.query(), { equal: sameWarningQuery });
  /** a newer view replaces a pending one; a failure is shown by the interceptor */
  private readonly list = rxResource({ params: () => this.listQuery(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly loading = this.list.isLoading;
  protected readonly pickedDate = computed(() => fromIsoDate(this.query().date ?? this.today));
  protected readonly regionTotals = computed(() => {
    const rows = this.result()?.counts.byRegion ?? [];
    return { RED: rows.reduce((n, r) => n + r.RED, 0), YELLOW: rows.reduce((n, r) => n + r.YELLOW, 0) };
  });
  protected readonly totalText = computed(() => {
    const result = this.result();
    return result ? `${result.date} 共 ${formatCount(result.total)} 条预警` : '';
  });
  protected readonly disabledDate = (date: Date): boolean => toIsoDate(date) > this.today;

  constructor() {
    this.regions.ensureLoaded();
  }

  protected pickDate(date: Date | null): void {
    const picked = date ? toIsoDate(date) : undefined;
    this.show({ ...this.query(), date: picked === this.today ? undefined : picked, page: 1 });
  }

  protected pickRegion(regionCode: string | null | undefined): void {
    this.show({ ...this.query(), regionCode: regionCode ?? undefined, page: 1 });
  }

  protected toggleRegion(regionCode: string): void {
    this.pickRegion(toggled(this.query().regionCode, regionCode));
  }

  protected pickRule(rule: WarningRule | null | undefined): void {
    this.show({ ...this.query(), rule: rule ?? undefined, page: 1 });
  }

  protected toggleRule(rule: WarningRule, level?: WarningLevel): void {
    const q = this.query();
    const same = q.rule === rule && q.level === level;
    this.show({ ...q, rule: same ? undefined : rule, level: same ? undefined : level, page: 1 });
  }

  protected pickLevel(level: WarningLevel | null | undefined): void {
    this.show({ ...this.query(), level: level ?? undefined, page: 1 });
  }

  protected clear(): void {
    this.show({ date: this.query().date, page: 1, pageSize: this.query().pageSize });
  }

  protected pageTo(page: number): void {
    this.show({ ...this.query(), page });
  }

  protected pageSizeTo(pageSize: number): void {
    this.show({ ...this.query(), page: 1, pageSize });
  }

  protected shortRegion(code: string, name: string): string {
    return this.regions.regions().find((r) => r.code === code)?.shortName ?? name;
  }

  // 发提醒单 on a red warning (DOMAIN.md §9): city staff issue 提醒单; the compose dialog is the notices' own
  private readonly composer = inject(NoticeComposer);
  private readonly user = inject(AuthService).currentUser;
  protected readonly issuesNotices = computed(() => can(this.user()?.role, 'notices:issue'));

  protected remind(w: WarningItem): void {
    void this.composer.open({ subject: { subjectType: 'WARNING', projectId: w.projectId, warningRule: w.rule }, kind: 'REMINDER', subjectLabel: `${w.projectName}：${w.message}` });
  }

  private show(query: WarningListQuery): void {
    if (sameWarningQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: warningQueryParams(query, { forUrl: true }), replaceUrl: true });
  }
}
