import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DrillQuery, DrillResponse, FollowThroughSummary, IndicatorGroupBy, IndicatorResponse, MonthOverview, WarningCountsResponse } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { contentDispositionFileName } from '@zhaoshang/web/shared/util';
import { type Observable, catchError, forkJoin, from, map, of, switchMap, throwError } from 'rxjs';
import type { DashboardSelection } from './period';

/** The 驾驶舱's districts (always over the city, so that a district is seen among the others) and the selection's industries. */
export interface RegionsAndIndustries {
  byRegion: IndicatorResponse;
  byIndustry: IndicatorResponse;
}

export interface DispatchTableFile {
  blob: Blob;
  fileName: string;
}

/** Not there (yet): the endpoint of a module that another part of the team is still building. */
export function isMissingEndpoint(error: unknown): boolean {
  return error instanceof HttpErrorResponse && (error.status === 404 || error.status === 501);
}

/** The data behind the leaders' summary page (驾驶舱). */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);

  /** The indicators of DOMAIN.md §6 for the selection; the page shows its own error. */
  indicators(selection: DashboardSelection, groupBy: IndicatorGroupBy | null, alsoGroupBy?: IndicatorGroupBy): Observable<IndicatorResponse> {
    // no region: the API's default scope, the city of the regions data
    let params = new HttpParams().set('from', selection.from).set('to', selection.to);
    if (selection.region) params = params.set('region', selection.region);
    if (groupBy) params = params.set('groupBy', groupBy);
    if (alsoGroupBy) params = params.set('alsoGroupBy', alsoGroupBy);
    return this.http.get<IndicatorResponse>(`${API_V1}/indicators`, { params, context: callerShowsErrors() });
  }

  /**
   * By district over the city and by industry over the selection's scope: for the city, one request
   * (`alsoGroupBy`: the API reads each summary once for both groupings), for a district two.
   */
  regionsAndIndustries(selection: DashboardSelection): Observable<RegionsAndIndustries> {
    if (selection.region) return forkJoin({ byRegion: this.indicators({ ...selection, region: null }, 'region'), byIndustry: this.indicators(selection, 'industry') });
    return this.indicators(selection, 'region', 'industry').pipe(
      map(({ also, ...byRegion }) => ({ byRegion, byIndustry: { ...byRegion, groupBy: 'industry' as const, rows: also?.rows ?? [], total: { ...byRegion.total, note: null } } })),
    );
  }

  /** The projects behind a figure, with the amounts that add up to it (GET /indicators/drill). */
  drill(query: DrillQuery): Observable<DrillResponse> {
    let params = new HttpParams().set('indicator', query.indicator).set('from', query.from).set('to', query.to);
    if (query.region) params = params.set('region', query.region);
    if (query.industry) params = params.set('industry', query.industry);
    if (query.origin) params = params.set('origin', query.origin);
    if (query.limit !== undefined) params = params.set('limit', query.limit);
    return this.http.get<DrillResponse>(`${API_V1}/indicators/drill`, { params, context: callerShowsErrors() });
  }

  /** A month with its reports by status (月结管理's overview of that month only): how much of it is verified; null when unavailable. */
  month(month: string): Observable<MonthOverview[] | null> {
    return this.http.get<MonthOverview[]>(`${API_V1}/months`, { params: new HttpParams().set('year', month.slice(0, 4)).set('month', month), context: callerShowsErrors() }).pipe(catchError(() => of(null)));
  }

  /** Red and yellow warnings per district on a day (GET /warnings/counts: the counts alone); null when the warnings module is not there. */
  warnings(date: string): Observable<WarningCountsResponse | null> {
    return this.http
      .get<WarningCountsResponse>(`${API_V1}/warnings/counts`, { params: new HttpParams().set('date', date), context: callerShowsErrors() })
      .pipe(
        map((response) => (Array.isArray(response?.counts?.byRegion) ? response : null)),
        catchError(() => of(null)),
      );
  }

  /** 跟踪落实: problems and notices of the selection's scope, per district, on the period's last day (or today); the card shows its own error. */
  followThrough(selection: DashboardSelection): Observable<FollowThroughSummary> {
    let params = new HttpParams().set('from', selection.from).set('to', selection.to);
    if (selection.region) params = params.set('region', selection.region);
    return this.http.get<FollowThroughSummary>(`${API_V1}/follow-through/summary`, { params, context: callerShowsErrors() });
  }

  /** 月调度表 of a month as an .xlsx file, with the name the server proposes. */
  downloadDispatchTable(month: string): Observable<DispatchTableFile> {
    return this.http
      .get(`${API_V1}/dispatch-table`, { params: new HttpParams().set('month', month), responseType: 'blob', observe: 'response', context: callerShowsErrors() })
      .pipe(
        map((response) => ({
          blob: response.body ?? new Blob(),
          fileName: contentDispositionFileName(response.headers.get('content-disposition')) ?? `月调度表-${month}.xlsx`,
        })),
        // an error's JSON body arrives as a Blob: read it so the message can be shown
        catchError((error: unknown) => from(readBlobError(error)).pipe(switchMap((readable) => throwError(() => readable)))),
      );
  }
}

async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await error.error.text());
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return error;
  }
}
