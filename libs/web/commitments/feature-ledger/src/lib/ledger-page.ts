import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  COMMITMENT_STATUSES,
  COMMITMENT_STATUS_LABELS,
  COMMITMENT_TRANSITIONS,
  COMMITMENT_TYPES,
  COMMITMENT_TYPE_LABELS,
  type CommitmentQuery,
  type CommitmentStatus,
  type CommitmentType,
  type PolicyCommitmentDto,
  can,
  canEditRegion,
  isClosedCommitment,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import {
  COMMITMENT_PAGE_SIZES,
  type CommitmentListQuery,
  CommitmentsApi,
  commitmentQueryParams,
  effectiveCommitmentRegion,
  parseCommitmentQuery,
  sameCommitmentQuery,
} from '@zhaoshang/web/commitments/data-access';
import { NoticeComposer } from '@zhaoshang/web/notices/feature-compose';
import { RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { EllipsisCell, PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage, downloadAction, formatCount, formatMoney, formatWan, fromIsoDate, lastValue, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map } from 'rxjs';
import { CommitmentDialog, type CommitmentTarget } from './commitment-dialog';
import { CommitmentStatusTag } from './commitment-tags';
import { HonourDialog } from './honour-dialog';

/**
 * 优惠政策兑现台账 (issue 15 item 1, DOMAIN.md §9): every project's incentive commitments, filtered by
 * region, unit, type, status, 逾期 and a period on 兑现期限 (all in the URL), with the §9 summary
 * sentence and the totals of the filtered set on top, 登记兑现 and 编辑 on each row, and the Excel
 * export and import. A district user starts on their own region; the filter can be removed.
 */
@Component({
  selector: 'zs-commitment-ledger-page',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzEmptyModule,
    NzPaginationModule,
    NzSelectModule,
    NzSpinModule,
    NzTableModule,
    EllipsisCell,
    PageHeader,
    CommitmentStatusTag,
    CommitmentDialog,
    HonourDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ledger-page.html',
  styleUrl: './ledger-page.less',
})
export class CommitmentLedgerPage {
  private readonly api = inject(CommitmentsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly messages = inject(NzMessageService);
  protected readonly regions = inject(RegionsStore);
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly user = inject(AuthService).currentUser;
  protected readonly isPhone = injectIsPhone();

  protected readonly types = COMMITMENT_TYPES;
  protected readonly typeLabels = COMMITMENT_TYPE_LABELS;
  protected readonly statuses = COMMITMENT_STATUSES;
  protected readonly statusLabels = COMMITMENT_STATUS_LABELS;
  protected readonly pageSizes = [...COMMITMENT_PAGE_SIZES];
  protected readonly count = formatCount;
  protected readonly money = formatMoney;
  protected readonly wan = formatWan;

  protected readonly canImport = computed(() => can(this.user()?.role, 'imports:run'));
  protected readonly honouring = signal<PolicyCommitmentDto | null>(null);
  protected readonly editing = signal<CommitmentTarget | null>(null);
  protected readonly exporting = downloadAction();

  private readonly query$ = this.route.queryParamMap.pipe(map((params) => parseCommitmentQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)])))));
  protected readonly query = toSignal(this.query$, { requireSync: true });
  /** the district user's own region stands in for "no region chosen" */
  protected readonly region = computed(() => effectiveCommitmentRegion(this.query(), this.user()?.role === 'DISTRICT_STAFF' ? this.user()?.regionCode : null));
  /** what is asked of the API: the URL's view with the effective region */
  private readonly request = computed<CommitmentQuery & { page: number; pageSize: number }>(
    () => {
      const { regionCode: _url, ...rest } = this.query();
      const region = this.region();
      return { ...rest, ...(region ? { regionCode: region } : {}) };
    },
    { equal: sameCommitmentQuery },
  );
  private readonly list = rxResource({ params: () => this.request(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly loading = this.list.isLoading;
  protected readonly period = computed<Date[]>(() => {
    const { from, to } = this.query();
    return from && to ? [fromIsoDate(from), fromIsoDate(to)].filter((d): d is Date => d !== null) : [];
  });
  protected readonly hasFilter = computed(() => {
    const q = this.query();
    return !!(this.region() || q.projectId || q.unitId || q.type || q.status || q.overdue || q.from || q.to);
  });

  constructor() {
    this.regions.ensureLoaded();
    this.responsibility.units.ensureLoaded();
  }

  /** 登记兑现 and 编辑 for staff who may change the commitment's region (district staff: their own) */
  protected canChange(c: PolicyCommitmentDto): boolean {
    const user = this.user();
    return !!user && can(user.role, 'commitments:edit') && canEditRegion(user, c.regionCode);
  }

  protected canHonour(c: PolicyCommitmentDto): boolean {
    return this.canChange(c) && COMMITMENT_TRANSITIONS[c.status].length > 0;
  }

  // 发提醒单 (DOMAIN.md §9): city staff and admins remind the unit of an overdue commitment still open
  // (未兑现/部分兑现 — the API refuses the others); the compose dialog is the notices' own
  private readonly composer = inject(NoticeComposer);
  protected readonly issuesNotices = computed(() => can(this.user()?.role, 'notices:issue'));

  protected canRemind(c: PolicyCommitmentDto): boolean {
    return this.issuesNotices() && c.overdue && !isClosedCommitment(c.status);
  }

  /** the dialog itself says 已下发 通招提〔…〕号 (or why not) */
  protected remind(c: PolicyCommitmentDto): void {
    void this.composer.open({
      subject: { subjectType: 'COMMITMENT', commitmentId: c.id, projectId: c.projectId },
      kind: 'REMINDER',
      subjectLabel: `${c.projectName}：${this.typeLabels[c.type]}，${c.unitName}，兑现期限 ${c.dueAt}`,
    });
  }

  protected pickRegion(regionCode: string | null | undefined): void {
    // '' keeps "all regions" in the URL, so that a district user's choice survives a reload
    this.show({ ...this.query(), regionCode: regionCode ?? '', page: 1 });
  }

  protected pickUnit(unitId: string | null | undefined): void {
    this.show({ ...this.query(), unitId: unitId ?? undefined, page: 1 });
  }

  protected pickType(type: CommitmentType | null | undefined): void {
    this.show({ ...this.query(), type: type ?? undefined, page: 1 });
  }

  protected pickStatus(status: CommitmentStatus | null | undefined): void {
    this.show({ ...this.query(), status: status ?? undefined, page: 1 });
  }

  protected pickOverdue(overdue: boolean): void {
    this.show({ ...this.query(), overdue: overdue || undefined, page: 1 });
  }

  protected pickPeriod(range: (Date | null)[] | null): void {
    const [from, to] = range ?? [];
    this.show({ ...this.query(), from: from ? toIsoDate(from) : undefined, to: to ? toIsoDate(to) : undefined, page: 1 });
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

  protected shortRegion(code: string, name: string): string {
    return this.regions.regions().find((r) => r.code === code)?.shortName ?? name;
  }

  protected exportXlsx(): void {
    this.exporting.run(this.api.exportXlsx(this.request()), {
      saved: (fileName) => this.messages.success(`已下载 ${fileName}`),
      error: (error) => this.messages.error(apiErrorMessage(error)),
    });
  }

  protected changed(c: PolicyCommitmentDto, what: string): void {
    this.messages.success(`${what}：${c.projectName}`);
    this.list.reload();
  }

  protected reload(): void {
    this.list.reload();
  }

  private show(query: CommitmentListQuery): void {
    if (sameCommitmentQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: commitmentQueryParams(query, { forUrl: true }), replaceUrl: true });
  }
}
