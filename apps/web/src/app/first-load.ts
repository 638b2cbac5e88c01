import { type HttpEvent, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { type EnvironmentProviders, Injectable, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { type Role, can, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { DashboardApi, parseSelection } from '@zhaoshang/web/dashboard/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { type Observable, ReplaySubject, type Subscription } from 'rxjs';

/**
 * A leader's first visit of the 驾驶舱 (issue 13: 15.6 s to the first chart on a phone over slow 4G).
 * Without help the browser works in a waterfall: main bundle → the shell's chunk → the dashboard's
 * chunk → its ECharts chunk → only then the page asks for its data. Here, as the app starts, the
 * chunks are asked for at once and the page's first data requests are sent while they load; the
 * page's own requests then find their answers waiting (PrefetchCache, prefetchInterceptor).
 */

/** An answer not picked up by then is dropped: the page was not opened, and data must not go stale. */
export const PREFETCH_TTL_MS = 30_000;

interface Prefetched {
  events: ReplaySubject<HttpEvent<unknown>>;
  subscription: Subscription;
  expires: number;
}

/** What identifies a GET: its URL with the query string, and how the body is read. */
export function prefetchKey(request: HttpRequest<unknown>): string | null {
  if (request.method !== 'GET') return null;
  const params = request.params.keys().sort().flatMap((name) => (request.params.getAll(name) ?? []).map((value) => `${name}=${value}`));
  return `${request.responseType} ${request.url}?${params.join('&')}`;
}

/**
 * GETs sent ahead of the page that will make them: each answer handed once to the first identical
 * GET (same URL, parameters and response type), then forgotten.
 */
@Injectable({ providedIn: 'root' })
export class PrefetchCache {
  private readonly entries = new Map<string, Prefetched>();
  private recording = false;

  /**
   * Sends the GETs `start` makes (through the normal HTTP stack: token, error handling), keeping their
   * answers for the page. HttpClient runs its interceptors when subscribed to, so the requests are
   * recognised as prefetches while `start` subscribes.
   */
  prefetch(start: () => void): void {
    this.recording = true;
    try {
      start();
    } finally {
      this.recording = false;
    }
  }

  /** Called by the interceptor for every request: a prefetch to keep, a request that finds one, or neither. */
  intercept(request: HttpRequest<unknown>, send: (request: HttpRequest<unknown>) => Observable<HttpEvent<unknown>>): Observable<HttpEvent<unknown>> {
    const key = prefetchKey(request);
    if (key === null) return send(request);
    this.dropExpired();
    if (this.recording) {
      if (this.entries.has(key)) return send(request);
      const events = new ReplaySubject<HttpEvent<unknown>>();
      const entry: Prefetched = { events, subscription: send(request).subscribe(events), expires: Date.now() + PREFETCH_TTL_MS };
      this.entries.set(key, entry);
      return events;
    }
    const entry = this.entries.get(key);
    if (!entry) return send(request);
    this.entries.delete(key);
    return entry.events;
  }

  /** how many answers wait for their page (for tests) */
  get size(): number {
    return this.entries.size;
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) {
      if (entry.expires > now) continue;
      entry.subscription.unsubscribe();
      this.entries.delete(key);
    }
  }
}

/** First in the chain: the prefetched answer, when there is one, stands in for the whole request. */
export const prefetchInterceptor: HttpInterceptorFn = (request, next) => inject(PrefetchCache).intercept(request, next);

/** Whose start opens the 驾驶舱: its address, or the home page of a leader (leaders land on the 驾驶舱). */
export function opensDashboard(path: string, role: Role | null): boolean {
  if (!can(role, 'indicators:read')) return false;
  return path === '/dashboard' || (path === '/' && role === 'LEADER');
}

/** Where tools/scripts/route-preload.mjs lists, after the build, every chunk the 驾驶舱 route needs. */
export const ROUTE_CHUNKS_META = 'zs-route-chunks-dashboard';

/**
 * The same dynamic imports as the routes' (the router finds the modules loaded, or on their way),
 * then the rest of the route's chunks (linkRouteChunks).
 */
export function preloadDashboardChunks(): void {
  void import('@zhaoshang/web/shell/feature');
  void import('@zhaoshang/web/dashboard/feature-dashboard');
  linkRouteChunks(document);
}

/**
 * Every further chunk the route imports, as modulepreload links: otherwise the browser finds them only
 * level by level, as each chunk arrives and is parsed (three round trips more on the cold 驾驶舱).
 */
export function linkRouteChunks(doc: Document): void {
  const listed = doc.querySelector<HTMLMetaElement>(`meta[name="${ROUTE_CHUNKS_META}"]`)?.content.split(/\s+/).filter(Boolean) ?? [];
  // public/first-load.js has linked them already when it ran (index.html's early script)
  const linked = new Set(Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'), (link) => link.getAttribute('href')));
  for (const file of listed) {
    if (linked.has(file)) continue;
    const link = doc.createElement('link');
    link.rel = 'modulepreload';
    link.href = file;
    doc.head.appendChild(link);
  }
}

/**
 * At the app's start, before the first navigation (and before the GET /site the first page waits
 * for): for a leader, the 驾驶舱's chunks; when the 驾驶舱 is the page being opened, its data too —
 * the very calls of DashboardApi the page makes on creation, for the selection in the address.
 */
export function startLeaderFirstLoad(location: Pick<Location, 'pathname' | 'search'> = window.location, preloadChunks: () => void = preloadDashboardChunks): void {
  const auth = inject(AuthService);
  const role = auth.currentUser()?.role ?? null;
  if (!auth.isSignedIn()) return;
  const dashboard = opensDashboard(location.pathname, role);
  if (!dashboard && role !== 'LEADER') return;

  preloadChunks();
  if (!dashboard) return;

  const query = new URLSearchParams(location.search);
  const selection = parseSelection({ from: query.get('from'), to: query.get('to'), region: query.get('region') }, shanghaiToday());
  const api = inject(DashboardApi);
  const swallow = { error: () => undefined };
  inject(PrefetchCache).prefetch(() => {
    api.indicators(selection, 'month').subscribe(swallow);
    api.indicators({ ...selection, region: null }, 'region').subscribe(swallow);
    api.indicators(selection, 'industry').subscribe(swallow);
    api.warnings(shanghaiToday()).subscribe(swallow);
  });
  inject(RegionsStore).ensureLoaded();
}

/** Put before the other initializers, so that nothing waits in front of these requests. */
export function provideLeaderFirstLoad(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => startLeaderFirstLoad())]);
}
