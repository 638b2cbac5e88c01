import { ApplicationRef, EnvironmentInjector, Injectable, createComponent, inject } from '@angular/core';
import type { NoticeDto } from '@zhaoshang/shared/domain';
import type { ComposeParams } from '@zhaoshang/web/notices/data-access';
import type { NoticeComposeRequest } from './compose-form';
import { NoticeComposeDialog } from './notice-compose-dialog';

export interface OpenNoticeCompose {
  subject: ComposeParams['subject'];
  /** the rung to start with; default 提醒单 */
  kind?: ComposeParams['kind'];
  previousNoticeId?: string | null;
  /** one line above the form: what the notice is about (the problem, the warning) */
  subjectLabel?: string;
}

/**
 * Opens the compose dialog from any page (the 问题清单, the warnings list, 待升级) without that page
 * placing it in its template: the dialog is attached to the application for as long as it is open.
 * Resolves with the notice created, or null when the user cancelled.
 */
@Injectable({ providedIn: 'root' })
export class NoticeComposer {
  private readonly appRef = inject(ApplicationRef);
  private readonly injector = inject(EnvironmentInjector);

  open(request: OpenNoticeCompose): Promise<NoticeDto | null> {
    return this.show({ mode: 'create', ...request });
  }

  /** Edit a draft (待签发 or 已退回): saving a returned one submits it to the leader again. */
  edit(notice: NoticeDto): Promise<NoticeDto | null> {
    return this.show({ mode: 'edit', notice });
  }

  private show(request: NoticeComposeRequest): Promise<NoticeDto | null> {
    const ref = createComponent(NoticeComposeDialog, { environmentInjector: this.injector });
    this.appRef.attachView(ref.hostView);
    document.body.appendChild(ref.location.nativeElement as HTMLElement);
    ref.setInput('request', request);
    return new Promise((resolve) => {
      let created: NoticeDto | null = null;
      ref.instance.done.subscribe((notice) => (created = notice));
      ref.instance.closed.subscribe(() => {
        resolve(created);
        // the modal's closing animation runs first (an abrupt removal leaves its mask behind)
        ref.setInput('request', null);
        setTimeout(() => {
          this.appRef.detachView(ref.hostView);
          ref.destroy();
        }, 300);
      });
    });
  }
}

/** The brief's entry point: `openNoticeCompose({subject: {subjectType: 'ISSUE', issueId}})` from an injection context. */
export function injectNoticeCompose(): (request: OpenNoticeCompose) => Promise<NoticeDto | null> {
  const composer = inject(NoticeComposer);
  return (request) => composer.open(request);
}
