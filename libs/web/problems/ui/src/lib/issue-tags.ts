import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { ISSUE_CATEGORY_LABELS, ISSUE_STATUS_LABELS, type IssueCategory, type IssueStatus } from '@zhaoshang/shared/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** 待办 orange (nobody has taken it up), 办理中 blue, 已解决 green, 无法解决 grey (closed, but not solved). */
export const ISSUE_STATUS_COLORS: Record<IssueStatus, string> = {
  OPEN: 'orange',
  IN_PROGRESS: 'blue',
  RESOLVED: 'green',
  UNRESOLVABLE: 'default',
};

@Component({
  selector: 'zs-issue-status-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag class="tag" [nzColor]="colors[status()]" [attr.data-status]="status()" data-testid="issue-status">{{ labels[status()] }}</nz-tag>`,
  styles: `
    .tag {
      margin-inline-end: 0;
    }
  `,
})
export class IssueStatusTag {
  readonly status = input.required<IssueStatus>();
  protected readonly colors = ISSUE_STATUS_COLORS;
  protected readonly labels = ISSUE_STATUS_LABELS;
}

/** The category as a quiet tag: it says what kind of help is needed, not how urgent. */
@Component({
  selector: 'zs-issue-category-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag class="tag" nzColor="geekblue" [attr.data-category]="category()">{{ labels[category()] }}</nz-tag>`,
  styles: `
    .tag {
      margin-inline-end: 0;
    }
  `,
})
export class IssueCategoryTag {
  readonly category = input.required<IssueCategory>();
  protected readonly labels = ISSUE_CATEGORY_LABELS;
}
