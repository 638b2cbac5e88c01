import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { type PublicationStatus, publicationLabel } from '@zhaoshang/shared/domain';
import { formatDateTime } from '@zhaoshang/web/shared/util';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { catchError, of, switchMap } from 'rxjs';
import { PublicationsApi } from './publications.api';

/** Where the differences page lives under the shell (nav.ts). */
export const REVISIONS_ROUTE = '/reports/revisions';

/**
 * Which published revision a screen's figures are (DOMAIN.md §6): for a period ending in `month`,
 * nothing while the month is open; 「已发布 · 第1版」 once closed; a red 「已修订」 tag, linking to the
 * differences page, when it was reopened and closed again or corrected since.
 */
@Component({
  selector: 'zs-publication-badge',
  imports: [RouterLink, NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'zs-publication-badge' },
  template: `
    @if (view(); as v) {
      @if (v.revised) {
        <a [routerLink]="revisionsRoute" [queryParams]="{ month: v.month }" data-testid="publication-badge" [attr.data-revised]="true">
          <nz-tag nzColor="error" nz-tooltip [nzTooltipTitle]="v.tooltip">{{ v.label }}</nz-tag>
        </a>
      } @else {
        <nz-tag nzColor="success" nz-tooltip [nzTooltipTitle]="v.tooltip" data-testid="publication-badge">{{ v.label }}</nz-tag>
      }
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
    }
    nz-tag {
      margin-inline-end: 0;
    }
  `,
})
export class PublicationBadge {
  /** the period's end month, `YYYY-MM`; null says nothing */
  readonly month = input<string | null>(null);

  private readonly api = inject(PublicationsApi);
  protected readonly revisionsRoute = REVISIONS_ROUTE;
  private readonly status = toSignal(
    toObservable(this.month).pipe(switchMap((month) => (month ? this.api.status(month).pipe(catchError(() => of(null))) : of(null)))),
    { initialValue: null },
  );

  protected readonly view = computed(() => {
    const status: PublicationStatus | null = this.status();
    // an answer for another month than the one now asked about says nothing either
    if (!status || status.month !== this.month()) return null;
    const label = publicationLabel(status);
    if (!label) return null;
    const published = `第${status.revision}版发布于 ${formatDateTime(status.publishedAt)}`;
    return { month: status.month, revised: status.revised, label, tooltip: status.revised ? `${published}，此后数据有修订，点击查看修订说明` : published };
  });
}
