import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TargetDto, TargetItemInput, TargetProgressResponse, TargetsWriteRequest, TargetsWriteResult } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, asDownload } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';

/** 目标任务 (annual targets), their completion, and the 月调度表 download. */
@Injectable({ providedIn: 'root' })
export class TargetsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/targets`;

  list(year: number): Observable<TargetDto[]> {
    return this.http.get<TargetDto[]>(this.base, { params: new HttpParams().set('year', year) });
  }

  /** All or nothing; a stale version answers 409 (VERSION_CONFLICT), shown by the page. */
  save(year: number, items: TargetItemInput[]): Observable<TargetsWriteResult> {
    const body: TargetsWriteRequest = { year, items };
    return this.http.put<TargetsWriteResult>(this.base, body, { context: callerShowsErrors() });
  }

  /** Completion since January up to `to` (default: this month, or December of a past year). */
  progress(year: number, to?: string): Observable<TargetProgressResponse> {
    let params = new HttpParams().set('year', year);
    if (to) params = params.set('to', to);
    return this.http.get<TargetProgressResponse>(`${this.base}/progress`, { params });
  }

  /** The 月调度表 of a month (.xlsx) under the name the server proposes. Errors arrive as the API's JSON (read out of the blob). */
  downloadDispatchTable(month: string): Observable<DownloadedFile> {
    const response$ = this.http.get(`${API_V1}/dispatch-table`, { params: new HttpParams().set('month', month), responseType: 'blob', observe: 'response', context: callerShowsErrors() });
    return asDownload(response$, `月调度表-${month}.xlsx`);
  }
}
