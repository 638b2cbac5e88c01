import { HttpClient } from '@angular/common/http';
import { computed, Injectable, inject, signal } from '@angular/core';
import { GENERIC_PRODUCT_NAME, type SiteDto } from '@zhaoshang/shared/domain';
import { catchError, map, type Observable, of } from 'rxjs';
import { API_V1 } from './context';

/**
 * Who this instance serves (GET /site, public): the city of the regions data and the names made
 * from it, for the login page, the header and the browser tab. Nothing in the web app names a city
 * of its own; until the answer arrives (or if it fails) the generic product name stands.
 */
@Injectable({ providedIn: 'root' })
export class SiteStore {
  private readonly http = inject(HttpClient);
  private readonly site = signal<SiteDto | null>(null);

  readonly productName = computed(() => this.site()?.productName ?? GENERIC_PRODUCT_NAME);
  /** 某某市投资促进局; empty until known */
  readonly organization = computed(() => this.site()?.organization ?? '');
  /** the short brand of the header: 通辽招商项目跟踪 */
  readonly brand = computed(() => `${this.site()?.city.shortName ?? ''}招商项目跟踪`);
  readonly city = computed(() => this.site()?.city ?? null);

  /** Loads once; never fails (the generic name stays), so it can run before the first page. */
  load(): Observable<void> {
    return this.http.get<SiteDto>(`${API_V1}/site`).pipe(
      map((site) => this.site.set(site)),
      catchError(() => of(undefined)),
    );
  }

  /** `用户管理 - 通辽市招商项目全流程跟踪`; a record's own name goes first: `某项目 - 项目详情 - …`. */
  pageTitle(...parts: (string | null | undefined)[]): string {
    return [...parts.filter((p): p is string => !!p), this.productName()].join(' - ');
  }
}
