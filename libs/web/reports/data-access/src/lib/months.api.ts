import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { MonthCloseRequest, MonthOverview, MonthReopenRequest, MonthState } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** 月结: the months of a year with their counts, and closing and reopening one (admin). */
@Injectable({ providedIn: 'root' })
export class MonthsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/months`;

  list(year: number): Observable<MonthOverview[]> {
    return this.http.get<MonthOverview[]>(this.base, { params: new HttpParams().set('year', year) });
  }

  /** `reason` confirms closing while reports still wait for verification (else 409 REPORTS_WAITING). */
  close(month: string, version: number, reason?: string): Observable<MonthState> {
    const body: MonthCloseRequest = reason ? { version, reason } : { version };
    return this.http.post<MonthState>(`${this.base}/${month}/close`, body, { context: callerShowsErrors() });
  }

  reopen(month: string, version: number, reason: string): Observable<MonthState> {
    return this.http.post<MonthState>(`${this.base}/${month}/reopen`, { version, reason } satisfies MonthReopenRequest, { context: callerShowsErrors() });
  }
}
