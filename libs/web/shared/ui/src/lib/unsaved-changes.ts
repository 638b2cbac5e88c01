import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { NzModalService } from 'ng-zorro-antd/modal';

/** A page that may hold typing not yet saved. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/**
 * Leaving a page with unsaved typing asks first (in the app: this guard; closing or reloading the
 * tab: the page's own `beforeunload` handler, see {@link warnBeforeUnload}).
 */
export const unsavedChangesGuard: CanDeactivateFn<HoldsUnsavedChanges> = (page) => {
  if (!page?.hasUnsavedChanges()) return true;
  const modal = inject(NzModalService);
  return new Promise<boolean>((resolve) => {
    modal.confirm({
      nzTitle: '有尚未保存的修改',
      nzContent: '离开此页，刚才填写的内容将不会保存。确定离开吗？',
      nzOkText: '离开',
      nzOkDanger: true,
      nzCancelText: '留在此页',
      nzOnOk: () => resolve(true),
      nzOnCancel: () => resolve(false),
    });
  });
};

/** For a `window:beforeunload` listener: the browser asks before the tab closes. */
export function warnBeforeUnload(page: HoldsUnsavedChanges, event: BeforeUnloadEvent): void {
  if (page.hasUnsavedChanges()) event.preventDefault();
}
