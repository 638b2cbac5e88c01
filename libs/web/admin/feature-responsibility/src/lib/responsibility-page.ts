import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { RESPONSIBILITY_LEVEL_LABELS, type UserDto } from '@zhaoshang/shared/domain';
import { UsersApi } from '@zhaoshang/web/admin/data-access';
import { RegionsStore, ResponsibilityStore } from '@zhaoshang/web/shared/data-access';
import { injectIsPhone, PageHeader } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { forkJoin } from 'rxjs';
import { isLeader, LIST_LABELS, type ListEntry, type ListEntryTarget, type ListKind, nextSortOrder } from './list-entry';
import { ListEntryDialog } from './list-entry-dialog';

const KINDS: readonly ListKind[] = ['leader', 'unit'];

/**
 * 包联领导与责任单位 (DOMAIN.md §9, 1+N+9): the two lists projects take their 包联领导 and 责任单位
 * from, problems and notices their units. Entries are deactivated, never deleted.
 */
@Component({
  selector: 'zs-responsibility-page',
  imports: [NzButtonModule, NzIconModule, NzTableModule, NzTabsModule, NzTagModule, PageHeader, ListEntryDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './responsibility-page.html',
  styles: `
    :host {
      display: block;
    }
    nz-table {
      background: #fff;
    }
    .row--inactive td {
      color: rgba(0, 0, 0, 0.4);
    }
    .muted {
      color: rgba(0, 0, 0, 0.45);
    }
  `,
})
export class ResponsibilityPage {
  protected readonly isPhone = injectIsPhone();
  private readonly store = inject(ResponsibilityStore);
  private readonly users = inject(UsersApi);
  private readonly messages = inject(NzMessageService);
  private readonly router = inject(Router);
  protected readonly regions = inject(RegionsStore);
  protected readonly labels = LIST_LABELS;
  protected readonly levelLabels = RESPONSIBILITY_LEVEL_LABELS;
  protected readonly isLeader = isLeader;
  /** the tab is in the URL (?tab=unit), so that a link or a reload keeps it */
  protected readonly tab = signal<ListKind>(inject(ActivatedRoute).snapshot.queryParamMap.get('tab') === 'unit' ? 'unit' : 'leader');
  protected readonly tabIndex = computed(() => KINDS.indexOf(this.tab()));
  protected readonly entries = computed<ListEntry[]>(() => (this.tab() === 'leader' ? this.store.leaders.items() : this.store.units.items()));
  protected readonly loading = signal(false);
  protected readonly accounts = signal<UserDto[]>([]);
  protected readonly dialog = signal<ListEntryTarget | null>(null);
  /** account id → its display name, for the 关联账号 column */
  protected readonly accountNames = computed(() => new Map(this.accounts().map((u) => [u.id, `${u.displayName}（${u.username}）`])));

  constructor() {
    this.regions.ensureLoaded();
    this.load();
  }

  protected load(afterLoad?: () => void): void {
    this.loading.set(true);
    this.store.leaders.invalidate();
    this.store.units.invalidate();
    forkJoin([this.store.leaders.load(), this.store.units.load(), this.users.list()]).subscribe({
      next: ([, , users]) => {
        this.accounts.set(users);
        this.loading.set(false);
        afterLoad?.();
      },
      error: () => this.loading.set(false),
    });
  }

  protected selectTab(index: number): void {
    const kind = KINDS[index] ?? 'leader';
    this.tab.set(kind);
    void this.router.navigate([], { queryParams: { tab: kind === 'unit' ? 'unit' : null }, replaceUrl: true });
  }

  protected create(): void {
    this.dialog.set({ kind: this.tab(), mode: 'create', sortOrder: nextSortOrder(this.entries()) });
  }

  protected edit(entry: ListEntry): void {
    this.dialog.set({ kind: this.tab(), mode: 'edit', entry });
  }

  protected onSaved(saved: ListEntry): void {
    const kind = this.dialog()?.kind ?? this.tab();
    const existed = this.entries().some((e) => e.id === saved.id);
    (kind === 'leader' ? this.store.leaders : this.store.units).load().subscribe();
    this.messages.success(`${existed ? '已保存' : '已新增'}「${saved.name}」`);
  }

  /** The dialog met a newer version: read the lists again and edit what is current now. */
  protected reloadEditing(): void {
    const target = this.dialog();
    if (target?.mode !== 'edit') return;
    this.load(() => {
      const fresh = this.entries().find((e) => e.id === target.entry.id);
      this.dialog.set(fresh ? { kind: target.kind, mode: 'edit', entry: fresh } : null);
    });
  }
}
