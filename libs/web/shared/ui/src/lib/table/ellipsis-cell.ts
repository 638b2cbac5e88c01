import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/**
 * A table cell's text on one line, cut with … where the column is narrower, the whole text in a
 * tooltip (Ant Design Pro's `ellipsis`). `short` is shown instead of `text` when given (科左中旗 for
 * 科尔沁左翼中旗); the tooltip always has the full text. Put it in a `td` of a fixed-layout table.
 */
@Component({
  selector: 'zs-ellipsis',
  imports: [NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="zs-ellipsis" nz-tooltip [nzTooltipTitle]="tooltip()" nzTooltipPlacement="topLeft" [attr.aria-label]="text()">{{ short() ?? text() ?? '—' }}</span>`,
  host: { class: 'zs-ellipsis-host' },
  styles: `
    :host {
      display: block;
      min-width: 0;
    }
    .zs-ellipsis {
      display: block;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
  `,
})
export class EllipsisCell {
  readonly text = input.required<string | null | undefined>();
  readonly short = input<string | null | undefined>(undefined);
  /** no tooltip for an empty cell */
  protected readonly tooltip = computed(() => this.text() || null);
}
