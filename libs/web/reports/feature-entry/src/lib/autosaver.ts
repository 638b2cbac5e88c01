import { signal } from '@angular/core';
import type { ReportsChanged } from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import type { ReportGridModel, SaveBatch } from './grid-model';

/** Typing settles for this long before the changed rows are saved. */
export const AUTOSAVE_DEBOUNCE_MS = 800;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: unknown }
  /** the API refused for a reason a retry will not mend (version conflict, month closed): reload */
  | { kind: 'stopped'; error: unknown };

export interface AutosaverOptions {
  send: (batch: SaveBatch) => Observable<ReportsChanged>;
  /** whether an error ends autosaving until the grid is reloaded (conflicts) */
  isFatal: (error: unknown) => boolean;
  /** a refused save: the page places field errors, shows a message */
  onError?: (error: unknown, batch: SaveBatch) => void;
  debounceMs?: number;
  now?: () => Date;
}

/**
 * Saves the grid's dirty rows in batches: after a pause in typing, or at once on flush (a row left,
 * the page left, before a submit). One request at a time; rows typed into while it is in flight go
 * with the next one, so no keystroke is lost and none is overwritten by an older answer.
 */
export class Autosaver {
  readonly state = signal<SaveState>({ kind: 'idle' });
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | null = null;
  private readonly debounceMs: number;

  constructor(
    private readonly model: ReportGridModel,
    private readonly options: AutosaverOptions,
  ) {
    this.debounceMs = options.debounceMs ?? AUTOSAVE_DEBOUNCE_MS;
  }

  get stopped(): boolean {
    return this.state().kind === 'stopped';
  }

  /** A keystroke: save once typing pauses. */
  touch(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /**
   * Saves everything saveable now (after the request in flight, if any). Resolves true when no
   * valid edit is left unsaved, false when a save failed.
   */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (!this.stopped) {
      if (this.inFlight) {
        if (!(await this.inFlight)) return false;
        continue;
      }
      const batch = this.model.takeBatch();
      if (!batch) return true;
      this.inFlight = this.save(batch);
      const ok = await this.inFlight;
      this.inFlight = null;
      if (!ok) return false;
    }
    return false;
  }

  /** Stops the pending timer (the page is going away; the caller flushes first). */
  dispose(): void {
    clearTimeout(this.timer);
  }

  private save(batch: SaveBatch): Promise<boolean> {
    this.state.set({ kind: 'saving' });
    return new Promise<boolean>((resolve) => {
      this.options.send(batch).subscribe({
        next: (changed) => {
          this.model.saved(batch, changed.items);
          this.state.set({ kind: 'saved', at: this.options.now?.() ?? new Date() });
          resolve(true);
        },
        error: (error: unknown) => {
          this.state.set(this.options.isFatal(error) ? { kind: 'stopped', error } : { kind: 'failed', error });
          this.options.onError?.(error, batch);
          resolve(false);
        },
      });
    });
  }
}
