import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateIndustryRequest, IndustryDto, UpdateIndustryRequest } from '@zhaoshang/shared/domain';
import { API_V1, IndustriesStore, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type Observable, tap } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class IndustriesApi {
  private readonly http = inject(HttpClient);
  private readonly store = inject(IndustriesStore);
  private readonly base = `${API_V1}/industries`;

  list(): Observable<IndustryDto[]> {
    return this.http.get<IndustryDto[]>(this.base);
  }

  /** the other pages' cached list is stale after a change: they read it again */
  create(request: CreateIndustryRequest): Observable<IndustryDto> {
    return this.http.post<IndustryDto>(this.base, request, { context: callerShowsErrors() }).pipe(tap(() => this.store.invalidate()));
  }

  update(code: string, request: UpdateIndustryRequest): Observable<IndustryDto> {
    return this.http
      .patch<IndustryDto>(`${this.base}/${encodeURIComponent(code)}`, request, { context: callerShowsErrors() })
      .pipe(tap(() => this.store.invalidate()));
  }
}
