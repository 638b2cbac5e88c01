import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { AUDIT_ENTITIES, type AuditEntity, type AuditEntryDto } from '@zhaoshang/shared/domain';
import { AuditApi } from '@zhaoshang/web/admin/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { DateTimePipe, PageHeader } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { ACTION_COLORS, ACTION_LABELS, ACTOR_TYPE_LABELS, type AuditChange, auditChanges, ENTITY_LABELS, entityLabel } from './audit-format';

const PAGE_SIZE = 50;

interface AuditRow {
  entry: AuditEntryDto;
  entityLabel: string;
  changes: AuditChange[];
}

@Component({
  selector: 'zs-audit-page',
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, DateTimePipe, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.less',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly regions = inject(RegionsStore);
  protected readonly actionLabels = ACTION_LABELS;
  protected readonly actionColors = ACTION_COLORS;
  protected readonly actorTypeLabels = ACTOR_TYPE_LABELS;

  protected readonly rows = signal<AuditRow[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(false);
  protected readonly loaded = signal(false);

  /** the filter as typed; applied by `search()` */
  protected readonly entity = signal<AuditEntity | null>(null);
  protected readonly entityId = signal('');
  /** every entity the API records (the API's names, shown in Chinese) */
  protected readonly entityOptions = AUDIT_ENTITIES.map((value) => ({ value, label: ENTITY_LABELS[value] }));
  private applied: { entity?: AuditEntity; entityId: string } = { entityId: '' };

  constructor() {
    this.regions.ensureLoaded();
    this.search();
  }

  protected search(): void {
    this.applied = { entity: this.entity() ?? undefined, entityId: this.entityId().trim() };
    this.rows.set([]);
    this.nextCursor.set(null);
    this.fetch(undefined);
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (cursor && !this.loading()) this.fetch(cursor);
  }

  private fetch(before: string | undefined): void {
    this.loading.set(true);
    this.api.page({ ...this.applied, limit: PAGE_SIZE, before }).subscribe({
      next: (page) => {
        const names = { regionName: (code: string) => this.regions.name(code) };
        const rows = page.items.map((entry) => ({
          entry,
          entityLabel: entityLabel(entry.entity),
          changes: auditChanges(entry.before, entry.after, names),
        }));
        this.rows.update((existing) => [...existing, ...rows]);
        this.nextCursor.set(page.nextCursor);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: () => this.loading.set(false),
    });
  }
}
