import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FollowThroughSummary, IndicatorResponse, TargetDto, TargetItemInput, TargetProgressResponse, TargetsWriteRequest, TargetsWriteResult } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, asDownload } from '@zhaoshang/web/shared/util';
import { type Observable, forkJoin } from 'rxjs';

/** The 月调度表's figures on screen: the month and January up to it, by district with the city as total. */
export interface DispatchFigures {
  month: IndicatorResponse;
  yearToDate: IndicatorResponse;
  /** 跟踪落实 since January, states on the month's end (or today), as in the .xlsx */
  followThrough: FollowThroughSummary;
}

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

  /** The 月调度表's figures of a month (verified reports, as in the .xlsx), from GET /indicators; the page shows its own error. */
  dispatchFigures(month: string): Observable<DispatchFigures> {
    const indicators = (from: string) =>
      this.http.get<IndicatorResponse>(`${API_V1}/indicators`, { params: new HttpParams().set('from', from).set('to', month).set('groupBy', 'region'), context: callerShowsErrors() });
    const followThrough = this.http.get<FollowThroughSummary>(`${API_V1}/follow-through/summary`, {
      params: new HttpParams().set('from', `${month.slice(0, 4)}-01`).set('to', month),
      context: callerShowsErrors(),
    });
    return forkJoin({ month: indicators(month), yearToDate: indicators(`${month.slice(0, 4)}-01`), followThrough });
  }

  /** The 月调度表 of a month (.xlsx) under the name the server proposes. Errors arrive as the API's JSON (read out of the blob). */
  downloadDispatchTable(month: string): Observable<DownloadedFile> {
    const response$ = this.http.get(`${API_V1}/dispatch-table`, { params: new HttpParams().set('month', month), responseType: 'blob', observe: 'response', context: callerShowsErrors() });
    return asDownload(response$, `月调度表-${month}.xlsx`);
  }
}
