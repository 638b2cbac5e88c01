import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { WARNING_LEVEL_LABELS, WARNING_RULE_LABELS, type WarningLevel, type WarningRule } from '@zhaoshang/shared/domain';
import { type WarningFlags, WarningFlagsStore } from '@zhaoshang/web/warnings/data-access';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';

/** What a narrow column can say of a rule. */
export const WARNING_RULE_SHORT: Record<WarningRule, string> = {
  START: '未开工',
  STATS: '未入库',
  FUNDS: '资金未到位',
  REPORT: '月报未报',
  ISSUE: '问题超期',
  POLICY: '政策未兑现',
};

const TAG_COLORS: Record<WarningLevel, string> = { RED: 'red', YELLOW: 'gold' };

/** The worst flag first (red before yellow), then the rules' order. */
export function sortedFlags(flags: WarningFlags): WarningFlags {
  return [...flags].sort((a, b) => (a.level === b.level ? 0 : a.level === 'RED' ? -1 : 1));
}

/** `未开工 +1`: the worst flag's short text, and how many more. */
export function warningTagText(flags: WarningFlags): string {
  const [worst, ...rest] = sortedFlags(flags);
  return worst ? `${WARNING_RULE_SHORT[worst.rule]}${rest.length > 0 ? ` +${rest.length}` : ''}` : '';
}

/** `红色预警：未按期开工；黄色预警：月报未报送`, for the tooltip. */
export function warningDetail(flags: WarningFlags): string {
  return sortedFlags(flags)
    .map((f) => `${WARNING_LEVEL_LABELS[f.level]}预警：${WARNING_RULE_LABELS[f.rule]}`)
    .join('；');
}

/**
 * The list's 预警 cell (issue 13: a bare dot said nothing): a tag in the worst level's colour with the
 * warning's short text, the details in the tooltip. Rows ask the shared store, which sends one
 * request for the whole page.
 */
@Component({
  selector: 'zs-project-warning-tag',
  imports: [NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (flags(); as flags) {
      @if (flags.length > 0) {
        <nz-tag
          class="warning-tag"
          [nzColor]="color()"
          nz-tooltip
          [nzTooltipTitle]="detail()"
          [attr.aria-label]="detail()"
          data-testid="warning-tag"
          [attr.data-level]="level()"
          [attr.data-levels]="levels()"
          >{{ text() }}</nz-tag
        >
      } @else if (emptyText()) {
        <span class="none">{{ emptyText() }}</span>
      }
    }
  `,
  styles: `
    .warning-tag {
      margin: 0;
      cursor: default;
      white-space: nowrap;
    }
    .none {
      color: rgba(0, 0, 0, 0.25);
    }
  `,
})
export class ProjectWarningTag {
  private readonly store = inject(WarningFlagsStore);
  readonly projectId = input.required<string>();
  /** what a project without warnings shows: a dash in a table's column, nothing on a card */
  readonly emptyText = input<string | null>('—');
  protected readonly flags = computed(() => this.store.get(this.projectId()));
  protected readonly level = computed(() => sortedFlags(this.flags() ?? [])[0]?.level ?? null);
  /** every flag's level, as the API lists them (for tests and tools that read the row) */
  protected readonly levels = computed(() => (this.flags() ?? []).map((f) => f.level).join(','));
  protected readonly color = computed(() => {
    const level = this.level();
    return level ? TAG_COLORS[level] : 'default';
  });
  protected readonly text = computed(() => warningTagText(this.flags() ?? []));
  protected readonly detail = computed(() => warningDetail(this.flags() ?? []));

  constructor() {
    effect(() => this.store.request(this.projectId()));
  }
}
