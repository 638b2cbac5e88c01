import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { DRILL_INDICATOR_LABELS, type DrillResponse, INVESTOR_ORIGIN_LABELS, type InvestorOrigin, shanghaiToday, sumWan } from '@zhaoshang/shared/domain';
import { DashboardApi, addMonths, dashboardLink, parseDetailQuery, parseSelection, periodLabel } from '@zhaoshang/web/dashboard/data-access';
import { IndustriesStore, RegionsStore } from '@zhaoshang/web/shared/data-access';
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui/layout';
import { apiErrorMessage, formatCount, formatWan } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { map } from 'rxjs';
import { formatYi } from './figures';

/** When a row was counted: the day of a signing or start; the months of an arrival, runs of months as one period. */
export function whenOf(row: Pick<DrillResponse['rows'][number], 'date' | 'months'>): string {
  if (row.date) return row.date;
  if (row.months.length === 0) return '—';
  const runs: { from: string; to: string }[] = [];
  for (const month of row.months) {
    const last = runs[runs.length - 1];
    if (last && addMonths(last.to, 1) === month) last.to = month;
    else runs.push({ from: month, to: month });
  }
  return runs.map((run) => periodLabel(run)).join('、');
}

/**
 * 指标明细 (issue 13 item 4): the projects a figure of the 驾驶舱 counts, by the figure's own rule,
 * each with its part, and their sum, which is the figure; a breadcrumb leads back to the 驾驶舱 with
 * the same period and scope.
 */
@Component({
  selector: 'zs-drill-page',
  imports: [RouterLink, NzAlertModule, NzEmptyModule, NzSkeletonModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './drill-page.html',
  styleUrl: './drill-page.less',
})
export class DrillPage {
  private readonly api = inject(DashboardApi);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsStore);
  private readonly industries = inject(IndustriesStore);
  protected readonly isPhone = injectIsPhone();
  private readonly today = shanghaiToday();

  private readonly params = toSignal(this.route.queryParamMap.pipe(map((p) => Object.fromEntries(p.keys.map((k) => [k, p.get(k)])))), { initialValue: {} as Record<string, string | null> });
  protected readonly query = computed(() => parseDetailQuery(this.params()));
  /** the 驾驶舱's selection the figure was clicked in: the breadcrumb's way back */
  protected readonly back = computed(() => {
    const params = this.params();
    const selection = parseSelection({ from: params['backFrom'] ?? params['from'], to: params['backTo'] ?? params['to'], region: params['backRegion'] ?? params['region'] }, this.today);
    return dashboardLink(selection, this.today);
  });

  protected readonly result = rxResource({ params: () => this.query() ?? undefined, stream: ({ params }) => this.api.drill(params) });
  protected readonly response = computed(() => (this.result.hasValue() ? this.result.value() : null));
  protected readonly error = computed(() => (this.result.status() === 'error' ? `明细加载失败：${apiErrorMessage(this.result.error())}` : null));

  protected readonly label = computed(() => {
    const query = this.query();
    if (!query) return '指标';
    return query.indicator === 'arrivedByOrigin' && query.origin ? `${INVESTOR_ORIGIN_LABELS[query.origin]}到位资金` : DRILL_INDICATOR_LABELS[query.indicator];
  });
  protected readonly description = computed(() => {
    const query = this.query();
    if (!query) return '';
    const scope = query.region ? (this.regions.name(query.region) ?? query.region) : (this.regions.city()?.name ?? '全市');
    const industry = query.industry ? ` · ${this.industries.name(query.industry) ?? query.industry}` : '';
    return `${periodLabel(query)} · ${scope}${industry} · ${query.includeUnverified ? '含待核实月报' : '已核实月报口径'}`;
  });

  protected readonly view = computed(() => {
    const response = this.response();
    if (!response) return null;
    const amount = response.kind === 'amount';
    const rows = response.rows.map((r, i) => ({
      ...r,
      index: i + 1,
      when: whenOf(r),
      amount: formatWan(r.amountWan),
      contract: formatWan(r.contractAmountWan),
      origin: INVESTOR_ORIGIN_LABELS[r.investorOrigin],
      industry: this.industries.name(r.industryCode) ?? r.industryCode,
    }));
    // the rows' own sum, beside the figure the API counted: the page shows that they agree
    const sum = sumWan(response.rows.map((r) => (amount ? r.amountWan : r.contractAmountWan)));
    return {
      amount,
      rows,
      figure: amount ? formatYi(response.total) : formatCount(Number(response.total)),
      figureUnit: amount ? '亿元' : '个',
      figureWan: amount ? formatWan(response.total) : null,
      sum: formatWan(sum),
      count: formatCount(rows.length),
      whenLabel: response.indicator === 'startedCount' ? '开工日期' : amount && response.rows.some((r) => r.date === null) ? '到位月份' : '签约日期',
      excluded: response.excluded.map((e) => ({ label: INVESTOR_ORIGIN_LABELS[e.origin as InvestorOrigin], amount: formatWan(e.amountWan), count: e.projectCount })),
    };
  });

  constructor() {
    this.regions.ensureLoaded();
    this.industries.ensureLoaded();
  }
}
