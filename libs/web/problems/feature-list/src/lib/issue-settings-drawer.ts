import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, ISSUE_DUE_DAYS_MAX, ISSUE_DUE_DAYS_MIN, type IssueCategory, issueSettingsProblems } from '@zhaoshang/shared/domain';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { apiErrorBody, apiErrorMessage, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { injectIsPhone } from '@zhaoshang/web/shared/ui';

/**
 * 办理时限设置 (admins): the default days from raising to the due date, per category. Only problems
 * raised later follow a change; a stale version is the 409 with 重新加载.
 */
@Component({
  selector: 'zs-issue-settings-drawer',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzDrawerModule, NzInputNumberModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer [nzVisible]="open()" nzTitle="办理时限设置" [nzWidth]="isPhone() ? '100%' : 420" [nzFooter]="footer" (nzOnClose)="closed.emit()">
      <ng-container *nzDrawerContent>
        <p class="intro">提出问题时，办理时限默认为提出日期加下列天数（{{ min }} 至 {{ max }} 天）。修改只影响之后提出的问题。</p>
        @if (saver.conflict(); as message) {
          <nz-alert class="alert" nzType="warning" nzShowIcon [nzMessage]="message" [nzAction]="reloadButton" data-testid="issue-settings-conflict" />
          <ng-template #reloadButton><button nz-button nzSize="small" type="button" (click)="load()">重新加载</button></ng-template>
        }
        @if (saver.error(); as message) {
          <nz-alert class="alert" nzType="error" nzShowIcon [nzMessage]="message" data-testid="issue-settings-error" />
        }
        <div class="rows" data-testid="issue-settings">
          @for (c of categories; track c) {
            <div class="row">
              <label class="row__label" [for]="'issue-days-' + c">{{ labels[c] }}</label>
              <nz-input-number [nzId]="'issue-days-' + c" [ngModel]="days()[c]" (ngModelChange)="setDays(c, $event)" [nzMin]="min" [nzMax]="max" [nzPrecision]="0" [attr.data-category]="c" />
              <span class="row__unit">天</span>
              @if (problemOf(c); as p) {
                <span class="row__error">{{ p }}</span>
              }
            </div>
          }
        </div>
      </ng-container>
    </nz-drawer>
    <ng-template #footer>
      <div class="footer">
        <button nz-button type="button" (click)="closed.emit()">取消</button>
        <button nz-button nzType="primary" type="button" [nzLoading]="saver.saving()" [disabled]="version() === null || !!saver.conflict()" (click)="save()" data-testid="issue-settings-save">保存</button>
      </div>
    </ng-template>
  `,
  styles: `
    .intro {
      color: rgba(0, 0, 0, 0.65);
    }
    .alert {
      margin-bottom: 12px;
    }
    .rows {
      display: grid;
      gap: 8px;
    }
    .row {
      display: grid;
      grid-template-columns: 96px 120px auto;
      align-items: center;
      gap: 4px 8px;
    }
    .row nz-input-number {
      width: 120px;
    }
    .row__error {
      grid-column: 1 / -1;
      color: #cf1322;
      font-size: 12px;
    }
    .footer {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
})
export class IssueSettingsDrawer {
  readonly open = input.required<boolean>();
  readonly closed = output();

  private readonly api = inject(ProblemsApi);
  private readonly messages = inject(NzMessageService);
  protected readonly isPhone = injectIsPhone();
  protected readonly categories = ISSUE_CATEGORIES;
  protected readonly labels = ISSUE_CATEGORY_LABELS;
  protected readonly min = ISSUE_DUE_DAYS_MIN;
  protected readonly max = ISSUE_DUE_DAYS_MAX;
  protected readonly saver = saveAction();
  protected readonly days = signal<Partial<Record<IssueCategory, number | null>>>({});
  protected readonly version = signal<number | null>(null);
  /** the API's (or our own) message per category */
  protected readonly problems = signal<Record<string, string>>({});

  constructor() {
    effect(() => {
      if (this.open()) untracked(() => this.load());
    });
  }

  protected load(): void {
    this.saver.reset();
    this.problems.set({});
    this.version.set(null);
    this.api.settings().subscribe({
      next: (s) => {
        this.days.set(s.dueDays);
        this.version.set(s.version);
      },
      error: () => undefined,
    });
  }

  protected setDays(category: IssueCategory, value: number | null): void {
    this.days.update((d) => ({ ...d, [category]: value }));
  }

  protected problemOf(category: IssueCategory): string | null {
    return this.problems()[`dueDays.${category}`] ?? null;
  }

  protected save(): void {
    const version = this.version();
    if (version === null) return;
    const found = issueSettingsProblems(this.days());
    this.problems.set(Object.fromEntries(found.map((p) => [p.field, p.message])));
    if (found.length > 0) return;
    this.saver.run(this.api.saveSettings({ dueDays: this.days() as Record<IssueCategory, number>, version }), {
      next: (s) => {
        this.days.set(s.dueDays);
        this.version.set(s.version);
        this.messages.success('办理时限已保存');
        this.closed.emit();
      },
      error: (error) => {
        const details = apiErrorBody(error)?.details ?? [];
        this.problems.set(Object.fromEntries(details.map((d) => [d.field, d.message])));
        return details.length > 0 ? null : apiErrorMessage(error);
      },
    });
  }
}
