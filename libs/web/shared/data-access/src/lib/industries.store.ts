import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { IndustryDto } from '@zhaoshang/shared/domain';
import { type Observable, finalize, shareReplay, tap } from 'rxjs';
import { API_V1 } from './context';

/**
 * Industries change rarely (an admin edits them): read once per session and shared by the pages
 * that filter or classify by industry; the admin's changes call `invalidate()`.
 */
@Injectable({ providedIn: 'root' })
export class IndustriesStore {
  private readonly http = inject(HttpClient);
  private readonly all = signal<IndustryDto[] | null>(null);
  private inFlight: Observable<IndustryDto[]> | null = null;

  readonly loaded = computed(() => this.all() !== null);
  /** all industries, retired ones too (old projects keep them), in their official order */
  readonly industries = computed(() => [...(this.all() ?? [])].sort((a, b) => a.sortOrder - b.sortOrder));
  /** the ones a new project may be given */
  readonly active = computed(() => this.industries().filter((i) => i.active));

  load(): Observable<IndustryDto[]> {
    this.inFlight ??= this.http.get<IndustryDto[]>(`${API_V1}/industries`).pipe(
      tap((industries) => this.all.set(industries)),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }

  /** Loads unless already loaded; errors are shown by the HTTP interceptor. */
  ensureLoaded(): void {
    if (!this.loaded()) this.load().subscribe({ error: () => undefined });
  }

  /** The next `ensureLoaded()` reads them again. */
  invalidate(): void {
    this.all.set(null);
  }

  name(code: string | null | undefined): string | null {
    if (!code) return null;
    return this.all()?.find((i) => i.code === code)?.name ?? null;
  }
}
