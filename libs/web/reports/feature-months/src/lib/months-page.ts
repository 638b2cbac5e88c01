import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { can, type MonthOverview, type MonthState, monthLabel, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { DateTimePipe, PageHeader, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { formatCount } from '@zhaoshang/web/shared/util';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { catchError, of, switchMap, tap } from 'rxjs';
import { CloseMonthDialog } from './close-month-dialog';
import { MonthsApi, currentMonth } from '@zhaoshang/web/reports/data-access';
import { ReopenMonthDialog } from './reopen-month-dialog';
import { notVerifiedCount } from './month-text';

export const CONFLICT_MESSAGE = '该月状态已被他人修改，已重新加载最新状态，请再确认';

/** The years to pick from: the current one and the five before it. */
export function selectableYears(today: string = shanghaiToday()): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => year - i);
}

/**
 * 月结管理 (city staff and admins): a year's months with their report counts; close a month; admins
 * also reopen one with a reason (DOMAIN.md §7).
 */
@Component({
  selector: 'zs-months-page',
  imports: [FormsModule, NgTemplateOutlet, NzButtonModule, NzEmptyModule, NzIconModule, NzSelectModule, NzSpinModule, NzTableModule, NzTagModule, NzTooltipModule, DateTimePipe, PageHeader, CloseMonthDialog, ReopenMonthDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './months-page.html',
  styleUrl: './months-page.less',
})
export class MonthsPage {
  private readonly api = inject(MonthsApi);
  private readonly messages = inject(NzMessageService);
  private readonly user = inject(AuthService).currentUser;

  /** phones get a card per month instead of the wide table */
  protected readonly isPhone = injectIsPhone();
  /** reopening is the admin's (DOMAIN.md §7): others do not see the button */
  protected readonly canReopen = computed(() => can(this.user()?.role, 'months:reopen'));
  protected readonly years = selectableYears();
  protected readonly year = signal(this.years[0]);
  protected readonly months = signal<MonthOverview[]>([]);
  protected readonly loading = signal(false);
  protected readonly closing = signal<MonthOverview | null>(null);
  protected readonly reopening = signal<MonthOverview | null>(null);
  private readonly reloads = signal(0);
  /** a new year, or a reload after a change, reads the months again */
  private readonly request = computed(() => ({ year: this.year(), reload: this.reloads() }));

  /** the month under way: its reports are filed next month, so it cannot be closed yet (the API refuses too) */
  protected readonly thisMonth = currentMonth();
  protected readonly label = monthLabel;
  protected readonly count = formatCount;
  protected readonly notVerified = notVerifiedCount;

  constructor() {
    toObservable(this.request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ year }) => this.api.list(year).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((months) => {
        this.loading.set(false);
        if (months) this.months.set([...months].sort((a, b) => a.month.localeCompare(b.month)));
      });
  }

  protected reload(): void {
    this.reloads.update((n) => n + 1);
  }

  protected closedMonth(state: MonthState): void {
    this.closing.set(null);
    this.messages.success(`${monthLabel(state.month)}已月结，当月指标已发布`);
    this.reload();
  }

  protected reopenedMonth(state: MonthState): void {
    this.reopening.set(null);
    this.messages.success(`${monthLabel(state.month)}已重新打开`);
    this.reload();
  }

  protected conflicted(): void {
    this.closing.set(null);
    this.reopening.set(null);
    this.messages.warning(CONFLICT_MESSAGE);
    this.reload();
  }
}
