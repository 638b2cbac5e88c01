import { HttpEventType } from '@angular/common/http';
import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import type { ImportKind, ImportRowError } from '@zhaoshang/shared/domain';
import { EMPTY, type Subscription, Subject, catchError, exhaustMap, takeUntil, timer } from 'rxjs';
import { importErrorMessage, importRowErrors, newImportId } from './import-errors';
import { IDLE, type ImportEvent, type ImportState, importReducer, importStep } from './import-state';
import { ImportsApi } from './imports.api';

/** How often the page asks how far the server has got while a request runs. */
export const IMPORT_POLL_MS = new InjectionToken<number>('IMPORT_POLL_MS', { factory: () => 500 });

/** Files the import accepts (DOMAIN.md §8). */
export const IMPORT_ACCEPT = '.xlsx,.csv';

/**
 * The server refuses a new project that looks like an existing one unless the upload confirms it
 * (confirmLookAlikes): such row errors start with this text, and confirming turns them into warnings.
 */
export const LOOK_ALIKE_PREFIX = '疑似重复项目';

export function isLookAlike(error: ImportRowError): boolean {
  return error.message.startsWith(LOOK_ALIKE_PREFIX);
}

export function isImportFileName(name: string): boolean {
  return /\.(xlsx|csv)$/i.test(name);
}

/**
 * The state of the 数据导入 page: which kind and file, and where the flow stands (see
 * `importReducer`). Provided by the page, so that leaving it drops everything.
 */
@Injectable()
export class ImportFlowStore {
  private readonly api = inject(ImportsApi);
  private readonly pollMs = inject(IMPORT_POLL_MS);
  private readonly current = signal<ImportState>(IDLE);
  private request: Subscription | null = null;

  readonly kind = signal<ImportKind>('projects');
  readonly file = signal<File | null>(null);
  /** the user has confirmed that the look-alike rows are new projects: sent with the check and the import */
  readonly confirmLookAlikes = signal(false);

  readonly state = this.current.asReadonly();
  readonly step = computed(() => importStep(this.current()));
  readonly busy = computed(() => this.current().status === 'checking' || this.current().status === 'importing');
  readonly transfer = computed(() => {
    const state = this.current();
    return state.status === 'checking' || state.status === 'importing' ? state.transfer : null;
  });
  /** the rows with errors of a refused check or import */
  readonly errors = computed<ImportRowError[]>(() => {
    const state = this.current();
    if (state.status === 'checked' && !state.outcome.ok) return state.outcome.errors;
    if (state.status === 'failed') return state.errors;
    return [];
  });
  /** the result of a clean check */
  readonly checked = computed(() => {
    const state = this.current();
    return state.status === 'checked' && state.outcome.ok ? state.outcome.result : null;
  });
  readonly warnings = computed(() => this.checked()?.warnings ?? []);
  /** rows refused only because they look like existing projects: confirming and checking again clears them */
  readonly lookAlikeErrors = computed(() => this.errors().filter(isLookAlike));
  readonly onlyLookAlikes = computed(() => this.errors().length > 0 && this.lookAlikeErrors().length === this.errors().length);
  readonly canCheck = computed(() => this.file() !== null && !this.busy());
  readonly canImport = computed(() => {
    const checked = this.checked();
    if (!checked || this.busy()) return false;
    return checked.warnings.length === 0 || this.confirmLookAlikes();
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  setKind(kind: ImportKind): void {
    if (this.busy() || kind === this.kind()) return;
    this.kind.set(kind);
    this.restart();
  }

  /** A new file (or none) starts over; `false` for a file of the wrong type. */
  setFile(file: File | null): boolean {
    if (this.busy()) return false;
    if (file && !isImportFileName(file.name)) return false;
    this.file.set(file);
    this.restart();
    return true;
  }

  /** ② 预检: a dry run of the chosen file. */
  check(): void {
    if (!this.canCheck()) return;
    this.send(true);
  }

  /** ③ 确认导入: the same file for real, once a check came back clean. */
  import(): void {
    if (!this.canImport()) return;
    this.send(false);
  }

  /** Back to ① with no file, e.g. after a finished import. */
  startOver(): void {
    if (this.busy()) return;
    this.file.set(null);
    this.restart();
  }

  private restart(): void {
    this.confirmLookAlikes.set(false);
    this.dispatch({ type: 'reset' });
  }

  private send(dryRun: boolean): void {
    const file = this.file();
    if (!file) return;
    const kind = this.kind();
    const importId = newImportId();
    const finished = new Subject<void>();
    this.dispatch({ type: 'start', dryRun });

    // ask how far the server has got until the request ends; 404 (not seen yet) and other misses are skipped
    timer(this.pollMs, this.pollMs)
      .pipe(
        exhaustMap(() => this.api.progress(importId).pipe(catchError(() => EMPTY))),
        takeUntil(finished),
      )
      .subscribe((progress) => this.dispatch({ type: 'progress', progress }));

    const end = () => {
      finished.next();
      finished.complete();
      this.request = null;
    };
    this.request = this.api.run({ file, kind, dryRun, importId, confirmLookAlikes: this.confirmLookAlikes() }).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.UploadProgress) this.dispatch({ type: 'uploaded', loaded: event.loaded, total: event.total ?? null });
        if (event.type === HttpEventType.Response && event.body) this.dispatch({ type: 'succeeded', result: event.body });
      },
      error: (error: unknown) => {
        end();
        const message = importErrorMessage(error, kind);
        const errors = importRowErrors(error);
        this.dispatch(errors && errors.length > 0 ? { type: 'rejected', message, errors } : { type: 'failed', message });
      },
      complete: end,
    });
  }

  private dispatch(event: ImportEvent): void {
    this.current.update((state) => importReducer(state, event));
  }
}
