import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { STAGE_LABELS, type ProjectStage } from '@zhaoshang/shared/domain';
import { NzTagModule } from 'ng-zorro-antd/tag';

/** One colour per stage, from grey (在谈) through blue and orange to green (投产); red for 已终止. */
export const STAGE_COLORS: Record<ProjectStage, string> = {
  NEGOTIATING: 'default',
  SIGNED: 'blue',
  REGISTERED: 'cyan',
  UNDER_CONSTRUCTION: 'orange',
  IN_PRODUCTION: 'green',
  TERMINATED: 'red',
};

@Component({
  selector: 'zs-stage-tag',
  imports: [NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-tag class="stage-tag" [nzColor]="colors[stage()]" [attr.data-stage]="stage()">{{ labels[stage()] }}</nz-tag>`,
  styles: `
    .stage-tag {
      margin-inline-end: 0;
    }
  `,
})
export class StageTag {
  readonly stage = input.required<ProjectStage>();
  protected readonly colors = STAGE_COLORS;
  protected readonly labels = STAGE_LABELS;
}
