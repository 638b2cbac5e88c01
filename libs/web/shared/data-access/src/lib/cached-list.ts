import type { HttpClient } from '@angular/common/http';
import { computed, signal } from '@angular/core';
import { type Observable, finalize, shareReplay, tap } from 'rxjs';

/**
 * A small list the pages share for a session (a dictionary an admin keeps): read once, read again
 * after `invalidate()` (the admin's page calls it after a change). One request at a time.
 */
export class CachedList<T extends { active: boolean }> {
  private readonly all = signal<T[] | null>(null);
  private inFlight: Observable<T[]> | null = null;

  readonly loaded = computed(() => this.all() !== null);
  /** every entry, the deactivated too (old records keep naming them), in the API's order */
  readonly items = computed(() => this.all() ?? []);
  /** the entries a new record may be given */
  readonly active = computed(() => this.items().filter((item) => item.active));

  constructor(
    private readonly http: HttpClient,
    private readonly url: string,
  ) {}

  load(): Observable<T[]> {
    this.inFlight ??= this.http.get<T[]>(this.url).pipe(
      tap((items) => this.all.set(items)),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }

  /** Loads unless already loaded; errors are shown by the HTTP interceptor. */
  ensureLoaded(): void {
    if (!this.loaded()) this.load().subscribe({ error: () => undefined });
  }

  invalidate(): void {
    this.all.set(null);
  }
}
