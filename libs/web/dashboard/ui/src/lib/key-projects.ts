import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { Gauge } from './gauge';
import type { Yoy } from './kpi';

/** 重点项目 of the scope as shown: counts already formatted, rates as percentages for the rings and as text. */
export interface KeyProjectFigures {
  count: string;
  started: string;
  approved: string;
  /** 0–100, for the ring */
  startPercent: number;
  startText: string;
  approvalsPercent: number;
  approvalsText: string;
  /** 同比 of the count, of those 开复工 and of those 办结 (DOMAIN.md §6: the key-project figures have one too) */
  countYoy: Yoy;
  startedYoy: Yoy;
  approvedYoy: Yoy;
}

/** The key projects block: their number, 开复工率 and 手续办结率; one click opens the list of them. */
@Component({
  selector: 'zs-key-projects',
  imports: [NgTemplateOutlet, Gauge],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="key" (click)="open.emit()" data-testid="key-projects">
      <div class="key__count">
        <span class="key__number" data-testid="key-count">{{ figures().count }}</span>
        <span class="key__label">重点项目（个）</span>
        <ng-container *ngTemplateOutlet="yoy; context: { $implicit: figures().countYoy, testId: 'key-count-yoy' }" />
      </div>
      <div class="key__ring">
        <zs-gauge [percent]="figures().startPercent" [size]="ringWidth()" color="#1677ff" label="开复工率" data-testid="key-start-gauge">
          <span class="key__rate">{{ figures().startText }}</span>
        </zs-gauge>
        <span class="key__label">开复工率<br /><small>{{ figures().started }} 个开复工</small></span>
        <ng-container *ngTemplateOutlet="yoy; context: { $implicit: figures().startedYoy, testId: 'key-started-yoy' }" />
      </div>
      <div class="key__ring">
        <zs-gauge [percent]="figures().approvalsPercent" [size]="ringWidth()" color="#13c2c2" label="手续办结率" data-testid="key-approved-gauge">
          <span class="key__rate">{{ figures().approvalsText }}</span>
        </zs-gauge>
        <span class="key__label">手续办结率<br /><small>{{ figures().approved }} 个办结</small></span>
        <ng-container *ngTemplateOutlet="yoy; context: { $implicit: figures().approvedYoy, testId: 'key-approved-yoy' }" />
      </div>
    </button>
    <ng-template #yoy let-y let-testId="testId">
      <span class="key__yoy" [class.key__yoy--up]="y.trend === 'up'" [class.key__yoy--down]="y.trend === 'down'" [attr.data-testid]="testId">同比 {{ y.text }}</span>
    </ng-template>
  `,
  styleUrls: ['./key-projects.less', './key-projects.print.less'],
})
export class KeyProjects {
  readonly figures = input.required<KeyProjectFigures>();
  /** a phone: smaller rings */
  readonly compact = input(false);
  readonly open = output<void>();

  protected readonly ringWidth = computed(() => (this.compact() ? 96 : 112));
}
