import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateProjectIssueRequest,
  IssueNoteRequest,
  IssueSettingsRequest,
  IssueSettingsResponse,
  IssueStatsResponse,
  IssueStatusRequest,
  ProjectIssueDetailDto,
  ProjectIssueListResponse,
  ProjectIssueQuery,
  UpdateProjectIssueRequest,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';
import { problemQueryParams } from './problem-query';

export type IssueStatsGroup = IssueStatsResponse['groupBy'];

/**
 * 问题诉求 (issue 14 item 2): the list with its counts, the statistics, one problem with its notes,
 * and the changes. The changes show their own errors (on the fields, or the 409 with 重新加载), so
 * the interceptor's global message stays away from them.
 */
@Injectable({ providedIn: 'root' })
export class ProblemsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/project-issues`;

  list(query: ProjectIssueQuery): Observable<ProjectIssueListResponse> {
    return this.http.get<ProjectIssueListResponse>(this.base, { params: new HttpParams({ fromObject: problemQueryParams(query) }) });
  }

  /** The statistics by district, unit or category, over the same filters as the list (paging aside). */
  stats(groupBy: IssueStatsGroup, query: ProjectIssueQuery = {}): Observable<IssueStatsResponse> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    return this.http.get<IssueStatsResponse>(`${this.base}/stats`, { params: new HttpParams({ fromObject: { ...problemQueryParams(filters), groupBy } }) });
  }

  get(id: string): Observable<ProjectIssueDetailDto> {
    return this.http.get<ProjectIssueDetailDto>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(request: CreateProjectIssueRequest): Observable<ProjectIssueDetailDto> {
    return this.http.post<ProjectIssueDetailDto>(this.base, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateProjectIssueRequest): Observable<ProjectIssueDetailDto> {
    return this.http.patch<ProjectIssueDetailDto>(`${this.base}/${encodeURIComponent(id)}`, request, { context: callerShowsErrors() });
  }

  changeStatus(id: string, request: IssueStatusRequest): Observable<ProjectIssueDetailDto> {
    return this.http.post<ProjectIssueDetailDto>(`${this.base}/${encodeURIComponent(id)}/status`, request, { context: callerShowsErrors() });
  }

  addNote(id: string, request: IssueNoteRequest): Observable<ProjectIssueDetailDto> {
    return this.http.post<ProjectIssueDetailDto>(`${this.base}/${encodeURIComponent(id)}/notes`, request, { context: callerShowsErrors() });
  }

  settings(): Observable<IssueSettingsResponse> {
    return this.http.get<IssueSettingsResponse>(`${API_V1}/settings/issues`);
  }

  saveSettings(request: IssueSettingsRequest): Observable<IssueSettingsResponse> {
    return this.http.put<IssueSettingsResponse>(`${API_V1}/settings/issues`, request, { context: callerShowsErrors() });
  }
}
