import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { CopyOutline, PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import { WEBHOOK_EVENT_TYPES, type WebhookDeliveryDto, type WebhookSubscriptionDto } from '@zhaoshang/shared/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { eventsSummary, WebhooksPage } from './webhooks-page';

const paused: WebhookSubscriptionDto = {
  id: 's1',
  name: '市统计局项目库',
  url: 'https://tj.example.gov.cn/hooks',
  events: ['project.created', 'report.verified'],
  status: 'PAUSED',
  pausedReason: '连续一天投递失败，系统已自动暂停',
  pausedAt: '2026-12-01T02:00:00Z',
  autoPaused: true,
  secretPrefix: 'whsec_Mf',
  version: 3,
  createdAt: '2026-11-01T02:00:00Z',
  createdBy: '系统管理员',
  pending: 4,
  lastSuccessAt: null,
  lastFailureAt: '2026-12-01T02:00:00Z',
};

const failed: WebhookDeliveryDto = {
  id: '42',
  messageId: 'msg_42',
  eventType: 'report.verified',
  projectId: 'p1',
  status: 'FAILED',
  attempts: 9,
  responseCode: 503,
  durationMs: 12,
  error: '接收端返回 HTTP 503',
  createdAt: '2026-11-30T02:00:00Z',
  lastAttemptAt: '2026-12-01T02:00:00Z',
  nextAttemptAt: null,
  deliveredAt: null,
  payload: { type: 'report.verified', timestamp: '2026-11-30T02:00:00Z', data: {} },
};

async function setup() {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons([PlusOutline, ReloadOutline, CopyOutline])],
  });
  const fixture = TestBed.createComponent(WebhooksPage);
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne('/api/v1/webhooks').flush([paused]);
  backend.expectOne((r) => r.url === '/api/v1/webhooks/s1/deliveries').flush({ items: [failed], nextCursor: null });
  await fixture.whenStable();
  return { fixture, backend, el: fixture.nativeElement as HTMLElement };
}

const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;

describe('WebhooksPage', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('names the events in Chinese, all of them in one phrase', () => {
    expect(eventsSummary(['project.created', 'report.verified'])).toBe('项目新建、月报核实');
    expect(eventsSummary([...WEBHOOK_EVENT_TYPES])).toBe('全部 11 类事件');
  });

  it('shows an auto-paused subscription and the first one’s delivery log with replay', async () => {
    const { el, fixture, backend } = await setup();
    const row = el.querySelector('[data-testid="webhook-row"]');
    expect(row?.querySelector('[data-testid="webhook-status"]')?.textContent?.trim()).toBe('自动暂停');
    expect(row?.querySelector('[data-testid="webhook-resume"]')).not.toBeNull();
    const line = el.querySelector('[data-testid="webhook-delivery-row"]');
    expect(line?.textContent).toContain('月报核实');
    expect(line?.textContent).toContain('503');
    expect(line?.textContent).toContain('接收端返回 HTTP 503');

    line?.querySelector<HTMLButtonElement>('[data-testid="webhook-replay"]')?.click();
    const replay = backend.expectOne({ method: 'POST', url: '/api/v1/webhooks/s1/deliveries/42/replay' });
    replay.flush({ ...failed, status: 'PENDING', nextAttemptAt: '2026-12-05T02:00:00Z' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="webhook-delivery-row"]')?.getAttribute('data-status')).toBe('PENDING');
  });

  it('resumes with the version it read', async () => {
    const { el, backend } = await setup();
    el.querySelector<HTMLButtonElement>('[data-testid="webhook-resume"]')?.click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/webhooks/s1' });
    expect(patch.request.body).toEqual({ version: 3, paused: false });
    patch.flush({ ...paused, status: 'ACTIVE', autoPaused: false, version: 4 });
    backend.expectOne('/api/v1/webhooks').flush([{ ...paused, status: 'ACTIVE', autoPaused: false, version: 4 }]);
    backend.expectOne((r) => r.url === '/api/v1/webhooks/s1/deliveries').flush({ items: [], nextCursor: null });
  });

  it('refuses a receiver address that is not http(s) before sending anything', async () => {
    const { el, fixture, backend } = await setup();
    el.querySelector<HTMLButtonElement>('[data-testid="webhook-create"]')?.click();
    await fixture.whenStable();
    const set = (testId: string, value: string) => {
      const input = overlay().querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
      if (!input) throw new Error(`no ${testId}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('webhook-form-name', '统计局');
    set('webhook-form-url', 'ftp://tj.example.gov.cn');
    overlay().querySelector<HTMLButtonElement>('[data-testid="webhook-form-all"]')?.click();
    overlay().querySelector<HTMLButtonElement>('[data-testid="webhook-form-submit"]')?.click();
    await fixture.whenStable();
    expect(overlay().textContent).toContain('接收地址必须是以 http:// 或 https:// 开头的网址');
    backend.expectNone({ method: 'POST', url: '/api/v1/webhooks' });

    set('webhook-form-url', 'https://tj.example.gov.cn/hooks');
    overlay().querySelector<HTMLButtonElement>('[data-testid="webhook-form-submit"]')?.click();
    await fixture.whenStable();
    const create = backend.expectOne({ method: 'POST', url: '/api/v1/webhooks' });
    expect(create.request.body).toEqual({ name: '统计局', url: 'https://tj.example.gov.cn/hooks', events: [...WEBHOOK_EVENT_TYPES] });
    create.flush({ subscription: { ...paused, id: 's2', name: '统计局', status: 'ACTIVE' }, secret: 'whsec_c2VjcmV0' });
    backend.expectOne('/api/v1/webhooks').flush([paused]);
    backend.expectOne((r) => r.url === '/api/v1/webhooks/s1/deliveries').flush({ items: [], nextCursor: null });
    await fixture.whenStable();
    expect(overlay().querySelector('[data-testid="webhook-secret-value"]')?.textContent).toBe('whsec_c2VjcmV0');
  });
});
