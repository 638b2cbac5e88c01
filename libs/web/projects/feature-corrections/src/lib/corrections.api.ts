import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CorrectionPage } from '@zhaoshang/shared/domain';
import { API_V1 } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';
import { type CorrectionListQuery, correctionQueryParams } from './correction-query';

/** GET /api/v1/corrections (更正记录); a failure is shown by the interceptor. */
@Injectable({ providedIn: 'root' })
export class CorrectionsApi {
  private readonly http = inject(HttpClient);

  list(query: CorrectionListQuery): Observable<CorrectionPage> {
    return this.http.get<CorrectionPage>(`${API_V1}/corrections`, { params: new HttpParams({ fromObject: correctionQueryParams(query, { forUrl: false }) }) });
  }
}
