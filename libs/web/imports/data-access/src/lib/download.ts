import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { contentDispositionFileName } from '@zhaoshang/web/shared/util';
import { type Observable, catchError, from, map, switchMap, throwError } from 'rxjs';

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * A blob response as a file with the name the server proposes; a failure's body (a Blob too) is
 * read back into the API's JSON so that its Chinese message can be shown.
 */
export function asDownload(response$: Observable<HttpResponse<Blob>>, fallbackName: string): Observable<DownloadedFile> {
  return response$.pipe(
    map((response) => ({
      blob: response.body ?? new Blob(),
      fileName: contentDispositionFileName(response.headers.get('Content-Disposition')) ?? fallbackName,
    })),
    catchError((error: unknown) => from(readBlobError(error)).pipe(switchMap((readable) => throwError(() => readable)))),
  );
}

export async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  let body: unknown = null;
  try {
    body = JSON.parse(await error.error.text());
  } catch {
    // not JSON (a proxy's HTML page): the status says enough
  }
  return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
}
