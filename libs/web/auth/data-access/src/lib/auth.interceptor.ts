import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { SKIP_ERROR_MESSAGE, apiErrorCode } from '@zhaoshang/web/shared/util';
import { catchError, throwError } from 'rxjs';
import { AUTH_API, AuthService } from './auth.service';
import { ErrorNotifier } from './error-notifier';

/**
 * For requests to our API: adds the bearer token; ends the session on 401 (except a wrong password
 * at login or on change-password); shows every other failure as a Chinese message unless the
 * caller shows it itself (SKIP_ERROR_MESSAGE).
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const auth = inject(AuthService);
  const notifier = inject(ErrorNotifier);
  const token = auth.token();
  const sent = token && !request.headers.has('Authorization') ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;

  return next(sent).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) {
        if (endsSession(request, error)) {
          auth.expire();
        } else if (!request.context.get(SKIP_ERROR_MESSAGE)) {
          notifier.show(error);
        }
      }
      return throwError(() => error);
    }),
  );
};

export function isApiUrl(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function endsSession(request: HttpRequest<unknown>, error: HttpErrorResponse): boolean {
  if (error.status !== 401) return false;
  if (request.url.startsWith(`${AUTH_API}/login`)) return false;
  // a wrong current password on change-password says so; the session itself is fine
  return apiErrorCode(error) !== 'INVALID_CREDENTIALS';
}
