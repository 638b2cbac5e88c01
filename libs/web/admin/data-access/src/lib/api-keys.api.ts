import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApiKeyDto, CreateApiKeyRequest, CreateApiKeyResponse, UpdateApiKeyRequest } from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';

@Injectable({ providedIn: 'root' })
export class ApiKeysApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/api-keys`;

  list(): Observable<ApiKeyDto[]> {
    return this.http.get<ApiKeyDto[]>(this.base);
  }

  create(request: CreateApiKeyRequest): Observable<CreateApiKeyResponse> {
    return this.http.post<CreateApiKeyResponse>(this.base, request, { context: callerShowsErrors() });
  }

  /** a new request budget per minute, with the version read (409 when someone changed the key since) */
  update(id: string, request: UpdateApiKeyRequest): Observable<ApiKeyDto> {
    return this.http.patch<ApiKeyDto>(`${this.base}/${encodeURIComponent(id)}`, request, { context: callerShowsErrors() });
  }

  revoke(id: string): Observable<ApiKeyDto> {
    return this.http.delete<ApiKeyDto>(`${this.base}/${encodeURIComponent(id)}`, { context: callerShowsErrors() });
  }
}
