import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { INVESTOR_ORIGIN_LABELS, type LookAlikeCandidate } from '@zhaoshang/shared/domain';
import { WanPipe } from '@zhaoshang/web/shared/ui';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { StageTag } from './stage-tag';

export const LOOK_ALIKE_REASON_LABELS: Record<LookAlikeCandidate['reasons'][number], string> = {
  SAME_USCC: '同一投资方信用代码',
  SAME_NAME_IN_REGION: '同地区同名',
};

/** Existing projects that look like the one being entered, and why. Links open in a new tab. */
@Component({
  selector: 'zs-look-alike-table',
  imports: [NzTableModule, NzTagModule, StageTag, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-table
      [nzData]="candidates()"
      [nzFrontPagination]="false"
      [nzShowPagination]="false"
      [nzScroll]="{ x: '940px' }"
      nzSize="small"
      data-testid="look-alike-table"
    >
      <thead>
        <tr>
          <th nzWidth="140px">项目编号</th>
          <th nzWidth="190px">项目名称</th>
          <th nzWidth="80px">地区</th>
          <th nzWidth="170px">投资方</th>
          <th nzWidth="110px" nzAlign="right">签约额(万元)</th>
          <th nzWidth="96px">阶段</th>
          <th nzWidth="154px">相似原因</th>
        </tr>
      </thead>
      <tbody>
        @for (c of candidates(); track c.id) {
          <tr data-testid="look-alike-row">
            <td class="mono">{{ c.projectNo }}</td>
            <td>
              <a [href]="'/projects/' + c.id" target="_blank" rel="noopener">{{ c.name }}</a>
            </td>
            <td>{{ c.regionName }}</td>
            <td>
              {{ c.investorName }}
              <span class="muted">（{{ origins[c.investorOrigin] }}）</span>
            </td>
            <td nzAlign="right" class="num">{{ c.contractAmountWan | zsWan }}</td>
            <td><zs-stage-tag [stage]="c.stage" /></td>
            <td>
              @for (reason of c.reasons; track reason) {
                <nz-tag nzColor="warning">{{ reasonLabels[reason] }}</nz-tag>
              }
            </td>
          </tr>
        }
      </tbody>
    </nz-table>
  `,
  styles: `
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 13px;
      white-space: nowrap;
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class LookAlikeTable {
  readonly candidates = input.required<LookAlikeCandidate[]>();
  protected readonly origins = INVESTOR_ORIGIN_LABELS;
  protected readonly reasonLabels = LOOK_ALIKE_REASON_LABELS;
}
