import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute } from '@angular/router';
import { type AuditEntity, type AuditEntryDto, auditEntitiesReadableBy } from '@zhaoshang/shared/domain';
import { AuditApi } from '@zhaoshang/web/admin/data-access';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { IndustriesStore, RegionsStore } from '@zhaoshang/web/shared/data-access';
import { ColumnSettings, DateTimePipe, EllipsisCell, PageHeader, type TableColumn, columnVisibility, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { toIsoDate } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { ACTION_COLORS, ACTION_LABELS, type AuditChange, ENTITY_LABELS, changeSummary, entityLabel, entryChanges, entrySubject } from './audit-format';

const PAGE_SIZE = 50;

/** The columns of the log that a user may hide (列设置); 时间 always shows. */
type AuditColumn = 'at' | 'actor' | 'action' | 'subject' | 'changes';
const COLUMNS: readonly TableColumn<AuditColumn>[] = [
  { key: 'at', title: '时间', required: true },
  { key: 'actor', title: '操作人' },
  { key: 'action', title: '动作' },
  { key: 'subject', title: '对象' },
  { key: 'changes', title: '变更摘要' },
];

interface AuditRow {
  entry: AuditEntryDto;
  entityLabel: string;
  /** 项目编号 名称 · 月份, 姓名（用户名）…: the record by the key a reader knows */
  subject: string;
  changes: AuditChange[];
  /** the first changes on one line */
  summary: string;
}

/** one page asked for: the applied filter, and the cursor of the page before (none: a new search) */
interface AuditRequest {
  entity?: AuditEntity;
  projectNo?: string;
  actor?: string;
  from?: string;
  to?: string;
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

const trimmed = (text: string): string | undefined => text.trim() || undefined;

@Component({
  selector: 'zs-audit-page',
  imports: [
    FormsModule,
    NgTemplateOutlet,
    NzButtonModule,
    NzDatePickerModule,
    NzIconModule,
    NzInputModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    ColumnSettings,
    DateTimePipe,
    EllipsisCell,
    PageHeader,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.html',
  styleUrl: './audit-page.less',
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly regions = inject(RegionsStore);
  private readonly industries = inject(IndustriesStore);
  protected readonly isPhone = injectIsPhone();
  protected readonly actionLabels = ACTION_LABELS;
  protected readonly actionColors = ACTION_COLORS;

  /** the filter as typed; applied by `search()`. A link may bring a project number or a user (?projectNo=, ?actor=). */
  private readonly linked = inject(ActivatedRoute).snapshot.queryParamMap;
  protected readonly entity = signal<AuditEntity | null>(null);
  protected readonly projectNo = signal(this.linked.get('projectNo') ?? '');
  protected readonly actor = signal(this.linked.get('actor') ?? '');
  protected readonly dates = signal<Date[] | null>(null);
  private readonly user = inject(AuthService).currentUser;
  /** the entities whose log this user may read (the API's names, shown in Chinese; DOMAIN.md §7) */
  protected readonly entityOptions = computed(() => {
    const role = this.user()?.role;
    return role ? auditEntitiesReadableBy(role).map((value) => ({ value, label: ENTITY_LABELS[value] })) : [];
  });
  protected readonly columns = columnVisibility('audit', COLUMNS, () => this.user()?.id);

  /** set anew by every search and every 加载更多, so the same search asked again loads again */
  private readonly request = signal<AuditRequest>(this.filter());
  /** a newer request replaces a pending one; a failure is shown by the interceptor */
  private readonly page = rxResource({
    params: () => this.request(),
    stream: ({ params }) =>
      this.api.page({ ...params, limit: PAGE_SIZE }).pipe(
        map((page): AuditPageRows => {
          // the names as known when the page arrives, as they were before
          const names = {
            regionName: (code: string) => this.regions.name(code),
            industryName: (code: string) => this.industries.industries().find((i) => i.code === code)?.name ?? null,
          };
          const rows = page.items.map((entry): AuditRow => {
            const changes = entryChanges(entry, names);
            return { entry, entityLabel: entityLabel(entry.entity), subject: entrySubject(entry), changes, summary: changeSummary(changes, 2, entry.entity) };
          });
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
  /** the rows opened to their before/after table */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());

  constructor() {
    this.regions.ensureLoaded();
    this.industries.ensureLoaded();
  }

  protected search(): void {
    this.expanded.set(new Set());
    this.request.set(this.filter());
  }

  protected resetFilters(): void {
    this.entity.set(null);
    this.projectNo.set('');
    this.actor.set('');
    this.dates.set(null);
    this.search();
  }

  protected loadMore(): void {
    const before = this.nextCursor();
    if (before && !this.loading()) this.request.set({ ...this.request(), before });
  }

  protected setExpanded(id: string, open: boolean): void {
    const next = new Set(this.expanded());
    if (open) next.add(id);
    else next.delete(id);
    this.expanded.set(next);
  }

  /** the filter as typed, blanks left out */
  private filter(): AuditRequest {
    const [from, to] = this.dates() ?? [];
    const request: AuditRequest = { entity: this.entity() ?? undefined, projectNo: trimmed(this.projectNo()), actor: trimmed(this.actor()) };
    if (from) request.from = toIsoDate(from);
    if (to) request.to = toIsoDate(to);
    return request;
  }
}
