import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { REPORT_STATUS_LABELS, type ReportStatus, can, monthLabel } from '@zhaoshang/shared/domain';
import { AuthService, ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { ReportsApi, reportMonthFromUrl } from '@zhaoshang/web/reports/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { MonthPicker, PageHeader, WanPipe } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorCode, apiErrorMessage, downloadAction, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule, NzModalService } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Subscription, distinctUntilChanged, filter } from 'rxjs';
import { Autosaver, type SaveState } from './autosaver';
import { GRID_COLUMNS, cleanNumber, isBlock, keyTarget, parseClipboardBlock, pasteCells } from './grid-keys';
import { type GridRow, ReportGridModel } from './grid-model';

export const STATUS_COLORS: Record<ReportStatus, string> = { DRAFT: 'default', SUBMITTED: 'processing', VERIFIED: 'success', RETURNED: 'error' };

const COLUMN_LABELS = ['自有资金', '银行贷款', '其他资金', '完成投资', '形象进度'];

/** Errors after which saving again cannot help: the grid must be read again. */
const STALE = saveAction({
  conflictCodes: ['MONTH_CLOSED', 'WRONG_STATUS'],
  conflictMessage: (error) => (apiErrorCode(error) === 'VERSION_CONFLICT' ? '该月报已被他人修改，请重新加载后再填写' : apiErrorMessage(error)),
});

interface Selection {
  regionCode: string;
  month: string;
}

@Component({
  selector: 'zs-report-entry-page',
  imports: [FormsModule, NzAlertModule, NzButtonModule, NzEmptyModule, NzIconModule, NzModalModule, NzSelectModule, NzSpinModule, NzTagModule, MonthPicker, PageHeader, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-entry-page.html',
  styleUrl: './report-entry-page.less',
  // one listener each for all the grid's cells (the handlers ignore everything but a cell)
  host: { '(input)': 'onInput($event)', '(keydown)': 'onKeydown($event)', '(paste)': 'onPaste($event)', '(focusout)': 'onFocusOut($event)' },
})
export class ReportEntryPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  private readonly modal = inject(NzModalService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly regions = inject(RegionsStore);
  private readonly user = inject(AuthService).currentUser;

  protected readonly columns = GRID_COLUMNS;
  protected readonly columnLabels = COLUMN_LABELS;
  protected readonly statusLabels = REPORT_STATUS_LABELS;
  protected readonly statusColors = STATUS_COLORS;

  /** district staff work on their own region only */
  protected readonly ownRegion = computed(() => (this.user()?.role === 'DISTRICT_STAFF' ? this.user()?.regionCode ?? null : null));

  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });
  protected readonly month = computed(() => reportMonthFromUrl(this.params().get('month')));
  protected readonly regionCode = computed(() => {
    const own = this.ownRegion();
    if (own) return own;
    const wanted = this.params().get('regionCode');
    const districts = this.regions.districts();
    if (wanted && (districts.length === 0 || districts.some((d) => d.code === wanted))) return wanted;
    return districts[0]?.code ?? null;
  });
  private readonly selection = computed<Selection | null>(() => {
    const regionCode = this.regionCode();
    return regionCode ? { regionCode, month: this.month() } : null;
  });
  protected readonly monthText = computed(() => monthLabel(this.month()));
  protected readonly emptyText = computed(() => `${this.regions.name(this.regionCode()) ?? ''}${this.monthText()}没有需要填报月报的项目`);

  protected readonly model = signal<ReportGridModel | null>(null);
  private readonly saver = signal<Autosaver | null>(null);
  protected readonly saveState = computed<SaveState>(() => this.saver()?.state() ?? { kind: 'idle' });
  protected readonly loading = signal(false);
  protected readonly submitting = signal(false);
  protected readonly exporting = downloadAction();
  /** the message of a refused save that needs the grid read again (conflict), else null */
  protected readonly reloadNeeded = signal<string | null>(null);
  private gridLoad: Subscription | null = null;

  protected readonly mayEdit = computed(() => {
    const user = this.user();
    const region = this.regionCode();
    if (!user || !region || !can(user.role, 'reports:edit')) return false;
    return user.role !== 'DISTRICT_STAFF' || user.regionCode === region;
  });


  constructor() {
    this.regions.ensureLoaded();

    // the URL always names the region and month shown, so that a link or a reload opens the same grid
    effect(() => {
      const selection = this.selection();
      const params = this.params();
      if (!selection) return;
      if (params.get('regionCode') !== selection.regionCode || params.get('month') !== selection.month) {
        untracked(() => void this.router.navigate([], { relativeTo: this.route, queryParams: selection, replaceUrl: true }));
      }
    });

    toObservable(this.selection)
      .pipe(
        filter((s): s is Selection => s !== null),
        distinctUntilChanged((a, b) => a.regionCode === b.regionCode && a.month === b.month),
        takeUntilDestroyed(),
      )
      .subscribe((selection) => this.load(selection));

    const onUnload = (event: BeforeUnloadEvent) => {
      const model = this.model();
      if (!model || model.dirtyRows().length === 0) return;
      void this.saver()?.flush();
      event.preventDefault();
    };
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void this.saver()?.flush();
    };
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('visibilitychange', onHidden);
    this.destroyRef.onDestroy(() => {
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('visibilitychange', onHidden);
      this.gridLoad?.unsubscribe();
      // leaving the page: what was typed is still saved (the request outlives the page)
      const saver = this.saver();
      saver?.dispose();
      void saver?.flush();
    });
  }

  protected pickRegion(regionCode: string): void {
    this.navigate({ regionCode });
  }

  protected pickMonth(month: string): void {
    this.navigate({ month });
  }

  protected reload(): void {
    const selection = this.selection();
    if (selection) this.load(selection);
  }

  // ---- the grid's keyboard, typing and pasting (one listener each on the table body)

  onInput(event: Event): void {
    const cell = this.cellOf(event.target);
    if (!cell) return;
    this.model()?.edit(cell.row, GRID_COLUMNS[cell.col], cell.input.value);
    this.saver()?.touch();
  }

  onKeydown(event: KeyboardEvent): void {
    const cell = this.cellOf(event.target);
    const model = this.model();
    if (!cell || !model || event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const target = keyTarget(event.key, event.shiftKey, { row: cell.index, col: cell.col }, this.editableRows());
    if (event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'ArrowDown') event.preventDefault();
    if (target) this.focusCell(target.row, target.col);
  }

  onPaste(event: ClipboardEvent): void {
    const cell = this.cellOf(event.target);
    const model = this.model();
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (!cell || !model || text === '') return;
    const block = parseClipboardBlock(text);
    if (!isBlock(block)) {
      // one value: amounts are cleaned of separators, text goes in as the browser pastes it
      if (GRID_COLUMNS[cell.col] === 'progress') return;
      event.preventDefault();
      const input = cell.input;
      const value = input.value.slice(0, input.selectionStart ?? input.value.length) + cleanNumber(text) + input.value.slice(input.selectionEnd ?? input.value.length);
      model.edit(cell.row, GRID_COLUMNS[cell.col], value);
    } else {
      event.preventDefault();
      for (const target of pasteCells({ row: cell.index, col: cell.col }, block, this.editableRows())) {
        model.edit(model.rows[target.row], target.field, target.value);
      }
    }
    this.saver()?.touch();
  }

  /** Leaving a row saves it at once. */
  onFocusOut(event: FocusEvent): void {
    const from = this.cellOf(event.target);
    const to = this.cellOf(event.relatedTarget);
    if (from && from.index !== to?.index) void this.saver()?.flush();
  }

  protected retrySave(): void {
    void this.saver()?.flush();
  }

  // ---- submit and export

  protected confirmSubmit(): void {
    const model = this.model();
    if (!model) return;
    if (model.problemRows() > 0) {
      this.notifier.showText(`有 ${model.problemRows()} 个项目的数据有误，请更正后再提交`);
      return;
    }
    this.modal.confirm({
      nzTitle: `提交${this.monthText()}月报`,
      nzContent: `将提交 ${model.submittable()} 条月报（草稿和已退回的），提交后由市级核实，期间不能再修改。`,
      nzOkText: '提交',
      nzCancelText: '取消',
      nzOnOk: () => this.submitAll(model),
    });
  }

  protected exportExcel(): void {
    const selection = this.selection();
    if (!selection || this.exporting.busy()) return;
    this.exporting.run(this.api.export({ from: selection.month, to: selection.month, regionCode: selection.regionCode }), { saved: (fileName) => this.messages.success(`已导出 ${fileName}`), error: (error) => this.notifier.show(error) });
  }

  protected saveTime(state: SaveState): string {
    if (state.kind !== 'saved') return '';
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(state.at.getHours())}:${pad(state.at.getMinutes())}:${pad(state.at.getSeconds())}`;
  }

  protected rowEditable(model: ReportGridModel, row: GridRow): boolean {
    return model.isRowEditable(row);
  }

  private async submitAll(model: ReportGridModel): Promise<void> {
    this.submitting.set(true);
    try {
      const saved = await this.saver()?.flush();
      if (saved === false || model.blockedRows().length > 0) {
        this.notifier.showText('有未能保存的数据，请先处理后再提交');
        return;
      }
      const changed = await new Promise<ReportGridModel | null>((resolve) => {
        this.api.submit({ regionCode: model.regionCode, month: model.month }).subscribe({
          next: ({ items }) => {
            model.applyReports(items);
            this.messages.success(`已提交 ${items.length} 条月报`);
            resolve(model);
          },
          error: (error: unknown) => {
            this.showSaveError(error);
            resolve(null);
          },
        });
      });
      if (changed && this.model() === model) this.reload();
    } finally {
      this.submitting.set(false);
    }
  }

  private load(selection: Selection): void {
    // what was typed for the previous grid is saved first (its requests name their own region and month)
    const previous = this.saver();
    if (previous) {
      previous.dispose();
      void previous.flush();
    }
    this.gridLoad?.unsubscribe();
    this.loading.set(true);
    this.reloadNeeded.set(null);
    this.gridLoad = this.api.grid(selection.regionCode, selection.month).subscribe({
      next: (response) => {
        this.loading.set(false);
        const model = new ReportGridModel(response, this.mayEdit());
        this.model.set(model);
        this.saver.set(
          new Autosaver(model, {
            send: (batch) => this.api.saveDrafts({ regionCode: model.regionCode, month: model.month, items: batch.items }),
            isFatal: (error) => STALE.isConflict(error),
            onError: (error, batch) => {
              const details = apiErrorBody(error)?.details ?? [];
              if (apiErrorCode(error) === 'VALIDATION_FAILED' && model.placeServerProblems(batch, details) > 0) return;
              this.showSaveError(error);
            },
          }),
        );
      },
      error: () => {
        // the interceptor has shown why; the previous grid stays
        this.loading.set(false);
      },
    });
  }

  private showSaveError(error: unknown): void {
    if (STALE.isConflict(error)) this.reloadNeeded.set(STALE.conflictText(error));
    else this.notifier.show(error);
  }

  private navigate(change: Partial<Selection>): void {
    const selection = this.selection();
    if (!selection) return;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { ...selection, ...change }, replaceUrl: false });
  }

  private editableRows(): boolean[] {
    const model = this.model();
    return model ? model.rows.map((r) => model.isRowEditable(r)) : [];
  }

  private cellOf(target: EventTarget | null): { input: HTMLInputElement; index: number; col: number; row: GridRow } | null {
    if (!(target instanceof HTMLInputElement) || target.dataset['row'] === undefined) return null;
    const index = Number(target.dataset['row']);
    const col = Number(target.dataset['col']);
    const row = this.model()?.rows[index];
    return row ? { input: target, index, col, row } : null;
  }

  private focusCell(row: number, col: number): void {
    const input = this.host.nativeElement.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (!input) return;
    input.focus();
    input.select();
  }
}
