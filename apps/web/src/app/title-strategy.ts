import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { SiteStore } from '@zhaoshang/web/shared/data-access';

/** `用户管理 - 通辽市招商项目全流程跟踪` in the browser tab, the city's name from the regions data. */
@Injectable()
export class ProductTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly site = inject(SiteStore);
  /** the route's own title and what was written for it */
  private readonly last = signal<{ page: string | undefined; written: string } | null>(null);

  constructor() {
    super();
    // A signed-in start does not wait for GET /site (issue 13: one round trip less before the first
    // page): when the city's name arrives after the first navigation, the tab's title follows — unless
    // a page has written a title of its own since (a project's name on its detail page).
    effect(() => {
      const last = this.last();
      if (!last || this.title.getTitle() !== last.written) return;
      // reads the product name: runs again when it changes
      const written = this.site.pageTitle(last.page);
      if (written === last.written) return;
      this.title.setTitle(written);
      this.last.set({ page: last.page, written });
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    const written = this.site.pageTitle(page);
    this.title.setTitle(written);
    this.last.set({ page, written });
  }
}
