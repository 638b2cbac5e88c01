import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { type FaiTotalDto, can, monthOf, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { GridAlerts, GridSaveBar, PageHeader, WanPipe, editableGrid, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { formatCount } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
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
  imports: [FormsModule, NzAlertModule, NzInputModule, NzSelectModule, NzSwitchModule, NzTableModule, NzTooltipModule, GridAlerts, GridSaveBar, PageHeader, WanPipe],
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
  private readonly thisMonth = monthOf(shanghaiToday());

  protected readonly editor = editableGrid<FaiGrid>({ conflictMessage: FAI_CONFLICT_MESSAGE, invalidMessage: '请先更正标红的金额' });
  /** the grid as loaded; edits replace it with a new one */
  protected readonly grid = this.editor.grid;
  protected readonly monthHeads = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  protected readonly problemsText = computed(() => {
    const problems = this.grid()?.problems ?? [];
    return problems.map((p) => `${p.regionName} ${Number(p.month.slice(5))}月：${p.message}`);
  });
  protected readonly changeCount = computed(() => formatCount(this.grid()?.changes.length ?? 0));

  constructor() {
    this.regions.ensureLoaded();
    this.editor.load(this.year, (year) => this.api.list(year), (totals) => {
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
    this.editor.edit((grid) => grid.withEdit(regionCode, month, text));
  }

  protected save(): void {
    this.editor.save(
      (grid) => this.api.save(grid.basis, grid.changes),
      (result) => {
        this.messages.success(`已保存：新增 ${formatCount(result.created)} 个，更新 ${formatCount(result.updated)} 个，不变 ${formatCount(result.unchanged)} 个`);
        this.editor.reload();
      },
    );
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
