import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
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
  // a card that drills down is a link for the keyboard and screen readers too
  host: {
    '[class.kpi--link]': 'clickable()',
    '[attr.role]': "clickable() ? 'link' : null",
    '[attr.tabindex]': 'clickable() ? 0 : null',
    '[attr.title]': "clickable() ? '查看计入该指标的项目' : null",
    '(click)': 'activate()',
    '(keydown.enter)': 'activate()',
  },
})
export class KpiCard {
  /** null: still loading */
  readonly kpi = input.required<Kpi | null>();
  /** the card was clicked (or Enter pressed on it), when it drills down */
  readonly open = output<void>();

  protected clickable(): boolean {
    return this.kpi()?.clickable === true;
  }

  protected activate(): void {
    if (this.clickable()) this.open.emit();
  }
}
