import type { CurrentUser, LoginResponse } from '@zhaoshang/shared/domain';
import { isRole } from '@zhaoshang/shared/domain';

/** The localStorage key of the signed-in session; other tabs watch it too. */
export const SESSION_STORAGE_KEY = 'zs.session';

export type Session = LoginResponse;

export function readStoredSession(storage: Storage): Session | null {
  let raw: string | null;
  try {
    raw = storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  return raw ? parseSession(raw) : null;
}

export function parseSession(raw: string): Session | null {
  try {
    const value: unknown = JSON.parse(raw);
    return isSession(value) ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredSession(storage: Storage, session: Session | null): void {
  try {
    if (session) storage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    else storage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // storage full or disabled (private mode): the session still lives in memory for this tab
  }
}

export function msUntilExpiry(session: Session, now = Date.now()): number {
  const at = Date.parse(session.expiresAt);
  return Number.isNaN(at) ? 0 : at - now;
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['accessToken'] === 'string' && typeof v['expiresAt'] === 'string' && isUser(v['user']);
}

function isUser(value: unknown): value is CurrentUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['username'] === 'string' && typeof v['displayName'] === 'string' && isRole(v['role']);
}
