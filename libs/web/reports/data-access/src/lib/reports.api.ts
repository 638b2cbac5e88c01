import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  MonthOverview,
  ReportActionRequest,
  ReportGridResponse,
  ReportQueueQuery,
  ReportQueueResponse,
  ReportRangeQuery,
  ReportsChanged,
  SaveDraftsRequest,
  SubmitReportsRequest,
} from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type DownloadedFile, asDownload } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';

/** 月报 (issue 5): the district entry grid, submission, the city's verification queue and the export. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/monthly-reports`;

  /** Every project that should report for the region and month, with this month's report or null. */
  grid(regionCode: string, month: string): Observable<ReportGridResponse> {
    return this.http.get<ReportGridResponse>(`${this.base}/grid`, { params: new HttpParams({ fromObject: { regionCode, month } }) });
  }

  /** Saves changed rows as drafts, all or nothing; the page shows its own errors (autosave). */
  saveDrafts(request: SaveDraftsRequest): Observable<ReportsChanged> {
    return this.http.put<ReportsChanged>(`${this.base}/drafts`, request, { context: callerShowsErrors() });
  }

  submit(request: SubmitReportsRequest): Observable<ReportsChanged> {
    return this.http.post<ReportsChanged>(`${this.base}/submit`, request, { context: callerShowsErrors() });
  }

  queue(query: ReportQueueQuery): Observable<ReportQueueResponse> {
    const params: Record<string, string> = { month: query.month };
    if (query.regionCode) params['regionCode'] = query.regionCode;
    if (query.status) params['status'] = query.status;
    return this.http.get<ReportQueueResponse>(`${this.base}/queue`, { params: new HttpParams({ fromObject: params }) });
  }

  verify(items: ReportActionRequest['items']): Observable<ReportsChanged> {
    return this.http.post<ReportsChanged>(`${this.base}/verify`, { items } satisfies ReportActionRequest, { context: callerShowsErrors() });
  }

  /** Sends reports back to the district with a reason (≤ 200 characters). */
  returnReports(items: ReportActionRequest['items'], reason: string): Observable<ReportsChanged> {
    return this.http.post<ReportsChanged>(`${this.base}/return`, { items, reason } satisfies ReportActionRequest, { context: callerShowsErrors() });
  }

  /** The reports of a month range as .xlsx in the import template's layout. */
  export(query: ReportRangeQuery): Observable<DownloadedFile> {
    const fromObject: Record<string, string> = { from: query.from, to: query.to };
    if (query.regionCode) fromObject['regionCode'] = query.regionCode;
    const response$ = this.http.get(`${this.base}/export`, { params: new HttpParams({ fromObject }), responseType: 'blob', observe: 'response', context: callerShowsErrors() });
    return asDownload(response$, `月报-${query.from === query.to ? query.from : `${query.from}至${query.to}`}.xlsx`);
  }

  /** Each month of the year up to this one: close state and counts. */
  months(year: number): Observable<MonthOverview[]> {
    return this.http.get<MonthOverview[]>(`${API_V1}/months`, { params: new HttpParams().set('year', year) });
  }
}
