import type { HttpInterceptorFn } from '@angular/common/http';
import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { SwUpdate, type VersionEvent } from '@angular/service-worker';
import { AppUpdateStore } from '@zhaoshang/web/shared/data-access';

/** What to do with the service worker's news: a version ready is offered by the shell (AppUpdateStore). */
export function onVersionEvent(event: VersionEvent, store: Pick<AppUpdateStore, 'markReady'>): void {
  if (event.type === 'VERSION_READY') store.markReady();
}

/**
 * Listens to the service worker (when there is one: not in development, not in browsers without it).
 * A cached version that can no longer be completed (a file of it gone from the server and from the
 * cache) is left at once by a reload, as Angular's guide advises: the page would fail on its next chunk.
 */
export function provideAppUpdates(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const updates = inject(SwUpdate);
      if (!updates.isEnabled) return;
      const store = inject(AppUpdateStore);
      updates.versionUpdates.subscribe((event) => onVersionEvent(event, store));
      updates.unrecoverable.subscribe(() => document.location.reload());
    }),
  ]);
}

/**
 * The API's answers do not pass through the service worker (it keeps only the app's files): with
 * `ngsw-bypass` the browser sends them itself, rather than the worker relaying each one.
 */
export const serviceWorkerBypassInterceptor: HttpInterceptorFn = (request, next) =>
  request.url.startsWith('/api/') ? next(request.clone({ setHeaders: { 'ngsw-bypass': 'true' } })) : next(request);
