import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PlusOutline, ReloadOutline } from '@ant-design/icons-angular/icons';
import type { ApiKeyDto } from '@zhaoshang/shared/domain';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { ApiKeysPage } from './api-keys-page';

const existing: ApiKeyDto = {
  id: 'k1',
  name: '市统计局',
  prefix: 'zs_ab12',
  scopes: ['read', 'fai:write'],
  createdAt: '2026-01-05T02:00:00Z',
  createdBy: '系统管理员',
  lastUsedAt: null,
  revokedAt: null,
  rateLimitPerMinute: 600,
  usedThisMinute: 12,
  version: 1,
};

async function setup() {
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons([PlusOutline, ReloadOutline])],
  });
  const fixture = TestBed.createComponent(ApiKeysPage);
  const backend = TestBed.inject(HttpTestingController);
  backend.expectOne('/api/v1/api-keys').flush([existing]);
  await fixture.whenStable();
  return { fixture, backend, el: fixture.nativeElement as HTMLElement };
}

/** ng-zorro modals render in the CDK overlay container, outside the component. */
const overlay = () => document.querySelector('.cdk-overlay-container') as HTMLElement;

describe('ApiKeysPage', () => {
  afterEach(() => overlay()?.replaceChildren());

  it('lists the keys with their scopes in Chinese', async () => {
    const { el } = await setup();
    const row = el.querySelector('[data-testid="api-key-row"]');
    expect(row?.textContent).toContain('市统计局');
    expect(row?.textContent).toContain('zs_ab12');
    expect(row?.textContent).toContain('读取（项目、月报、指标）');
    expect(row?.textContent).toContain('写入全社会固定资产投资');
    expect(row?.querySelector('[data-testid="api-key-status"]')?.textContent).toContain('有效');
    expect(row?.textContent).toContain('从未使用');
  });

  it('shows a new key once, with the warning, after creating it', async () => {
    const { el, fixture, backend } = await setup();
    el.querySelector<HTMLButtonElement>('[data-testid="api-key-create"]')?.click();
    await fixture.whenStable();

    const name = overlay().querySelector<HTMLInputElement>('[data-testid="api-key-form-name"]');
    if (!name) throw new Error('the create dialog did not open');
    name.value = '发改委项目库';
    name.dispatchEvent(new Event('input'));
    overlay().querySelector<HTMLButtonElement>('[data-testid="api-key-form-submit"]')?.click();
    await fixture.whenStable();
    // no scope is chosen for the user: the form says so and sends nothing
    expect(overlay().textContent).toContain('请至少选择一项权限');
    backend.expectNone({ method: 'POST', url: '/api/v1/api-keys' });

    overlay().querySelector<HTMLElement>('[data-testid="api-key-scope-read"] input')?.click();
    overlay().querySelector<HTMLButtonElement>('[data-testid="api-key-form-submit"]')?.click();
    await fixture.whenStable();

    const create = backend.expectOne({ method: 'POST', url: '/api/v1/api-keys' });
    expect(create.request.body).toEqual({ name: '发改委项目库', scopes: ['read'], rateLimitPerMinute: 600 });
    create.flush({ id: 'k2', key: 'zs_cd34_full-secret-value' });
    backend.expectOne('/api/v1/api-keys').flush([existing]);
    await fixture.whenStable();

    expect(overlay().querySelector('[data-testid="api-key-secret-value"]')?.textContent).toBe('zs_cd34_full-secret-value');
    expect(overlay().querySelector('[data-testid="api-key-secret-warning"]')?.textContent).toContain('密钥只显示这一次，请立即复制保存');
  });

  it('shows each key’s budget and its use this minute', async () => {
    const { el } = await setup();
    const budget = el.querySelector('[data-testid="api-key-budget"]');
    expect(budget?.textContent).toContain('600 次');
    expect(budget?.textContent).toContain('已用 12');
  });

  it('sets a key’s budget with the version read, refusing an empty value in Chinese', async () => {
    const { el, fixture, backend } = await setup();
    el.querySelector<HTMLButtonElement>('[data-testid="api-key-edit-limit"]')?.click();
    await fixture.whenStable();
    const input = overlay().querySelector<HTMLInputElement>('[data-testid="api-key-limit-form-value"] input');
    if (!input) throw new Error('the limit dialog did not open');
    expect(input.value).toBe('600');
    expect(overlay().querySelector('[data-testid="api-key-limit-form-usage"]')?.textContent).toContain('本分钟已用 12 次');

    // emptied: the form says what is missing and sends nothing
    input.value = '';
    input.dispatchEvent(new Event('input'));
    overlay().querySelector<HTMLButtonElement>('[data-testid="api-key-limit-form-submit"]')?.click();
    await fixture.whenStable();
    expect(overlay().textContent).toContain('请输入每分钟请求上限');
    backend.expectNone({ method: 'PATCH' });

    input.value = '1200';
    input.dispatchEvent(new Event('input'));
    overlay().querySelector<HTMLButtonElement>('[data-testid="api-key-limit-form-submit"]')?.click();
    await fixture.whenStable();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/v1/api-keys/k1' });
    expect(patch.request.body).toEqual({ rateLimitPerMinute: 1200, version: 1 });
    patch.flush({ ...existing, rateLimitPerMinute: 1200, version: 2 });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="api-key-budget"]')?.textContent).toContain('1200 次');
  });

  it('shows the API’s message on the field when it refuses the budget', async () => {
    const { el, fixture, backend } = await setup();
    el.querySelector<HTMLButtonElement>('[data-testid="api-key-edit-limit"]')?.click();
    await fixture.whenStable();
    overlay().querySelector<HTMLButtonElement>('[data-testid="api-key-limit-form-submit"]')?.click();
    await fixture.whenStable();
    backend
      .expectOne({ method: 'PATCH', url: '/api/v1/api-keys/k1' })
      .flush(
        { statusCode: 400, error: 'VALIDATION_FAILED', message: '请求参数有误', details: [{ field: 'rateLimitPerMinute', message: '每分钟请求上限须为 10–60000 的整数' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(overlay().textContent).toContain('每分钟请求上限须为 10–60000 的整数');
  });
});
