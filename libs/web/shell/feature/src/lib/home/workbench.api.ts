import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { WorkbenchResponse } from '@zhaoshang/shared/domain';
import { API_V1 } from '@zhaoshang/web/shared/data-access';
import type { Observable } from 'rxjs';

/** GET /api/v1/workbench: the signed-in person's to-dos and their region's latest changes. */
@Injectable({ providedIn: 'root' })
export class WorkbenchApi {
  private readonly http = inject(HttpClient);

  get(): Observable<WorkbenchResponse> {
    return this.http.get<WorkbenchResponse>(`${API_V1}/workbench`);
  }
}
