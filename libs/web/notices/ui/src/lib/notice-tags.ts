import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, type NoticeKind, type NoticeStatus } from '@zhaoshang/shared/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { KIND_TAG_COLORS, STATUS_TAG_COLORS, daysPast } from './notice-view';

/** 提醒单 / 催办单 / 督办单 / 移交函 as a tag coloured by its rung. */
@Component({
  selector: 'zs-notice-kind-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag [nzColor]="colors[kind()]" data-testid="notice-kind" [attr.data-kind]="kind()">{{ labels[kind()] }}</nz-tag>`,
})
export class NoticeKindTag {
  readonly kind = input.required<NoticeKind>();
  protected readonly colors = KIND_TAG_COLORS;
  protected readonly labels = NOTICE_KIND_LABELS;
}

@Component({
  selector: 'zs-notice-status-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag [nzColor]="colors[status()]" data-testid="notice-status" [attr.data-status]="status()">{{ labels[status()] }}</nz-tag>`,
})
export class NoticeStatusTag {
  readonly status = input.required<NoticeStatus>();
  protected readonly colors = STATUS_TAG_COLORS;
  protected readonly labels = NOTICE_STATUS_LABELS;
}

/** 办理时限 and, for a live notice past it, 超期N天 in red. */
@Component({
  selector: 'zs-notice-deadline',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="date">{{ deadline() }}</span>
    @if (overdueDays() > 0) {
      <span class="overdue" data-testid="notice-overdue">超期{{ overdueDays() }}天</span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0 6px;
      white-space: nowrap;
    }
    .date {
      font-variant-numeric: tabular-nums;
    }
    .overdue {
      color: #cf1322;
      font-weight: 500;
    }
  `,
})
export class NoticeDeadline {
  readonly deadline = input.required<string>();
  /** the API's verdict: live and past its deadline today */
  readonly overdue = input(false);
  readonly today = input.required<string>();
  /** at least 1 when the API says overdue (its clock may be a day ahead of this browser's) */
  protected readonly overdueDays = computed(() => (this.overdue() ? Math.max(1, daysPast(this.deadline(), this.today())) : 0));
}
