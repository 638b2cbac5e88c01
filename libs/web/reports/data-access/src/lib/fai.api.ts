import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FaiTotalDto, FaiTotalItem, FaiTotalsInput, FaiWriteResult } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** 全社会固定资产投资 by region and month. */
@Injectable({ providedIn: 'root' })
export class FaiApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/fai-totals`;

  list(year: number): Observable<FaiTotalDto[]> {
    return this.http.get<FaiTotalDto[]>(this.base, { params: new HttpParams().set('year', year) });
  }

  save(basis: FaiTotalsInput['basis'], items: FaiTotalItem[]): Observable<FaiWriteResult> {
    return this.http.put<FaiWriteResult>(this.base, { basis, items } satisfies FaiTotalsInput, { context: callerShowsErrors() });
  }
}
