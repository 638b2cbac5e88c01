import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, type Routes } from '@angular/router';
import { CheckCircleOutline, DashboardOutline } from '@ant-design/icons-angular/icons';
import { type Capability, ROLE_LABELS, can } from '@zhaoshang/shared/domain';
import { RegionsStore, SiteStore } from '@zhaoshang/web/shared/data-access';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type NavLink, visibleNav } from '../nav';
import { CAPABILITY_DESCRIPTIONS, ROLE_DUTIES } from './capability-descriptions';

@Component({
  selector: 'zs-home-page',
  imports: [DatePipe, RouterLink, NzButtonModule, NzCardModule, NzIconModule, NzSkeletonModule, NzTagModule],
  providers: [provideNzIconsPatch([CheckCircleOutline, DashboardOutline])],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './home-page.html',
  styleUrl: './home-page.less',
})
export class HomePage {
  private readonly auth = inject(AuthService);
  protected readonly regions = inject(RegionsStore);
  protected readonly site = inject(SiteStore);
  protected readonly user = this.auth.currentUser;
  protected readonly today = new Date();

  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly roleDuty = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_DUTIES[role] : '';
  });
  protected readonly abilities = computed(() =>
    (Object.keys(CAPABILITY_DESCRIPTIONS) as Capability[])
      .filter((capability) => can(this.user()?.role, capability))
      .map((capability) => CAPABILITY_DESCRIPTIONS[capability]),
  );
  /** leaders come for the summary: it is offered first, in large */
  protected readonly leaderHome = computed(() => this.user()?.role === 'LEADER');
  /** the pages of the menu other than this one */
  protected readonly shortcuts = computed<NavLink[]>(() =>
    visibleNav(this.user()?.role)
      .flatMap((item) => (item.kind === 'link' ? [item.link] : item.group.links))
      .filter((link) => link.link !== '/'),
  );

  constructor() {
    this.regions.ensureLoaded();
  }
}

export const homeRoutes: Routes = [{ path: '', component: HomePage }];
