import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { WARNING_LEVEL_LABELS, WARNING_RULE_LABELS } from '@zhaoshang/shared/domain';
import { WarningsApi } from '@zhaoshang/web/warnings/data-access';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, map, of } from 'rxjs';
import { LEVEL_TAG_COLORS } from './warning-view';

/** The project detail's 「预警」 box: today's warnings of the project; nothing at all when it has none. */
@Component({
  selector: 'zs-project-warnings',
  imports: [NzTagModule, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (warnings.value(); as items) {
      @if (items.length > 0) {
        <section class="box" [class.box--red]="hasRed(items)" aria-label="预警" data-testid="project-warnings">
          <div class="box__title">预警 <a class="box__more" routerLink="/warnings">全部预警</a></div>
          <ul class="box__list">
            @for (w of items; track w.rule) {
              <li class="box__item" data-testid="project-warning" [attr.data-rule]="w.rule" [attr.data-level]="w.level">
                <nz-tag [nzColor]="colors[w.level]">{{ levelLabels[w.level] }}</nz-tag>
                <span class="box__rule">{{ ruleLabels[w.rule] }}</span>
                <span class="box__message">{{ w.message }}</span>
                <span class="box__since">自 {{ w.since }} 起</span>
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .box {
      margin-bottom: 16px;
      padding: 10px 16px;
      background: #fffbe6;
      border: 1px solid #ffe58f;
      border-radius: 8px;
    }
    .box--red {
      background: #fff1f0;
      border-color: #ffccc7;
    }
    .box__title {
      display: flex;
      justify-content: space-between;
      margin-bottom: 6px;
      font-weight: 600;
    }
    .box__more {
      font-weight: normal;
    }
    .box__list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .box__item {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 8px;
      padding: 3px 0;
    }
    .box__rule {
      font-weight: 500;
    }
    .box__message {
      color: rgba(0, 0, 0, 0.75);
    }
    .box__since {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class ProjectWarningsCard {
  private readonly api = inject(WarningsApi);
  readonly projectId = input.required<string>();

  protected readonly colors = LEVEL_TAG_COLORS;
  protected readonly levelLabels = WARNING_LEVEL_LABELS;
  protected readonly ruleLabels = WARNING_RULE_LABELS;
  /** a failure shows nothing: the detail page stays usable without its warnings */
  protected readonly warnings = rxResource({
    params: () => this.projectId(),
    stream: ({ params }) =>
      this.api.forProject(params).pipe(
        map((r) => r.items),
        catchError(() => of([])),
      ),
  });

  protected hasRed(items: readonly { level: string }[]): boolean {
    return items.some((w) => w.level === 'RED');
  }
}
