import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import type { Kpi } from './kpi';

/** One figure card of the 驾驶舱: the figure, its 同比 and the smaller figures under it; a placeholder while `kpi` is null. */
@Component({
  selector: 'zs-kpi-card',
  imports: [NzIconModule, NzSkeletonModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './kpi-card.html',
  // the print rules apart, so the screen's and the paper's layouts are read one at a time
  styleUrls: ['./kpi-card.less', './kpi-card.print.less'],
})
export class KpiCard {
  /** null: still loading */
  readonly kpi = input.required<Kpi | null>();
}
