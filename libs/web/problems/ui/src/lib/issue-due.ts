import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { shanghaiToday } from '@zhaoshang/shared/domain';

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((day(to) - day(from)) / 86_400_000);
}

/**
 * The words after a due date: 超期N天 for an overdue problem. The API decides whether it is overdue
 * (its today, which tests may move); the days count from the browser's today, at least one.
 */
export function overdueText(issue: { dueAt: string; overdue: boolean }, today: string = shanghaiToday()): string | null {
  return issue.overdue ? `超期${Math.max(1, daysFrom(issue.dueAt, today))}天` : null;
}

/** 办理时限: the due date, and 超期N天 in red beside it while the problem is open past it. */
@Component({
  selector: 'zs-issue-due',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="date">{{ issue().dueAt }}</span>
    @if (late(); as text) {
      <span class="late" data-testid="issue-overdue">{{ text }}</span>
    }`,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0 6px;
      font-variant-numeric: tabular-nums;
    }
    .late {
      color: #cf1322;
      font-weight: 500;
      white-space: nowrap;
    }
  `,
})
export class IssueDue {
  readonly issue = input.required<{ dueAt: string; overdue: boolean }>();
  protected readonly late = computed(() => overdueText(this.issue()));
}
