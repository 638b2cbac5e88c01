import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@zhaoshang/shared/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { SESSION_STORAGE_KEY } from './session';

function loginResponse(expiresInMs: number): LoginResponse {
  return {
    accessToken: 'token-xyz',
    expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
    user: { id: 'u2', username: 'kzq01', displayName: '王芳', role: 'DISTRICT_STAFF', regionCode: '150521', regionName: '科尔沁左翼中旗' },
  };
}

function configure() {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideRouter([]),
      { provide: NzMessageService, useValue: { error: () => undefined } },
    ],
  });
  return { auth: TestBed.inject(AuthService), backend: TestBed.inject(HttpTestingController), router: TestBed.inject(Router) };
}

describe('AuthService', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => jest.useRealTimers());

  it('keeps the session of a login in localStorage and restores it after a reload', () => {
    const { auth, backend } = configure();
    const response = loginResponse(3600_000);
    auth.login({ username: 'kzq01', password: 'secret-123' }).subscribe();
    const request = backend.expectOne('/api/v1/auth/login');
    expect(request.request.body).toEqual({ username: 'kzq01', password: 'secret-123' });
    request.flush(response);

    expect(auth.currentUser()?.displayName).toBe('王芳');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(response);

    TestBed.resetTestingModule();
    const reloaded = configure().auth;
    expect(reloaded.token()).toBe('token-xyz');
    expect(reloaded.currentUser()?.regionCode).toBe('150521');
  });

  it('keeps the new token a password change answers with (the API ends every older session)', () => {
    const { auth, backend } = configure();
    auth.login({ username: 'kzq01', password: 'secret-123' }).subscribe();
    backend.expectOne('/api/v1/auth/login').flush(loginResponse(3600_000));
    let done = false;
    auth.changePassword({ currentPassword: 'secret-123', newPassword: 'Better#2026' }).subscribe(() => (done = true));
    const request = backend.expectOne('/api/v1/auth/change-password');
    expect(request.request.headers.get('authorization')).toBe('Bearer token-xyz');
    request.flush({ ...loginResponse(3600_000), accessToken: 'token-new' });
    expect(done).toBe(true);
    expect(auth.token()).toBe('token-new');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null').accessToken).toBe('token-new');
  });

  it('drops a stored session that has expired or is damaged', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(loginResponse(-1000)));
    const { auth } = configure();
    expect(auth.isSignedIn()).toBe(false);
    expect(auth.endReason()).toBe('expired');
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();

    TestBed.resetTestingModule();
    localStorage.setItem(SESSION_STORAGE_KEY, '{"accessToken": 1');
    expect(configure().auth.isSignedIn()).toBe(false);
  });

  it('signs out by itself when the token expires', () => {
    jest.useFakeTimers();
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(loginResponse(60_000)));
    const { auth, router } = configure();
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    expect(auth.isSignedIn()).toBe(true);

    jest.advanceTimersByTime(59_000);
    expect(auth.isSignedIn()).toBe(true);
    jest.advanceTimersByTime(2_000);
    expect(auth.isSignedIn()).toBe(false);
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { reason: 'expired', returnUrl: undefined } });
  });

  it('logs out on request and forgets the token', () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(loginResponse(60_000)));
    const { auth, router } = configure();
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    auth.logout();
    expect(auth.token()).toBeNull();
    expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });
});
