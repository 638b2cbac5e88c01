import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { WarningFlagsStore } from '@zhaoshang/web/warnings/data-access';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { flagsText } from './warning-view';

/**
 * The project list's red/yellow dots: one per warning of the project today, a tooltip naming them.
 * Rows ask the shared store, which sends one request for the whole page.
 */
@Component({
  selector: 'zs-warning-dots',
  imports: [NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (flags(); as flags) {
      @if (flags.length > 0) {
        <span class="dots" nz-tooltip [nzTooltipTitle]="text()" [attr.aria-label]="'预警：' + text()" data-testid="warning-dots" [attr.data-levels]="levels()">
          @for (f of flags; track f.rule) {
            <span class="dot" [class.dot--red]="f.level === 'RED'" [class.dot--yellow]="f.level === 'YELLOW'"></span>
          }
        </span>
      }
    }
  `,
  styles: `
    .dots {
      display: inline-flex;
      gap: 3px;
      align-items: center;
      cursor: default;
      vertical-align: middle;
    }
    .dot {
      display: inline-block;
      width: 8px;
      height: 8px;
      border-radius: 50%;
    }
    .dot--red {
      background: #f5222d;
    }
    .dot--yellow {
      background: #faad14;
    }
  `,
})
export class WarningDots {
  private readonly store = inject(WarningFlagsStore);
  readonly projectId = input.required<string>();
  protected readonly flags = computed(() => this.store.get(this.projectId()));
  protected readonly text = computed(() => flagsText(this.flags() ?? []));
  protected readonly levels = computed(() => (this.flags() ?? []).map((f) => f.level).join(','));

  constructor() {
    effect(() => this.store.request(this.projectId()));
  }
}
