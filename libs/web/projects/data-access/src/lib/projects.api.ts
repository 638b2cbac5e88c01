import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEntryDto,
  CreateProjectRequest,
  DistrictContactDto,
  LookAlikeCandidate,
  LookAlikeQuery,
  Page,
  ProjectDetailDto,
  ProjectSearchQuery,
  ProjectSearchResponse,
  StageMoveRequest,
  UpdateApprovalsRequest,
  UpdateProjectRequest,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, apiErrorBody, asDownload } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';
import { projectQueryParams } from './project-query';

export const HISTORY_PAGE_SIZE = 20;

/** The error code of a create refused because the project looks like an existing one. */
export const LOOK_ALIKE_ERROR = 'LOOK_ALIKE';

/** Whether a create was refused for look-alikes (409 LOOK_ALIKE): confirm, then send again with confirmLookAlike. */
export function isLookAlikeError(error: unknown): boolean {
  // the shared ErrorCode list may not name it (yet): compare as text
  const code: string | undefined = apiErrorBody(error)?.error;
  return code === LOOK_ALIKE_ERROR;
}

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/projects`;

  search(query: ProjectSearchQuery): Observable<ProjectSearchResponse> {
    return this.http.get<ProjectSearchResponse>(`${this.base}/search`, { params: new HttpParams({ fromObject: projectQueryParams(query) }) });
  }

  /** The filtered, sorted list as .xlsx (no paging: all of it). Errors come back as the API's JSON. */
  export(query: ProjectSearchQuery): Observable<DownloadedFile> {
    const params = new HttpParams({ fromObject: projectQueryParams(query, { paging: false }) });
    const response$ = this.http.get(`${this.base}/export`, { params, responseType: 'blob', observe: 'response', context: callerShowsErrors() });
    return asDownload(response$, defaultExportName());
  }

  /** The district staff who may be a project's 旗县联系人 in a district. */
  districtContacts(regionCode: string): Observable<DistrictContactDto[]> {
    return this.http.get<DistrictContactDto[]>(`${API_V1}/district-contacts`, { params: { regionCode } });
  }

  get(id: string): Observable<ProjectDetailDto> {
    return this.http.get<ProjectDetailDto>(this.url(id));
  }

  /** The change history, newest first; pass the previous page's nextCursor for more. */
  history(id: string, cursor: string | null = null, limit = HISTORY_PAGE_SIZE): Observable<Page<AuditEntryDto>> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('before', cursor);
    return this.http.get<Page<AuditEntryDto>>(`${this.url(id)}/history`, { params });
  }

  create(request: CreateProjectRequest): Observable<ProjectDetailDto> {
    return this.http.post<ProjectDetailDto>(this.base, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateProjectRequest): Observable<ProjectDetailDto> {
    return this.http.patch<ProjectDetailDto>(this.url(id), request, { context: callerShowsErrors() });
  }

  moveStage(id: string, request: StageMoveRequest): Observable<ProjectDetailDto> {
    return this.http.post<ProjectDetailDto>(`${this.url(id)}/stage`, request, { context: callerShowsErrors() });
  }

  updateApprovals(id: string, request: UpdateApprovalsRequest): Observable<ProjectDetailDto> {
    return this.http.put<ProjectDetailDto>(`${this.url(id)}/approvals`, request, { context: callerShowsErrors() });
  }

  /** Existing projects that look like this one (same investor uscc, or same name in the same region). */
  lookAlikes(query: LookAlikeQuery): Observable<LookAlikeCandidate[]> {
    return this.http.post<LookAlikeCandidate[]>(`${this.base}/look-alikes`, query, { context: callerShowsErrors() });
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}

function defaultExportName(): string {
  const now = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `招商项目清单-${now}.xlsx`;
}
