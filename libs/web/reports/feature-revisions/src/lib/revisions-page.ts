import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import {
  addMonths,
  isMonth,
  monthLabel,
  monthOf,
  PROJECT_FIELD_LABELS,
  publicationPeriodLabel,
  type PublicationDifferences,
  type PublicationRevision,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { DateTimePipe, MonthPicker, PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorMessage } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { FIGURE_UNITS, formatDifference, formatFigure } from './figure-format';
import { PublicationsApi } from './publications.api';

/** 现值: compare with the figures as they are now, not with a revision. */
export const NOW = 0;

/** The month the page opens on: `?month=` when it is a month up to this one, else last month. */
export function initialMonth(param: string | null, today: string = shanghaiToday()): string {
  const thisMonth = monthOf(today);
  return param && isMonth(param) && param <= thisMonth ? param : addMonths(thisMonth, -1);
}

/** A correction's field names in the words of the project form. */
export function fieldLabels(fields: readonly string[]): string {
  const labels: Record<string, string> = PROJECT_FIELD_LABELS;
  return fields.map((field) => labels[field] ?? field).join('、');
}

/**
 * 数据修订 (DOMAIN.md §6, 修订说明): a month's published revisions, and what differs between two of
 * them or between one and the figures now — per region, period and indicator — with the
 * corrections of closed months that touched the month since.
 */
@Component({
  selector: 'zs-revisions-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzEmptyModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, DateTimePipe, MonthPicker, PageHeader],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './revisions-page.html',
  styleUrl: './revisions-page.less',
})
export class RevisionsPage {
  private readonly api = inject(PublicationsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });

  protected readonly isPhone = injectIsPhone();
  protected readonly month = computed(() => initialMonth(this.query().get('month')));
  protected readonly revisions = signal<PublicationRevision[]>([]);
  /** the month the revisions above belong to (null while they load) */
  private readonly revisionsMonth = signal<string | null>(null);
  protected readonly loadingRevisions = signal(false);
  protected readonly revisionsError = signal<string | null>(null);
  /** the older revision compared; null: none published */
  protected readonly from = signal<number | null>(null);
  /** the newer side: a later revision, or NOW */
  protected readonly to = signal<number>(NOW);
  protected readonly differences = signal<PublicationDifferences | null>(null);
  protected readonly loadingDifferences = signal(false);
  protected readonly differencesError = signal<string | null>(null);

  protected readonly now = NOW;
  protected readonly label = monthLabel;
  protected readonly periodLabel = publicationPeriodLabel;
  protected readonly units = FIGURE_UNITS;
  protected readonly figure = formatFigure;
  protected readonly difference = formatDifference;
  protected readonly fields = fieldLabels;
  /** what the newer side may be: the revisions after the older one, and the figures now */
  protected readonly targets = computed(() => {
    const from = this.from();
    return [...this.revisions().filter((r) => from !== null && r.revision > from).map((r) => ({ value: r.revision, label: `第${r.revision}版` })), { value: NOW, label: '现值' }];
  });
  /**
   * When the latest revision agrees with the figures now, the revision a reader came for is what
   * the latest close changed: offer the step from the one before it.
   */
  protected readonly previousStep = computed(() => {
    const latest = this.revisions().at(-1)?.revision ?? 0;
    return latest > 1 && this.from() === latest && this.to() === NOW ? { from: latest - 1, to: latest } : null;
  });
  protected readonly comparing = computed(() => {
    const from = this.from();
    if (from === null) return '';
    const to = this.to();
    return `第${from}版 → ${to === NOW ? '现值' : `第${to}版`}`;
  });

  constructor() {
    toObservable(this.month)
      .pipe(
        tap(() => {
          this.loadingRevisions.set(true);
          this.revisionsMonth.set(null);
        }),
        switchMap((month) =>
          this.api.revisions(month).pipe(
            map((list) => ({ month, list, error: null })),
            catchError((error: unknown) => of({ month, list: [] as PublicationRevision[], error: apiErrorMessage(error) })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ month, list, error }) => {
        this.loadingRevisions.set(false);
        this.revisionsError.set(error);
        this.revisions.set(list);
        // default: the latest revision against the figures now
        this.from.set(list.at(-1)?.revision ?? null);
        this.to.set(NOW);
        this.revisionsMonth.set(month);
      });

    toObservable(computed(() => ({ month: this.revisionsMonth(), from: this.from(), to: this.to() })))
      .pipe(
        tap(() => this.differencesError.set(null)),
        switchMap(({ month, from, to }) => {
          if (month === null || from === null) return of(null);
          this.loadingDifferences.set(true);
          return this.api.differences(month, from, to === NOW ? null : to).pipe(
            catchError((error: unknown) => {
              this.differencesError.set(apiErrorMessage(error));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((differences) => {
        this.loadingDifferences.set(false);
        this.differences.set(differences);
      });
  }

  protected isUp(value: string | number | null): boolean {
    return value !== null && Number(value) > 0;
  }

  protected isDown(value: string | number | null): boolean {
    return value !== null && Number(value) < 0;
  }

  protected pickMonth(month: string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { month }, replaceUrl: true });
  }

  protected compare(from: number, to: number): void {
    this.from.set(from);
    this.to.set(to);
  }

  protected pickFrom(from: number): void {
    this.from.set(from);
    // the newer side must stay newer
    if (this.to() !== NOW && this.to() <= from) this.to.set(NOW);
  }
}
