import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeDto, type NoticeKind, needsSignature, shanghaiToday } from '@zhaoshang/shared/domain';
import { NoticesApi, subjectFields } from '@zhaoshang/web/notices/data-access';
import { ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { FirstErrorPipe, FormDialog, applyServerErrors, validateAll } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage, fromIsoDate, saveAction, toIsoDate } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import type { Subscription } from 'rxjs';
import { type NoticeComposeRequest, TEXT_MAX, TITLE_MAX, composeForm, fillFromSuggestion, savedMessage } from './compose-form';

/**
 * 发提醒单/催办单, 拟督办单/移交函 (DOMAIN.md §9), or edit a draft: the API suggests the text
 * (GET /notices/compose), the user corrects it. 提醒单 and 催办单 are issued at once; 督办单 and 移交函
 * go to the chosen leader to sign.
 */
@Component({
  selector: 'zs-notice-compose-dialog',
  imports: [ReactiveFormsModule, NzDatePickerModule, NzFormModule, NzInputModule, NzRadioModule, NzSelectModule, NzSpinModule, FirstErrorPipe, FormDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-form-dialog
      [open]="request() !== null"
      [title]="title()"
      [action]="saver"
      formId="notice-compose-form"
      [submitText]="submitText()"
      [submitDisabled]="suggesting()"
      [width]="640"
      testId="notice-compose"
      (cancelled)="closed.emit()"
      (reload)="closed.emit()"
    >
      @if (subjectLabel(); as label) {
        <p zsDialogIntro class="subject" data-testid="notice-compose-subject">{{ label }}</p>
      }
      @if (suggestError(); as message) {
        <p class="suggest-error" data-testid="notice-compose-suggest-error">{{ message }}</p>
      }
      <nz-spin [nzSpinning]="suggesting()">
        <form nz-form nzLayout="vertical" [formGroup]="form" (ngSubmit)="submit()" novalidate id="notice-compose-form">
          @if (!isEdit()) {
            <nz-form-item>
              <nz-form-label nzRequired>类别</nz-form-label>
              <nz-form-control [nzExtra]="kindHint()">
                <nz-radio-group formControlName="kind" nzButtonStyle="solid" data-testid="notice-compose-kind">
                  @for (kind of kinds; track kind) {
                    <label nz-radio-button [nzValue]="kind" [attr.data-kind]="kind">{{ kindLabels[kind] }}</label>
                  }
                </nz-radio-group>
              </nz-form-control>
            </nz-form-item>
          }
          <nz-form-item>
            <nz-form-label nzRequired nzFor="nc-unit">主送单位</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <nz-select nzId="nc-unit" formControlName="recipientUnitId" nzShowSearch nzPlaceHolder="选择责任单位" data-testid="notice-compose-unit">
                @for (unit of responsibility.units.active(); track unit.id) {
                  <nz-option [nzValue]="unit.id" [nzLabel]="unit.name" />
                }
              </nz-select>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="nc-title">标题</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <input nz-input id="nc-title" formControlName="title" autocomplete="off" [attr.maxlength]="titleMax" data-testid="notice-compose-title" />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="nc-facts">事实</nz-form-label>
            <nz-form-control [nzErrorTip]="tip" nzExtra="空一行分段">
              <textarea nz-input id="nc-facts" formControlName="facts" rows="4" [attr.maxlength]="textMax" data-testid="notice-compose-facts"></textarea>
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzRequired nzFor="nc-requirement">办理要求</nz-form-label>
            <nz-form-control [nzErrorTip]="tip">
              <textarea nz-input id="nc-requirement" formControlName="requirement" rows="3" [attr.maxlength]="textMax" data-testid="notice-compose-requirement"></textarea>
            </nz-form-control>
          </nz-form-item>
          <div class="row">
            <nz-form-item class="row__item">
              <nz-form-label nzRequired nzFor="nc-deadline">办理时限</nz-form-label>
              <nz-form-control [nzErrorTip]="tip" nzExtra="默认按设置的工作日数推算">
                <nz-date-picker nzId="nc-deadline" formControlName="deadline" nzFormat="yyyy-MM-dd" [nzDisabledDate]="beforeToday" [nzAllowClear]="false" data-testid="notice-compose-deadline" />
              </nz-form-control>
            </nz-form-item>
            @if (signs()) {
              <nz-form-item class="row__item">
                <nz-form-label nzRequired nzFor="nc-signer">签发领导</nz-form-label>
                <nz-form-control [nzErrorTip]="tip" nzExtra="该领导在手机或电脑上签发后才下发">
                  <nz-select nzId="nc-signer" formControlName="signerLeaderId" nzPlaceHolder="选择领导" data-testid="notice-compose-signer">
                    @for (leader of signers(); track leader.id) {
                      <nz-option [nzValue]="leader.id" [nzLabel]="leader.name" />
                    }
                  </nz-select>
                </nz-form-control>
              </nz-form-item>
            }
          </div>
        </form>
      </nz-spin>
    </zs-form-dialog>
    <ng-template #tip let-control>{{ control.errors | zsFirstError }}</ng-template>
  `,
  styles: `
    .subject {
      margin: 0 0 12px;
      padding: 8px 12px;
      color: rgba(0, 0, 0, 0.75);
      background: #fafafa;
      border-radius: 6px;
    }
    .suggest-error {
      color: #cf1322;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
    }
    .row__item {
      flex: 1 1 220px;
    }
    nz-date-picker,
    nz-select {
      width: 100%;
    }
  `,
})
export class NoticeComposeDialog {
  readonly request = input<NoticeComposeRequest | null>(null);
  readonly done = output<NoticeDto>();
  readonly closed = output();

  private readonly api = inject(NoticesApi);
  private readonly messages = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly responsibility = inject(ResponsibilityStore);
  protected readonly form = composeForm(inject(NonNullableFormBuilder));
  protected readonly saver = saveAction();
  protected readonly kinds = NOTICE_KINDS;
  protected readonly kindLabels = NOTICE_KIND_LABELS;
  protected readonly titleMax = TITLE_MAX;
  protected readonly textMax = TEXT_MAX;
  protected readonly suggesting = signal(false);
  protected readonly suggestError = signal<string | null>(null);
  private readonly kind = signal<NoticeKind>('REMINDER');
  private suggestion: Subscription | null = null;

  protected readonly isEdit = computed(() => this.request()?.mode === 'edit');
  protected readonly signs = computed(() => needsSignature(this.kind()));
  /** leaders who can sign: those linked to an account (the API refuses the others) */
  protected readonly signers = computed(() => this.responsibility.leaders.active().filter((l) => l.userId !== null));
  protected readonly title = computed(() => {
    const request = this.request();
    if (!request) return '';
    if (request.mode === 'edit') return `修改${NOTICE_KIND_LABELS[request.notice.kind]}`;
    return `${needsSignature(this.kind()) ? '拟' : '发'}${NOTICE_KIND_LABELS[this.kind()]}`;
  });
  protected readonly subjectLabel = computed(() => {
    const request = this.request();
    if (!request) return null;
    return request.mode === 'edit' ? `${request.notice.projectName}（${request.notice.projectNo}）` : (request.subjectLabel ?? null);
  });
  protected readonly submitText = computed(() => (this.isEdit() ? (this.request()?.mode === 'edit' && this.signs() ? '保存并提交签发' : '保存') : this.signs() ? '提交领导签发' : '下发'));
  protected readonly kindHint = computed(() => (this.signs() ? '督办单、移交函经领导签发后下发并编号' : '提醒单、催办单提交后即下发并编号'));
  protected readonly beforeToday = (date: Date): boolean => toIsoDate(date) < shanghaiToday();

  constructor() {
    this.responsibility.units.ensureLoaded();
    this.responsibility.leaders.ensureLoaded();
    effect(() => {
      const request = this.request();
      if (request) untracked(() => this.open(request));
    });
    this.form.controls.kind.valueChanges.pipe(takeUntilDestroyed()).subscribe((kind) => {
      this.kind.set(kind);
      const request = this.request();
      if (request?.mode === 'create') this.suggest(request, kind, true);
    });
  }

  protected submit(): void {
    const request = this.request();
    if (!request || this.saver.saving() || !validateAll(this.form)) return;
    const v = this.form.getRawValue();
    const fields = {
      recipientUnitId: v.recipientUnitId ?? '',
      title: v.title.trim(),
      facts: v.facts.trim(),
      requirement: v.requirement.trim(),
      deadline: v.deadline ? toIsoDate(v.deadline) : undefined,
      ...(needsSignature(v.kind) && v.signerLeaderId ? { signerLeaderId: v.signerLeaderId } : {}),
    };
    const call =
      request.mode === 'edit'
        ? this.api.update(request.notice.id, { ...fields, version: request.notice.version })
        : this.api.create({ kind: v.kind, ...subjectFields(request.subject), ...(request.previousNoticeId ? { previousNoticeId: request.previousNoticeId } : {}), ...fields });
    this.saver.run(call, {
      next: (notice) => {
        this.messages.success(savedMessage(notice, request.mode));
        this.done.emit(notice);
        this.closed.emit();
      },
      error: (error) => applyServerErrors(this.form, error),
    });
  }

  private open(request: NoticeComposeRequest): void {
    this.saver.reset();
    this.suggestError.set(null);
    this.form.reset(undefined, { emitEvent: false });
    if (request.mode === 'edit') {
      const n = request.notice;
      this.kind.set(n.kind);
      this.form.reset({ kind: n.kind, recipientUnitId: n.recipientUnitId, title: n.title, facts: n.facts, requirement: n.requirement, deadline: fromIsoDate(n.deadline), signerLeaderId: n.signerLeaderId }, { emitEvent: false });
      return;
    }
    const kind = request.kind ?? 'REMINDER';
    this.kind.set(kind);
    this.form.controls.kind.setValue(kind, { emitEvent: false });
    this.suggest(request, kind, false);
  }

  private suggest(request: Extract<NoticeComposeRequest, { mode: 'create' }>, kind: NoticeKind, keepTyped: boolean): void {
    this.suggestion?.unsubscribe();
    this.suggesting.set(true);
    this.suggestError.set(null);
    this.suggestion = this.api
      .compose({ kind, subject: request.subject, previousNoticeId: request.previousNoticeId })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (suggestion) => {
          this.suggesting.set(false);
          fillFromSuggestion(this.form, suggestion, keepTyped);
          this.kind.set(suggestion.kind);
        },
        error: (error: unknown) => {
          this.suggesting.set(false);
          this.suggestError.set(`未能生成建议内容：${apiErrorMessage(error)}`);
        },
      });
  }
}
