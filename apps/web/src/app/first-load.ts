import { type HttpEvent, HttpHeaders, type HttpInterceptorFn, type HttpRequest, HttpResponse } from '@angular/common/http';
import { type EnvironmentProviders, Injectable, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { type Role, can, shanghaiToday } from '@zhaoshang/shared/domain';
import { AuthService } from '@zhaoshang/web/auth/data-access';
import { DashboardApi, parseSelection } from '@zhaoshang/web/dashboard/data-access';
import { RegionsStore } from '@zhaoshang/web/shared/data-access';
import { type Observable, ReplaySubject, type Subscription, from, of, switchMap } from 'rxjs';

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
 * An answer to a request index.html's early script (public/first-load.js) sent before the app ran:
 * the script keeps, per URL, a promise of this (null when the request failed) in `window.__zsEarly`.
 */
export interface EarlyAnswer {
  status: number;
  statusText: string;
  url: string;
  headers: [string, string][];
  body: string;
}

/** Where the early script leaves its answers (a global: it runs before any of the app). */
export const EARLY_ANSWERS_GLOBAL = '__zsEarly';

type EarlyAnswers = Record<string, Promise<EarlyAnswer | null> | undefined>;

/**
 * The early script's answer to the very request the app is about to send, taken once; undefined when
 * it did not send that request.
 */
export function takeEarlyAnswer(urlWithParams: string, global: object = window): Promise<EarlyAnswer | null> | undefined {
  const answers = (global as Record<string, EarlyAnswers | undefined>)[EARLY_ANSWERS_GLOBAL];
  const answer = answers?.[urlWithParams];
  if (answers && answer) delete answers[urlWithParams];
  return answer;
}

/**
 * From now on the app sends its requests itself: the early script, should it run only now (index.html
 * loads it `defer`, so it runs before main.js; a page that loads it otherwise), must not send them a
 * second time. It sends nothing once this is there.
 */
export function claimEarlyAnswers(global: object = window): void {
  const answers = global as Record<string, EarlyAnswers | undefined>;
  answers[EARLY_ANSWERS_GLOBAL] ??= {};
}

/**
 * The early answer as HttpClient's own would be, when it succeeded; otherwise the request is sent as
 * usual, through the whole chain (a 401 ends the session, a 500 shows its message as it would have).
 */
function fromEarlyAnswer(answer: Promise<EarlyAnswer | null>, request: HttpRequest<unknown>, send: (request: HttpRequest<unknown>) => Observable<HttpEvent<unknown>>): Observable<HttpEvent<unknown>> {
  return from(answer).pipe(
    switchMap((early) => {
      if (!early || early.status < 200 || early.status >= 300) return send(request);
      let body: unknown;
      try {
        body = early.body === '' ? null : JSON.parse(early.body);
      } catch {
        return send(request);
      }
      const headers = new HttpHeaders(Object.fromEntries(early.headers));
      return of(new HttpResponse({ body, headers, status: early.status, statusText: early.statusText, url: early.url }));
    }),
  );
}

/**
 * GETs sent ahead of the page that will make them: each answer handed once to the first identical
 * GET (same URL, parameters and response type), then forgotten.
 */
@Injectable({ providedIn: 'root' })
export class PrefetchCache {
  private readonly entries = new Map<string, Prefetched>();
  private recording: string[] | null = null;

  /**
   * Sends the GETs `start` makes (through the normal HTTP stack: token, error handling), keeping their
   * answers for the page. HttpClient runs its interceptors when subscribed to, so the requests are
   * recognised as prefetches while `start` subscribes. A request index.html's early script has sent
   * already is not sent again: its answer is the one kept. Returns the URLs (with their query strings)
   * of the JSON requests kept: what the early script may send next time (rememberFirstRequests).
   */
  prefetch(start: () => void): string[] {
    const recorded: string[] = [];
    this.recording = recorded;
    try {
      start();
    } finally {
      this.recording = null;
    }
    return recorded;
  }

  /** Called by the interceptor for every request: a prefetch to keep, a request that finds one, or neither. */
  intercept(request: HttpRequest<unknown>, send: (request: HttpRequest<unknown>) => Observable<HttpEvent<unknown>>): Observable<HttpEvent<unknown>> {
    const key = prefetchKey(request);
    if (key === null) return send(request);
    this.dropExpired();
    if (this.recording) {
      if (this.entries.has(key)) return send(request);
      let early: Promise<EarlyAnswer | null> | undefined;
      if (request.responseType === 'json') {
        this.recording.push(request.urlWithParams);
        early = takeEarlyAnswer(request.urlWithParams);
      }
      const events = new ReplaySubject<HttpEvent<unknown>>();
      const answer = early ? fromEarlyAnswer(early, request, send) : send(request);
      const entry: Prefetched = { events, subscription: answer.subscribe(events), expires: Date.now() + PREFETCH_TTL_MS };
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
  claimEarlyAnswers();
  const urls = inject(PrefetchCache).prefetch(() => {
    api.indicators(selection, 'month').subscribe(swallow);
    api.regionsAndIndustries(selection).subscribe(swallow);
    api.warnings(shanghaiToday()).subscribe(swallow);
  });
  inject(RegionsStore).ensureLoaded();
  const user = auth.currentUser();
  if (user) rememberFirstRequests({ user: user.id, day: shanghaiToday(), page: location.pathname + location.search, urls });
}

/** The localStorage key of the first data requests of the last start (read by public/first-load.js). */
export const FIRST_REQUESTS_STORAGE_KEY = 'zs.firstRequests';

/**
 * What the 驾驶舱 asked for at this start, for whom, on which day and at which address. On the next
 * start, index.html's early script sends the same requests at once — when it is the same user, the
 * same Shanghai day and the same address, so that they are the app's requests to the letter — one
 * round trip after the page arrived instead of after main.js has arrived and run (issue 13: the
 * phone's second visit, the desktop's warm first chart). It sends only GETs the app would send itself.
 */
export interface FirstRequests {
  user: string;
  day: string;
  page: string;
  urls: string[];
}

export function rememberFirstRequests(record: FirstRequests): void {
  try {
    window.localStorage.setItem(FIRST_REQUESTS_STORAGE_KEY, JSON.stringify(record));
  } catch {
    // storage full or disabled (reading window.localStorage itself may throw): the next start simply does not send them early
  }
}

/** Put before the other initializers, so that nothing waits in front of these requests. */
export function provideLeaderFirstLoad(): EnvironmentProviders {
  return makeEnvironmentProviders([provideAppInitializer(() => startLeaderFirstLoad())]);
}
