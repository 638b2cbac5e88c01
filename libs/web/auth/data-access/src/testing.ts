// Test helpers of the auth lib, a separate entry (`@zhaoshang/web/auth/data-access/testing`) so
// that no page bundles them: only specs import it.
import type { CurrentUser, LoginResponse, Role } from '@zhaoshang/shared/domain';
import { SESSION_STORAGE_KEY } from './lib/session';

/**
 * Signs a test in as `role` the way a real sign-in leaves it: a session valid for an hour in
 * localStorage, which AuthService reads when it is created. `user` overrides the rest of the user
 * (名字, 地区); the defaults are a city-level user of no region.
 */
export function storeTestSession(role: Role, user: Partial<Omit<CurrentUser, 'role'>> = {}): LoginResponse {
  const session: LoginResponse = {
    accessToken: 't',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u1', username: 'u', displayName: '刘军', role, regionCode: null, regionName: null, ...user },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
  return session;
}
