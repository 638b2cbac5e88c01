import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { SaveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';

/**
 * The frame every dialog of ours shares: title, the projected body, the save's alerts (a 409 with
 * its 「重新加载」 action, any other failure), and the footer's 取消 and submit buttons.
 *
 * Body: `[zsDialogIntro]` content stands above the alerts, the rest below them. With `formId`, the
 * submit button submits that form (so Enter in a field sends too); without, it emits `submitted`.
 * Focus on opening: the first field of the form (with `formId`), else the submit button; never the
 * ×, on which Enter would cancel what the user meant to confirm (issue 13).
 * Test ids derive from `testId`: `-conflict`, `-reload`, `-error`, `-submit`, `-cancel`.
 */
@Component({
  selector: 'zs-form-dialog',
  imports: [NzAlertModule, NzButtonModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="title()"
      [nzFooter]="footer"
      [nzMaskClosable]="false"
      [nzClosable]="closable()"
      [nzKeyboard]="closable()"
      [nzWidth]="width()"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        <!-- the first field takes the focus when the dialog opens (a form dialog), so that typing and Enter go to the form -->
        <div class="zs-dialog-body" [attr.cdkFocusInitial]="formId() ? '' : null">
        <ng-content select="[zsDialogIntro]" />
        @if (action()?.conflict(); as message) {
          <nz-alert class="zs-dialog-alert" nzType="warning" nzShowIcon [nzMessage]="message" [nzAction]="reloadAction" [attr.data-testid]="testId() + '-conflict'" />
          <ng-template #reloadAction>
            <button nz-button nzSize="small" type="button" [nzLoading]="reloading()" (click)="reload.emit()" [attr.data-testid]="reloadTestId() ?? testId() + '-reload'">
              重新加载
            </button>
          </ng-template>
        }
        @if (action()?.error(); as message) {
          <nz-alert class="zs-dialog-alert" nzType="error" nzShowIcon [nzMessage]="message" [attr.data-testid]="testId() + '-error'" />
        }
        <ng-content />
        </div>
      </ng-container>
    </nz-modal>
    <ng-template #footer>
      @if (cancelText(); as text) {
        <button nz-button type="button" (click)="cancelled.emit()" [attr.data-testid]="testId() + '-cancel'">{{ text }}</button>
      }
      <button
        nz-button
        nzType="primary"
        [nzDanger]="danger()"
        [attr.type]="formId() ? 'submit' : 'button'"
        [attr.form]="formId()"
        [disabled]="submitDisabled() || !!action()?.conflict()"
        [nzLoading]="saving()"
        (click)="formId() ? null : submitted.emit()"
        [attr.data-testid]="submitTestId() ?? testId() + '-submit'"
        [attr.cdkFocusInitial]="formId() ? null : ''"
      >
        {{ submitText() }}
      </button>
    </ng-template>
  `,
  styleUrl: './form-dialog.less',
})
export class FormDialog {
  readonly open = input.required<boolean>();
  readonly title = input.required<string>();
  /** the save whose state the dialog shows: saving on the button, its conflict and error as alerts */
  readonly action = input<SaveAction | null>(null);
  /** busy without a SaveAction (the page sends, e.g. 退回) */
  readonly busy = input(false);
  readonly reloading = input(false);
  /** the id of the projected <form>; the submit button then submits it */
  readonly formId = input<string | null>(null);
  readonly submitText = input('保存');
  /** null: no cancel button (a dialog that must be acknowledged) */
  readonly cancelText = input<string | null>('取消');
  readonly danger = input(false);
  readonly submitDisabled = input(false);
  /** false: no ×, no Escape: only the footer's button closes it */
  readonly closable = input(true);
  readonly width = input<string | number>(520);
  readonly testId = input.required<string>();
  readonly submitTestId = input<string | null>(null);
  readonly reloadTestId = input<string | null>(null);

  readonly cancelled = output();
  readonly submitted = output();
  readonly reload = output();

  protected readonly saving = computed(() => this.busy() || (this.action()?.saving() ?? false));
}
