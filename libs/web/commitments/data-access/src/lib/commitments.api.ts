import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CommitmentListResponse,
  CommitmentQuery,
  CommitmentStatusRequest,
  CreateCommitmentRequest,
  PolicyCommitmentDetailDto,
  UpdateCommitmentRequest,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, asDownload } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';
import { commitmentQueryParams } from './commitment-query';

/**
 * 优惠政策兑现台账 (issue 15 item 1): the list with its totals and summary sentence, one commitment
 * with its history, the changes, and the Excel export. The changes show their own errors (on the
 * fields, or the 409 with 重新加载), so the interceptor's global message stays away from them.
 */
@Injectable({ providedIn: 'root' })
export class CommitmentsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/commitments`;

  list(query: CommitmentQuery): Observable<CommitmentListResponse> {
    return this.http.get<CommitmentListResponse>(this.base, { params: new HttpParams({ fromObject: commitmentQueryParams(query) }) });
  }

  get(id: string): Observable<PolicyCommitmentDetailDto> {
    return this.http.get<PolicyCommitmentDetailDto>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(request: CreateCommitmentRequest): Observable<PolicyCommitmentDetailDto> {
    return this.http.post<PolicyCommitmentDetailDto>(this.base, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateCommitmentRequest): Observable<PolicyCommitmentDetailDto> {
    return this.http.patch<PolicyCommitmentDetailDto>(`${this.base}/${encodeURIComponent(id)}`, request, { context: callerShowsErrors() });
  }

  changeStatus(id: string, request: CommitmentStatusRequest): Observable<PolicyCommitmentDetailDto> {
    return this.http.post<PolicyCommitmentDetailDto>(`${this.base}/${encodeURIComponent(id)}/status`, request, { context: callerShowsErrors() });
  }

  /** The ledger as Excel, over the list's filters (paging aside). */
  exportXlsx(query: CommitmentQuery): Observable<DownloadedFile> {
    const { page: _page, pageSize: _pageSize, ...filters } = query;
    const response$ = this.http.get(`${this.base}/export.xlsx`, {
      params: new HttpParams({ fromObject: commitmentQueryParams(filters) }),
      responseType: 'blob',
      observe: 'response',
      context: callerShowsErrors(),
    });
    return asDownload(response$, '优惠政策兑现台账.xlsx');
  }
}
