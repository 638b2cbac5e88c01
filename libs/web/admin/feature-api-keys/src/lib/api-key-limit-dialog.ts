import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { API_KEY_RATE_LIMIT_MAX, API_KEY_RATE_LIMIT_MIN, type ApiKeyDto } from '@zhaoshang/shared/domain';
import { ApiKeysApi } from '@zhaoshang/web/admin/data-access';
import { FirstErrorPipe, FormDialog, serverErrorsOn, validateAll } from '@zhaoshang/web/shared/ui';
import { saveAction } from '@zhaoshang/web/shared/util';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { RATE_LIMIT_HINT, rateLimitValidator } from './rate-limit-field';

/** Sets one key's request budget per minute (issue 16); the API applies it from the key's next request. */
@Component({
  selector: 'zs-api-key-limit-dialog',
  imports: [ReactiveFormsModule, NzFormModule, NzInputNumberModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="target() !== null"
      [title]="title()"
      [action]="saver"
      formId="api-key-limit-form"
      testId="api-key-limit-form"
      (cancelled)="closed.emit()"
      (reload)="reloadRequested.emit()"
    >
      <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="api-key-limit-form">
        <nz-form-item>
          <nz-form-label nzRequired nzFor="akl-rate-limit">每分钟请求上限</nz-form-label>
          <nz-form-control [nzErrorTip]="tip" [nzExtra]="hint">
            <nz-input-number
              nzId="akl-rate-limit"
              formControlName="rateLimitPerMinute"
              [nzMin]="min"
              [nzMax]="max"
              [nzStep]="100"
              [nzPrecision]="0"
              nzAddonAfter="次/分钟"
              data-testid="api-key-limit-form-value"
            />
          </nz-form-control>
        </nz-form-item>
        <p class="usage" data-testid="api-key-limit-form-usage">本分钟已用 {{ target()?.usedThisMinute ?? 0 }} 次；修改后立即生效。</p>
      </form>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    nz-input-number {
      max-width: 240px;
    }
    .usage {
      margin: 0;
      color: rgba(0, 0, 0, 0.55);
    }
  `,
})
export class ApiKeyLimitDialog {
  readonly target = input<ApiKeyDto | null>(null);
  readonly saved = output<ApiKeyDto>();
  readonly closed = output();
  /** after a version conflict: the page re-reads the list and passes the current key */
  readonly reloadRequested = output();

  private readonly api = inject(ApiKeysApi);
  protected readonly hint = RATE_LIMIT_HINT;
  protected readonly min = API_KEY_RATE_LIMIT_MIN;
  protected readonly max = API_KEY_RATE_LIMIT_MAX;
  protected readonly title = computed(() => `调整「${this.target()?.name ?? ''}」的请求上限`);
  protected readonly form = inject(NonNullableFormBuilder).group({
    rateLimitPerMinute: [null as number | null, [rateLimitValidator]],
  });
  protected readonly saver = saveAction();

  constructor() {
    effect(() => {
      const target = this.target();
      if (target) {
        untracked(() => {
          this.saver.reset();
          this.form.reset({ rateLimitPerMinute: target.rateLimitPerMinute });
        });
      }
    });
  }

  protected submit(): void {
    const target = this.target();
    const rateLimitPerMinute = this.form.controls.rateLimitPerMinute.value;
    if (!target || this.saver.saving() || !validateAll(this.form) || rateLimitPerMinute === null) return;
    this.saver.run(this.api.update(target.id, { rateLimitPerMinute, version: target.version }), {
      next: (key) => {
        this.saved.emit(key);
        this.closed.emit();
      },
      error: serverErrorsOn(this.form),
    });
  }
}
