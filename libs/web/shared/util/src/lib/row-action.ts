import { type Signal, signal } from '@angular/core';
import { type Observable, finalize } from 'rxjs';
import { SaveAction } from './save-action';

export interface RowActionHandlers<T> {
  next: (value: T) => void;
  /** how the page shows any failure: a row has no dialog to hold an alert (e.g. ErrorNotifier) */
  failed: (error: unknown) => void;
  /** after a conflict's message: the row on screen is stale, so the page reads the list again */
  stale?: () => void;
}

/**
 * A save started from a table row (a switch in 状态, a link in 操作): one at a time, `pending` names
 * the row whose control spins, and the 409 branch is SaveAction's. Where a dialog shows its failure
 * in an alert, a row shows it through `failed`.
 */
export class RowAction<K> {
  private readonly key = signal<K | null>(null);
  /** the key of the row being saved, or null */
  readonly pending: Signal<K | null> = this.key.asReadonly();
  private readonly save = new SaveAction();

  /** Sends `request` for the row `key`, unless a row's save is under way. */
  run<T>(key: K, request: Observable<T>, handlers: RowActionHandlers<T>): void {
    if (this.key() !== null) return;
    this.key.set(key);
    this.save.run(request.pipe(finalize(() => this.key.set(null))), {
      next: handlers.next,
      conflict: (error) => {
        handlers.failed(error);
        handlers.stale?.();
      },
      error: (error) => {
        handlers.failed(error);
        return null;
      },
    });
  }
}

export function rowAction<K>(): RowAction<K> {
  return new RowAction<K>();
}
