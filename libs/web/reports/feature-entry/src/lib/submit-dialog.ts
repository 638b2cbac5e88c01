import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { REPORT_STATUS_LABELS } from '@zhaoshang/shared/domain';
import { DateTimePipe, FormDialog, WanPipe } from '@zhaoshang/web/shared/ui';
import type { GridRow } from './grid-model';

/** One line of what a submit would send, as the dialog lists it. */
export interface SubmitLine {
  projectId: string;
  projectNo: string;
  projectName: string;
  arrivedTotal: string;
  /** 草稿 / 已退回 / 未保存的新填写 */
  state: string;
  /** typed on this page now, rather than a draft found saved (by a colleague, or earlier) */
  mine: boolean;
  savedAt: string | null;
}

export function submitLine(row: GridRow): SubmitLine {
  const status = row.status();
  return {
    projectId: row.projectId,
    projectNo: row.projectNo,
    projectName: row.projectName,
    arrivedTotal: row.arrivedTotal(),
    state: status ? REPORT_STATUS_LABELS[status] : '新填写',
    mine: row.edits > 0,
    savedAt: row.report()?.updatedAt ?? null,
  };
}

/**
 * 提交: lists by name every report the submit will send, and sends those only (by project id).
 * Drafts saved earlier, by a colleague or in another session, are marked so: nothing is submitted
 * that the user did not see listed (issue 13: 「提交全部」 used to send the whole region's drafts
 * behind a bare count). The submit button has the focus, so Enter submits.
 */
@Component({
  selector: 'zs-report-submit-dialog',
  imports: [DateTimePipe, FormDialog, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="lines() !== null"
      [title]="'提交' + monthText() + '月报（' + count() + ' 条）'"
      [busy]="busy()"
      [submitText]="'提交 ' + count() + ' 条'"
      [submitDisabled]="count() === 0"
      testId="report-submit"
      (cancelled)="cancelled.emit()"
      (submitted)="submitted.emit(ids())"
    >
      <p class="intro" zsDialogIntro data-testid="report-submit-intro">
        将提交下列 {{ count() }} 条月报，提交后由市级核实，期间不能再修改。
        @if (others() > 0) {
          <b class="others">其中 {{ others() }} 条是此前保存的草稿（可能由同事填写），请确认无误。</b>
        }
        @if (hidden() > 0) {
          <span class="hidden-note">另有 {{ hidden() }} 条草稿或退回的月报不在当前筛选中，不会提交。</span>
        }
      </p>
      <ul class="lines" data-testid="report-submit-lines">
        @for (line of lines() ?? []; track line.projectId) {
          <li class="line" [class.line--other]="!line.mine">
            <span class="line__name" [title]="line.projectName">{{ line.projectName }}</span>
            <span class="line__state">{{ line.mine ? '本次填写' : line.state + (line.savedAt ? ' · ' + (line.savedAt | zsDateTime) + ' 保存' : '') }}</span>
            <span class="line__amount">{{ line.arrivedTotal | zsWan }}</span>
          </li>
        }
      </ul>
    </zs-form-dialog>
  `,
  styleUrl: './submit-dialog.less',
})
export class SubmitDialog {
  /** null: closed */
  readonly lines = input.required<SubmitLine[] | null>();
  readonly monthText = input.required<string>();
  /** submittable reports the current filter hides (not sent) */
  readonly hidden = input(0);
  readonly busy = input(false);

  readonly submitted = output<string[]>();
  readonly cancelled = output();

  protected readonly count = computed(() => this.lines()?.length ?? 0);
  protected readonly others = computed(() => (this.lines() ?? []).filter((line) => !line.mine).length);
  protected readonly ids = computed(() => (this.lines() ?? []).map((line) => line.projectId));
}
