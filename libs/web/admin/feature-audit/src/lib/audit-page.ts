import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { type AuditEntity, type AuditEntryDto, auditEntitiesReadableBy } from '@zhaoshang/shared/domain';
import { AuditApi } from '@zhaoshang/web/admin/data-access';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { DateTimePipe, PageHeader } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { ACTION_COLORS, ACTION_LABELS, ACTOR_TYPE_LABELS, type AuditChange, auditChanges, ENTITY_LABELS, entityLabel } from './audit-format';

const PAGE_SIZE = 50;

interface AuditRow {
  entry: AuditEntryDto;
  entityLabel: string;
  changes: AuditChange[];
}

/** one page asked for: the applied filter, and the cursor of the page before (none: a new search) */
interface AuditRequest {
  entity?: AuditEntity;
  entityId: string;
  before?: string;
}

/** one page answered, with the request it answers */
interface AuditPageRows {
  request: AuditRequest;
  rows: AuditRow[];
  nextCursor: string | null;
}

/** what the table shows: the pages loaded so far, newest last */
interface AuditRows {
  /** the last page appended, so a page is appended once */
  last?: AuditPageRows;
  rows: AuditRow[];
  nextCursor: string | null;
  /** a page has arrived since the page opened */
  loaded: boolean;
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

  /** the filter as typed; applied by `search()` */
  protected readonly entity = signal<AuditEntity | null>(null);
  protected readonly entityId = signal('');
  private readonly user = inject(AuthService).currentUser;
  /** the entities whose log this user may read (the API's names, shown in Chinese; DOMAIN.md §7) */
  protected readonly entityOptions = computed(() => {
    const role = this.user()?.role;
    return role ? auditEntitiesReadableBy(role).map((value) => ({ value, label: ENTITY_LABELS[value] })) : [];
  });

  /** set anew by every search and every 加载更多, so the same search asked again loads again */
  private readonly request = signal<AuditRequest>({ entityId: '' });
  /** a newer request replaces a pending one; a failure is shown by the interceptor */
  private readonly page = rxResource({
    params: () => this.request(),
    stream: ({ params }) =>
      this.api.page({ ...params, limit: PAGE_SIZE }).pipe(
        map((page): AuditPageRows => {
          // the region names as known when the page arrives, as they were before
          const names = { regionName: (code: string) => this.regions.name(code) };
          const rows = page.items.map((entry) => ({ entry, entityLabel: entityLabel(entry.entity), changes: auditChanges(entry.before, entry.after, names) }));
          return { request: params, rows, nextCursor: page.nextCursor };
        }),
      ),
  });
  /** a search starts over; a further page is added below the rows shown; a failure keeps them */
  private readonly shown = linkedSignal<{ request: AuditRequest; page: AuditPageRows | undefined }, AuditRows>({
    source: () => ({ request: this.request(), page: this.page.hasValue() ? this.page.value() : undefined }),
    computation: ({ request, page }, previous) => {
      const before: AuditRows = previous?.value ?? { rows: [], nextCursor: null, loaded: false };
      if (page === undefined || page.request !== request) {
        return request.before === undefined ? { rows: [], nextCursor: null, loaded: before.loaded } : before;
      }
      if (page === before.last) return before;
      return { last: page, rows: request.before === undefined ? page.rows : [...before.rows, ...page.rows], nextCursor: page.nextCursor, loaded: true };
    },
  });
  protected readonly rows = computed(() => this.shown().rows);
  protected readonly nextCursor = computed(() => this.shown().nextCursor);
  protected readonly loaded = computed(() => this.shown().loaded);
  protected readonly loading = this.page.isLoading;

  constructor() {
    this.regions.ensureLoaded();
  }

  protected search(): void {
    this.request.set({ entity: this.entity() ?? undefined, entityId: this.entityId().trim() });
  }

  protected loadMore(): void {
    const before = this.nextCursor();
    if (before && !this.loading()) this.request.set({ ...this.request(), before });
  }
}
