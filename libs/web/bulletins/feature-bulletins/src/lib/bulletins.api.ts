import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type BulletinContent, type BulletinCreateRequest, type BulletinDto, bulletinFileName, type BulletinSummary } from '@zhaoshang/shared/domain';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';
import { asDownload, type DownloadedFile } from '@zhaoshang/web/shared/util';
import type { Observable } from 'rxjs';

const BULLETINS = `${API_V1}/bulletins`;

/** 季通报 (issue 15 item 2): the preview of a quarter, generation, the kept bulletins and their .docx. */
@Injectable({ providedIn: 'root' })
export class BulletinsApi {
  private readonly http = inject(HttpClient);

  preview(quarter: string): Observable<BulletinContent> {
    return this.http.get<BulletinContent>(`${BULLETINS}/preview`, { params: new HttpParams().set('quarter', quarter), context: callerShowsErrors() });
  }

  list(): Observable<BulletinSummary[]> {
    return this.http.get<BulletinSummary[]>(BULLETINS, { context: callerShowsErrors() });
  }

  create(request: BulletinCreateRequest): Observable<BulletinDto> {
    return this.http.post<BulletinDto>(BULLETINS, request, { context: callerShowsErrors() });
  }

  /** The .docx as it was generated, under the server's name (通辽市招商引资工作季度通报-2026年第3期.docx). */
  docx(bulletin: Pick<BulletinSummary, 'id' | 'quarter' | 'version'>): Observable<DownloadedFile> {
    const response$ = this.http.get(`${BULLETINS}/${bulletin.id}/docx`, { observe: 'response', responseType: 'blob', context: callerShowsErrors() });
    return asDownload(response$, bulletinFileName(bulletin));
  }
}
