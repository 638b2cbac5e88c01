import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { IndustryDto } from '@zhaoshang/shared/domain';
import { IndustriesApi } from '@zhaoshang/web/admin/data-access';
import { ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { injectIsPhone, PageHeader } from '@zhaoshang/web/shared/ui';
import { rowAction } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { IndustryDialog, type IndustryDialogTarget } from './industry-dialog';
import { nextSortOrder } from './industry-form';

@Component({
  selector: 'zs-industries-page',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzSwitchModule, NzTableModule, NzTagModule, PageHeader, IndustryDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './industries-page.html',
  styles: `
    :host {
      display: block;
    }
    .mono {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    .status-text {
      margin-left: 8px;
    }
    .row--inactive td {
      color: rgba(0, 0, 0, 0.4);
    }
    nz-table {
      background: #fff;
    }
  `,
})
export class IndustriesPage {
  protected readonly isPhone = injectIsPhone();
  private readonly api = inject(IndustriesApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  protected readonly industries = signal<IndustryDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly dialog = signal<IndustryDialogTarget | null>(null);
  /** the 启用 switch of one row at a time */
  protected readonly toggle = rowAction<string>();

  constructor() {
    this.load();
  }

  protected load(afterLoad?: (industries: IndustryDto[]) => void): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (industries) => {
        this.industries.set([...industries].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code)));
        this.loading.set(false);
        afterLoad?.(industries);
      },
      error: () => this.loading.set(false),
    });
  }

  protected create(): void {
    this.dialog.set({ mode: 'create', sortOrder: nextSortOrder(this.industries()) });
  }

  protected edit(industry: IndustryDto): void {
    this.dialog.set({ mode: 'edit', industry });
  }

  protected onSaved(saved: IndustryDto): void {
    const exists = this.industries().some((i) => i.code === saved.code);
    this.industries.update((list) =>
      (exists ? list.map((i) => (i.code === saved.code ? saved : i)) : [...list, saved]).sort((a, b) => a.sortOrder - b.sortOrder),
    );
    this.messages.success(exists ? `已保存「${saved.name}」` : `已新建「${saved.name}」`);
  }

  /** The dialog met a newer version: read the list again and edit what is current now. */
  protected reloadEditing(): void {
    const target = this.dialog();
    if (target?.mode !== 'edit') return;
    this.load((industries) => {
      const fresh = industries.find((i) => i.code === target.industry.code);
      this.dialog.set(fresh ? { mode: 'edit', industry: fresh } : null);
    });
  }

  protected toggleActive(industry: IndustryDto, active: boolean): void {
    this.toggle.run(industry.code, this.api.update(industry.code, { active, version: industry.version }), {
      next: (saved) => {
        this.industries.update((list) => list.map((i) => (i.code === saved.code ? saved : i)));
        this.messages.success(saved.active ? `已启用「${saved.name}」` : `已停用「${saved.name}」`);
      },
      failed: (error) => this.notifier.show(error),
      // someone else changed the industry: show what is current now
      stale: () => this.load(),
    });
  }
}
