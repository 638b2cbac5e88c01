import { ChangeDetectionStrategy, Component, afterNextRender, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { NOTICE_KINDS, type NoticeKind, WARNING_RULES, type WarningRule } from '@zhaoshang/shared/domain';
import type { NoticeSubjectRef } from '@zhaoshang/web/notices/data-access';
import { NoticeComposer } from '@zhaoshang/web/notices/feature-compose';
import { NzSpinModule } from 'ng-zorro-antd/spin';

/** The subject a link names: `?subjectType=ISSUE&issueId=…` or `?subjectType=WARNING&projectId=…&warningRule=START`. */
export function subjectFromParams(params: { get(name: string): string | null }): NoticeSubjectRef | null {
  const type = params.get('subjectType');
  const issueId = params.get('issueId');
  const projectId = params.get('projectId');
  const rule = params.get('warningRule');
  if (type === 'ISSUE' && issueId) return { subjectType: 'ISSUE', issueId };
  if (type === 'WARNING' && projectId && (WARNING_RULES as readonly string[]).includes(rule ?? '')) return { subjectType: 'WARNING', projectId, warningRule: rule as WarningRule };
  return null;
}

/**
 * /notices/new?subjectType=…: a link from another page (the 问题详情's 发提醒单) opens the compose
 * dialog over the ledger; issued, it goes to the new notice; cancelled, back to where it came from.
 */
@Component({
  selector: 'zs-notice-new-page',
  imports: [NzSpinModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<nz-spin nzSimple class="spin" />`,
  styles: `
    .spin {
      display: block;
      padding: 48px;
      text-align: center;
    }
  `,
})
export class NoticeNewPage {
  private readonly router = inject(Router);
  private readonly composer = inject(NoticeComposer);

  constructor() {
    const params = inject(ActivatedRoute).snapshot.queryParamMap;
    const subject = subjectFromParams(params);
    const kind = params.get('kind');
    afterNextRender(() => {
      if (!subject) {
        void this.router.navigate(['/notices'], { replaceUrl: true });
        return;
      }
      void this.composer.open({ subject, kind: (NOTICE_KINDS as readonly string[]).includes(kind ?? '') ? (kind as NoticeKind) : 'REMINDER' }).then((notice) => {
        if (notice) void this.router.navigate(['/notices', notice.id], { replaceUrl: true });
        else if (window.history.length > 1) window.history.back();
        else void this.router.navigate(['/notices'], { replaceUrl: true });
      });
    });
  }
}
