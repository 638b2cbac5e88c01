import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type EscalationItem,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  NOTICE_STATUS_LABELS,
  NOTICE_STATUSES,
  NOTICE_SUBJECT_LABELS,
  type NoticeCounts,
  type NoticeStatus,
  WARNING_RULE_LABELS,
  can,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { LEDGER_TAB_LABELS, type LedgerQuery, type LedgerTab, NOTICE_PAGE_SIZES, NoticesApi, ledgerQueryParams, listRequest, parseLedgerQuery, sameLedgerQuery } from '@zhaoshang/web/notices/data-access';
import { NoticeDeadline, NoticeKindTag, NoticeStatusTag } from '@zhaoshang/web/notices/ui';
import { RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { formatRate, lastValue } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzPaginationModule } from 'ng-zorro-antd/pagination';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { map, of } from 'rxjs';
import { NoticeComposer } from '@zhaoshang/web/notices/feature-compose';
import { NoticeStatsTable } from './notice-stats-table';

/** A count card on top: clicking it narrows the list to what it counts. */
interface CountCard {
  key: keyof NoticeCounts | 'onTimeRate';
  label: string;
  value: string;
  tone?: 'red' | 'green' | 'gold';
  filter?: Partial<Pick<LedgerQuery, 'status' | 'overdue'>>;
}

export function countCards(c: NoticeCounts): CountCard[] {
  return [
    { key: 'total', label: '督办总数', value: String(c.total), filter: {} },
    { key: 'pendingSignature', label: '待签发', value: String(c.pendingSignature), tone: 'gold', filter: { status: 'PENDING_SIGNATURE' } },
    { key: 'live', label: '办理中', value: String(c.live) },
    { key: 'overdue', label: '超期', value: String(c.overdue), tone: 'red', filter: { overdue: true } },
    { key: 'closed', label: '已办结', value: String(c.closed), tone: 'green', filter: { status: 'CLOSED' } },
    { key: 'onTimeRate', label: '按期办结率', value: formatRate(c.closed > 0 ? c.closedOnTime / c.closed : null) },
  ];
}

/** 待升级's one line: what the item is, the problem's category or the warning's rule. */
export function escalationLabel(item: EscalationItem): string {
  const what = item.subjectType === 'WARNING' && item.warningRule ? `红色预警·${WARNING_RULE_LABELS[item.warningRule]}` : NOTICE_SUBJECT_LABELS[item.subjectType];
  return `${what}：${item.summary}`;
}

/**
 * 督办台账 (DOMAIN.md §9): every notice with its state, the items 待升级 with the next rung proposed,
 * the drafts 待签发; counts on top and issued / overdue by district and unit below. Filters, tab and
 * page live in the URL.
 */
@Component({
  selector: 'zs-notice-ledger-page',
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzEmptyModule,
    NzPaginationModule,
    NzSelectModule,
    NzSpinModule,
    NzSwitchModule,
    NzTableModule,
    NoticeDeadline,
    NoticeKindTag,
    NoticeStatusTag,
    NoticeStatsTable,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ledger-page.html',
  styleUrl: './ledger-page.less',
})
export class NoticeLedgerPage {
  private readonly api = inject(NoticesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly composer = inject(NoticeComposer);
  protected readonly regions = inject(RegionsStore);
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly isPhone = injectIsPhone();
  private readonly user = inject(AuthService).currentUser;

  protected readonly today = shanghaiToday();
  protected readonly kinds = NOTICE_KINDS;
  protected readonly statuses = NOTICE_STATUSES;
  protected readonly kindLabels = NOTICE_KIND_LABELS;
  protected readonly statusLabels = NOTICE_STATUS_LABELS;
  protected readonly tabLabels = LEDGER_TAB_LABELS;
  protected readonly pageSizes = [...NOTICE_PAGE_SIZES];
  protected readonly escalationLabel = escalationLabel;

  protected readonly role = computed(() => this.user()?.role ?? null);
  /** city staff issue 提醒单/催办单 and draft the others (DOMAIN.md §7) */
  protected readonly issues = computed(() => can(this.role(), 'notices:issue'));
  protected readonly isAdmin = computed(() => can(this.role(), 'settings:manage'));
  /** 待签发 is for those who sign and those who draft */
  protected readonly tabs = computed<LedgerTab[]>(() => (this.issues() || can(this.role(), 'notices:sign') ? ['all', 'escalate', 'sign'] : ['all', 'escalate']));

  protected readonly query = toSignal(
    this.route.queryParamMap.pipe(map((params) => parseLedgerQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)]))))),
    { requireSync: true },
  );
  private readonly listQuery = computed(() => this.query(), { equal: sameLedgerQuery });
  private readonly list = rxResource({
    params: () => ({ query: this.listQuery(), role: this.role() }),
    stream: ({ params }) => (params.query.tab === 'escalate' ? of(null) : this.api.list(listRequest(params.query, params.role))),
  });
  protected readonly result = lastValue(this.list);
  protected readonly loading = this.list.isLoading;
  /** bumped after a notice is issued from 待升级: the list and the counts are read again */
  private readonly refresh = signal(0);
  private readonly escalationsResource = rxResource({ params: () => this.refresh(), stream: () => this.api.escalations() });
  protected readonly escalations = computed(() => (this.escalationsResource.hasValue() ? this.escalationsResource.value().items : []));
  protected readonly escalationsLoading = this.escalationsResource.isLoading;
  protected readonly cards = computed(() => {
    const counts = this.result()?.counts;
    return counts ? countCards(counts) : [];
  });
  protected readonly statsBy = signal<'region' | 'unit'>('region');

  constructor() {
    this.regions.ensureLoaded();
    this.responsibility.units.ensureLoaded();
  }

  protected pickTab(tab: LedgerTab): void {
    this.show({ tab, page: 1, pageSize: this.query().pageSize });
  }

  protected pick(patch: Partial<LedgerQuery>): void {
    this.show({ ...this.query(), ...patch, page: 1 });
  }

  protected pickCard(card: CountCard): void {
    if (!card.filter) return;
    const { status: _s, overdue: _o, ...rest } = this.query();
    this.show({ ...rest, tab: 'all', ...card.filter, page: 1 });
  }

  protected cardActive(card: CountCard): boolean {
    const q = this.query();
    if (!card.filter || q.tab !== 'all') return false;
    if (card.key === 'total') return !q.status && !q.overdue;
    return (card.filter.status ?? null) === (q.status ?? null) && !!card.filter.overdue === !!q.overdue;
  }

  protected clear(): void {
    this.show({ tab: this.query().tab, page: 1, pageSize: this.query().pageSize });
  }

  protected pageTo(page: number): void {
    this.show({ ...this.query(), page });
  }

  protected pageSizeTo(pageSize: number): void {
    this.show({ ...this.query(), page: 1, pageSize });
  }

  protected statusOf(value: string | null): NoticeStatus | undefined {
    return (NOTICE_STATUSES as readonly string[]).includes(value ?? '') ? (value as NoticeStatus) : undefined;
  }

  /** 待升级's button: the compose dialog on the proposed rung, prefilled by the API. */
  protected async escalate(item: EscalationItem): Promise<void> {
    if (!item.proposedKind) return;
    const subject =
      item.subjectType === 'ISSUE' && item.issueId
        ? { subjectType: 'ISSUE' as const, issueId: item.issueId }
        : item.warningRule
          ? { subjectType: 'WARNING' as const, projectId: item.projectId, warningRule: item.warningRule }
          : null;
    if (!subject) return;
    const notice = await this.composer.open({ subject, kind: item.proposedKind, previousNoticeId: item.latestNoticeId, subjectLabel: `${item.projectName}：${escalationLabel(item)}` });
    if (notice) {
      this.refresh.update((n) => n + 1);
      this.list.reload();
    }
  }

  private show(query: LedgerQuery): void {
    if (sameLedgerQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: ledgerQueryParams(query), replaceUrl: true });
  }
}
