import { DestroyRef, Injector, type Signal, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { SaveAction } from '@zhaoshang/web/shared/util';
import { type Observable, catchError, of, switchMap, tap } from 'rxjs';

/** What a grid model (immutable: each edit returns a new one) offers the save flow. */
export interface GridModel<G> {
  readonly hasChanges: boolean;
  /** every edited cell passes the rules; a save waits until it does */
  readonly valid: boolean;
  discard(): G;
}

/** The part of an editable grid the save bar and its alerts read. */
export interface GridSaveState {
  readonly hasChanges: Signal<boolean>;
  readonly saver: SaveAction;
  discard(): void;
  reload(): void;
}

export interface EditableGridOptions {
  /** shown with 「重新加载」 when someone else saved meanwhile (409) */
  conflictMessage: string;
  /** shown when 保存 is pressed while cells are marked red */
  invalidMessage: string;
  /** a reload drops the edits at once, not only when the new answer arrives */
  discardOnReload?: boolean;
}

/**
 * The editable-grid save flow of a page (FAI, targets): the grid as loaded and edited, its
 * loading, the save with its error, the 409 that asks for a reload. The page owns the model
 * (how cells are edited and checked); this owns the flow around it.
 */
export class EditableGrid<G extends GridModel<G>> implements GridSaveState {
  readonly grid = signal<G | null>(null);
  readonly loading = signal(false);
  readonly saver: SaveAction;
  readonly hasChanges = computed(() => this.grid()?.hasChanges ?? false);
  private readonly reloads = signal(0);
  /** counts the reloads, for what else the page reads along with the grid */
  readonly reloadCount: Signal<number> = this.reloads.asReadonly();

  constructor(
    private readonly options: EditableGridOptions,
    private readonly injector: Injector,
  ) {
    this.saver = new SaveAction({ conflictMessage: options.conflictMessage });
  }

  /**
   * Reads `fetch(params())` now, when the params change and on every reload; `loaded` gets the
   * answer, or null when the read failed (the page keeps what it had).
   */
  load<P, D>(params: () => P, fetch: (params: P) => Observable<D>, loaded: (data: D | null) => void): void {
    const request = computed(() => ({ params: params(), reload: this.reloads() }));
    toObservable(request, { injector: this.injector })
      .pipe(
        tap(() => this.loading.set(true)),
        switchMap(({ params }) => fetch(params).pipe(catchError(() => of(null)))),
        takeUntilDestroyed(this.injector.get(DestroyRef)),
      )
      .subscribe((data) => {
        this.loading.set(false);
        loaded(data);
      });
  }

  edit(change: (grid: G) => G): void {
    this.grid.update((grid) => (grid ? change(grid) : null));
  }

  discard(): void {
    this.edit((grid) => grid.discard());
    this.saver.error.set(null);
  }

  /** Reads again: after a conflict, after a save. */
  reload(): void {
    this.saver.reset();
    if (this.options.discardOnReload) this.edit((grid) => grid.discard());
    this.reloads.update((n) => n + 1);
  }

  /** Sends the changes unless there are none, a save is under way, or a cell is still wrong. */
  save<T>(send: (grid: G) => Observable<T>, saved: (result: T, grid: G) => void): void {
    const grid = this.grid();
    if (!grid || this.saver.saving() || !grid.hasChanges) return;
    if (!grid.valid) {
      this.saver.error.set(this.options.invalidMessage);
      return;
    }
    this.saver.run(send(grid), { next: (result) => saved(result, grid) });
  }
}

/** In an injection context (a page's field). */
export function editableGrid<G extends GridModel<G>>(options: EditableGridOptions): EditableGrid<G> {
  return new EditableGrid<G>(options, inject(Injector));
}
