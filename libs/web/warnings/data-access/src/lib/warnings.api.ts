import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ProjectWarningsResponse,
  WarningFlagsByProject,
  WarningListResponse,
  WarningQuery,
  WarningSettingsRequest,
  WarningSettingsResponse,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';
import { warningQueryParams } from './warning-query';

/** 预警 (issue 6): the list of a day's warnings, one project's, flags for the project list, and the thresholds. */
@Injectable({ providedIn: 'root' })
export class WarningsApi {
  private readonly http = inject(HttpClient);

  list(query: WarningQuery): Observable<WarningListResponse> {
    return this.http.get<WarningListResponse>(`${API_V1}/warnings`, { params: new HttpParams({ fromObject: warningQueryParams(query) }) });
  }

  /** Today's warnings of one project; the card shows nothing on failure, so no global message either. */
  forProject(projectId: string): Observable<ProjectWarningsResponse> {
    return this.http.get<ProjectWarningsResponse>(`${API_V1}/projects/${encodeURIComponent(projectId)}/warnings`, { context: callerShowsErrors() });
  }

  /** Flags of up to 200 projects (the list's dots; a failure leaves them empty). */
  flags(ids: readonly string[]): Observable<WarningFlagsByProject> {
    return this.http.get<WarningFlagsByProject>(`${API_V1}/warnings/by-projects`, { params: new HttpParams({ fromObject: { ids: ids.join(',') } }), context: callerShowsErrors() });
  }

  settings(): Observable<WarningSettingsResponse> {
    return this.http.get<WarningSettingsResponse>(`${API_V1}/settings/warnings`);
  }

  /** The settings form shows its own errors (per field, or the 409 reload message). */
  saveSettings(request: WarningSettingsRequest): Observable<WarningSettingsResponse> {
    return this.http.put<WarningSettingsResponse>(`${API_V1}/settings/warnings`, request, { context: callerShowsErrors() });
  }
}
