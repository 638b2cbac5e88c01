import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import type { GridSaveState } from './editable-grid';

/**
 * The right end of an editable grid's toolbar: how much is changed, 放弃修改, 保存. Its items
 * take part in the toolbar's own flex layout. Test ids: `<testId>-pending|-discard|-save`.
 */
@Component({
  selector: 'zs-grid-save-bar',
  imports: [NzButtonModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().hasChanges()) {
      <span class="pending" [attr.data-testid]="testId() + '-pending'">{{ pendingText() }}</span>
      <button nz-button type="button" (click)="state().discard()" [attr.data-testid]="testId() + '-discard'">放弃修改</button>
    }
    <button
      nz-button
      nzType="primary"
      type="button"
      [disabled]="!state().hasChanges()"
      [nzLoading]="state().saver.saving()"
      (click)="save.emit()"
      [attr.data-testid]="testId() + '-save'"
    >
      <nz-icon nzType="save" />保存
    </button>
  `,
  styleUrl: './grid-save-bar.less',
})
export class GridSaveBar {
  readonly state = input.required<GridSaveState>();
  /** e.g. 已修改 3 个月份 */
  readonly pendingText = input.required<string>();
  readonly testId = input.required<string>();
  readonly save = output();
}

/**
 * Above an editable grid: the save's failure (a 409 with 「重新加载」) and the cells still to
 * correct. Test ids: `<testId>-error|-reload|-problems`.
 */
@Component({
  selector: 'zs-grid-alerts',
  imports: [NzAlertModule, NzButtonModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (state().saver.conflict() ?? state().saver.error(); as message) {
      <nz-alert class="note" nzType="error" nzShowIcon [nzMessage]="message" [nzAction]="state().saver.conflict() ? reloadAction : null" [attr.data-testid]="testId() + '-error'" />
      <ng-template #reloadAction>
        <button nz-button nzSize="small" type="button" (click)="state().reload()" [attr.data-testid]="testId() + '-reload'">重新加载</button>
      </ng-template>
    }
    @if (problems().length > 0) {
      <nz-alert class="note" nzType="warning" nzShowIcon [nzMessage]="problemsTitle()" [nzDescription]="problemsList" [attr.data-testid]="testId() + '-problems'" />
      <ng-template #problemsList>
        <ul class="problems">
          @for (text of problems(); track $index) {
            <li>{{ text }}</li>
          }
        </ul>
      </ng-template>
    }
  `,
  styleUrl: './grid-save-bar.less',
})
export class GridAlerts {
  readonly state = input.required<GridSaveState>();
  /** one line per wrong cell, e.g. 奈曼旗 1月：金额最多保留 2 位小数 */
  readonly problems = input.required<string[]>();
  /** e.g. 以下金额需要更正 */
  readonly problemsTitle = input.required<string>();
  readonly testId = input.required<string>();
}
