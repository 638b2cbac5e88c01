import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FaiTotalDto, FaiTotalsInput } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** One month's figure; `version` is the one the user saw (absent for a month without one). */
export type FaiSaveItem = FaiTotalsInput['items'][number] & { version?: number };

export interface FaiSaveResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** 全社会固定资产投资 by region and month. */
@Injectable({ providedIn: 'root' })
export class FaiApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/fai-totals`;

  list(year: number): Observable<FaiTotalDto[]> {
    return this.http.get<FaiTotalDto[]>(this.base, { params: new HttpParams().set('year', year) });
  }

  save(basis: FaiTotalsInput['basis'], items: FaiSaveItem[]): Observable<FaiSaveResult> {
    const body: FaiTotalsInput & { items: FaiSaveItem[] } = { basis, items };
    return this.http.put<FaiSaveResult>(this.base, body, { context: callerShowsErrors() });
  }
}
