import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Milestones, ProjectStage } from '@zhaoshang/shared/domain';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { type TimelineState, timelineSteps } from './timeline';

const COLORS: Record<TimelineState, string> = { done: 'green', skipped: 'gray', pending: 'gray', terminated: 'red' };

/** 签约 → 注册落地 → 开工 → 竣工投产 (→ 终止), with dates; skipped and future steps in grey. */
@Component({
  selector: 'zs-project-timeline',
  imports: [NzTimelineModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-timeline class="timeline" data-testid="project-timeline">
      @for (step of steps(); track step.field) {
        <nz-timeline-item [nzColor]="step.current && step.state === 'done' ? 'blue' : colors[step.state]" [attr.data-state]="step.state">
          <div class="timeline__row" [class.timeline__row--muted]="step.state === 'skipped' || step.state === 'pending'" [class.timeline__row--terminated]="step.state === 'terminated'">
            <span class="timeline__label">{{ step.label }}</span>
            @switch (step.state) {
              @case ('done') {
                <span class="timeline__date">{{ step.date ?? '日期未填' }}</span>
              }
              @case ('skipped') {
                <span class="timeline__date">已跳过</span>
              }
              @case ('pending') {
                <span class="timeline__date">未到达</span>
              }
              @case ('terminated') {
                <span class="timeline__date">{{ step.date ?? '日期未填' }}</span>
              }
            }
            @if (step.current && step.state === 'done') {
              <span class="timeline__current">当前阶段</span>
            }
          </div>
          @if (step.note) {
            <div class="timeline__note">终止原因：{{ step.note }}</div>
          }
        </nz-timeline-item>
      }
    </nz-timeline>
  `,
  styles: `
    .timeline {
      display: block;
      padding-top: 6px;
    }
    /* the last step ends the line: no room kept below it */
    .timeline ::ng-deep .ant-timeline-item-last {
      padding-bottom: 0;
    }
    .timeline ::ng-deep .ant-timeline-item-last > .ant-timeline-item-content {
      min-height: 0;
    }
    .timeline__row {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
    }
    .timeline__label {
      min-width: 64px;
      font-weight: 500;
    }
    .timeline__date {
      font-variant-numeric: tabular-nums;
    }
    .timeline__row--muted {
      color: rgba(0, 0, 0, 0.35);
    }
    .timeline__row--terminated {
      color: #cf1322;
    }
    .timeline__current {
      padding: 0 6px;
      color: #1677ff;
      font-size: 12px;
      background: #e6f4ff;
      border-radius: 4px;
    }
    .timeline__note {
      margin-top: 2px;
      color: #cf1322;
    }
  `,
})
export class ProjectTimeline {
  readonly project = input.required<Milestones & { stage: ProjectStage }>();
  protected readonly steps = computed(() => timelineSteps(this.project()));
  protected readonly colors = COLORS;
}
