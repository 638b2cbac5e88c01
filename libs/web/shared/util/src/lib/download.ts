import { HttpErrorResponse, type HttpResponse } from '@angular/common/http';
import { type Observable, catchError, from, map, switchMap, throwError } from 'rxjs';

/**
 * The file name a download response proposes: RFC 6266 `filename*=UTF-8''…` (Chinese names) first,
 * then the plain `filename="…"`; null when there is none.
 */
export function contentDispositionFileName(header: string | null | undefined): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header);
  const name = plain ? (plain[2] ?? plain[1]).trim() : '';
  return name || null;
}

/** Hands a downloaded file to the browser, as if the user had clicked a link to it. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // the click has started the download; the object URL is no longer needed once it has been read
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the API sent, under the name it proposes. */
export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/**
 * A blob response as a file with the name the server proposes (else `fallbackName`); a failure's
 * body (a Blob too) is read back into the API's JSON so that its Chinese message can be shown.
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

/** A blob request's error body is a Blob: read it back into the API's JSON so that messages work. */
export async function readBlobError(error: unknown): Promise<unknown> {
  if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return error;
  let body: unknown = null;
  try {
    body = JSON.parse(await blobText(error.error));
  } catch {
    // not JSON (a proxy's HTML page): the status alone says what happened
  }
  return new HttpErrorResponse({ error: body, headers: error.headers, status: error.status, statusText: error.statusText, url: error.url ?? undefined });
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
