import { Injectable, inject, signal } from '@angular/core';
import { WARNING_FLAGS_MAX_IDS, type WarningFlagsByProject, type WarningLevel, type WarningRule } from '@zhaoshang/shared/domain';
import { WarningsApi } from './warnings.api';

export type WarningFlags = { rule: WarningRule; level: WarningLevel }[];

/** How long a project's flags are trusted before a row that shows them asks again. */
export const FLAGS_TTL_MS = 60_000;

/**
 * Today's warning flags of the projects on screen. Each row asks for its project; the asks of one
 * rendering are gathered and sent as one GET /warnings/by-projects (≤ 200 ids a request).
 */
@Injectable({ providedIn: 'root' })
export class WarningFlagsStore {
  private readonly api = inject(WarningsApi);
  private readonly flags = signal<ReadonlyMap<string, WarningFlags>>(new Map());
  private readonly fetchedAt = new Map<string, number>();
  private pending = new Set<string>();
  private scheduled = false;

  /** The project's flags: undefined until known, [] when it has none (reading does not ask: call `request`). */
  get(projectId: string): WarningFlags | undefined {
    return this.flags().get(projectId);
  }

  request(projectId: string, now = Date.now()): void {
    const at = this.fetchedAt.get(projectId);
    if (at !== undefined && now - at < FLAGS_TTL_MS) return;
    this.fetchedAt.set(projectId, now);
    this.pending.add(projectId);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => this.flush());
  }

  /** Sends the gathered asks; exposed for tests. */
  flush(): void {
    this.scheduled = false;
    const ids = [...this.pending];
    this.pending = new Set();
    for (let i = 0; i < ids.length; i += WARNING_FLAGS_MAX_IDS) {
      const chunk = ids.slice(i, i + WARNING_FLAGS_MAX_IDS);
      this.api.flags(chunk).subscribe({
        next: (result) => this.store(chunk, result),
        // no dots rather than an error over the list; the next showing asks again
        error: () => chunk.forEach((id) => this.fetchedAt.delete(id)),
      });
    }
  }

  private store(ids: readonly string[], result: WarningFlagsByProject): void {
    this.flags.update((current) => {
      const next = new Map(current);
      for (const id of ids) next.set(id, result[id] ?? []);
      return next;
    });
  }
}
