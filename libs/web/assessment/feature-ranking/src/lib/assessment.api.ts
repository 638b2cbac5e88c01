import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AssessmentResponse, AssessmentSettingsRequest, AssessmentSettingsResponse } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** 考核: the ranking of a period and the weights behind it. */
@Injectable({ providedIn: 'root' })
export class AssessmentApi {
  private readonly http = inject(HttpClient);

  /** period: '2026-Q3', '2026-H1' or '2026' */
  ranking(period: string): Observable<AssessmentResponse> {
    return this.http.get<AssessmentResponse>(`${API_V1}/assessment`, { params: new HttpParams().set('period', period) });
  }

  settings(): Observable<AssessmentSettingsResponse> {
    return this.http.get<AssessmentSettingsResponse>(`${API_V1}/settings/assessment`);
  }

  /** The whole set at once; 400 names the field, a stale version answers 409 (shown by the drawer). */
  saveSettings(body: AssessmentSettingsRequest): Observable<AssessmentSettingsResponse> {
    return this.http.put<AssessmentSettingsResponse>(`${API_V1}/settings/assessment`, body, { context: callerShowsErrors() });
  }
}
