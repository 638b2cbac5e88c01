import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { SiteStore } from '@zhaoshang/web/shared/data-access';

/** `用户管理 - 通辽市招商项目全流程跟踪` in the browser tab, the city's name from the regions data. */
@Injectable()
export class ProductTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly site = inject(SiteStore);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.title.setTitle(this.site.pageTitle(this.buildTitle(snapshot)));
  }
}
