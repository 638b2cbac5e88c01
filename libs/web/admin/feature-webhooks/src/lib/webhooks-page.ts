import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import {
  type CreateWebhookSubscriptionResponse,
  isWebhookEventType,
  WEBHOOK_DELIVERY_STATUS_LABELS,
  WEBHOOK_EVENT_LABELS,
  WEBHOOK_EVENT_TYPES,
  WEBHOOK_TEST_EVENT,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
  type WebhookSubscriptionDto,
} from '@zhaoshang/shared/domain';
import { WebhooksApi } from '@zhaoshang/web/admin/data-access';
import { ErrorNotifier } from '@zhaoshang/web/auth/data-access';
import { DateTimePipe, injectIsPhone, PageHeader } from '@zhaoshang/web/shared/ui';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { WebhookCreateDialog } from './webhook-create-dialog';
import { WebhookSecretDialog } from './webhook-secret-dialog';

const DELIVERY_TAG: Record<WebhookDeliveryStatus, string> = { PENDING: 'processing', SUCCEEDED: 'success', FAILED: 'error' };

/** The Chinese name of an event type, with the ping's own. */
export function eventLabel(type: string): string {
  if (type === WEBHOOK_TEST_EVENT) return '测试';
  return isWebhookEventType(type) ? WEBHOOK_EVENT_LABELS[type] : type;
}

/** What the event column of a subscription says: all, or the names of a few. */
export function eventsSummary(events: readonly string[]): string {
  if (events.length === WEBHOOK_EVENT_TYPES.length) return `全部 ${events.length} 类事件`;
  return events.map(eventLabel).join('、');
}

/**
 * Webhook 订阅 (issue 16, DOMAIN.md §10): the admin's subscriptions, the secret shown once, a test
 * ping, pause and resume, and the delivery log of the chosen one with replay.
 */
@Component({
  selector: 'zs-webhooks-page',
  imports: [NgTemplateOutlet, NzButtonModule, NzIconModule, NzPopconfirmModule, NzTableModule, NzTagModule, NzTooltipModule, DateTimePipe, PageHeader, WebhookCreateDialog, WebhookSecretDialog],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './webhooks-page.html',
  styleUrl: './webhooks-page.less',
})
export class WebhooksPage {
  protected readonly isPhone = injectIsPhone();
  private readonly api = inject(WebhooksApi);
  private readonly notifier = inject(ErrorNotifier);
  private readonly messages = inject(NzMessageService);
  protected readonly statusLabels = WEBHOOK_DELIVERY_STATUS_LABELS;
  protected readonly deliveryTag = DELIVERY_TAG;
  protected readonly eventLabel = eventLabel;
  protected readonly eventsSummary = eventsSummary;

  protected readonly subscriptions = signal<WebhookSubscriptionDto[]>([]);
  protected readonly loading = signal(false);
  protected readonly creating = signal(false);
  protected readonly created = signal<{ name: string; secret: string } | null>(null);
  /** the row whose action is running (test, pause, delete) */
  protected readonly busy = signal<string | null>(null);

  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(() => this.subscriptions().find((s) => s.id === this.selectedId()) ?? null);
  protected readonly deliveries = signal<WebhookDeliveryDto[]>([]);
  protected readonly deliveriesLoading = signal(false);
  protected readonly nextCursor = signal<string | null>(null);

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api.list().subscribe({
      next: (list) => {
        this.subscriptions.set(list);
        this.loading.set(false);
        const chosen = this.selectedId();
        if (chosen && list.some((s) => s.id === chosen)) this.loadDeliveries();
        else if (list.length > 0) this.select(list[0]);
      },
      error: () => this.loading.set(false),
    });
  }

  protected select(subscription: WebhookSubscriptionDto): void {
    this.selectedId.set(subscription.id);
    this.loadDeliveries();
  }

  protected loadDeliveries(more = false): void {
    const id = this.selectedId();
    if (!id) return;
    this.deliveriesLoading.set(true);
    this.api.deliveries(id, { limit: 20, before: more ? (this.nextCursor() ?? undefined) : undefined }).subscribe({
      next: (page) => {
        this.deliveries.update((current) => (more ? [...current, ...page.items] : page.items));
        this.nextCursor.set(page.nextCursor);
        this.deliveriesLoading.set(false);
      },
      error: () => this.deliveriesLoading.set(false),
    });
  }

  protected onCreated(response: CreateWebhookSubscriptionResponse): void {
    this.created.set({ name: response.subscription.name, secret: response.secret });
    this.selectedId.set(response.subscription.id);
    this.load();
  }

  protected test(subscription: WebhookSubscriptionDto): void {
    this.busy.set(subscription.id);
    this.api.test(subscription.id).subscribe({
      next: (delivery) => {
        this.busy.set(null);
        if (delivery.status === 'SUCCEEDED') this.messages.success(`测试事件已送达（HTTP ${delivery.responseCode}，${delivery.durationMs} 毫秒）`);
        else this.messages.error(`测试事件未送达：${delivery.error ?? '未知错误'}`);
        this.selectedId.set(subscription.id);
        this.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected setPaused(subscription: WebhookSubscriptionDto, paused: boolean): void {
    this.busy.set(subscription.id);
    this.api.update(subscription.id, { version: subscription.version, paused }).subscribe({
      next: (updated) => {
        this.busy.set(null);
        this.messages.success(paused ? `已暂停「${updated.name}」` : `已恢复「${updated.name}」，积压的事件将按序补发`);
        this.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected remove(subscription: WebhookSubscriptionDto): void {
    this.busy.set(subscription.id);
    this.api.remove(subscription.id, subscription.version).subscribe({
      next: () => {
        this.busy.set(null);
        this.messages.success(`已删除「${subscription.name}」`);
        if (this.selectedId() === subscription.id) {
          this.selectedId.set(null);
          this.deliveries.set([]);
        }
        this.load();
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected replay(delivery: WebhookDeliveryDto): void {
    const id = this.selectedId();
    if (!id) return;
    this.api.replay(id, delivery.id).subscribe({
      next: (queued) => {
        this.deliveries.update((list) => list.map((d) => (d.id === queued.id ? queued : d)));
        this.messages.success('已重新排队投递');
      },
      error: (error: unknown) => this.notifier.show(error),
    });
  }

  private failed(error: unknown): void {
    this.busy.set(null);
    this.notifier.show(error);
    this.load();
  }
}
