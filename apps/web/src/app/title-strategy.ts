import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { pageTitle } from '@zhaoshang/web/shared/util';

/** `用户管理 - 通辽市招商项目全流程跟踪` in the browser tab. */
@Injectable()
export class ProductTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(pageTitle(page));
  }
}
