import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DateTimePipe } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { EMPTY_VALUE, type HistoryItem, type HistoryKind } from './history-format';

const KIND_COLORS: Record<HistoryKind, string> = {
  create: 'green',
  update: 'blue',
  stage: 'geekblue',
  correction: 'orange',
  approvals: 'cyan',
  delete: 'red',
};

/** 变更记录: who changed what and when, newest first, with 「加载更多」. */
@Component({
  selector: 'zs-project-history',
  imports: [NzButtonModule, NzEmptyModule, NzTagModule, DateTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="history" data-testid="project-history">
      @for (item of items(); track item.id) {
        <article class="history__item" data-testid="history-item">
          <header class="history__head">
            <nz-tag [nzColor]="colors[item.kind]">{{ item.title }}</nz-tag>
            <span class="history__who">{{ item.actorName }}</span>
            <time class="history__when">{{ item.at | zsDateTime }}</time>
          </header>
          @if (item.reason) {
            <p class="history__reason">更正原因：{{ item.reason }}</p>
          }
          @if (item.kind === 'create') {
            <p class="history__created">
              @for (change of item.changes; track change.field) {
                <span class="history__pair"><span class="history__label">{{ change.label }}</span>{{ change.after }}</span>
              }
            </p>
          } @else {
            <ul class="history__changes">
              @for (change of item.changes; track change.field) {
                <li data-testid="history-change">
                  <span class="history__label">{{ change.label }}</span>
                  <span class="history__before" [class.history__before--empty]="change.before === empty">{{ change.before }}</span>
                  <span class="history__arrow" aria-label="改为">→</span>
                  <span class="history__after">{{ change.after }}</span>
                </li>
              } @empty {
                <li class="history__none">无字段变化</li>
              }
            </ul>
          }
        </article>
      } @empty {
        @if (!loading()) {
          <nz-empty nzNotFoundContent="暂无变更记录" />
        }
      }
      @if (hasMore() || loading()) {
        <div class="history__more">
          <button nz-button type="button" [nzLoading]="loading()" [disabled]="!hasMore()" (click)="loadMore.emit()" data-testid="history-more">
            {{ loading() ? '加载中' : '加载更多' }}
          </button>
        </div>
      }
    </div>
  `,
  styles: `
    .history__item {
      padding: 12px 0;
      border-bottom: 1px solid #f0f0f0;
    }
    .history__item:first-child {
      padding-top: 0;
    }
    .history__head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
    }
    .history__who {
      font-weight: 500;
    }
    .history__when {
      color: rgba(0, 0, 0, 0.45);
      font-variant-numeric: tabular-nums;
    }
    .history__reason {
      margin: 6px 0 0;
      color: #d46b08;
    }
    .history__changes {
      margin: 6px 0 0;
      padding: 0;
      list-style: none;
    }
    .history__changes li {
      padding: 2px 0;
      overflow-wrap: anywhere;
    }
    .history__label {
      margin-right: 8px;
      color: rgba(0, 0, 0, 0.55);
    }
    .history__before {
      color: rgba(0, 0, 0, 0.45);
      text-decoration: line-through;
      text-decoration-color: rgba(0, 0, 0, 0.25);
    }
    .history__before--empty {
      text-decoration: none;
    }
    .history__arrow {
      margin: 0 6px;
      color: rgba(0, 0, 0, 0.35);
    }
    .history__after {
      color: rgba(0, 0, 0, 0.88);
    }
    .history__created {
      display: flex;
      flex-wrap: wrap;
      gap: 2px 16px;
      margin: 6px 0 0;
    }
    .history__none {
      color: rgba(0, 0, 0, 0.45);
    }
    .history__more {
      padding-top: 12px;
      text-align: center;
    }
  `,
})
export class ProjectHistory {
  readonly items = input.required<HistoryItem[]>();
  readonly loading = input(false);
  readonly hasMore = input(false);
  readonly loadMore = output();
  protected readonly colors = KIND_COLORS;
  protected readonly empty = EMPTY_VALUE;
}
