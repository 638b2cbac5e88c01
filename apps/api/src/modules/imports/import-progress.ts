import { Injectable } from '@nestjs/common';
import type { ImportProgress } from '@zhaoshang/shared/domain';

/** How long a finished import's progress can still be asked for. */
const KEEP_MS = 60 * 60 * 1000;

/**
 * Progress of the imports running in this process, by the id the client chose, so that a page can
 * poll it while its upload is being read and written. In memory: another process's imports are unknown.
 */
@Injectable()
export class ImportProgressRegistry {
  private readonly entries = new Map<string, { progress: ImportProgress; touched: number; owner: string }>();

  start(importId: string, owner: string): ImportProgress {
    this.prune();
    const progress: ImportProgress = { importId, phase: 'READING', rowsRead: 0 };
    this.entries.set(importId, { progress, touched: Date.now(), owner });
    return progress;
  }

  /** Progress is the caller's own: another user's import id gives nothing away. */
  get(importId: string, owner: string): ImportProgress | null {
    const entry = this.entries.get(importId);
    return entry && entry.owner === owner ? { ...entry.progress } : null;
  }

  finish(progress: ImportProgress, phase: 'DONE' | 'FAILED'): void {
    progress.phase = phase;
    const entry = this.entries.get(progress.importId);
    if (entry) entry.touched = Date.now();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries) {
      if (entry.progress.phase !== 'READING' && entry.progress.phase !== 'CHECKING' && entry.progress.phase !== 'WRITING' && now - entry.touched > KEEP_MS) {
        this.entries.delete(id);
      }
    }
  }
}
