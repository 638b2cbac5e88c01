import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type CreateNoticeRequest,
  type EscalationResponse,
  type NoticeCancelRequest,
  type NoticeCloseRequest,
  type NoticeComposeResponse,
  type NoticeDto,
  type NoticeFeedbackRequest,
  type NoticeKind,
  type NoticeListResponse,
  type NoticeQuery,
  type NoticeReturnRequest,
  type NoticeSettingsRequest,
  type NoticeSettingsResponse,
  type NoticeSignRequest,
  type NoticeStatsResponse,
  type NoticeSubject,
  type UpdateNoticeRequest,
  type WarningRule,
  noticeFileName,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, asDownload } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';
import { noticeQueryParams } from './notice-query';

/** What a notice is to be about: a problem, a project's red warning, or an overdue policy commitment (GET /notices/compose). */
export type NoticeSubjectRef =
  | { subjectType: 'ISSUE'; issueId: string }
  | { subjectType: 'WARNING'; projectId: string; warningRule: WarningRule }
  | { subjectType: 'COMMITMENT'; commitmentId: string; projectId: string };

export interface ComposeParams {
  kind: NoticeKind;
  subject: NoticeSubjectRef;
  /** the notice the new one escalates (from 待升级) */
  previousNoticeId?: string | null;
}

/** The fields of a subject as CreateNoticeRequest names them. */
export function subjectFields(subject: NoticeSubjectRef): Pick<CreateNoticeRequest, 'subjectType' | 'issueId' | 'projectId' | 'warningRule' | 'commitmentId'> {
  switch (subject.subjectType) {
    case 'ISSUE':
      return { subjectType: 'ISSUE' as NoticeSubject, issueId: subject.issueId };
    case 'WARNING':
      return { subjectType: 'WARNING' as NoticeSubject, projectId: subject.projectId, warningRule: subject.warningRule };
    case 'COMMITMENT':
      return { subjectType: 'COMMITMENT' as NoticeSubject, commitmentId: subject.commitmentId, projectId: subject.projectId };
  }
}

const NOTICES = `${API_V1}/notices`;

function one(id: string): string {
  return `${NOTICES}/${encodeURIComponent(id)}`;
}

/**
 * 三单一函 (DOMAIN.md §9): the ledger, 待升级, the suggested text of a new notice, the notice's
 * lifecycle (sign, return, feedback, close, cancel), its .docx and the settings. Every change shows
 * its own errors (the dialog or the page's alert), so changes skip the interceptor's message.
 */
@Injectable({ providedIn: 'root' })
export class NoticesApi {
  private readonly http = inject(HttpClient);

  list(query: NoticeQuery): Observable<NoticeListResponse> {
    return this.http.get<NoticeListResponse>(NOTICES, { params: new HttpParams({ fromObject: noticeQueryParams(query) }) });
  }

  stats(groupBy: 'region' | 'unit', query: Pick<NoticeQuery, 'year'> = {}): Observable<NoticeStatsResponse> {
    const params: Record<string, string> = { groupBy };
    if (query.year !== undefined) params['year'] = String(query.year);
    return this.http.get<NoticeStatsResponse>(`${NOTICES}/stats`, { params: new HttpParams({ fromObject: params }) });
  }

  escalations(): Observable<EscalationResponse> {
    return this.http.get<EscalationResponse>(`${NOTICES}/escalations`);
  }

  /** The dialog shows a failure itself (e.g. the problem is already closed). */
  compose({ kind, subject, previousNoticeId }: ComposeParams): Observable<NoticeComposeResponse> {
    // the query names the subject exactly as the create request does (GET /notices/compose takes the same fields)
    const params: Record<string, string> = { kind };
    for (const [name, value] of Object.entries(subjectFields(subject))) if (typeof value === 'string') params[name] = value;
    if (previousNoticeId) params['previousNoticeId'] = previousNoticeId;
    return this.http.get<NoticeComposeResponse>(`${NOTICES}/compose`, { params: new HttpParams({ fromObject: params }), context: callerShowsErrors() });
  }

  get(id: string): Observable<NoticeDto> {
    return this.http.get<NoticeDto>(one(id));
  }

  /** The A4 Word document under the server's file name (通招督〔2026〕7号….docx). */
  docx(notice: Pick<NoticeDto, 'id' | 'number' | 'kind'>): Observable<DownloadedFile> {
    const response$ = this.http.get(`${one(notice.id)}/docx`, { observe: 'response', responseType: 'blob', context: callerShowsErrors() });
    return asDownload(response$, noticeFileName(notice));
  }

  create(request: CreateNoticeRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(NOTICES, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateNoticeRequest): Observable<NoticeDto> {
    return this.http.patch<NoticeDto>(one(id), request, { context: callerShowsErrors() });
  }

  sign(id: string, request: NoticeSignRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(`${one(id)}/sign`, request, { context: callerShowsErrors() });
  }

  return(id: string, request: NoticeReturnRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(`${one(id)}/return`, request, { context: callerShowsErrors() });
  }

  feedback(id: string, request: NoticeFeedbackRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(`${one(id)}/feedback`, request, { context: callerShowsErrors() });
  }

  close(id: string, request: NoticeCloseRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(`${one(id)}/close`, request, { context: callerShowsErrors() });
  }

  cancel(id: string, request: NoticeCancelRequest): Observable<NoticeDto> {
    return this.http.post<NoticeDto>(`${one(id)}/cancel`, request, { context: callerShowsErrors() });
  }

  /** Everyone reads them (the 落款 of the notice page); admins change them. */
  settings(): Observable<NoticeSettingsResponse> {
    return this.http.get<NoticeSettingsResponse>(`${API_V1}/settings/notices`);
  }

  saveSettings(request: NoticeSettingsRequest): Observable<NoticeSettingsResponse> {
    return this.http.put<NoticeSettingsResponse>(`${API_V1}/settings/notices`, request, { context: callerShowsErrors() });
  }
}
