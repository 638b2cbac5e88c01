import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeStatsRow } from '@zhaoshang/shared/domain';
import { NoticesApi } from '@zhaoshang/web/notices/data-access';
import { KIND_TAG_COLORS } from '@zhaoshang/web/notices/ui';
import { lastValue } from '@zhaoshang/web/shared/util';
import { NzTableModule } from 'ng-zorro-antd/table';

/** Rows with nothing issued say nothing: the districts and units that were never notified drop out. */
export function rowsWorthShowing(rows: readonly NoticeStatsRow[]): NoticeStatsRow[] {
  return rows.filter((row) => NOTICE_KINDS.some((kind) => row.issued[kind] > 0) || row.closed > 0);
}

/**
 * 三单一函 issued and overdue per kind, by district or by recipient unit: where the ladder is used,
 * and where it does not move things. A table rather than a chart: eight small numbers a row read
 * better side by side, also on a phone (it scrolls sideways inside its card).
 */
@Component({
  selector: 'zs-notice-stats-table',
  imports: [NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      [nzData]="rows()"
      [nzLoading]="stats.isLoading()"
      [nzFrontPagination]="false"
      [nzShowPagination]="false"
      [nzScroll]="{ x: '760px' }"
      nzSize="small"
      nzBordered
      nzNoResult="暂无下发记录"
      data-testid="notice-stats"
      [attr.data-group]="groupBy()"
    >
      <thead>
        <tr>
          <th rowspan="2" nzLeft nzWidth="150px">{{ groupBy() === 'region' ? '地区' : '责任单位' }}</th>
          @for (kind of kinds; track kind) {
            <th colspan="2" class="kind" [style.color]="kindColor(kind)">{{ labels[kind] }}</th>
          }
          <th rowspan="2" nzWidth="64px" class="num">已办结</th>
          <th rowspan="2" nzWidth="72px" class="num">按期办结</th>
        </tr>
        <tr>
          @for (kind of kinds; track kind) {
            <th nzWidth="52px" class="num">下发</th>
            <th nzWidth="52px" class="num">超期</th>
          }
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.key) {
          <tr data-testid="notice-stats-row" [attr.data-key]="row.key">
            <td nzLeft>{{ row.label }}</td>
            @for (kind of kinds; track kind) {
              <td class="num">{{ row.issued[kind] || '' }}</td>
              <td class="num" [class.red]="row.overdue[kind] > 0">{{ row.overdue[kind] || '' }}</td>
            }
            <td class="num">{{ row.closed }}</td>
            <td class="num">{{ row.closedOnTime }}</td>
          </tr>
        }
        @if (total(); as t) {
          <tr class="total" data-testid="notice-stats-total">
            <td nzLeft>合计</td>
            @for (kind of kinds; track kind) {
              <td class="num">{{ t.issued[kind] }}</td>
              <td class="num" [class.red]="t.overdue[kind] > 0">{{ t.overdue[kind] }}</td>
            }
            <td class="num">{{ t.closed }}</td>
            <td class="num">{{ t.closedOnTime }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .kind {
      text-align: center;
      font-weight: 600;
    }
    .red {
      color: #cf1322;
      font-weight: 600;
    }
    .total td {
      font-weight: 600;
      background: #fafafa;
    }
  `,
})
export class NoticeStatsTable {
  readonly groupBy = input.required<'region' | 'unit'>();
  private readonly api = inject(NoticesApi);
  protected readonly kinds = NOTICE_KINDS;
  protected readonly labels = NOTICE_KIND_LABELS;
  protected readonly stats = rxResource({ params: () => this.groupBy(), stream: ({ params }) => this.api.stats(params) });
  private readonly last = lastValue(this.stats);
  protected readonly rows = computed(() => rowsWorthShowing(this.last()?.rows ?? []));
  protected readonly total = computed(() => (this.rows().length > 0 ? (this.last()?.total ?? null) : null));

  protected kindColor(kind: (typeof NOTICE_KINDS)[number]): string {
    return { blue: '#1677ff', orange: '#d46b08', red: '#cf1322', purple: '#531dab' }[KIND_TAG_COLORS[kind]] ?? 'inherit';
  }
}
