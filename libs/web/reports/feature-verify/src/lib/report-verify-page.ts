import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import {
  REPORT_STATUSES,
  REPORT_STATUS_LABELS,
  type ReportQueueQuery,
  type ReportQueueResponse,
  type ReportStatus,
  type ReportsChanged,
  addMonths,
  monthLabel,
} from '@zhaoshang/shared/domain';
import { ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { ReportsApi, reportMonthFromUrl } from '@zhaoshang/web/reports/data-access';
import { DateTimePipe, MonthPicker, PageHeader, WanPipe, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage, downloadAction, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Observable, catchError, distinctUntilChanged, finalize, map, of, switchMap, tap } from 'rxjs';
import { ReturnDialog } from './return-dialog';
import { ReportSelection, isActionable } from './selection';

/** `status=ALL` in the URL lists every status; no status means the default, 待核实. */
export const ALL_STATUSES = 'ALL';
const STATUS_COLORS: Record<ReportStatus, string> = { DRAFT: 'default', SUBMITTED: 'processing', VERIFIED: 'success', RETURNED: 'error' };

type QueueRow = ReportQueueResponse['items'][number];

/** A project's figures of the month before, beside this month's for the verifier to compare. */
export interface LastMonthFigures {
  arrivedTotalWan: string;
  completedInvestmentWan: string | null;
}

interface VerifyQuery {
  month: string;
  regionCode: string | null;
  status: ReportStatus | typeof ALL_STATUSES;
}

function sameQuery(a: VerifyQuery, b: VerifyQuery): boolean {
  return a.month === b.month && a.regionCode === b.regionCode && a.status === b.status;
}

@Component({
  selector: 'zs-report-verify-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCheckboxModule, NzIconModule, NzSelectModule, NzTableModule, NzTagModule, DateTimePipe, MonthPicker, PageHeader, ReturnDialog, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-verify-page.html',
  styleUrl: './report-verify-page.less',
})
export class ReportVerifyPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  /** phones: a card per report (name, amounts, last month, progress, actions) instead of the wide table */
  protected readonly isPhone = injectIsPhone();
  protected readonly statuses = REPORT_STATUSES;
  protected readonly statusLabels = REPORT_STATUS_LABELS;
  protected readonly statusColors = STATUS_COLORS;
  protected readonly allStatuses = ALL_STATUSES;

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly query = computed<VerifyQuery>(() => {
    const params = this.params();
    const status = params.get('status');
    return {
      month: reportMonthFromUrl(params.get('month')),
      regionCode: params.get('regionCode') || null,
      status: status === ALL_STATUSES || (REPORT_STATUSES as readonly string[]).includes(status ?? '') ? (status as VerifyQuery['status']) : 'SUBMITTED',
    };
  });
  protected readonly monthText = computed(() => monthLabel(this.query().month));

  protected readonly queue = signal<ReportQueueResponse | null>(null);
  /** last month's reports of the region (any status), by project; empty until read */
  private readonly lastMonth = signal<ReadonlyMap<string, LastMonthFigures>>(new Map());
  protected readonly loading = signal(false);
  /** after these the queue must be read again: acting on it once more cannot help */
  private readonly actions = saveAction({
    conflictCodes: ['WRONG_STATUS', 'MONTH_CLOSED'],
    conflictMessage: (error) => (apiErrorCode(error) === 'VERSION_CONFLICT' ? '月报已被他人修改或处理，请重新加载后再操作' : apiErrorMessage(error)),
  });
  protected readonly busy = this.actions.saving;
  protected readonly exporting = downloadAction();
  protected readonly conflict = this.actions.conflict;
  /** the reports the return dialog is for; empty when it is closed */
  protected readonly returning = signal<{ id: string; version: number }[]>([]);

  private readonly selection = new ReportSelection();
  /** bumps when the selection changes (the selection itself is a plain object) */
  private readonly picked = signal(0);
  protected readonly items = computed(() => this.queue()?.items ?? []);
  protected readonly closed = computed(() => this.queue()?.monthState.closed ?? false);
  protected readonly selectedCount = computed(() => {
    this.picked();
    return this.selection.items(this.items()).length;
  });
  protected readonly headerState = computed(() => {
    this.picked();
    return this.selection.state(this.items());
  });
  protected readonly anyActionable = computed(() => this.items().some(isActionable));
  protected readonly totals = computed(() => {
    const rows = this.queue()?.byRegion ?? [];
    const sum = (key: 'DRAFT' | 'SUBMITTED' | 'VERIFIED' | 'RETURNED' | 'MISSING') => rows.reduce((n, r) => n + r[key], 0);
    return { DRAFT: sum('DRAFT'), SUBMITTED: sum('SUBMITTED'), VERIFIED: sum('VERIFIED'), RETURNED: sum('RETURNED'), MISSING: sum('MISSING') };
  });


  constructor() {
    toObservable(this.query)
      .pipe(
        distinctUntilChanged(sameQuery),
        tap(() => this.loading.set(true)),
        switchMap((query) => this.fetch(query)),
        takeUntilDestroyed(),
      )
      .subscribe((queue) => this.show(queue));

    // the month before, read beside the list (not waited for): a jump or a drop is what the verifier checks
    toObservable(computed(() => ({ month: addMonths(this.query().month, -1), regionCode: this.query().regionCode })))
      .pipe(
        distinctUntilChanged((a, b) => a.month === b.month && a.regionCode === b.regionCode),
        tap(() => this.lastMonth.set(new Map())),
        switchMap(({ month, regionCode }) =>
          this.api.queue(regionCode ? { month, regionCode } : { month }).pipe(
            map((answer) => new Map(answer.items.map((r) => [r.projectId, { arrivedTotalWan: r.arrivedTotalWan, completedInvestmentWan: r.completedInvestmentWan }]))),
            catchError(() => of(new Map<string, LastMonthFigures>())),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((figures) => this.lastMonth.set(figures));
  }

  protected lastMonthOf(row: QueueRow): LastMonthFigures | null {
    return this.lastMonth().get(row.projectId) ?? null;
  }

  protected pickMonth(month: string): void {
    this.navigate({ month });
  }

  protected pickStatus(status: VerifyQuery['status']): void {
    this.navigate({ status });
  }

  /** A click on a region's line filters the list by it; a second click shows all regions again. */
  protected pickRegion(regionCode: string | null): void {
    this.navigate({ regionCode: this.query().regionCode === regionCode ? null : regionCode });
  }

  protected toggle(row: QueueRow, checked: boolean): void {
    this.selection.toggle(row, checked);
    this.picked.update((n) => n + 1);
  }

  protected toggleAll(checked: boolean): void {
    this.selection.toggleAll(this.items(), checked);
    this.picked.update((n) => n + 1);
  }

  protected isChecked(row: QueueRow): boolean {
    this.picked();
    return this.selection.has(row.id);
  }

  protected actionable(row: QueueRow): boolean {
    return !this.closed() && isActionable(row);
  }

  protected verifySelected(): void {
    this.verify(this.selection.items(this.items()));
  }

  protected verifyOne(row: QueueRow): void {
    this.verify([{ id: row.id, version: row.version }]);
  }

  protected returnSelected(): void {
    this.returning.set(this.selection.items(this.items()));
  }

  protected returnOne(row: QueueRow): void {
    this.returning.set([{ id: row.id, version: row.version }]);
  }

  protected confirmReturn(reason: string): void {
    const items = this.returning();
    if (items.length === 0) return;
    this.act(this.api.returnReports(items, reason), (n) => `已退回 ${n} 条月报`, () => this.returning.set([]));
  }

  protected reload(): void {
    this.loading.set(true);
    this.fetch(this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((queue) => this.show(queue));
  }

  protected exportExcel(): void {
    if (this.exporting.busy()) return;
    const { month, regionCode } = this.query();
    this.exporting.run(this.api.export({ from: month, to: month, regionCode }), { saved: (fileName) => this.messages.success(`已导出 ${fileName}`), error: (error) => this.notifier.show(error) });
  }

  private verify(items: { id: string; version: number }[]): void {
    if (items.length === 0) return;
    this.act(this.api.verify(items), (n) => `已核实 ${n} 条月报`);
  }

  private act(request: Observable<ReportsChanged>, done: (count: number) => string, after?: () => void): void {
    this.actions.run(request.pipe(takeUntilDestroyed(this.destroyRef), finalize(() => after?.())), {
      next: ({ items }) => {
        this.messages.success(done(items.length));
        this.reload();
      },
      error: (error) => {
        this.notifier.show(error);
        return null;
      },
    });
  }

  private fetch(query: VerifyQuery): Observable<ReportQueueResponse | null> {
    const request: ReportQueueQuery = { month: query.month };
    if (query.regionCode) request.regionCode = query.regionCode;
    if (query.status !== ALL_STATUSES) request.status = query.status;
    // a failure is shown by the interceptor and keeps the old list
    return this.api.queue(request).pipe(catchError(() => of(null)));
  }

  private show(queue: ReportQueueResponse | null): void {
    this.loading.set(false);
    if (!queue) return;
    this.queue.set(queue);
    this.conflict.set(null);
    this.selection.keepOnly(queue.monthState.closed ? [] : queue.items);
    this.picked.update((n) => n + 1);
  }

  private navigate(change: Partial<VerifyQuery>): void {
    const next = { ...this.query(), ...change };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { month: next.month, regionCode: next.regionCode ?? undefined, status: next.status },
    });
  }
}
