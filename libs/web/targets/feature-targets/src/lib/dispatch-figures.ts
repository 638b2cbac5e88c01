import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { CITY_TOTAL_NOTE, type FollowThroughCounts, type IndicatorValues, lastDayOf, noticeTotals, shanghaiToday, wanToYi } from '@zhaoshang/shared/domain';
import { type DispatchFigures as Figures, TargetsApi } from '@zhaoshang/web/targets/data-access';
import { apiErrorMessage, formatCount, formatRate, formatWan } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzTableModule } from 'ng-zorro-antd/table';
import { of } from 'rxjs';

export type Trend = 'up' | 'down' | 'flat' | null;

/** One 同比 cell: `+12.3%`, `-4.0%`, `0.0%`, or — when last year had nothing to compare with. */
export interface YoyCell {
  text: string;
  trend: Trend;
}

/** The figures of one period of a row, formatted (amounts in 亿元). */
export interface PeriodCells {
  signedCount: string;
  signedAmount: string;
  startedCount: string;
  arrived: string;
  arrivedYoy: YoyCell;
  fundsToFai: string;
  foreignCapital: string;
  foreignCapitalYoy: YoyCell;
}

/** 跟踪落实 of a row: problems open / overdue, notices (all four kinds) issued since January / overdue. */
export interface FollowThroughCells {
  problemsOpen: string;
  problemsOverdue: string;
  noticesIssued: string;
  noticesOverdue: string;
  /** to colour the overdue cells */
  anyOverdue: { problems: boolean; notices: boolean };
}

export interface DispatchScreenRow {
  key: string;
  label: string;
  isTotal: boolean;
  month: PeriodCells;
  yearToDate: PeriodCells;
  followThrough: FollowThroughCells;
}

function followThroughCells(counts: FollowThroughCounts | undefined): FollowThroughCells {
  const notices = counts ? noticeTotals(counts.notices) : { issued: 0, overdue: 0 };
  const problems = counts?.problems ?? { open: 0, overdue: 0 };
  return {
    problemsOpen: formatCount(problems.open),
    problemsOverdue: formatCount(problems.overdue),
    noticesIssued: formatCount(notices.issued),
    noticesOverdue: formatCount(notices.overdue),
    anyOverdue: { problems: problems.overdue > 0, notices: notices.overdue > 0 },
  };
}

export function yoyCell(rate: number | null): YoyCell {
  if (rate === null || !Number.isFinite(rate)) return { text: '—', trend: null };
  const text = formatRate(rate);
  if (text === '0.0%' || text === '-0.0%') return { text: '0.0%', trend: 'flat' };
  return rate > 0 ? { text: `+${text}`, trend: 'up' } : { text, trend: 'down' };
}

const yi = (wan: string) => formatWan(wanToYi(wan));

function cells(v: IndicatorValues): PeriodCells {
  return {
    signedCount: formatCount(v.signedCount),
    signedAmount: yi(v.signedAmountWan),
    startedCount: formatCount(v.startedCount),
    arrived: yi(v.arrivedFundsWan),
    arrivedYoy: yoyCell(v.yoy.arrivedFundsWan),
    fundsToFai: formatRate(v.fundsToFaiRatio),
    foreignCapital: yi(v.foreignCapitalWan),
    foreignCapitalYoy: yoyCell(v.yoy.foreignCapitalWan),
  };
}

/** The rows of the 月调度表 on screen: each district, then the city (the total), as in the .xlsx. */
export function dispatchRows(figures: Figures): DispatchScreenRow[] {
  const rows = figures.yearToDate.rows.flatMap((ytd) => {
    const month = figures.month.rows.find((r) => r.key === ytd.key);
    const followThrough = followThroughCells(figures.followThrough.rows.find((r) => r.regionCode === ytd.key));
    return month ? [{ key: ytd.key, label: ytd.label, isTotal: false, month: cells(month), yearToDate: cells(ytd), followThrough }] : [];
  });
  return [
    ...rows,
    { key: figures.yearToDate.region, label: '全市', isTotal: true, month: cells(figures.month.total), yearToDate: cells(figures.yearToDate.total), followThrough: followThroughCells(figures.followThrough.total) },
  ];
}

/** `11月30日`: the month's last day, or `today` when the month is still under way; '' without a month. */
export function dispatchAsOf(month: string | null, today: string = shanghaiToday()): string {
  if (!month) return '';
  const monthEnd = lastDayOf(month);
  const day = monthEnd < today ? monthEnd : today;
  return `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日${day === today && monthEnd > today ? '（今天）' : ''}`;
}

/**
 * 月调度表 on screen (issue 11): the month and January up to it of every district and the city, from
 * GET /indicators (verified reports, as the .xlsx), with 到位资金 and 实际利用外资 beside their 同比.
 */
@Component({
  selector: 'zs-dispatch-figures',
  imports: [NzAlertModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dispatch" aria-label="月调度表" data-testid="dispatch-figures">
      <h3 class="dispatch__title">月调度表<span class="dispatch__unit" data-testid="dispatch-as-of">金额单位：亿元；数据口径：已核实月报，截至 {{ asOf() }}</span></h3>
      @if (error(); as message) {
        <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="dispatch-error" />
      } @else {
        <nz-table
          [nzData]="rows()"
          [nzLoading]="figures.isLoading()"
          [nzFrontPagination]="false"
          [nzShowPagination]="false"
          [nzScroll]="{ x: '1680px' }"
          nzSize="small"
          nzBordered
          data-testid="dispatch-table"
        >
          <thead>
            <tr>
              <th rowspan="2" nzLeft nzWidth="120px">地区</th>
              <th colspan="8" nzAlign="center">本月</th>
              <th colspan="8" nzAlign="center">{{ ytdTitle() }}</th>
              <th colspan="4" nzAlign="center">跟踪落实（截至 {{ asOf() }}）</th>
            </tr>
            <tr>
              @for (period of periods; track period) {
                <th nzAlign="right">签约项目(个)</th>
                <th nzAlign="right">签约额</th>
                <th nzAlign="right">开工项目(个)</th>
                <th nzAlign="right">到位资金</th>
                <th nzAlign="right">同比</th>
                <th nzAlign="right">占固投比重</th>
                <th nzAlign="right">实际利用外资</th>
                <th nzAlign="right">同比</th>
              }
              <th nzAlign="right" nzWidth="100px">问题未办结</th>
              <th nzAlign="right" nzWidth="88px">其中超期</th>
              <th nzAlign="right" nzWidth="88px">督办下发</th>
              <th nzAlign="right" nzWidth="88px">督办超期</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.key) {
              <tr [class.total]="row.isTotal" data-testid="dispatch-row" [attr.data-region]="row.key">
                <td nzLeft>{{ row.label }}</td>
                @for (c of [row.month, row.yearToDate]; track $index) {
                  <td nzAlign="right">{{ c.signedCount }}</td>
                  <td nzAlign="right">{{ c.signedAmount }}</td>
                  <td nzAlign="right">{{ c.startedCount }}</td>
                  <td nzAlign="right">{{ c.arrived }}</td>
                  <td nzAlign="right" [class.yoy--up]="c.arrivedYoy.trend === 'up'" [class.yoy--down]="c.arrivedYoy.trend === 'down'">{{ c.arrivedYoy.text }}</td>
                  <td nzAlign="right">{{ c.fundsToFai }}</td>
                  <td nzAlign="right" data-testid="dispatch-foreign">{{ c.foreignCapital }}</td>
                  <td nzAlign="right" [class.yoy--up]="c.foreignCapitalYoy.trend === 'up'" [class.yoy--down]="c.foreignCapitalYoy.trend === 'down'" data-testid="dispatch-foreign-yoy">{{ c.foreignCapitalYoy.text }}</td>
                }
                <td nzAlign="right" data-testid="dispatch-problems-open">{{ row.followThrough.problemsOpen }}</td>
                <td nzAlign="right" [class.overdue]="row.followThrough.anyOverdue.problems" data-testid="dispatch-problems-overdue">{{ row.followThrough.problemsOverdue }}</td>
                <td nzAlign="right" data-testid="dispatch-notices-issued">{{ row.followThrough.noticesIssued }}</td>
                <td nzAlign="right" [class.overdue]="row.followThrough.anyOverdue.notices" data-testid="dispatch-notices-overdue">{{ row.followThrough.noticesOverdue }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
        <p class="dispatch__note">注：{{ note }}。督办指提醒单、催办单、督办单、移交函，下发为 1 月起累计；问题与督办的未办结、超期为截至 {{ asOf() }} 的状态。</p>
      }
    </section>
  `,
  styleUrl: './dispatch-figures.less',
})
export class DispatchFiguresView {
  private readonly api = inject(TargetsApi);

  /** YYYY-MM; null: nothing to show */
  readonly month = input.required<string | null>();

  protected readonly periods = ['month', 'yearToDate'] as const;
  protected readonly note = CITY_TOTAL_NOTE;
  protected readonly figures = rxResource({ params: () => this.month(), stream: ({ params }) => (params ? this.api.dispatchFigures(params) : of(null)) });
  protected readonly rows = computed(() => {
    const figures = this.figures.hasValue() ? this.figures.value() : null;
    return figures ? dispatchRows(figures) : [];
  });
  protected readonly error = computed(() => {
    const error = this.figures.error();
    return error ? apiErrorMessage(error) : null;
  });
  /** the figures' day: the month's end, or today for the month under way (the download's 预警 say the same) */
  protected readonly asOf = computed(() => dispatchAsOf(this.month()));
  protected readonly ytdTitle = computed(() => {
    const month = Number(this.month()?.slice(5, 7) ?? 1);
    return month === 1 ? '1月累计' : `1–${month}月累计`;
  });
}
