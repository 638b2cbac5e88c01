import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { TargetDto, TargetItemInput, TargetProgressResponse, TargetsWriteRequest, TargetsWriteResult } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { contentDispositionFileName, saveBlob } from '@zhaoshang/web/shared/util';
import { type Observable, catchError, from, map, switchMap, throwError } from 'rxjs';

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

  /**
   * Downloads the 月调度表 of a month (.xlsx) and hands it to the browser under the name the server
   * proposes; emits that name. Errors arrive as the API's JSON (read out of the blob) for the caller to show.
   */
  downloadDispatchTable(month: string): Observable<string> {
    return this.http
      .get(`${API_V1}/dispatch-table`, { params: new HttpParams().set('month', month), responseType: 'blob', observe: 'response', context: callerShowsErrors() })
      .pipe(
        map((response) => {
          const fileName = contentDispositionFileName(response.headers.get('content-disposition')) ?? `月调度表-${month}.xlsx`;
          saveBlob(response.body ?? new Blob(), fileName);
          return fileName;
        }),
        catchError((error: unknown) => from(readBlobError(error)).pipe(switchMap((readable) => throwError(() => readable)))),
      );
  }
}

/** A failed blob request carries the API's error JSON as a Blob: parse it so its message can be shown. */
async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  try {
    const body: unknown = JSON.parse(await blobText(error.error));
    return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
  } catch {
    return error;
  }
}

/** FileReader rather than Blob.text(): the latter is missing in some browsers' older versions and in jsdom. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
