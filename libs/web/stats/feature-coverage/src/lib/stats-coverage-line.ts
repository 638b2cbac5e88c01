import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { monthLabel } from '@zhaoshang/shared/domain';
import { formatCount, formatRate } from '@zhaoshang/web/shared/util';
import { StatsApi } from '@zhaoshang/web/stats/data-access';
import { catchError, of } from 'rxjs';

/**
 * One line for the 驾驶舱 (issue 16): of our projects 入库 by the period's last month, how many the
 * statistics bureau's latest list also has — the gap the city's reviews keep finding — with a link
 * to the 统计对账 page. Quiet when it cannot be read: the figures above matter more.
 */
@Component({
  selector: 'zs-stats-coverage-line',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (text(); as t) {
      <p class="line" data-testid="stats-coverage">
        <span>{{ t }}</span>
        <a [routerLink]="['/stats/reconciliation']" [queryParams]="{ month: coverage.value()?.listMonth ?? month(), region: region() }" data-testid="stats-coverage-link">统计对账 ›</a>
      </p>
    }
  `,
  styles: `
    .line {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      margin: 0 0 12px;
      color: rgba(0, 0, 0, 0.55);
      font-size: 13px;
    }
  `,
})
export class StatsCoverageLine {
  private readonly api = inject(StatsApi);
  /** the period's last month, `YYYY-MM` */
  readonly month = input.required<string>();
  /** the scope: a region code (the city's for the whole city) */
  readonly region = input.required<string>();

  protected readonly coverage = rxResource({
    // no region yet (the regions still loading): nothing to ask
    params: () => (this.region() ? { month: this.month(), region: this.region() } : undefined),
    stream: ({ params }) => this.api.coverage(params.month, params.region).pipe(catchError(() => of(null))),
  });

  protected readonly text = computed(() => {
    const c = this.coverage.value();
    if (!c) return null;
    if (c.listMonth === null) return `统计入库：我方已入库 ${formatCount(c.registeredCount)} 个项目，统计局尚未提供入库项目清单`;
    return `统计入库：我方已入库 ${formatCount(c.registeredCount)} 个项目，统计局${monthLabel(c.listMonth)}清单列入 ${formatCount(c.alsoListedCount)} 个，占 ${formatRate(c.share)}`;
  });
}
