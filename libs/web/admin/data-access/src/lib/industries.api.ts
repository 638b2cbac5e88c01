import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateIndustryRequest, IndustryDto, UpdateIndustryRequest } from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import { API_V1, callerShowsErrors } from './context';

@Injectable({ providedIn: 'root' })
export class IndustriesApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/industries`;

  list(): Observable<IndustryDto[]> {
    return this.http.get<IndustryDto[]>(this.base);
  }

  create(request: CreateIndustryRequest): Observable<IndustryDto> {
    return this.http.post<IndustryDto>(this.base, request, { context: callerShowsErrors() });
  }

  update(code: string, request: UpdateIndustryRequest): Observable<IndustryDto> {
    return this.http.patch<IndustryDto>(`${this.base}/${encodeURIComponent(code)}`, request, { context: callerShowsErrors() });
  }
}
