import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { COMMITMENT_TRANSITIONS, COMMITMENT_TYPE_LABELS, type PolicyCommitmentDto, can, canEditRegion } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { CommitmentsApi } from '@zhaoshang/web/commitments/data-access';
import { formatMoney, lastValue } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { CommitmentDialog, type CommitmentProject, type CommitmentTarget } from './commitment-dialog';
import { CommitmentStatusTag } from './commitment-tags';
import { HonourDialog } from './honour-dialog';

/** the most a project card lists; the 兑现台账 filtered by the project has them all */
const CARD_LIMIT = 50;

/**
 * 优惠政策兑现 on the project detail: what was promised to this project's investor (逾期 first, as the
 * API sorts), the project's summary line, 登记承诺 and, on each, 登记兑现.
 */
@Component({
  selector: 'zs-project-commitments-card',
  imports: [RouterLink, NzButtonModule, NzCardModule, NzEmptyModule, NzSpinModule, CommitmentStatusTag, CommitmentDialog, HonourDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card class="card" [nzTitle]="title()" [nzExtra]="extra" [nzBordered]="false" data-testid="project-commitments">
      <nz-spin [nzSpinning]="list.isLoading()">
        @if ((result()?.items ?? []).length > 0) {
          <p class="summary" data-testid="project-commitments-summary">{{ result()?.summary }}</p>
          <ul class="items">
            @for (c of result()?.items ?? []; track c.id) {
              <li class="item" [class.item--overdue]="c.overdue" data-testid="project-commitment" [attr.data-id]="c.id" [attr.data-status]="c.status">
                <div class="item__head">
                  <span class="item__type">{{ typeLabels[c.type] }}</span>
                  <span class="item__text">{{ c.content }}</span>
                  <zs-commitment-status-tag [status]="c.status" />
                </div>
                <div class="item__foot">
                  <span>{{ c.unitName }} · 期限 <span [class.late]="c.overdue">{{ c.dueAt }}{{ c.overdue ? '（逾期）' : '' }}</span></span>
                  <span>承诺 {{ money(c.promisedAmountWan) }} · 已兑现 {{ money(c.honouredAmountWan) }}</span>
                  @if (canHonour(c)) {
                    <button type="button" class="link-button" (click)="honouring.set(c)" data-testid="project-commitment-honour">登记兑现</button>
                  }
                </div>
              </li>
            }
          </ul>
          <a class="more" [routerLink]="['/commitments']" [queryParams]="{ projectId: project().id }">在兑现台账中查看</a>
        } @else if (!list.isLoading()) {
          <nz-empty nzNotFoundContent="没有登记优惠政策承诺" />
        }
      </nz-spin>
    </nz-card>
    <ng-template #extra>
      @if (canEdit()) {
        <button nz-button nzType="link" nzSize="small" type="button" (click)="recording.set({ kind: 'create', project: project() })" data-testid="project-add-commitment">登记承诺</button>
      }
    </ng-template>
    <zs-commitment-dialog [target]="recording()" (closed)="recording.set(null)" (saved)="changed('已登记承诺')" (reloadRequested)="list.reload()" />
    <zs-honour-dialog [commitment]="honouring()" (closed)="honouring.set(null)" (saved)="changed('已登记兑现')" (reloadRequested)="list.reload()" />
  `,
  styles: `
    :host {
      display: block;
      margin-bottom: 16px;
    }
    .summary {
      margin: 0 0 8px;
      font-weight: 600;
    }
    .items {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .item {
      border-left: 3px solid #d9d9d9;
      margin-bottom: 8px;
      padding: 6px 10px;
      background: #fafafa;
      border-radius: 4px;
    }
    .item--overdue {
      border-left-color: #ff4d4f;
    }
    .item__head {
      display: flex;
      align-items: center;
      gap: 6px;
    }
    .item__type {
      color: rgba(0, 0, 0, 0.45);
      font-size: 12px;
      white-space: nowrap;
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
    .late {
      color: #cf1322;
      font-weight: 500;
    }
    .link-button {
      padding: 0;
      color: #1677ff;
      background: none;
      border: 0;
      cursor: pointer;
    }
    .more {
      font-size: 12px;
    }
  `,
})
export class ProjectCommitmentsCard {
  readonly project = input.required<CommitmentProject>();

  private readonly api = inject(CommitmentsApi);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;
  protected readonly typeLabels = COMMITMENT_TYPE_LABELS;
  protected readonly money = formatMoney;
  protected readonly recording = signal<CommitmentTarget | null>(null);
  protected readonly honouring = signal<PolicyCommitmentDto | null>(null);
  protected readonly list = rxResource({ params: () => ({ projectId: this.project().id, pageSize: CARD_LIMIT }), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly canEdit = computed(() => {
    const user = this.user();
    return !!user && can(user.role, 'commitments:edit') && canEditRegion(user, this.project().regionCode);
  });
  protected readonly title = computed(() => {
    const t = this.result()?.totals;
    if (!t || t.count === 0) return '优惠政策兑现';
    return `优惠政策兑现（${t.count} 项${t.overdue > 0 ? `，逾期 ${t.overdue}` : ''}）`;
  });

  protected canHonour(c: PolicyCommitmentDto): boolean {
    return this.canEdit() && COMMITMENT_TRANSITIONS[c.status].length > 0;
  }

  protected changed(what: string): void {
    this.messages.success(what);
    this.list.reload();
  }
}
