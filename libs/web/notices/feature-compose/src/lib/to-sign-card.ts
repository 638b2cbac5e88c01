import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { shanghaiToday } from '@zhaoshang/shared/domain';
import { NoticesApi } from '@zhaoshang/web/notices/data-access';
import { NoticeDeadline, NoticeKindTag } from '@zhaoshang/web/notices/ui';
import { NzCardModule } from 'ng-zorro-antd/card';

/** How many a card lists; the rest are on the ledger's 待签发 tab. */
const SHOWN = 5;

/**
 * 待我签发 on a leader's 驾驶舱: the 督办单 and 移交函 drafted for their signature, each one tap from
 * the page where they sign it. Shown only when there are any.
 */
@Component({
  selector: 'zs-to-sign-card',
  imports: [RouterLink, NzCardModule, NoticeDeadline, NoticeKindTag],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (items().length > 0) {
      <nz-card [nzTitle]="'待我签发（' + total() + '）'" [nzExtra]="more" [nzBordered]="false" data-testid="to-sign">
        <ul class="list">
          @for (n of items(); track n.id) {
            <li>
              <a class="item" [routerLink]="['/notices', n.id]" data-testid="to-sign-item">
                <zs-notice-kind-tag [kind]="n.kind" />
                <span class="title">{{ n.title }}</span>
                <span class="meta">{{ n.draftedByName }} 拟稿 · 时限 <zs-notice-deadline [deadline]="n.deadline" [today]="today" /></span>
              </a>
            </li>
          }
        </ul>
      </nz-card>
      <ng-template #more>
        <a routerLink="/notices" [queryParams]="{ tab: 'sign' }" data-testid="to-sign-all">全部</a>
      </ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .list {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      padding: 10px 0;
      color: inherit;
      border-top: 1px solid #f0f0f0;
    }
    li:first-child .item {
      border-top: 0;
    }
    .title {
      flex: 1 1 200px;
      font-weight: 500;
      color: rgba(0, 0, 0, 0.88);
    }
    .meta {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ToSignCard {
  private readonly api = inject(NoticesApi);
  protected readonly today = shanghaiToday();
  // a failure leaves the card out (the interceptor says why); the rest of the page does not depend on it
  private readonly list = rxResource({ stream: () => this.api.list({ toSign: true, page: 1, pageSize: SHOWN }) });
  protected readonly items = computed(() => (this.list.hasValue() ? this.list.value().items : []));
  protected readonly total = computed(() => (this.list.hasValue() ? this.list.value().counts.pendingSignature || this.items().length : 0));
}
