import { inject } from '@angular/core';
import { type CanActivateChildFn, type CanActivateFn, Router, type UrlTree } from '@angular/router';
import { type Capability, can } from '@zhaoshang/shared/domain';
import { NzMessageService } from 'ng-zorro-antd/message';
import { AuthService } from './auth.service';

export const FORBIDDEN_PAGE_MESSAGE = '您没有访问该页面的权限';

/** Signed-in users pass; others go to the login page, which brings them back afterwards. */
export const authGuard: CanActivateFn & CanActivateChildFn = (_route, state) => {
  const auth = inject(AuthService);
  return auth.isSignedIn() ? true : loginUrl(state.url);
};

/**
 * Only roles that have `capability` (shared CAPABILITIES) pass; others go home with a message, or
 * quietly to `otherwise` when the page has a counterpart for them (the leaders' landing: 驾驶舱).
 */
export function capabilityGuard(capability: Capability, otherwise?: string): CanActivateFn {
  return (_route, state) => {
    const auth = inject(AuthService);
    if (!auth.isSignedIn()) return loginUrl(state.url);
    if (can(auth.currentUser()?.role, capability)) return true;
    if (otherwise) return inject(Router).parseUrl(otherwise);
    inject(NzMessageService).warning(FORBIDDEN_PAGE_MESSAGE);
    return inject(Router).createUrlTree(['/']);
  };
}

/** The login page is for signed-out users; signed-in ones go where they were headed. */
export const guestGuard: CanActivateFn = (route) => {
  const auth = inject(AuthService);
  return auth.isSignedIn() ? inject(Router).parseUrl(safeReturnUrl(route.queryParamMap.get('returnUrl'))) : true;
};

/** Only paths inside this app: no other sites (`//host`, `https:`), no loop back to /login. */
export function safeReturnUrl(url: string | null | undefined): string {
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\') || url.startsWith('/login')) return '/';
  return url;
}

function loginUrl(returnUrl: string): UrlTree {
  const auth = inject(AuthService);
  return inject(Router).createUrlTree(['/login'], {
    queryParams: { returnUrl: returnUrl === '/' ? undefined : returnUrl, reason: auth.endReason() ?? undefined },
  });
}
