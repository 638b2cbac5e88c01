import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEntryDto, AuditQuery, Page } from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import { API_V1 } from '@zhaoshang/web/shared/data-access';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  /** One page, newest first; pass the previous page's `nextCursor` as `before` for the next. */
  page(query: AuditQuery = {}): Observable<Page<AuditEntryDto>> {
    let params = new HttpParams().set('limit', query.limit ?? 50);
    if (query.entity) params = params.set('entity', query.entity);
    if (query.entityId) params = params.set('entityId', query.entityId);
    if (query.projectNo) params = params.set('projectNo', query.projectNo);
    if (query.actor) params = params.set('actor', query.actor);
    if (query.from) params = params.set('from', query.from);
    if (query.to) params = params.set('to', query.to);
    if (query.before) params = params.set('before', query.before);
    return this.http.get<Page<AuditEntryDto>>(`${API_V1}/audit`, { params });
  }
}
