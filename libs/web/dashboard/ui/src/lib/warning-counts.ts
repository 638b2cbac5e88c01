import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Today's red and yellow warnings as two small tags, beside a title. */
@Component({
  selector: 'zs-warning-counts',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="warn-count warn-count--red" data-testid="warning-count-red">红 {{ red() }}</span><span class="warn-count warn-count--yellow" data-testid="warning-count-yellow">黄 {{ yellow() }}</span>`,
  styleUrl: './warning-counts.less',
})
export class WarningCounts {
  readonly red = input.required<number>();
  readonly yellow = input.required<number>();
}
