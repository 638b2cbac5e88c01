import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { REPORT_STATUS_LABELS, type ReportStatus, addMonths, can, monthLabel } from '@zhaoshang/shared/domain';
import { AuthService, ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { ReportsApi, reportMonthFromUrl } from '@zhaoshang/web/reports/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { MonthPicker, PageHeader, WanPipe, injectIsPhone } from '@zhaoshang/web/shared/ui';
import { apiErrorBody, apiErrorCode, apiErrorMessage, downloadAction, formatWan, saveAction } from '@zhaoshang/web/shared/util';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { type Subscription, distinctUntilChanged, filter } from 'rxjs';
import { Autosaver, type SaveState } from './autosaver';
import { GRID_COLUMNS, type GridColumn, cleanNumber, isBlock, keyTarget, parseClipboardBlock, pasteCells } from './grid-keys';
import { type GridRow, ROW_FILTER_LABELS, ReportGridModel, type RowFilter, filterRows, isNewRow, workOrder } from './grid-model';
import { SubmitDialog, type SubmitLine, submitLine } from './submit-dialog';

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
  imports: [FormsModule, NgTemplateOutlet, NzAlertModule, NzButtonModule, NzEmptyModule, NzIconModule, NzRadioModule, NzSelectModule, NzSpinModule, NzTagModule, MonthPicker, PageHeader, SubmitDialog, WanPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-entry-page.html',
  styleUrl: './report-entry-page.less',
  // one listener each for all the grid's cells (the handlers ignore everything but a cell)
  host: { '(input)': 'onInput($event)', '(keydown)': 'onKeydown($event)', '(paste)': 'onPaste($event)', '(focusin)': 'onFocusIn($event)', '(focusout)': 'onFocusOut($event)' },
})
export class ReportEntryPage {
  private readonly api = inject(ReportsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly regions = inject(RegionsStore);
  private readonly user = inject(AuthService).currentUser;

  protected readonly columns = GRID_COLUMNS;
  protected readonly columnLabels = COLUMN_LABELS;
  protected readonly filterLabels = ROW_FILTER_LABELS;
  protected readonly filters = Object.keys(ROW_FILTER_LABELS) as RowFilter[];
  /** phones get one card per project (name, amounts to type, last month, status) instead of the wide grid */
  protected readonly isPhone = injectIsPhone();

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
  /** `?show=MISSING|DRAFT|RETURNED` (the 工作台's cards link so): the filter the page opens with */
  protected readonly filter = signal<RowFilter>(rowFilterFromUrl(this.route.snapshot.queryParamMap.get('show')));
  /** the rows shown, in work order; the inputs' data-row index into this list */
  protected readonly visibleRows = signal<GridRow[]>([]);
  /** the money cell being typed in shows its plain figure; the others show 1,234.50 like the totals */
  protected readonly focusedCell = signal<string | null>(null);
  /** the reports the submit dialog lists (null: closed) and how many the filter hides from it */
  protected readonly submitLines = signal<SubmitLine[] | null>(null);
  protected readonly submitHidden = signal(0);
  protected readonly lastMonthText = computed(() => monthLabel(addMonths(this.month(), -1)));
  protected readonly lastMonth = computed(() => addMonths(this.month(), -1));
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
    // amounts are kept without the separators they are shown with (1,234.50 → 1234.50)
    const field = GRID_COLUMNS[cell.col];
    this.model()?.edit(cell.row, field, field === 'progress' ? cell.input.value : cleanNumber(cell.input.value));
    this.saver()?.touch();
  }

  onKeydown(event: KeyboardEvent): void {
    const cell = this.cellOf(event.target);
    const model = this.model();
    if (!cell || !model || event.isComposing || event.altKey) return;
    // Ctrl+Enter: submit from wherever one is typing, not after 80 Shift+Tab back to the button
    if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
      event.preventDefault();
      this.confirmSubmit();
      return;
    }
    if (event.ctrlKey || event.metaKey) return;
    const input = cell.input;
    const caret = { atStart: (input.selectionStart ?? 0) === 0, atEnd: (input.selectionEnd ?? input.value.length) === input.value.length };
    const target = keyTarget(event.key, event.shiftKey, { row: cell.index, col: cell.col }, this.editableRows(), caret);
    if (event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'ArrowDown') event.preventDefault();
    if (target) {
      event.preventDefault();
      this.focusCell(target.row, target.col);
    }
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
        model.edit(this.visibleRows()[target.row], target.field, target.value);
      }
    }
    this.saver()?.touch();
  }

  /** A money cell shows its plain figure while it is typed in, all of it selected (typing replaces it). */
  onFocusIn(event: FocusEvent): void {
    const cell = this.cellOf(event.target);
    if (!cell) return;
    this.focusedCell.set(this.cellKey(cell.index, cell.col));
    const field = GRID_COLUMNS[cell.col];
    if (field === 'progress') return;
    // written here at once (the binding follows with the same text), so that the selection stays
    cell.input.value = cell.row.values()[field];
    cell.input.select();
  }

  /** Leaving a row saves it at once. */
  onFocusOut(event: FocusEvent): void {
    const from = this.cellOf(event.target);
    if (!from) return;
    const to = this.cellOf(event.relatedTarget);
    if (!to) this.focusedCell.set(null);
    // onFocusIn wrote the plain figure straight into the input; when the focus enters and leaves within one
    // change detection the binding never saw it, computes the same 1,234.50 as before and writes nothing,
    // and the cell kept showing 250.5 (a slow e2e run): write what the cell shows out of focus here too
    const field = GRID_COLUMNS[from.col];
    if (field !== 'progress' && from.input.getAttribute('aria-invalid') !== 'true') from.input.value = shownText(field, from.row.values()[field], false);
    if (from.index !== to?.index) void this.saver()?.flush();
  }

  protected cellKey(row: number, col: number): string {
    return `${row}:${col}`;
  }

  /** What a cell's input shows: the text typed while it has the focus or is wrong, else 1,234.50. */
  protected cellText(row: GridRow, col: number, index: number, focused: string | null, problem: string | undefined): string {
    const field = GRID_COLUMNS[col];
    return shownText(field, row.values()[field], !!problem || focused === this.cellKey(index, col));
  }

  protected pickFilter(filter: RowFilter): void {
    this.filter.set(filter);
    const model = this.model();
    if (model) this.visibleRows.set(filterRows(workOrder(model.rows), filter));
  }

  // typed lookups for the row templates (an ng-template's context is untyped)
  protected statusColor(status: ReportStatus): string {
    return STATUS_COLORS[status];
  }

  protected statusLabel(status: ReportStatus): string {
    return REPORT_STATUS_LABELS[status];
  }

  protected isNew(row: GridRow): boolean {
    return isNewRow(row);
  }

  protected openLastMonth(): void {
    this.navigate({ month: this.lastMonth() });
  }

  protected retrySave(): void {
    void this.saver()?.flush();
  }

  // ---- submit and export

  /**
   * Lists what a submit would send: the submittable rows shown (the filter's), or the one row of a
   * phone card. Only those are sent; see SubmitDialog.
   */
  protected confirmSubmit(only?: GridRow): void {
    const model = this.model();
    if (!model || !model.editable || this.submitting()) return;
    if (model.problemRows() > 0) {
      this.notifier.showText(`有 ${model.problemRows()} 个项目的数据有误，请更正后再提交`);
      return;
    }
    const submittable = (row: GridRow) => {
      const status = row.status();
      return status === 'DRAFT' || status === 'RETURNED' || (status === null && row.dirty);
    };
    const rows = only ? [only].filter(submittable) : this.visibleRows().filter(submittable);
    if (rows.length === 0) {
      this.notifier.showText('当前列表中没有可提交的月报（草稿或已退回的）');
      return;
    }
    this.submitHidden.set(only ? 0 : model.submittable() - rows.length);
    this.submitLines.set(rows.map(submitLine));
  }

  protected submitListed(projectIds: string[]): void {
    const model = this.model();
    if (model) void this.submitAll(model, projectIds);
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

  private async submitAll(model: ReportGridModel, projectIds: string[]): Promise<void> {
    this.submitting.set(true);
    try {
      const saved = await this.saver()?.flush();
      if (saved === false || model.blockedRows().length > 0) {
        this.notifier.showText('有未能保存的数据，请先处理后再提交');
        return;
      }
      const changed = await new Promise<ReportGridModel | null>((resolve) => {
        this.api.submit({ regionCode: model.regionCode, month: model.month, projectIds }).subscribe({
          next: ({ items }) => {
            model.applyReports(items);
            this.submitLines.set(null);
            this.messages.success(`已提交 ${items.length} 条月报，等待市级核实`);
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
        this.visibleRows.set(filterRows(workOrder(model.rows), this.filter()));
        this.focusedCell.set(null);
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
    return model ? this.visibleRows().map((r) => model.isRowEditable(r)) : [];
  }

  private cellOf(target: EventTarget | null): { input: HTMLInputElement; index: number; col: number; row: GridRow } | null {
    if (!(target instanceof HTMLInputElement) || target.dataset['row'] === undefined) return null;
    const index = Number(target.dataset['row']);
    const col = Number(target.dataset['col']);
    const row = this.visibleRows()[index];
    return row ? { input: target, index, col, row } : null;
  }

  private focusCell(row: number, col: number): void {
    const input = this.host.nativeElement.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
    if (!input) return;
    input.focus();
    input.select();
  }
}

function rowFilterFromUrl(value: string | null): RowFilter {
  return value !== null && value in ROW_FILTER_LABELS ? (value as RowFilter) : 'ALL';
}

/** A cell's text: as typed (形象进度 always; a figure while typed in or when wrong), else 1,234.50 like the totals. */
function shownText(field: GridColumn, value: string, asTyped: boolean): string {
  return field === 'progress' || asTyped ? value : formatWan(value, '');
}
