import { HttpContext } from '@angular/common/http';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';

/** Changes are made from forms and dialogs that show their own errors (inline, per field). */
export function callerShowsErrors(): HttpContext {
  return new HttpContext().set(SKIP_ERROR_MESSAGE, true);
}

export const API_V1 = '/api/v1';
