import { MyProjectsCard } from '@zhaoshang/web/projects/feature-mine';
import { NoticeTodoCard } from '@zhaoshang/web/notices/feature-compose';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink, type Routes } from '@angular/router';
import { AlertOutline, ApiOutline, AuditOutline, CarryOutOutline, CheckCircleOutline, EditOutline, FormOutline, RollbackOutline } from '@ant-design/icons-angular/icons';
import { activityText, can, ROLE_LABELS, type WorkbenchActivity, type WorkbenchResponse, type WorkbenchTodoKind } from '@zhaoshang/shared/domain';
import { SiteStore } from '@zhaoshang/web/shared/data-access';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, map, of, startWith } from 'rxjs';
import { type NavLink, visibleNav } from '../nav';
import { ROLE_DUTIES } from './capability-descriptions';
import { WorkbenchApi } from './workbench.api';
import { activityTime, workbenchCards } from './workbench-cards';

/** the icon of each card, by what it counts */
const CARD_ICONS: Record<WorkbenchTodoKind, string> = {
  TO_VERIFY: 'audit',
  MONTHS_TO_CLOSE: 'carry-out',
  MISSING: 'form',
  DRAFT: 'edit',
  RETURNED: 'rollback',
  RED_WARNINGS: 'alert',
  WEBHOOKS_PAUSED: 'api',
};

/** null while loading; a failure (shown by the interceptor) leaves the cards out, not the page */
type Loaded = { state: 'loading' } | { state: 'done'; data: WorkbenchResponse | null };

/**
 * 工作台 (issue 13): what waits for the signed-in person, each card leading to the page filtered to
 * exactly what it counts, and the latest changes of their region. Leaders land on the 驾驶舱 instead.
 */
@Component({
  selector: 'zs-home-page',
  imports: [DatePipe, RouterLink, NzCardModule, NzIconModule, NzSkeletonModule, NzTagModule, MyProjectsCard, NoticeTodoCard],
  providers: [provideNzIconsPatch([AlertOutline, ApiOutline, AuditOutline, CarryOutOutline, CheckCircleOutline, EditOutline, FormOutline, RollbackOutline])],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.less',
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly site = inject(SiteStore);
  protected readonly user = this.auth.currentUser;
  protected readonly issuesNotices = computed(() => can(this.user()?.role, 'notices:issue'));
  protected readonly today = new Date();
  protected readonly icons = CARD_ICONS;

  private readonly loaded = toSignal(
    inject(WorkbenchApi)
      .get()
      .pipe(
        map((data): Loaded => ({ state: 'done', data })),
        catchError(() => of<Loaded>({ state: 'done', data: null })),
        startWith<Loaded>({ state: 'loading' }),
      ),
    { requireSync: true },
  );
  protected readonly loading = computed(() => this.loaded().state === 'loading');
  private readonly data = computed(() => {
    const loaded = this.loaded();
    return loaded.state === 'done' ? loaded.data : null;
  });
  protected readonly cards = computed(() => {
    const data = this.data();
    return data ? workbenchCards(data) : [];
  });
  /** 问题 and 督办 due: the slot later issues fill (DOMAIN.md §9); nothing is shown while it is empty */
  protected readonly followUpCards = computed(() => {
    const data = this.data();
    return data ? workbenchCards(data, 'followUps') : [];
  });
  protected readonly activity = computed(() => {
    const data = this.data();
    if (!data) return [];
    return data.activity.map((a: WorkbenchActivity) => ({ ...a, when: activityTime(a.at, data.today), text: activityText(a) }));
  });
  protected readonly nothingToDo = computed(() => this.cards().length > 0 && this.cards().every((card) => card.count === 0));

  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly roleDuty = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_DUTIES[role] : '';
  });
  /** the pages of the menu other than this one */
  protected readonly shortcuts = computed<NavLink[]>(() =>
    visibleNav(this.user()?.role)
      .flatMap((item) => (item.kind === 'link' ? [item.link] : item.group.links))
      .filter((link) => link.link !== '/'),
  );
}

export const homeRoutes: Routes = [{ path: '', component: HomePage }];
