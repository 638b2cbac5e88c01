import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { DEFAULT_NOTICE_SETTINGS, NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeKind, type NoticeSettingsResponse, noticeNumber } from '@zhaoshang/shared/domain';
import { NoticesApi } from '@zhaoshang/web/notices/data-access';
import { type HoldsUnsavedChanges, PageHeader } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorMessage, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { DAYS_MAX, type NoticeSettingsDraft, PREFIX_MAX, datesOf, draftOf, draftProblems, settingsOf } from './settings-form';

/** 督办设置 (DOMAIN.md §9): 文号 prefixes, 办理时限 in working days per kind, the calendar of holidays and 调休, the 落款. */
@Component({
  selector: 'zs-notice-settings-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzInputNumberModule, NzSpinModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <zs-page-header heading="督办设置" description="三单一函的文号前缀、默认办理时限（工作日）、节假日与调休上班日、落款单位。修改只影响此后下发的通知。" />
    <nz-spin [nzSpinning]="loading()">
      @if (draft(); as d) {
        <form class="form" (ngSubmit)="save()" novalidate data-testid="notice-settings-form">
          <nz-card nzTitle="文号与办理时限" [nzBordered]="false">
            <div class="kinds">
              @for (kind of kinds; track kind) {
                <div class="kind" [attr.data-kind]="kind">
                  <div class="kind__name">{{ labels[kind] }}</div>
                  <label class="field">
                    <span>文号前缀</span>
                    <input nz-input [name]="'prefix-' + kind" [ngModel]="d.prefixes[kind]" (ngModelChange)="setPrefix(kind, $event)" [attr.maxlength]="prefixMax" [attr.data-testid]="'notice-settings-prefix-' + kind" />
                    @if (problems()['prefixes.' + kind]; as p) {
                      <span class="error">{{ p }}</span>
                    } @else {
                      <span class="hint">例：{{ example(d.prefixes[kind]) }}</span>
                    }
                  </label>
                  <div class="field">
                    <span>办理时限（工作日）</span>
                    <nz-input-number [nzMin]="1" [nzMax]="daysMax" [nzPrecision]="0" [ngModel]="d.deadlineWorkingDays[kind]" (ngModelChange)="setDays(kind, $event)" [name]="'days-' + kind" [nzId]="'days-' + kind" [attr.aria-label]="labels[kind] + '办理时限（工作日）'" [attr.data-testid]="'notice-settings-days-' + kind" />
                    @if (problems()['deadlineWorkingDays.' + kind]; as p) {
                      <span class="error">{{ p }}</span>
                    } @else {
                      <span class="hint">默认 {{ defaults.deadlineWorkingDays[kind] }} 个工作日</span>
                    }
                  </div>
                </div>
              }
            </div>
          </nz-card>
          <nz-card nzTitle="工作日历" [nzBordered]="false">
            <div class="calendar">
              <label class="field">
                <span>节假日（不计工作日）</span>
                <textarea nz-input rows="6" name="holidays" [ngModel]="d.holidays" (ngModelChange)="patch({ holidays: $event })" placeholder="每行一个日期，如 2026-10-01" data-testid="notice-settings-holidays"></textarea>
                @if (problems()['holidays']; as p) {
                  <span class="error">{{ p }}</span>
                } @else {
                  <span class="hint">共 {{ count(d.holidays) }} 天</span>
                }
              </label>
              <label class="field">
                <span>调休上班日（周末计工作日）</span>
                <textarea nz-input rows="6" name="extraWorkdays" [ngModel]="d.extraWorkdays" (ngModelChange)="patch({ extraWorkdays: $event })" placeholder="每行一个日期，如 2026-10-10" data-testid="notice-settings-extra"></textarea>
                @if (problems()['extraWorkdays']; as p) {
                  <span class="error">{{ p }}</span>
                } @else {
                  <span class="hint">共 {{ count(d.extraWorkdays) }} 天</span>
                }
              </label>
            </div>
          </nz-card>
          <nz-card nzTitle="落款" [nzBordered]="false">
            <label class="field field--issuer">
              <span>落款单位</span>
              <input nz-input name="issuer" maxlength="50" [ngModel]="d.issuer" (ngModelChange)="patch({ issuer: $event })" data-testid="notice-settings-issuer" />
              @if (problems()['issuer']; as p) {
                <span class="error">{{ p }}</span>
              }
            </label>
          </nz-card>
          @if (saver.conflict(); as message) {
            <nz-alert nzType="warning" nzShowIcon [nzMessage]="message" [nzAction]="reloadAction" data-testid="notice-settings-conflict" />
            <ng-template #reloadAction><button nz-button nzSize="small" type="button" (click)="load()">重新加载</button></ng-template>
          }
          @if (saver.error(); as message) {
            <nz-alert nzType="error" nzShowIcon [nzMessage]="message" data-testid="notice-settings-error" />
          }
          <div class="bar">
            <button nz-button type="button" (click)="restoreDefaults()" data-testid="notice-settings-defaults">恢复默认值</button>
            <button nz-button nzType="primary" type="submit" [nzLoading]="saver.saving()" [disabled]="!dirty() || hasProblems()" data-testid="notice-settings-save">保存</button>
          </div>
        </form>
      }
    </nz-spin>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .kinds {
      display: grid;
      grid-template-columns: repeat(4, minmax(0, 1fr));
      gap: 16px;
    }
    .kind__name {
      margin-bottom: 8px;
      font-weight: 600;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-bottom: 12px;
    }
    .field--issuer {
      max-width: 360px;
    }
    .calendar {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 16px;
    }
    .hint {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
    .error {
      color: #cf1322;
      font-size: 12px;
    }
    nz-input-number {
      width: 100%;
    }
    .bar {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    @media (max-width: 767.98px) {
      .kinds {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .calendar {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class NoticeSettingsPage implements HoldsUnsavedChanges {
  private readonly api = inject(NoticesApi);
  private readonly messages = inject(NzMessageService);
  protected readonly kinds = NOTICE_KINDS;
  protected readonly labels = NOTICE_KIND_LABELS;
  protected readonly defaults = DEFAULT_NOTICE_SETTINGS;
  protected readonly prefixMax = PREFIX_MAX;
  protected readonly daysMax = DAYS_MAX;
  protected readonly loading = signal(true);
  private readonly loaded = signal<NoticeSettingsResponse | null>(null);
  protected readonly draft = signal<NoticeSettingsDraft | null>(null);
  protected readonly saver = saveAction({ conflictMessage: '督办设置已被他人修改，请重新载入后再改' });
  private readonly serverProblems = signal<Record<string, string>>({});
  protected readonly problems = computed(() => {
    const d = this.draft();
    return d ? { ...draftProblems(d), ...this.serverProblems() } : {};
  });
  protected readonly hasProblems = computed(() => Object.keys(this.problems()).length > 0);
  protected readonly dirty = computed(() => {
    const d = this.draft();
    const loaded = this.loaded();
    return !!d && !!loaded && JSON.stringify(settingsOf(d)) !== JSON.stringify(loaded.settings);
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.saver.reset();
    this.api.settings().subscribe({
      next: (response) => this.take(response),
      error: () => this.loading.set(false),
    });
  }

  hasUnsavedChanges(): boolean {
    return this.dirty();
  }

  protected patch(change: Partial<NoticeSettingsDraft>): void {
    this.serverProblems.set({});
    this.draft.update((d) => (d ? { ...d, ...change } : d));
  }

  protected setPrefix(kind: NoticeKind, value: string): void {
    const d = this.draft();
    if (d) this.patch({ prefixes: { ...d.prefixes, [kind]: value } });
  }

  protected setDays(kind: NoticeKind, value: number | null): void {
    const d = this.draft();
    if (d) this.patch({ deadlineWorkingDays: { ...d.deadlineWorkingDays, [kind]: value } });
  }

  protected restoreDefaults(): void {
    const d = this.draft();
    if (!d) return;
    const defaults = draftOf(DEFAULT_NOTICE_SETTINGS);
    // the calendar is this year's facts, not a default: it stays
    this.patch({ prefixes: defaults.prefixes, deadlineWorkingDays: defaults.deadlineWorkingDays, issuer: defaults.issuer });
  }

  protected example(prefix: string): string {
    return noticeNumber(prefix.trim() || '…', new Date().getFullYear(), 1);
  }

  protected count(text: string): number {
    return datesOf(text).length;
  }

  protected save(): void {
    const d = this.draft();
    if (!d || this.hasProblems()) return;
    const version = this.loaded()?.version ?? 0;
    this.saver.run(this.api.saveSettings({ settings: settingsOf(d), version }), {
      next: (response) => {
        this.take(response);
        this.messages.success('督办设置已保存');
      },
      error: (error) => {
        const details = apiErrorBody(error)?.details ?? [];
        // the API names fields under settings. (settings.prefixes.URGE, settings.holidays.3): the form's are without it
        this.serverProblems.set(Object.fromEntries(details.map((x) => [x.field.replace(/^settings\./, '').replace(/^(holidays|extraWorkdays)\.\d+$/, '$1'), x.message])));
        return details.length > 0 ? '请按提示更正后再保存' : apiErrorMessage(error);
      },
    });
  }

  private take(response: NoticeSettingsResponse): void {
    this.loaded.set(response);
    this.draft.set(draftOf(response.settings));
    this.loading.set(false);
  }
}
