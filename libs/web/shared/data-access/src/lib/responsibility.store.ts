import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LeaderDto, UnitDto } from '@zhaoshang/shared/domain';
import { CachedList } from './cached-list';
import { API_V1 } from './context';

/** 包联领导 and 责任单位 (DOMAIN.md §9): the lists an admin keeps, shared by the project form, filters and the admin page. */
@Injectable({ providedIn: 'root' })
export class ResponsibilityStore {
  private readonly http = inject(HttpClient);
  readonly leaders = new CachedList<LeaderDto>(this.http, `${API_V1}/leaders`);
  readonly units = new CachedList<UnitDto>(this.http, `${API_V1}/units`);
}
