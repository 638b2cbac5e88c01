import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApiErrorBody, LoginResponse } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { NzMessageService } from 'ng-zorro-antd/message';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { SESSION_STORAGE_KEY } from './session';

const session: LoginResponse = {
  accessToken: 'token-abc',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u1', username: 'admin', displayName: '系统管理员', role: 'ADMIN', regionCode: null, regionName: null },
};

function apiError(statusCode: number, error: ApiErrorBody['error'], message: string): ApiErrorBody {
  return { statusCode, error, message };
}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let router: Router;
  let shown: string[];

  function setup(signedIn: boolean) {
    localStorage.clear();
    if (signedIn) localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: NzMessageService, useValue: { error: (text: string) => shown.push(text) } },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
  }

  afterEach(() => backend.verify());

  it('sends the bearer token to our API and to nobody else', () => {
    setup(true);
    http.get('/api/v1/regions').subscribe();
    http.get('https://example.com/api/v1/regions').subscribe();
    http.get('/assets/logo.svg').subscribe();

    expect(backend.expectOne('/api/v1/regions').request.headers.get('Authorization')).toBe('Bearer token-abc');
    expect(backend.expectOne('https://example.com/api/v1/regions').request.headers.has('Authorization')).toBe(false);
    expect(backend.expectOne('/assets/logo.svg').request.headers.has('Authorization')).toBe(false);
  });

  it('sends no Authorization header when signed out', () => {
    setup(false);
    http.get('/api/v1/regions').subscribe();
    expect(backend.expectOne('/api/v1/regions').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 ends the session and sends the user to the login page with the way back', async () => {
    setup(true);
    await router.navigateByUrl('/');
    jest.spyOn(router, 'url', 'get').mockReturnValue('/admin/users?role=ADMIN');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const failed = jest.fn();

    http.get('/api/v1/users').subscribe({ error: failed });
    backend.expectOne('/api/v1/users').flush(apiError(401, 'SESSION_EXPIRED', '登录已过期'), { status: 401, statusText: 'Unauthorized' });

    const auth = TestBed.inject(AuthService);
    expect(auth.isSignedIn()).toBe(false);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'expired', returnUrl: '/admin/users?role=ADMIN' } });
    expect(failed).toHaveBeenCalled();
    expect(shown).toEqual([]);
  });

  it('leaves the session alone when the login itself or a current password is refused', () => {
    setup(true);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const auth = TestBed.inject(AuthService);

    http.post('/api/v1/auth/login', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/v1/auth/login')
      .flush(apiError(401, 'INVALID_CREDENTIALS', '用户名或密码错误'), { status: 401, statusText: 'Unauthorized' });
    http.post('/api/v1/auth/change-password', {}).subscribe({ error: () => undefined });
    backend
      .expectOne('/api/v1/auth/change-password')
      .flush(apiError(401, 'INVALID_CREDENTIALS', '当前密码不正确'), { status: 401, statusText: 'Unauthorized' });

    expect(auth.isSignedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it("shows the API's Chinese message, or a network message, unless the caller shows it", () => {
    setup(true);
    const ignore = { error: () => undefined };

    http.get('/api/v1/users/9').subscribe(ignore);
    backend.expectOne('/api/v1/users/9').flush(apiError(404, 'NOT_FOUND', '用户不存在'), { status: 404, statusText: 'Not Found' });
    http.get('/api/v1/regions').subscribe(ignore);
    backend.expectOne('/api/v1/regions').error(new ProgressEvent('error'), { status: 0 });
    http.patch('/api/v1/users/1', {}, { context: new HttpContext().set(SKIP_ERROR_MESSAGE, true) }).subscribe(ignore);
    backend
      .expectOne('/api/v1/users/1')
      .flush(apiError(409, 'VERSION_CONFLICT', '该用户已被他人修改，请刷新后重试'), { status: 409, statusText: 'Conflict' });
    http.get('/api/v1/audit').subscribe(ignore);
    backend.expectOne('/api/v1/audit').flush('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    expect(shown).toEqual(['用户不存在', '无法连接服务器，请检查网络', '服务器出错（502），请稍后重试']);
  });
});
