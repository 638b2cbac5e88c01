import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NoticesApi } from '@zhaoshang/web/notices/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { forkJoin, map } from 'rxjs';

interface TodoLink {
  key: string;
  label: string;
  count: number;
  queryParams: Record<string, string>;
  tone: 'red' | 'gold' | 'blue';
}

/**
 * 督办待办 on the city staff's 工作台: what the ladder asks of them today — items 待升级, drafts the
 * leader returned, notices past their deadline, drafts waiting for a signature. Shown only when
 * something is waiting.
 */
@Component({
  selector: 'zs-notice-todo-card',
  imports: [RouterLink, NzCardModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (links().length > 0) {
      <nz-card nzTitle="督办待办" [nzExtra]="more" [nzBordered]="false" data-testid="notice-todos">
        <div class="links">
          @for (link of links(); track link.key) {
            <a class="link" routerLink="/notices" [queryParams]="link.queryParams" [attr.data-tone]="link.tone" [attr.data-testid]="'notice-todo-' + link.key">
              <span class="count">{{ link.count }}</span>
              <span class="label">{{ link.label }}</span>
            </a>
          }
        </div>
      </nz-card>
      <ng-template #more><a routerLink="/notices">督办台账</a></ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .link {
      display: flex;
      flex: 0 1 160px;
      min-width: 120px;
      flex-direction: column;
      padding: 8px 12px;
      color: rgba(0, 0, 0, 0.65);
      background: #fafafa;
      border-radius: 8px;
    }
    .count {
      font-size: 22px;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .link[data-tone='red'] .count {
      color: #cf1322;
    }
    .link[data-tone='gold'] .count {
      color: #d48806;
    }
    .link[data-tone='blue'] .count {
      color: #1677ff;
    }
  `,
})
export class NoticeTodoCard {
  private readonly api = inject(NoticesApi);
  private readonly todos = rxResource({
    stream: () =>
      forkJoin({
        escalations: this.api.escalations().pipe(map((r) => r.items.length)),
        all: this.api.list({ page: 1, pageSize: 1 }).pipe(map((r) => r.counts)),
        returned: this.api.list({ status: 'RETURNED', page: 1, pageSize: 1 }).pipe(map((r) => r.counts.total)),
      }),
  });
  protected readonly links = computed<TodoLink[]>(() => {
    if (!this.todos.hasValue()) return [];
    const { escalations, all, returned } = this.todos.value();
    const links: TodoLink[] = [
      { key: 'escalate', label: '待升级', count: escalations, queryParams: { tab: 'escalate' }, tone: 'red' },
      { key: 'returned', label: '领导退回', count: returned, queryParams: { status: 'RETURNED' }, tone: 'gold' },
      { key: 'overdue', label: '超期未办结', count: all.overdue, queryParams: { overdue: 'true' }, tone: 'red' },
      { key: 'sign', label: '待领导签发', count: all.pendingSignature, queryParams: { tab: 'sign' }, tone: 'blue' },
    ];
    return links.filter((link) => link.count > 0);
  });
}
