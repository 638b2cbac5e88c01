import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { type LoginResponse, siteOf } from '@zhaoshang/shared/domain';
import { AuthService, authInterceptor } from '@zhaoshang/web/auth/data-access';
import { SiteStore } from '@zhaoshang/web/shared/data-access';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { LockOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { LoginPage } from './login-page';

async function render(url: string) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter([
        { path: 'login', component: LoginPage },
        { path: '**', children: [] },
      ]),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideNzIcons([UserOutline, LockOutline]),
    ],
  });
  // the city comes from the regions data (GET /site), before anyone signs in
  TestBed.inject(SiteStore).load().subscribe();
  TestBed.inject(HttpTestingController).expectOne('/api/v1/site').flush(siteOf({ code: '150400', name: '赤峰市', shortName: '赤峰' }));
  const router = TestBed.inject(Router);
  await router.navigateByUrl(url);
  const fixture = TestBed.createComponent(LoginPage);
  await fixture.whenStable();
  const el: HTMLElement = fixture.nativeElement;
  const type = (testId: string, value: string) => {
    const input = el.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
    if (!input) throw new Error(testId);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    el.querySelector<HTMLButtonElement>('[data-testid="login-submit"]')?.click();
    await fixture.whenStable();
  };
  return { fixture, el, router, type, submit, backend: TestBed.inject(HttpTestingController) };
}

describe('LoginPage', () => {
  it('shows the product and says so when the session expired', async () => {
    const { el } = await render('/login?reason=expired&returnUrl=%2Fadmin%2Fusers');
    expect(el.querySelector('h1')?.textContent).toBe('赤峰市招商项目全流程跟踪');
    expect(el.textContent).toContain('赤峰市投资促进局');
    expect(el.textContent).not.toContain('通辽');
    expect(el.querySelector('[data-testid="login-expired"]')?.textContent).toContain('登录已过期，请重新登录');
  });

  it('asks for the missing fields in Chinese and sends nothing', async () => {
    const { el, submit, backend } = await render('/login');
    await submit();
    expect(el.textContent).toContain('请输入用户名');
    expect(el.textContent).toContain('请输入密码');
    backend.expectNone('/api/v1/auth/login');
  });

  it("shows the API's refusal inline and keeps the user on the page", async () => {
    const { el, type, submit, backend, fixture } = await render('/login');
    type('login-username', 'admin');
    type('login-password', 'wrong-password');
    await submit();
    backend
      .expectOne('/api/v1/auth/login')
      .flush({ statusCode: 401, error: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="login-error"]')?.textContent).toContain('用户名或密码错误');
    expect(el.querySelector<HTMLInputElement>('[data-testid="login-password"]')?.value).toBe('');
    expect(TestBed.inject(AuthService).isSignedIn()).toBe(false);
  });

  it('signs in and goes back to where the user was headed', async () => {
    const { type, submit, backend, router, fixture } = await render('/login?returnUrl=%2Fadmin%2Fusers');
    type('login-username', ' admin ');
    type('login-password', 'Tongliao2026');
    await submit();
    const request = backend.expectOne('/api/v1/auth/login');
    expect(request.request.body).toEqual({ username: 'admin', password: 'Tongliao2026' });
    const response: LoginResponse = {
      accessToken: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: '1', username: 'admin', displayName: '管理员', role: 'ADMIN', regionCode: null, regionName: null },
    };
    request.flush(response);
    await fixture.whenStable();
    expect(router.url).toBe('/admin/users');
  });
});
