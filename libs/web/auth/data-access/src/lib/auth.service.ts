import { HttpClient, HttpContext } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@zhaoshang/shared/domain';
import { SKIP_ERROR_MESSAGE } from '@zhaoshang/web/shared/util';
import { type Observable, map, tap } from 'rxjs';
import { SESSION_STORAGE_KEY, type Session, msUntilExpiry, parseSession, readStoredSession, writeStoredSession } from './session';

export const AUTH_API = '/api/v1/auth';

/** setTimeout cannot wait longer than this (about 24.8 days); longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The signed-in session: kept in a signal, mirrored to localStorage so that a reload or a second
 * tab keeps it, and ended when the token's expiry time comes.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly storage: Storage = window.localStorage;
  private readonly session = signal<Session | null>(null);
  private expiryTimer: ReturnType<typeof setTimeout> | undefined;

  readonly currentUser = computed<CurrentUser | null>(() => this.session()?.user ?? null);
  readonly token = computed(() => this.session()?.accessToken ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  /** why the last session ended, for the login page's notice */
  readonly endReason = signal<'expired' | null>(null);

  constructor() {
    const stored = readStoredSession(this.storage);
    if (stored && msUntilExpiry(stored) > 0) {
      this.setSession(stored);
    } else if (stored) {
      writeStoredSession(this.storage, null);
      this.endReason.set('expired');
    }
    const onStorage = (event: StorageEvent) => this.adoptOtherTab(event);
    window.addEventListener('storage', onStorage);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('storage', onStorage);
      clearTimeout(this.expiryTimer);
    });
  }

  login(request: LoginRequest): Observable<CurrentUser> {
    return this.http
      .post<LoginResponse>(`${AUTH_API}/login`, request, { context: new HttpContext().set(SKIP_ERROR_MESSAGE, true) })
      .pipe(
        tap((response) => {
          this.endReason.set(null);
          this.setSession(response);
        }),
        map((response) => response.user),
      );
  }

  /** Re-reads the signed-in user (role, region) from the API; the token stays. */
  refreshUser(): Observable<CurrentUser> {
    return this.http.get<CurrentUser>(`${AUTH_API}/me`).pipe(
      tap((user) => {
        const current = this.session();
        if (current) this.setSession({ ...current, user });
      }),
    );
  }

  /** The API ends every other session of the user and gives this one a new token, kept here. */
  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http
      .post<LoginResponse>(`${AUTH_API}/change-password`, request, {
        context: new HttpContext().set(SKIP_ERROR_MESSAGE, true),
      })
      .pipe(
        tap((response) => this.setSession(response)),
        map(() => undefined),
      );
  }

  logout(): void {
    this.endReason.set(null);
    this.clearSession();
    void this.router.navigate(['/login']);
  }

  /**
   * Ends a session the API no longer accepts (or whose time ran out) and sends the user to the
   * login page, which says why and comes back here afterwards.
   */
  expire(): void {
    // during a navigation (e.g. the first one after a reload) the page being opened is the one to return to
    const pending = this.router.currentNavigation();
    const returnUrl = pending ? this.router.serializeUrl(pending.finalUrl ?? pending.extractedUrl) : this.router.url;
    this.endReason.set('expired');
    this.clearSession();
    if (returnUrl.startsWith('/login')) return;
    void this.router.navigate(['/login'], {
      queryParams: { reason: 'expired', returnUrl: returnUrl === '/' ? undefined : returnUrl },
    });
  }

  private setSession(session: Session): void {
    this.session.set(session);
    writeStoredSession(this.storage, session);
    this.armExpiryTimer(session);
  }

  private clearSession(): void {
    clearTimeout(this.expiryTimer);
    this.session.set(null);
    writeStoredSession(this.storage, null);
  }

  private armExpiryTimer(session: Session): void {
    clearTimeout(this.expiryTimer);
    const wait = msUntilExpiry(session);
    this.expiryTimer = setTimeout(
      () => (msUntilExpiry(session) <= 0 ? this.expire() : this.armExpiryTimer(session)),
      Math.max(0, Math.min(wait, MAX_TIMER_MS)),
    );
  }

  /** Another tab signed in, out, or as someone else: follow it. */
  private adoptOtherTab(event: StorageEvent): void {
    if (event.key !== SESSION_STORAGE_KEY || event.storageArea !== this.storage) return;
    const next = event.newValue ? parseSession(event.newValue) : null;
    if (next && msUntilExpiry(next) > 0) {
      this.session.set(next);
      this.armExpiryTimer(next);
    } else if (this.session()) {
      clearTimeout(this.expiryTimer);
      this.session.set(null);
      void this.router.navigate(['/login']);
    }
  }
}
