import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { CORRECTION_SOURCE_LABELS, type CorrectionDto, correctionChangeLines, correctionFieldLabel, monthLabel, shanghaiToday } from '@zhaoshang/shared/domain';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { PageHeader } from '@zhaoshang/web/shared/ui';
import { formatCount, formatDateTime, fromIsoDate, fromIsoMonth, lastValue, toIsoDate, toIsoMonth } from '@zhaoshang/web/shared/util';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { map } from 'rxjs';
import { CORRECTION_PAGE_SIZES, type CorrectionListQuery, parseCorrectionQuery, sameCorrectionQuery, correctionQueryParams } from './correction-query';
import { CorrectionsApi } from './corrections.api';

/** One row as the table shows it: the changes as "签约日期：2024-03-05 → 2024-05-10". */
interface CorrectionRow {
  correction: CorrectionDto;
  at: string;
  source: string;
  months: string[];
  fields: string;
  changes: string[];
}

function toRow(correction: CorrectionDto): CorrectionRow {
  return {
    correction,
    at: formatDateTime(correction.at),
    source: CORRECTION_SOURCE_LABELS[correction.source],
    months: correction.months.map(monthLabel),
    fields: correction.fields.map(correctionFieldLabel).join('、'),
    changes: correctionChangeLines(correction),
  };
}

/**
 * 更正记录: every change that altered a closed month's figures (or moved a stage back), newest
 * first, with who, why and what changed. The filters live in the URL, so a view can be shared.
 */
@Component({
  selector: 'zs-corrections-page',
  imports: [FormsModule, RouterLink, NzDatePickerModule, NzInputModule, NzSelectModule, NzTableModule, NzTagModule, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './corrections-page.html',
  styleUrl: './corrections-page.less',
})
export class CorrectionsPage {
  private readonly api = inject(CorrectionsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly regions = inject(RegionsStore);
  protected readonly pageSizes = [...CORRECTION_PAGE_SIZES];

  protected readonly query = toSignal(
    this.route.queryParamMap.pipe(map((params) => parseCorrectionQuery(Object.fromEntries(params.keys.map((k) => [k, params.getAll(k)]))))),
    { requireSync: true },
  );
  private readonly listQuery = computed(() => this.query(), { equal: sameCorrectionQuery });
  private readonly list = rxResource({ params: () => this.listQuery(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = lastValue(this.list);
  protected readonly loading = this.list.isLoading;
  protected readonly rows = computed(() => (this.result()?.items ?? []).map(toRow));
  protected readonly totalText = computed(() => {
    const result = this.result();
    return result ? `共 ${formatCount(result.total)} 条更正` : '';
  });
  protected readonly pickedMonth = computed(() => fromIsoMonth(this.query().month));
  protected readonly pickedRange = computed(() => {
    const { from, to } = this.query();
    return from && to ? [fromIsoDate(from), fromIsoDate(to)] : [];
  });
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.region || q.q || q.month || q.from || q.to);
  });
  protected readonly disabledDate = (date: Date): boolean => toIsoDate(date) > shanghaiToday();

  constructor() {
    this.regions.ensureLoaded();
  }

  protected pickRegion(region: string | null | undefined): void {
    this.show({ ...this.query(), region: region ?? undefined, page: 1 });
  }

  protected search(text: string): void {
    this.show({ ...this.query(), q: text.trim() || undefined, page: 1 });
  }

  protected pickMonth(date: Date | null): void {
    this.show({ ...this.query(), month: date ? toIsoMonth(date) : undefined, page: 1 });
  }

  protected pickRange(range: (Date | null)[] | null): void {
    const [from, to] = range ?? [];
    this.show({ ...this.query(), from: from ? toIsoDate(from) : undefined, to: to ? toIsoDate(to) : undefined, page: 1 });
  }

  protected clear(): void {
    this.show({ page: 1, pageSize: this.query().pageSize });
  }

  protected pageTo(page: number): void {
    this.show({ ...this.query(), page });
  }

  protected pageSizeTo(pageSize: number): void {
    this.show({ ...this.query(), page: 1, pageSize });
  }

  private show(query: CorrectionListQuery): void {
    if (sameCorrectionQuery(query, this.query())) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: correctionQueryParams(query, { forUrl: true }), replaceUrl: true });
  }
}
