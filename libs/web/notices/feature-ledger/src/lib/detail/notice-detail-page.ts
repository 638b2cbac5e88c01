import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { DEFAULT_NOTICE_SETTINGS, NOTICE_KIND_LABELS, NOTICE_SUBJECT_LABELS, type NoticeDto, WARNING_RULE_LABELS, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { NoticesApi, noticeActions } from '@zhaoshang/web/notices/data-access';
import { NoticeDeadline, NoticeKindTag, NoticePaper, NoticeStatusTag } from '@zhaoshang/web/notices/ui';
import { ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { FormDialog, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage, downloadAction, saveAction } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { type Observable, map } from 'rxjs';
import { NoticeComposer } from '@zhaoshang/web/notices/feature-compose';
import { type NoticeStep, STEP_TEXT, stepRequest } from './notice-steps';
import { noticeHistory } from './notice-history';

/**
 * One notice: the document as it will print, its course, and what the viewer may do with it — the
 * leader signs or returns (on a phone, often), the recipient's district answers, city staff close,
 * cancel or edit a draft; everyone downloads the Word file.
 */
@Component({
  selector: 'zs-notice-detail-page',
  imports: [FormsModule, RouterLink, NzButtonModule, NzIconModule, NzInputModule, NzResultModule, NzSkeletonModule, NzTimelineModule, FormDialog, NoticeDeadline, NoticeKindTag, NoticePaper, NoticeStatusTag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notice-detail-page.html',
  styleUrl: './notice-detail-page.less',
})
export class NoticeDetailPage {
  /** the route's :id (read from the route, so that the page works under any router configuration) */
  protected readonly id = toSignal(inject(ActivatedRoute).paramMap.pipe(map((params) => params.get('id') ?? '')), { initialValue: '' });

  private readonly api = inject(NoticesApi);
  private readonly messages = inject(NzMessageService);
  private readonly composer = inject(NoticeComposer);
  private readonly responsibility = inject(ResponsibilityStore);
  private readonly user = inject(AuthService).currentUser;
  protected readonly isPhone = injectIsPhone();
  protected readonly today = shanghaiToday();
  private readonly settings = rxResource({ stream: () => this.api.settings() });
  /** the 落款 in force (everyone reads the settings); the default until they arrive */
  protected readonly issuer = computed(() => (this.settings.hasValue() ? this.settings.value().settings.issuer : DEFAULT_NOTICE_SETTINGS.issuer));
  protected readonly kindLabels = NOTICE_KIND_LABELS;
  protected readonly stepText = STEP_TEXT;

  private readonly resource = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  /** replaced by the answer of each change, so that the page shows the new state without a reload */
  private readonly changed = signal<NoticeDto | null>(null);
  protected readonly notice = computed(() => {
    const changed = this.changed();
    if (changed && changed.id === this.id()) return changed;
    return this.resource.hasValue() ? this.resource.value() : null;
  });
  protected readonly failed = computed(() => (this.resource.error() ? apiErrorMessage(this.resource.error()) : null));
  protected readonly history = computed(() => {
    const n = this.notice();
    return n ? noticeHistory(n) : [];
  });
  protected readonly subjectText = computed(() => {
    const n = this.notice();
    if (!n) return '';
    return n.subjectType === 'WARNING' && n.warningRule ? `红色预警·${WARNING_RULE_LABELS[n.warningRule]}` : NOTICE_SUBJECT_LABELS[n.subjectType];
  });
  protected readonly actions = computed(() => {
    const n = this.notice();
    const user = this.user();
    if (!n || !user) return null;
    const leaderId = this.responsibility.leaders.items().find((l) => l.userId === user.id)?.id ?? null;
    const level = this.responsibility.units.items().find((u) => u.id === n.recipientUnitId)?.level ?? null;
    return noticeActions(n, { role: user.role, regionCode: user.regionCode, leaderId }, level);
  });
  protected readonly anyAction = computed(() => {
    const a = this.actions();
    return !!a && Object.values(a).some(Boolean);
  });

  /** the open step's dialog, its text and its save */
  protected readonly step = signal<NoticeStep | null>(null);
  protected readonly text = signal('');
  protected readonly saver = saveAction();
  protected readonly download = downloadAction();
  protected readonly textMissing = computed(() => {
    const step = this.step();
    // 办结 without feedback needs a note saying why (the API's rule)
    const required = step === 'close' ? !this.notice()?.feedback : step !== null && STEP_TEXT[step].required;
    return step !== null && required && this.text().trim() === '';
  });

  constructor() {
    this.responsibility.leaders.ensureLoaded();
    this.responsibility.units.ensureLoaded();
  }

  protected open(step: NoticeStep): void {
    this.saver.reset();
    this.text.set('');
    this.step.set(step);
  }

  protected send(): void {
    const step = this.step();
    const n = this.notice();
    if (!step || !n || this.textMissing()) return;
    const request: Observable<NoticeDto> = stepRequest(this.api, step, n, this.text().trim());
    this.saver.run(request, {
      next: (updated) => {
        this.changed.set(updated);
        this.step.set(null);
        this.messages.success(STEP_TEXT[step].done(updated));
      },
    });
  }

  protected reload(): void {
    this.changed.set(null);
    this.step.set(null);
    this.resource.reload();
  }

  protected async edit(): Promise<void> {
    const n = this.notice();
    if (!n) return;
    const updated = await this.composer.edit(n);
    if (updated) this.changed.set(updated);
  }

  protected downloadDocx(): void {
    const n = this.notice();
    if (!n) return;
    this.download.run(this.api.docx(n), { saved: (name) => this.messages.success(`已下载 ${name}`), error: (error) => this.messages.error(apiErrorMessage(error)) });
  }
}
