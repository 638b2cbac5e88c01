import { Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';

export const PRODUCT_NAME = '通辽市招商项目全流程跟踪';

/** `用户管理 - 通辽市招商项目全流程跟踪` in the browser tab. */
@Injectable()
export class ProductTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot);
    this.title.setTitle(page ? `${page} - ${PRODUCT_NAME}` : PRODUCT_NAME);
  }
}
