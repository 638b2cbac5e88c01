import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateUserRequest, ResetPasswordRequest, UpdateUserRequest, UserDto } from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';

@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/users`;

  list(includeDisabled = true): Observable<UserDto[]> {
    return this.http.get<UserDto[]>(this.base, { params: new HttpParams().set('includeDisabled', includeDisabled) });
  }

  get(id: string): Observable<UserDto> {
    return this.http.get<UserDto>(`${this.base}/${encodeURIComponent(id)}`);
  }

  create(request: CreateUserRequest): Observable<UserDto> {
    return this.http.post<UserDto>(this.base, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateUserRequest): Observable<UserDto> {
    return this.http.patch<UserDto>(`${this.base}/${encodeURIComponent(id)}`, request, { context: callerShowsErrors() });
  }

  resetPassword(id: string, request: ResetPasswordRequest): Observable<UserDto> {
    return this.http.post<UserDto>(`${this.base}/${encodeURIComponent(id)}/reset-password`, request, { context: callerShowsErrors() });
  }
}
