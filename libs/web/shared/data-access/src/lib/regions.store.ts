import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { RegionDto } from '@zhaoshang/shared/domain';
import { type Observable, finalize, shareReplay, tap } from 'rxjs';
import { API_V1 } from './context';

/**
 * Regions change about never (seed data, DOMAIN.md §3): read once per session and shared by every
 * page that needs the city or its districts.
 */
@Injectable({ providedIn: 'root' })
export class RegionsStore {
  private readonly http = inject(HttpClient);
  private readonly all = signal<RegionDto[] | null>(null);
  private inFlight: Observable<RegionDto[]> | null = null;

  readonly loaded = computed(() => this.all() !== null);
  readonly regions = computed(() => this.all() ?? []);
  /** the county-level regions (旗县市区), in their official order */
  readonly districts = computed(() => this.regions().filter((r) => r.parentCode !== null).sort((a, b) => a.sortOrder - b.sortOrder));
  readonly city = computed(() => this.regions().find((r) => r.parentCode === null) ?? null);

  load(): Observable<RegionDto[]> {
    this.inFlight ??= this.http.get<RegionDto[]>(`${API_V1}/regions`).pipe(
      tap((regions) => this.all.set(regions)),
      finalize(() => (this.inFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.inFlight;
  }

  /** Loads unless already loaded; errors are shown by the HTTP interceptor. */
  ensureLoaded(): void {
    if (!this.loaded()) this.load().subscribe({ error: () => undefined });
  }

  name(code: string | null | undefined): string | null {
    if (!code) return null;
    return this.regions().find((r) => r.code === code)?.name ?? null;
  }
}
