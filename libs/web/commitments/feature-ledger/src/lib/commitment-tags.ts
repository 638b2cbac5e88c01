import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { COMMITMENT_STATUS_LABELS, type CommitmentStatus } from '@zhaoshang/shared/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** 未兑现 orange (still owed), 部分兑现 blue, 已兑现 green, 不再兑现 grey (closed, but not honoured). */
export const COMMITMENT_STATUS_COLORS: Record<CommitmentStatus, string> = {
  PENDING: 'orange',
  PARTIAL: 'blue',
  HONOURED: 'green',
  WITHDRAWN: 'default',
};

@Component({
  selector: 'zs-commitment-status-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag class="tag" [nzColor]="colors[status()]" [attr.data-status]="status()" data-testid="commitment-status">{{ labels[status()] }}</nz-tag>`,
  styles: `
    .tag {
      margin-inline-end: 0;
    }
  `,
})
export class CommitmentStatusTag {
  readonly status = input.required<CommitmentStatus>();
  protected readonly colors = COMMITMENT_STATUS_COLORS;
  protected readonly labels = COMMITMENT_STATUS_LABELS;
}
