import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { type ProjectIssueDetailDto, can, canEditRegion } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProblemsApi } from '@zhaoshang/web/problems/data-access';
import { IssueCategoryTag, IssueDue, IssueStatusTag } from '@zhaoshang/web/problems/ui';
import { lastValue } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import type { ProblemProject } from './problem-form';
import { RaiseProblemDialog } from './raise-problem-dialog';

/** the most a project card lists; the 问题清单 filtered by the project has them all */
const CARD_LIMIT = 50;

/** 问题诉求 on the project detail: the project's problems (overdue first, as the API sorts) and 提出问题. */
@Component({
  selector: 'zs-project-problems-card',
  imports: [RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzSpinModule, IssueCategoryTag, IssueDue, IssueStatusTag, RaiseProblemDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card class="card" [nzTitle]="title()" [nzExtra]="extra" [nzBordered]="false" data-testid="project-problems">
      <nz-spin [nzSpinning]="list.isLoading()">
        @if ((result()?.items ?? []).length > 0) {
          <ul class="items">
            @for (i of result()?.items ?? []; track i.id) {
              <li class="item" [class.item--overdue]="i.overdue" data-testid="project-problem" [attr.data-id]="i.id" [attr.data-status]="i.status">
                <a class="item__link" [routerLink]="['/problems', i.id]">
                  <div class="item__head">
                    <zs-issue-category-tag [category]="i.category" />
                    <span class="item__text">{{ i.description }}</span>
                    <zs-issue-status-tag [status]="i.status" />
                  </div>
                  <div class="item__foot">
                    <span>{{ i.unitName }}</span>
                    <span>时限 <zs-issue-due [issue]="i" /></span>
                  </div>
                </a>
              </li>
            }
          </ul>
        } @else if (!list.isLoading()) {
          <nz-empty nzNotFoundContent="没有问题诉求" />
        }
      </nz-spin>
    </nz-card>
    <ng-template #extra>
      @if (canRaise()) {
        <button nz-button nzType="link" nzSize="small" type="button" (click)="raising.set(true)" data-testid="project-raise-problem">提出问题</button>
      }
    </ng-template>
    <zs-raise-problem-dialog [open]="raising()" [project]="project()" (closed)="raising.set(false)" (saved)="raised($event)" />
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      border-left: 3px solid #d9d9d9;
      margin-bottom: 8px;
      background: #fafafa;
      border-radius: 4px;
    }
    .item--overdue {
      border-left-color: #ff4d4f;
    }
    .item__link {
      display: block;
      padding: 6px 10px;
      color: inherit;
    }
    .item__head {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .item__text {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .item__foot {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 8px;
      margin-top: 2px;
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
    }
  `,
})
export class ProjectProblemsCard {
  readonly project = input.required<ProblemProject>();

  private readonly api = inject(ProblemsApi);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;
  protected readonly raising = signal(false);
  protected readonly list = rxResource({ params: () => ({ projectId: this.project().id, pageSize: CARD_LIMIT }), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly canRaise = computed(() => {
    const user = this.user();
    return !!user && can(user.role, 'problems:edit') && canEditRegion(user, this.project().regionCode);
  });
  protected readonly title = computed(() => {
    const c = this.result()?.counts;
    if (!c || c.total === 0) return '问题诉求';
    return `问题诉求（未办结 ${c.open}${c.overdue > 0 ? `，超期 ${c.overdue}` : ''}）`;
  });

  protected raised(issue: ProjectIssueDetailDto): void {
    this.messages.success(`已提出问题，办理时限 ${issue.dueAt}`);
    this.list.reload();
  }
}
