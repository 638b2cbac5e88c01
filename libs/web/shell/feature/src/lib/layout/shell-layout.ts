import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { ROLE_LABELS } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { AppUpdateStore, SiteStore } from '@zhaoshang/web/shared/data-access';
// the light entry point: the barrel would put every page's forms, dialogs and pickers in the shell's chunks
import { injectIsPhone } from '@zhaoshang/web/shared/ui/layout';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule, NzIconService } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { filter, map } from 'rxjs';
import { ChangePasswordDialog } from '../change-password/change-password-dialog';
import { NAV_ENTRIES, NAV_GROUPS, type NavGroup, visibleNav } from '../nav';

@Component({
  selector: 'zs-shell-layout',
  imports: [RouterOutlet, RouterLink, NzLayoutModule, NzMenuModule, NzIconModule, NzDropDownModule, ChangePasswordDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.html',
  styleUrl: './shell-layout.less',
})
export class ShellLayout {
  private readonly auth = inject(AuthService);
  protected readonly site = inject(SiteStore);
  protected readonly updates = inject(AppUpdateStore);
  private readonly router = inject(Router);

  /** below this width the menu leaves the page and slides in over it */
  protected readonly isPhone = injectIsPhone();
  /** phones start with the menu hidden; turning a tablet resets it */
  protected readonly collapsed = linkedSignal(() => this.isPhone());
  /**
   * The menu's entries are made once the menu is shown, and kept: a phone's menu starts hidden, and its
   * entries and their icons were made in every first frame (98 ms of a traced 1.35 s frame of a leader's
   * 驾驶舱 at CPU 4×, issue 13).
   */
  protected readonly menuMade = linkedSignal<boolean, boolean>({
    source: () => !this.isPhone() || !this.collapsed(),
    computation: (shown, previous) => shown || (previous?.value ?? false),
  });
  protected readonly changePasswordOpen = signal(false);

  protected readonly user = this.auth.currentUser;
  protected readonly nav = computed(() => visibleNav(this.user()?.role));
  protected readonly roleLabel = computed(() => {
    const role = this.user()?.role;
    return role ? ROLE_LABELS[role] : '';
  });
  protected readonly regionLabel = computed(() => this.user()?.regionName ?? '全市');
  protected readonly initial = computed(() => Array.from(this.user()?.displayName ?? '?')[0] ?? '?');

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  constructor() {
    inject(NzIconService).addIcon(
      ...NAV_ENTRIES.map((entry) => entry.icon),
      ...Object.values(NAV_GROUPS).map((group) => group.icon),
    );
    // on a phone the menu covers the page: close it once a page is chosen
    this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe(() => {
      if (this.isPhone()) this.collapsed.set(true);
    });
  }

  protected groupIsActive(group: NavGroup): boolean {
    const url = this.url().split(/[?#]/)[0];
    return group.links.some((link) => url === link.link || url.startsWith(`${link.link}/`));
  }

  protected toggleMenu(): void {
    this.collapsed.update((value) => !value);
  }

  /** the new version, which the service worker serves to the next page load */
  protected reload(): void {
    document.location.reload();
  }

  protected logout(): void {
    this.auth.logout();
  }
}
