import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateWebhookSubscriptionRequest,
  CreateWebhookSubscriptionResponse,
  Page,
  UpdateWebhookSubscriptionRequest,
  WebhookDeliveryDto,
  WebhookDeliveryStatus,
  WebhookSubscriptionDto,
} from '@zhaoshang/shared/domain';
import type { Observable } from 'rxjs';
import { API_V1, callerShowsErrors } from '@zhaoshang/web/shared/data-access';

/** Webhook subscriptions and their delivery log (issue 16, admin only). */
@Injectable({ providedIn: 'root' })
export class WebhooksApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${API_V1}/webhooks`;

  list(): Observable<WebhookSubscriptionDto[]> {
    return this.http.get<WebhookSubscriptionDto[]>(this.base);
  }

  create(request: CreateWebhookSubscriptionRequest): Observable<CreateWebhookSubscriptionResponse> {
    return this.http.post<CreateWebhookSubscriptionResponse>(this.base, request, { context: callerShowsErrors() });
  }

  update(id: string, request: UpdateWebhookSubscriptionRequest): Observable<WebhookSubscriptionDto> {
    return this.http.patch<WebhookSubscriptionDto>(`${this.base}/${encodeURIComponent(id)}`, request, { context: callerShowsErrors() });
  }

  remove(id: string, version: number): Observable<WebhookSubscriptionDto> {
    return this.http.delete<WebhookSubscriptionDto>(`${this.base}/${encodeURIComponent(id)}`, { params: { version }, context: callerShowsErrors() });
  }

  test(id: string): Observable<WebhookDeliveryDto> {
    return this.http.post<WebhookDeliveryDto>(`${this.base}/${encodeURIComponent(id)}/test`, {}, { context: callerShowsErrors() });
  }

  deliveries(id: string, query: { status?: WebhookDeliveryStatus; before?: string; limit?: number } = {}): Observable<Page<WebhookDeliveryDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params = params.set(key, String(value));
    return this.http.get<Page<WebhookDeliveryDto>>(`${this.base}/${encodeURIComponent(id)}/deliveries`, { params });
  }

  replay(id: string, deliveryId: string): Observable<WebhookDeliveryDto> {
    return this.http.post<WebhookDeliveryDto>(`${this.base}/${encodeURIComponent(id)}/deliveries/${encodeURIComponent(deliveryId)}/replay`, {}, { context: callerShowsErrors() });
  }
}
