import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateLeaderRequest, CreateUnitRequest, LeaderDto, UnitDto, UpdateLeaderRequest, UpdateUnitRequest } from '@zhaoshang/shared/domain';
import { API_V1, ResponsibilityStore, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { type Observable, tap } from 'rxjs';

/** Keeping the lists of 包联领导 and 责任单位 (admins); the other pages' cached lists are read again after a change. */
@Injectable({ providedIn: 'root' })
export class ResponsibilityApi {
  private readonly http = inject(HttpClient);
  private readonly store = inject(ResponsibilityStore);

  createLeader(request: CreateLeaderRequest): Observable<LeaderDto> {
    return this.http.post<LeaderDto>(`${API_V1}/leaders`, request, { context: callerShowsErrors() }).pipe(tap(() => this.store.leaders.invalidate()));
  }

  updateLeader(id: string, request: UpdateLeaderRequest): Observable<LeaderDto> {
    return this.http.patch<LeaderDto>(`${API_V1}/leaders/${id}`, request, { context: callerShowsErrors() }).pipe(tap(() => this.store.leaders.invalidate()));
  }

  createUnit(request: CreateUnitRequest): Observable<UnitDto> {
    return this.http.post<UnitDto>(`${API_V1}/units`, request, { context: callerShowsErrors() }).pipe(tap(() => this.store.units.invalidate()));
  }

  updateUnit(id: string, request: UpdateUnitRequest): Observable<UnitDto> {
    return this.http.patch<UnitDto>(`${API_V1}/units/${id}`, request, { context: callerShowsErrors() }).pipe(tap(() => this.store.units.invalidate()));
  }
}
