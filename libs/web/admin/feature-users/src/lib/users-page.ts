import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ROLES, ROLE_LABELS, type Role, type UserDto } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { AuthService, ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { DateTimePipe, injectIsPhone, PageHeader } from '@zhaoshang/web/shared/ui';
import { rowAction } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ResetPasswordDialog } from './reset-password-dialog';
import { ROLE_TAG_COLORS } from './role-tag';
import { UserDialog, type UserDialogTarget } from './user-dialog';

@Component({
  selector: 'zs-users-page',
  imports: [
    FormsModule,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    DateTimePipe,
    PageHeader,
    ResetPasswordDialog,
    UserDialog,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users-page.html',
  styleUrl: './users-page.less',
})
export class UsersPage {
  protected readonly isPhone = injectIsPhone();
  private readonly api = inject(UsersApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  protected readonly regions = inject(RegionsStore);
  protected readonly me = inject(AuthService).currentUser;

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roleColors = ROLE_TAG_COLORS;

  protected readonly users = signal<UserDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly search = signal('');
  protected readonly roleFilter = signal<Role | null>(null);
  protected readonly filtered = computed(() => {
    const text = this.search().trim().toLowerCase();
    const role = this.roleFilter();
    return this.users().filter(
      (user) =>
        (!role || user.role === role) &&
        (!text || user.username.toLowerCase().includes(text) || user.displayName.toLowerCase().includes(text) || (user.regionName ?? '').includes(text)),
    );
  });

  protected readonly dialog = signal<UserDialogTarget | null>(null);
  protected readonly resetting = signal<UserDto | null>(null);
  /** the 停用/启用 switch of one row at a time */
  protected readonly toggle = rowAction<string>();

  constructor() {
    this.regions.ensureLoaded();
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list(true).subscribe({
      next: (users) => {
        this.users.set(users);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected onCreated(user: UserDto): void {
    this.users.update((users) => [...users, user]);
    this.messages.success(`已创建用户 ${user.displayName}`);
  }

  protected onSaved(user: UserDto): void {
    this.users.update((users) => users.map((u) => (u.id === user.id ? user : u)));
  }

  protected toggleDisabled(user: UserDto): void {
    this.toggle.run(user.id, this.api.update(user.id, { disabled: !user.disabled, version: user.version }), {
      next: (updated) => {
        this.onSaved(updated);
        this.messages.success(updated.disabled ? `已停用 ${updated.displayName}` : `已启用 ${updated.displayName}`);
      },
      failed: (error) => this.notifier.show(error),
      // someone else changed the user: show what is current now
      stale: () => this.load(),
    });
  }
}
