import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PublicationDifferences, PublicationRevision, PublicationStatus } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** Published figures of closed months and their revisions (DOMAIN.md §6). */
@Injectable({ providedIn: 'root' })
export class PublicationsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/publications`;

  /** the badge's question; a failure says nothing rather than bothering the page it sits on */
  status(month: string): Observable<PublicationStatus> {
    return this.http.get<PublicationStatus>(`${this.base}/${month}/status`, { context: callerShowsErrors() });
  }

  revisions(month: string): Observable<PublicationRevision[]> {
    return this.http.get<PublicationRevision[]>(`${this.base}/${month}/revisions`, { context: callerShowsErrors() });
  }

  /** `to` null: compare with the figures now (现值) */
  differences(month: string, from: number, to: number | null): Observable<PublicationDifferences> {
    let params = new HttpParams().set('from', from);
    if (to !== null) params = params.set('to', to);
    return this.http.get<PublicationDifferences>(`${this.base}/${month}/differences`, { params, context: callerShowsErrors() });
  }
}
