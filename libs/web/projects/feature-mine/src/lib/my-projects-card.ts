import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type ProjectSummary, STAGE_LABELS, WARNING_RULE_LABELS } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { ProjectsApi } from '@zhaoshang/web/projects/data-access';
import { formatMoney } from '@zhaoshang/web/shared/util';
import { WarningFlagsStore } from '@zhaoshang/web/warnings/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { byUrgency, urgency } from './my-projects';

/** How many a card shows; the rest are one click away in the project list. */
const SHOWN = 8;

/**
 * 我的项目 (DOMAIN.md §9, 谁签约、谁主抓): a leader's 包联项目 (through the leaders' entry linked to the
 * account) or a staff member's projects as 旗县联系人, red flags first. Shown only when there are any.
 */
@Component({
  selector: 'zs-my-projects-card',
  imports: [RouterLink, NzCardModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (projects().length > 0) {
      <nz-card [nzTitle]="title()" [nzExtra]="more" [nzBordered]="false" data-testid="my-projects">
        <p class="summary" data-testid="my-projects-summary">
          共 {{ projects().length }} 个
          @if (redCount() > 0) {
            ，<span class="red">{{ redCount() }} 个有红色预警</span>
          }
        </p>
        <ul class="list">
          @for (project of shown(); track project.id) {
            <li class="item" data-testid="my-projects-item">
              <a class="name" [routerLink]="['/projects', project.id]">{{ project.name }}</a>
              <span class="meta">
                {{ project.regionName }} · {{ stageLabels[project.stage] }} · 签约 {{ money(project.contractAmountWan) }}
              </span>
              <span class="flags">
                @for (flag of flags.get(project.id) ?? []; track flag.rule) {
                  <nz-tag [nzColor]="flag.level === 'RED' ? 'red' : 'gold'">{{ ruleLabels[flag.rule] }}</nz-tag>
                }
              </span>
            </li>
          }
        </ul>
      </nz-card>
      <ng-template #more>
        <a routerLink="/projects" [queryParams]="{ mine: true }" data-testid="my-projects-all">查看全部</a>
      </ng-template>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .summary {
      margin: 0 0 8px;
      color: rgba(0, 0, 0, 0.65);
    }
    .red {
      color: #cf1322;
      font-weight: 500;
    }
    .list {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 8px 0;
      border-top: 1px solid #f0f0f0;
    }
    .name {
      font-weight: 500;
      flex: 1 1 220px;
      min-width: 0;
    }
    .meta {
      color: rgba(0, 0, 0, 0.55);
      font-size: 13px;
    }
    .flags nz-tag {
      margin-inline-end: 4px;
    }
  `,
})
export class MyProjectsCard {
  private readonly api = inject(ProjectsApi);
  protected readonly flags = inject(WarningFlagsStore);
  private readonly user = inject(AuthService).currentUser;
  private readonly role = computed(() => this.user()?.role);
  protected readonly ruleLabels = WARNING_RULE_LABELS;
  // plain text, not the projects' StageTag: its lib's barrel would bring the shared forms into the 驾驶舱
  protected readonly stageLabels = STAGE_LABELS;
  // a function, not the shared pipes: the 驾驶舱 shows this card and keeps its route light (no shared/ui barrel)
  protected readonly money = formatMoney;
  private readonly all = signal<ProjectSummary[]>([]);
  protected readonly title = computed(() => (this.role() === 'LEADER' ? '我的包联项目' : '我联系的项目'));
  protected readonly projects = computed(() => byUrgency(this.all(), (id) => this.flags.get(id)));
  protected readonly shown = computed(() => this.projects().slice(0, SHOWN));
  protected readonly redCount = computed(() => this.projects().filter((p) => urgency(this.flags.get(p.id)) === 0).length);

  constructor() {
    this.api.search({ mine: true, sort: 'contractAmountWan', order: 'desc', page: 1, pageSize: 100 }).subscribe({
      next: (page) => this.all.set(page.items),
      // a card that cannot load stays away rather than cover the page with an error
      error: () => this.all.set([]),
    });
    effect(() => {
      for (const project of this.all()) this.flags.request(project.id);
    });
  }
}
