import { TestBed } from '@angular/core/testing';
import { type ActivatedRouteSnapshot, Router, type RouterStateSnapshot, UrlTree, provideRouter } from '@angular/router';
import { provideHttpClient } from '@angular/common/http';
import type { LoginResponse, Role } from '@zhaoshang/shared/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { authGuard, capabilityGuard, safeReturnUrl } from './guards';
import { SESSION_STORAGE_KEY } from './session';

function signIn(role: Role | null) {
  localStorage.clear();
  if (role) {
    const session: LoginResponse = {
      accessToken: 't',
      expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      user: { id: 'u', username: 'u', displayName: '用户', role, regionCode: null, regionName: null },
    };
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  }
  const warnings: string[] = [];
  TestBed.configureTestingModule({
    providers: [provideRouter([]), provideHttpClient(), { provide: NzMessageService, useValue: { warning: (t: string) => warnings.push(t) } }],
  });
  return warnings;
}

const route = {} as ActivatedRouteSnapshot;
const state = (url: string) => ({ url }) as RouterStateSnapshot;
const serialize = (result: unknown) => TestBed.inject(Router).serializeUrl(result as UrlTree);

describe('capabilityGuard', () => {
  it('lets an admin into user management', () => {
    const warnings = signIn('ADMIN');
    expect(TestBed.runInInjectionContext(() => capabilityGuard('users:manage')(route, state('/admin/users')))).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('sends other roles home with a message', () => {
    for (const role of ['CITY_STAFF', 'DISTRICT_STAFF', 'LEADER'] as const) {
      TestBed.resetTestingModule();
      const warnings = signIn(role);
      const result = TestBed.runInInjectionContext(() => capabilityGuard('users:manage')(route, state('/admin/users')));
      expect(result).toBeInstanceOf(UrlTree);
      expect(serialize(result)).toBe('/');
      expect(warnings).toEqual(['您没有访问该页面的权限']);
    }
  });

  it('sends a role without the capability quietly to the page named for it (leaders: the 驾驶舱 instead of the 工作台)', () => {
    const warnings = signIn('LEADER');
    const result = TestBed.runInInjectionContext(() => capabilityGuard('workbench:use', '/dashboard')(route, state('/')));
    expect(serialize(result)).toBe('/dashboard');
    expect(warnings).toEqual([]);
    TestBed.resetTestingModule();
    signIn('DISTRICT_STAFF');
    expect(TestBed.runInInjectionContext(() => capabilityGuard('workbench:use', '/dashboard')(route, state('/')))).toBe(true);
  });

  it('follows the shared capability table: city staff may verify reports, leaders may not', () => {
    signIn('CITY_STAFF');
    expect(TestBed.runInInjectionContext(() => capabilityGuard('reports:verify')(route, state('/reports/verify')))).toBe(true);
    TestBed.resetTestingModule();
    signIn('LEADER');
    expect(TestBed.runInInjectionContext(() => capabilityGuard('reports:verify')(route, state('/reports/verify')))).toBeInstanceOf(UrlTree);
  });

  it('sends signed-out users to the login page with the way back', () => {
    signIn(null);
    const result = TestBed.runInInjectionContext(() => capabilityGuard('audit:read')(route, state('/admin/audit')));
    expect(serialize(result)).toBe('/login?returnUrl=%2Fadmin%2Faudit');
  });
});

describe('authGuard', () => {
  it('passes signed-in users and redirects the others to login', () => {
    signIn('LEADER');
    expect(TestBed.runInInjectionContext(() => authGuard(route, state('/')))).toBe(true);
    TestBed.resetTestingModule();
    signIn(null);
    expect(serialize(TestBed.runInInjectionContext(() => authGuard(route, state('/admin/users'))))).toBe('/login?returnUrl=%2Fadmin%2Fusers');
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths of this app and refuses other sites and the login page', () => {
    expect(safeReturnUrl('/admin/users?role=ADMIN')).toBe('/admin/users?role=ADMIN');
    expect(safeReturnUrl('//evil.example.com')).toBe('/');
    expect(safeReturnUrl('https://evil.example.com')).toBe('/');
    expect(safeReturnUrl('/login?returnUrl=/x')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
