import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { type FaiTotalDto, can, monthOf, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { PageHeader, WanPipe, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorCode, apiErrorMessage, formatCount } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { catchError, of, switchMap, tap } from 'rxjs';
import { FaiApi } from '@zhaoshang/web/reports/data-access';
import { type FaiBasis, FaiGrid } from './fai-grid';

export const FAI_CONFLICT_MESSAGE = '数据已被他人修改，请重新加载后再录入';

/** The current year and the five before it. */
export function faiYears(today: string = shanghaiToday()): number[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => year - i);
}

/** 固定资产投资: a year's FAI totals by region and month; editors type them in (monthly or 1–N月累计). */
@Component({
  selector: 'zs-fai-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzIconModule, NzInputModule, NzSelectModule, NzSwitchModule, NzTableModule, NzTooltipModule, PageHeader, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './fai-page.html',
  styleUrl: './fai-page.less',
})
export class FaiPage {
  private readonly api = inject(FaiApi);
  private readonly messages = inject(NzMessageService);
  private readonly regions = inject(RegionsStore);
  private readonly user = inject(AuthService).currentUser;

  /** phones pin only the region column, by its short name */
  protected readonly isPhone = injectIsPhone();
  protected readonly canEdit = computed(() => can(this.user()?.role, 'fai:edit'));
  protected readonly years = faiYears();
  protected readonly year = signal(this.years[0]);
  protected readonly basis = signal<FaiBasis>('MONTH');
  private readonly totals = signal<FaiTotalDto[]>([]);
  private readonly reloads = signal(0);
  private readonly request = computed(() => ({ year: this.year(), reload: this.reloads() }));
  private readonly thisMonth = monthOf(shanghaiToday());

  /** the grid as loaded; edits replace it with a new one */
  protected readonly grid = signal<FaiGrid | null>(null);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly monthHeads = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  protected readonly problemsText = computed(() => {
    const problems = this.grid()?.problems ?? [];
    return problems.map((p) => `${p.regionName} ${Number(p.month.slice(5))}月：${p.message}`);
  });
  protected readonly changeCount = computed(() => formatCount(this.grid()?.changes.length ?? 0));

  constructor() {
    this.regions.ensureLoaded();
    toObservable(this.request)
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ year }) => this.api.list(year).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(),
      )
      .subscribe((totals) => {
        this.loading.set(false);
        if (totals) this.totals.set(totals);
        this.rebuild();
      });
    // the regions may arrive after the figures
    toObservable(this.regions.regions)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.rebuild());
  }

  protected pickYear(year: number): void {
    this.year.set(year);
  }

  protected pickBasis(ytd: boolean): void {
    this.basis.set(ytd ? 'YTD' : 'MONTH');
    this.grid.update((grid) => grid?.withBasis(this.basis()) ?? null);
  }

  protected edit(regionCode: string, month: string, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.grid.update((grid) => grid?.withEdit(regionCode, month, text) ?? null);
  }

  protected discard(): void {
    this.grid.update((grid) => grid?.discard() ?? null);
    this.error.set(null);
  }

  protected reload(): void {
    this.conflict.set(false);
    this.error.set(null);
    this.reloads.update((n) => n + 1);
  }

  protected save(): void {
    const grid = this.grid();
    if (!grid || this.saving() || !grid.hasChanges) return;
    if (!grid.valid) {
      this.error.set('请先更正标红的金额');
      return;
    }
    this.saving.set(true);
    this.error.set(null);
    this.conflict.set(false);
    this.api.save(grid.basis, grid.changes).subscribe({
      next: (result) => {
        this.saving.set(false);
        this.messages.success(`已保存：新增 ${formatCount(result.created)} 个，更新 ${formatCount(result.updated)} 个，不变 ${formatCount(result.unchanged)} 个`);
        this.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const conflict = apiErrorCode(error) === 'VERSION_CONFLICT';
        this.conflict.set(conflict);
        this.error.set(conflict ? FAI_CONFLICT_MESSAGE : apiErrorMessage(error));
      },
    });
  }

  protected monthNumber(month: string): number {
    return Number(month.slice(5));
  }

  private rebuild(): void {
    const regions = this.regions.regions();
    if (regions.length === 0) return;
    const year = this.year();
    const lastMonth = this.thisMonth.startsWith(`${year}-`) ? this.thisMonth : `${year}-12`;
    this.grid.set(new FaiGrid(year, regions, this.totals(), lastMonth, this.basis()));
  }
}
