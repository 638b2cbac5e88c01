import { DestroyRef, type Signal, inject, signal } from '@angular/core';
import { type Observable, type Subscription } from 'rxjs';
import { apiErrorCode, apiErrorMessage } from './api-error';
import { type DownloadedFile, saveBlob } from './download';

export interface SaveActionOptions {
  /** what a conflict says (a text, or one per error); default: the API's own (Chinese) message */
  conflictMessage?: string | ((error: unknown) => string);
  /** codes that, like VERSION_CONFLICT, mean "what you see is stale: reload" (e.g. MONTH_CLOSED) */
  conflictCodes?: readonly string[];
}

export interface SaveHandlers<T> {
  next?: (value: T) => void;
  /** any failure but a conflict: the alert's text, or null when it was shown elsewhere (on the fields); default apiErrorMessage */
  error?: (error: unknown) => string | null;
  /** the caller deals with a conflict itself (e.g. re-reads the list) instead of showing the conflict alert */
  conflict?: (error: unknown) => void;
}

/**
 * One save at a time with its state for the template: `saving` for the button, `error` for an
 * alert, `conflict` for the 409 alert with its 「重新加载」 action. Every form, dialog and grid
 * saves through one of these, so that the 409 branch is written once.
 */
export class SaveAction {
  private readonly busy = signal(false);
  readonly saving: Signal<boolean> = this.busy.asReadonly();
  /** writable: a caller's own check before sending (e.g. 请先更正标红的金额) shows in the same alert */
  readonly error = signal<string | null>(null);
  readonly conflict = signal<string | null>(null);
  private readonly conflictCodes: ReadonlySet<string>;

  constructor(private readonly options: SaveActionOptions = {}) {
    this.conflictCodes = new Set(['VERSION_CONFLICT', ...(options.conflictCodes ?? [])]);
  }

  /** Sends `request` unless a save is under way (then returns null). */
  run<T>(request: Observable<T>, handlers: SaveHandlers<T> = {}): Subscription | null {
    if (this.busy()) return null;
    this.busy.set(true);
    this.reset();
    return request.subscribe({
      next: (value) => {
        this.busy.set(false);
        handlers.next?.(value);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        if (this.isConflict(error)) {
          if (handlers.conflict) handlers.conflict(error);
          else this.conflict.set(this.conflictText(error));
          return;
        }
        this.error.set(handlers.error ? handlers.error(error) : apiErrorMessage(error));
      },
    });
  }

  /** The words for a conflict, for a caller that shows it itself. */
  conflictText(error: unknown): string {
    const message = this.options.conflictMessage;
    return typeof message === 'function' ? message(error) : (message ?? apiErrorMessage(error));
  }

  /** Whether `error` means the data on screen is stale. */
  isConflict(error: unknown): boolean {
    const code = apiErrorCode(error);
    return code !== null && this.conflictCodes.has(code);
  }

  /** Forgets the last failure (a dialog opened again, a reload). */
  reset(): void {
    this.error.set(null);
    this.conflict.set(null);
  }
}

export function saveAction(options: SaveActionOptions = {}): SaveAction {
  return new SaveAction(options);
}

export interface DownloadHandlers {
  /** after the browser has been handed the file, e.g. to say 已导出 …; default: nothing */
  saved?: (fileName: string) => void;
  /** how this page shows a failure (a message, an alert) */
  error: (error: unknown) => void;
}

/**
 * A download button's flow: `busy` for its spinner, the file handed to the browser under the
 * server's name.
 */
export class DownloadAction {
  private readonly state = signal(false);
  readonly busy: Signal<boolean> = this.state.asReadonly();
  private current: Subscription | null = null;

  constructor(destroyRef?: DestroyRef) {
    destroyRef?.onDestroy(() => this.current?.unsubscribe());
  }

  /** Starts `download` unless one is under way. */
  run(download: Observable<DownloadedFile>, handlers: DownloadHandlers): void {
    if (this.state()) return;
    this.state.set(true);
    this.current = download.subscribe({
      next: ({ blob, fileName }) => {
        this.state.set(false);
        saveBlob(blob, fileName);
        handlers.saved?.(fileName);
      },
      error: (error: unknown) => {
        this.state.set(false);
        handlers.error(error);
      },
    });
  }
}

/** In an injection context (a component's field): the download stops when the component goes. */
export function downloadAction(): DownloadAction {
  return new DownloadAction(inject(DestroyRef));
}
