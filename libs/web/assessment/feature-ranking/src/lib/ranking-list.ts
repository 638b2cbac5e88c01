import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { AssessmentRow } from '@zhaoshang/shared/domain';
import { formatRate } from '@zhaoshang/web/shared/util';
import { componentColor, segmentsOf } from './periods';

/**
 * The ranking: rank, district, score and a bar of the points each component earned (of 100), with
 * the ratios beneath. One layout for the desktop and the phone: the bar and the ratios wrap under
 * the name on a narrow screen instead of a table that would scroll sideways.
 */
@Component({
  selector: 'zs-ranking-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="list" data-testid="ranking">
      @for (row of rows(); track row.regionCode) {
        <li class="row" [class.compact]="compact()" data-testid="ranking-row">
          <span class="rank" [class.top]="row.rank !== null && row.rank <= 3">{{ row.rank ?? '—' }}</span>
          <span class="name">{{ row.regionName }}</span>
          <span class="score" data-testid="ranking-score">{{ row.score === null ? '—' : row.score.toFixed(2) }}</span>
          <span class="bar" [attr.aria-label]="'得分构成'">
            @for (s of segments(row); track s.component) {
              <span class="segment" [style.width.%]="s.points" [style.background]="s.color" [title]="s.label + ' ' + s.points.toFixed(2) + ' 分'"></span>
            }
          </span>
          @if (!compact()) {
            <span class="details">
              @for (c of row.components; track c.component) {
                <span class="detail"
                  ><i class="dot" [style.background]="color(c.component)"></i>{{ c.label }} {{ rate(c.ratio) }}
                  @if (c.ratio !== null) {
                    · {{ c.points.toFixed(2) }} 分
                  } @else {
                    · 不计
                  }
                </span>
              }
            </span>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: grid;
      grid-template-columns: 36px 150px 64px minmax(120px, 1fr);
      align-items: center;
      gap: 4px 12px;
      padding: 10px 0;
      border-top: 1px solid #f0f0f0;
    }
    .row:first-child {
      border-top: 0;
    }
    .rank {
      display: inline-flex;
      justify-content: center;
      align-items: center;
      width: 28px;
      height: 28px;
      border-radius: 50%;
      background: #f5f5f5;
      font-weight: 600;
    }
    .rank.top {
      background: #1677ff;
      color: #fff;
    }
    .name {
      font-weight: 500;
    }
    .score {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      text-align: right;
    }
    .bar {
      display: flex;
      height: 12px;
      border-radius: 6px;
      background: #f0f0f0;
      overflow: hidden;
    }
    .details {
      grid-column: 2 / -1;
      display: flex;
      flex-wrap: wrap;
      gap: 2px 16px;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.55);
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 2px;
      margin-right: 4px;
    }
    @media (max-width: 600px) {
      .row {
        grid-template-columns: 36px 1fr auto;
      }
      .bar {
        grid-column: 2 / -1;
      }
    }
  `,
})
export class RankingList {
  readonly rows = input.required<readonly AssessmentRow[]>();
  /** the 驾驶舱's card: no ratios beneath */
  readonly compact = input(false);

  protected segments = segmentsOf;
  protected rate(ratio: number | null): string {
    return formatRate(ratio);
  }
  protected color(component: AssessmentRow['components'][number]['component']): string {
    return componentColor(component);
  }
}
