import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AcceptStatsRegistrationInput, ProjectDetailDto, ReconciliationResponse, StatsCoverageResponse } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/**
 * 统计对账 (DOMAIN.md §10): the five lists for a month and region, the dashboard's coverage figure,
 * and taking the bureau's 入库 month into a project. The accept shows its own errors (the 409s in
 * its dialog), so the interceptor's global message stays away from it.
 */
@Injectable({ providedIn: 'root' })
export class StatsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/stats-projects`;

  reconciliation(month: string, region: string): Observable<ReconciliationResponse> {
    return this.http.get<ReconciliationResponse>(`${this.base}/reconciliation`, { params: new HttpParams({ fromObject: { month, region } }) });
  }

  coverage(month: string, region: string): Observable<StatsCoverageResponse> {
    return this.http.get<StatsCoverageResponse>(`${this.base}/coverage`, { params: new HttpParams({ fromObject: { month, region } }), context: callerShowsErrors() });
  }

  accept(request: AcceptStatsRegistrationInput): Observable<ProjectDetailDto> {
    return this.http.post<ProjectDetailDto>(`${this.base}/accept`, request, { context: callerShowsErrors() });
  }
}
