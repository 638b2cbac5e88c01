import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CITY_TOTAL_NOTE, PROGRESS_STAGES, type ProjectStage, STAGE_LABELS, shanghaiToday, sumWan } from '@zhaoshang/shared/domain';
import {
  DashboardApi,
  type DashboardSelection,
  type DrillLink,
  type FigureDrill,
  detailLink,
  isMissingEndpoint,
  matchingPreset,
  monthsOf,
  parseSelection,
  periodLabel,
  periodPresets,
  selectionParams,
  warningsLink,
} from '@zhaoshang/web/dashboard/data-access';
import { KeyProjects, type KeyProjectFigures, type Kpi, KpiCard, WarningCounts } from '@zhaoshang/web/dashboard/ui';
import { PublicationBadge } from '@zhaoshang/web/reports/feature-revisions/badge';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
// the light entry point: the barrel would bring other pages' forms and dialogs into this route's chunks
import { PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui/layout';
import { apiErrorMessage, downloadAction, formatCount, formatRate } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { map } from 'rxjs';
import { DashboardChart } from './chart';
import { type ChartDrill, type DistrictMode, barChartHeight, districtBars, districtOption, industryOption, originOption, trendOption, uncountedOrigins, warningOption } from './chart-options';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { MyProjectsCard } from '@zhaoshang/web/projects/feature-mine';
import { ToSignCard } from '@zhaoshang/web/notices/feature-compose/to-sign-card';
import { RankingCard } from '@zhaoshang/web/assessment/feature-ranking/card';
import { KPI_DRILLS, buildKpis, formatYi, hasFigures, yoyOf } from './figures';
import { followThroughView } from './follow-through';
import { FollowThroughCard } from './follow-through-card';
import { StatsCoverageLine } from '@zhaoshang/web/stats/feature-coverage';

/** how many of the largest key projects the list shows (the rest: a link to all of them) */
const KEY_LIST_ROWS = 8;

/** 驾驶舱: the leaders' summary of a period and a scope; every chart leads to the projects behind it. */
@Component({
  selector: 'zs-dashboard-page',
  imports: [
    DashboardChart,
    FollowThroughCard,
    StatsCoverageLine,
    KeyProjects,
    KpiCard,
    MyProjectsCard,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzSkeletonModule,
    PageHeader,
    PublicationBadge,
    RouterLink,
    WarningCounts,
    ToSignCard,
    RankingCard,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './dashboard-page.html',
  // the print rules (A4) apart from the screen's
  styleUrls: ['./dashboard-page.less', './dashboard-page.print.less'],
  host: { '[attr.data-first-chart-ms]': 'firstChartMs()' },
})
export class DashboardPage {
  private readonly api = inject(DashboardApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly messages = inject(NzMessageService);
  protected readonly regions = inject(RegionsStore);
  /** a leader's 包联项目 (DOMAIN.md §9) open the page when the account is linked to a leaders' entry */
  protected readonly isLeader = computed(() => this.user()?.role === 'LEADER');
  private readonly user = inject(AuthService).currentUser;

  protected readonly isPhone = injectIsPhone();
  protected readonly layout = computed(() => ({ compact: this.isPhone() }));
  private readonly today = shanghaiToday();
  protected readonly presets = periodPresets(this.today);

  private readonly routeSelection = toSignal(
    this.route.queryParamMap.pipe(map((params) => parseSelection({ from: params.get('from'), to: params.get('to'), region: params.get('region') }, this.today))),
    { initialValue: parseSelection({}, this.today) },
  );
  /** an old link's `region=<the city's code>` is the whole city too */
  protected readonly selection = computed(() => {
    const selection = this.routeSelection();
    return selection.region !== null && selection.region === this.regions.city()?.code ? { ...selection, region: null } : selection;
  });
  protected readonly isCity = computed(() => this.selection().region === null);
  protected readonly preset = computed(() => matchingPreset(this.selection(), this.today));
  /** the months a period may start or end in: five years back to the last complete month, newest first */
  protected readonly monthOptions = computed(() => {
    const last = this.presets[0].to;
    const first = `${Number(last.slice(0, 4)) - 5}-01`;
    const months = monthsOf({ from: first < this.selection().from ? first : this.selection().from, to: last });
    return months.reverse().map((value) => ({ value, label: `${value.slice(0, 4)}年${Number(value.slice(5))}月` }));
  });
  protected readonly scopeName = computed(() => (this.isCity() ? (this.regions.city()?.name ?? '全市') : (this.regions.name(this.selection().region) ?? this.selection().region ?? '')));
  protected readonly periodText = computed(() => periodLabel(this.selection()));
  protected readonly cityNote = CITY_TOTAL_NOTE;

  /** by month, for the scope: the trend, and the scope's total for the cards */
  protected readonly byMonth = rxResource({ params: () => this.selection(), stream: ({ params }) => this.api.indicators(params, 'month') });
  /** by district, always over the city, so a district is seen among the others; by industry, for the scope */
  protected readonly byRegionAndIndustry = rxResource({ params: () => this.selection(), stream: ({ params }) => this.api.regionsAndIndustries(params) });
  /** today's warnings (they are a state, not a period's figure); null when the module is not there */
  protected readonly warnings = rxResource({ params: () => this.today, stream: ({ params }) => this.api.warnings(params) });
  /** 跟踪落实: problems and notices of the scope, on the period's last day (or today) */
  protected readonly followThrough = rxResource({ params: () => this.selection(), stream: ({ params }) => this.api.followThrough(params) });
  protected readonly followThroughView = computed(() => (this.followThrough.hasValue() ? followThroughView(this.followThrough.value(), this.selection().region) : null));
  protected readonly followThroughError = computed(() => (this.followThrough.status() === 'error' ? `跟踪落实加载失败：${apiErrorMessage(this.followThrough.error())}` : null));
  /** the day the warnings are counted on: the card says "截至" it (the 月调度表 counts at a month's end) */
  protected readonly warningsAsOf = this.today;
  /** the projects signed in the period by their stage today: the stage funnel (the counts only, no rows) */
  protected readonly signed = rxResource({
    params: () => ({ indicator: 'signedCount' as const, from: this.selection().from, to: this.selection().to, region: this.selection().region ?? undefined, limit: 0 }),
    stream: ({ params }) => this.api.drill(params),
  });
  /** the largest key projects at the period's end: the list under their figures */
  protected readonly keyList = rxResource({
    params: () => ({ indicator: 'keyProjects' as const, from: this.selection().from, to: this.selection().to, region: this.selection().region ?? undefined, limit: KEY_LIST_ROWS }),
    stream: ({ params }) => this.api.drill(params),
  });
  /** the period's last month with its reports by status: how much of it is verified */
  protected readonly monthStates = rxResource({ params: () => this.selection().to, stream: ({ params }) => this.api.month(params) });

  /**
   * The period's last month is low while its reports wait for verification: say how much of it is
   * verified (the city's reports; 月结管理's counts), so a dip is not read as a fall.
   */
  protected readonly lastMonthVerified = computed(() => {
    const months = this.monthStates.hasValue() ? this.monthStates.value() : null;
    const to = this.selection().to;
    const state = months?.find((m) => m.month === to);
    if (!state || state.closed) return null;
    const filed = Object.values(state.counts).reduce((sum, n) => sum + n, 0);
    const expected = Math.max(state.expected, filed);
    if (expected === 0) return null;
    const share = state.counts.VERIFIED / expected;
    return { month: `${Number(to.slice(5))}月`, text: formatRate(share), complete: share >= 1 };
  });

  /** 签约 → 注册 → 开工 → 投产 of the projects signed in the period, by the stage each has reached today. */
  protected readonly funnel = computed(() => {
    if (!this.signed.hasValue()) return null;
    const { byStage, rowCount: total } = this.signed.value();
    const reached = (stage: ProjectStage) =>
      PROGRESS_STAGES.slice(PROGRESS_STAGES.indexOf(stage as (typeof PROGRESS_STAGES)[number])).reduce((sum, s) => sum + (byStage[s] ?? 0), 0);
    const steps: { key: string; label: string; count: number }[] = [
      { key: 'SIGNED', label: '签约', count: total },
      { key: 'REGISTERED', label: '注册落地', count: reached('REGISTERED') },
      { key: 'UNDER_CONSTRUCTION', label: '开工在建', count: reached('UNDER_CONSTRUCTION') },
      { key: 'IN_PRODUCTION', label: '竣工投产', count: reached('IN_PRODUCTION') },
    ];
    const terminated = byStage.TERMINATED ?? 0;
    return {
      total,
      terminated,
      steps: steps.map((s) => ({ ...s, text: formatCount(s.count), width: total === 0 || s.count === 0 ? 0 : Math.max(4, Math.round((s.count / total) * 100)), rate: total === 0 ? '—' : formatRate(s.count / total) })),
    };
  });

  /** the largest key projects, with their stage, each a link to the project */
  protected readonly keyProjectList = computed(() => {
    if (!this.keyList.hasValue()) return null;
    const { rows, rowCount } = this.keyList.value();
    return {
      more: Math.max(0, rowCount - KEY_LIST_ROWS),
      rows: rows.slice(0, KEY_LIST_ROWS).map((r) => ({ id: r.projectId, name: r.name, region: r.regionName, stage: STAGE_LABELS[r.stage], amount: formatYi(r.contractAmountWan) })),
    };
  });

  protected readonly total = computed(() => (this.byMonth.hasValue() ? this.byMonth.value().total : null));
  protected readonly kpis = computed(() => {
    const total = this.total();
    return total ? buildKpis(total, this.isCity(), this.selection().to) : [];
  });
  protected readonly empty = computed(() => {
    const response = this.byMonth.hasValue() ? this.byMonth.value() : null;
    return response !== null && !hasFigures(response);
  });
  protected readonly error = computed(() => {
    const failed = [this.byMonth, this.byRegionAndIndustry].find((r) => r.status() === 'error');
    return failed ? `指标加载失败：${apiErrorMessage(failed.error())}` : null;
  });

  protected readonly trend = computed(() => (this.byMonth.hasValue() ? trendOption(this.byMonth.value().rows, this.layout()) : null));

  protected readonly districtMode = signal<DistrictMode>('arrived');
  private readonly districtNames = (code: string, label: string) => (this.isPhone() ? (this.regions.regions().find((r) => r.code === code)?.shortName ?? label) : label);
  protected readonly districts = computed(() => {
    if (!this.byRegionAndIndustry.hasValue()) return null;
    const response = this.byRegionAndIndustry.value().byRegion;
    const bars = districtBars(response.rows, this.districtMode(), this.districtNames);
    return {
      option: districtOption(bars, this.districtMode(), this.isCity() ? null : this.selection().region, this.layout()),
      height: barChartHeight(bars.length, this.layout()),
      cityTotal: formatYi(response.total.arrivedFundsWan),
      sum: formatYi(sumWan(response.rows.map((r) => r.arrivedFundsWan))),
      hasTargets: response.rows.some((r) => r.targetCompletion.arrivedFundsWan !== undefined && r.targetCompletion.arrivedFundsWan !== null),
    };
  });

  protected readonly industries = computed(() => {
    if (!this.byRegionAndIndustry.hasValue()) return null;
    const rows = this.byRegionAndIndustry.value().byIndustry.rows.filter((r) => Number(r.signedAmountWan) !== 0 || Number(r.arrivedFundsWan) !== 0);
    return { option: industryOption(rows, this.layout()), height: barChartHeight(rows.length * 1.4, this.layout(), 180), count: rows.length };
  });

  protected readonly origins = computed(() => {
    const total = this.total();
    if (!total) return null;
    const any = Object.values(total.arrivedByOrigin).some((v) => Number(v) !== 0);
    return { option: originOption(total, this.isCity(), this.layout()), any, uncounted: uncountedOrigins(total, this.isCity()) };
  });

  protected readonly keyProjects = computed((): KeyProjectFigures | null => {
    const total = this.total();
    if (!total) return null;
    const k = total.keyProjects;
    const yoy = total.yoy.keyProjects;
    const percent = (rate: number | null) => (rate === null ? 0 : Math.round(rate * 1000) / 10);
    return {
      count: formatCount(k.count),
      started: formatCount(k.startedCount),
      approved: formatCount(k.approvalsCompleteCount),
      startPercent: percent(k.startRate),
      startText: formatRate(k.startRate),
      approvalsPercent: percent(k.approvalsCompleteRate),
      approvalsText: formatRate(k.approvalsCompleteRate),
      countYoy: yoyOf(yoy.count),
      startedYoy: yoyOf(yoy.startedCount),
      approvedYoy: yoyOf(yoy.approvalsCompleteCount),
    };
  });

  protected readonly warningChart = computed(() => {
    const response = this.warnings.hasValue() ? this.warnings.value() : null;
    if (!response) return null;
    const names = (code: string, label: string) => (this.isPhone() ? (this.regions.regions().find((r) => r.code === code)?.shortName ?? label) : label);
    const rows = response.counts.byRegion.filter((c) => c.RED + c.YELLOW > 0);
    const red = response.counts.byRegion.reduce((sum, c) => sum + c.RED, 0);
    const yellow = response.counts.byRegion.reduce((sum, c) => sum + c.YELLOW, 0);
    // beside the districts' ranking (wide windows) it is as tall, so the two cards line up
    const own = barChartHeight(rows.length, this.layout(), 200);
    const height = this.isPhone() ? own : Math.max(own, this.districts()?.height ?? 0);
    const region = this.selection().region;
    const mine = region ? response.counts.byRegion.find((c) => c.regionCode === region) : null;
    return {
      option: warningOption(response.counts.byRegion, this.layout(), names, region),
      height,
      count: rows.length,
      red,
      yellow,
      // a district picked above: its own counts first, the city's beside them
      mine: mine ? { name: this.regions.name(region) ?? mine.regionName, red: mine.RED, yellow: mine.YELLOW } : null,
    };
  });

  protected readonly hasWarnings = computed(() => this.warningChart() !== null);

  /** ms from navigation start to the first chart drawn: read by the e2e test, kept as a performance mark too */
  protected readonly firstChartMs = signal<number | null>(null);
  /**
   * The figures are on screen, or cannot be: only then are the secondary parts (包联项目, 待我签发, 考核排名,
   * the publication badge) fetched, so that on a slow line their chunks do not share the bandwidth with
   * the first chart's (issue 13).
   */
  protected readonly figuresSettled = computed(() => this.firstChartMs() !== null || this.error() !== null || this.empty());
  protected readonly downloading = downloadAction();

  constructor() {
    this.regions.ensureLoaded();
  }

  protected chartDrawn(): void {
    if (this.firstChartMs() !== null) return;
    // not every environment has the User Timing API (jsdom in the unit tests)
    if (typeof performance.mark === 'function') performance.mark('zs-dashboard-first-chart');
    this.firstChartMs.set(Math.round(performance.now()));
  }

  protected pickPreset(key: string): void {
    const preset = this.presets.find((p) => p.key === key);
    if (preset) this.select({ ...this.selection(), from: preset.from, to: preset.to });
  }

  protected pickMonth(end: 'from' | 'to', event: Event): void {
    const month = (event.target as HTMLSelectElement).value;
    if (!month) return;
    const next = { ...this.selection(), [end]: month };
    if (next.from > next.to) {
      if (end === 'from') next.to = month;
      else next.from = month;
    }
    this.select(next);
  }

  /** The scope select's value: the city's code stands for the whole city (region null). */
  protected readonly scopeValue = computed(() => this.selection().region ?? this.regions.city()?.code ?? null);

  protected pickScope(event: Event): void {
    const region = (event.target as HTMLSelectElement).value;
    this.select({ ...this.selection(), region: region === this.regions.city()?.code ? null : region });
  }


  /** A chart's item leads to the projects its figure counts, by the figure's own rule (the drill-down page). */
  protected drill(drill: ChartDrill): void {
    const selection = this.selection();
    let link: DrillLink;
    switch (drill.kind) {
      case 'month':
        link = detailLink(selection, { indicator: 'arrivedFundsWan', from: drill.month, to: drill.month });
        break;
      case 'region':
        // the ranking by 目标完成率 counts since January; by money, the selected period
        link = detailLink(selection, { indicator: 'arrivedFundsWan', region: drill.regionCode, ...(this.districtMode() === 'completion' ? { from: `${selection.to.slice(0, 4)}-01` } : {}) });
        break;
      case 'industry':
        link = detailLink(selection, { indicator: drill.indicator, industry: drill.industryCode });
        break;
      case 'origin':
        link = detailLink(selection, { indicator: 'arrivedByOrigin', origin: drill.origin });
        break;
      case 'warning':
        link = warningsLink(drill.regionCode, drill.level);
        break;
    }
    void this.router.navigate([link.path], { queryParams: link.queryParams });
  }

  protected openKpi(kpi: Kpi): void {
    const indicator = KPI_DRILLS[kpi.key];
    if (indicator) this.openFigure({ indicator });
  }

  protected openKeyProjects(): void {
    this.openFigure({ indicator: 'keyProjects' });
  }

  private openFigure(drill: FigureDrill): void {
    const link = detailLink(this.selection(), drill);
    void this.router.navigate([link.path], { queryParams: link.queryParams });
  }

  protected print(): void {
    window.print();
  }

  protected retry(): void {
    for (const r of [this.byMonth, this.byRegionAndIndustry]) if (r.status() === 'error') r.reload();
  }

  /** 月调度表 of the period's last month */
  protected downloadDispatchTable(): void {
    this.downloading.run(this.api.downloadDispatchTable(this.selection().to), {
      error: (error) => this.messages.error(isMissingEndpoint(error) ? '月调度表导出暂未开通，请稍后再试' : `月调度表导出失败：${apiErrorMessage(error)}`),
    });
  }

  private select(selection: DashboardSelection): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: selectionParams(selection, this.today), replaceUrl: true });
  }
}
