import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding } from '@angular/router';
import { provideServiceWorker } from '@angular/service-worker';
import { DownOutline, LockOutline, LogoutOutline, MenuFoldOutline, MenuUnfoldOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { AuthService, authInterceptor, provideAuth } from '@zhaoshang/web/auth/data-access';
import { SiteStore } from '@zhaoshang/web/shared/data-access';
import { provideNzConfig } from 'ng-zorro-antd/core/config';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { provideCodeCacheWarmUp } from './code-cache';
import { prefetchInterceptor, provideLeaderFirstLoad } from './first-load';
import { ProductTitleStrategy } from './title-strategy';
import { provideAppUpdates, serviceWorkerBypassInterceptor } from './service-worker';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    { provide: TitleStrategy, useClass: ProductTitleStrategy },
    // first: an answer prefetched at the start (provideLeaderFirstLoad) stands in for the whole request
    provideHttpClient(withInterceptors([prefetchInterceptor, serviceWorkerBypassInterceptor, authInterceptor])),
    provideAuth(),
    // the city's name (login page, header, tab title); one small public request. The login page waits
    // for it; a signed-in start does not (issue 13: a round trip less before the first page on slow
    // lines): the header and the tab's title follow when it arrives (ProductTitleStrategy).
    provideAppInitializer(() => {
      const load = inject(SiteStore).load();
      if (!inject(AuthService).isSignedIn()) return load;
      load.subscribe();
      return undefined;
    }),
    // a leader's 驾驶舱: chunks and first data asked for now, not after the chunk waterfall; after
    // GET /site, which the browser then sends first (six connections per host on HTTP/1.1)
    provideLeaderFirstLoad(),
    // the app's files kept by a service worker (ngsw-config.json): a returning visit starts from them at
    // once instead of asking for index.html over a slow line first (issue 13: ~0.6 s of a phone's warm
    // start on slow 4G); a new version is fetched in the background and offered (provideAppUpdates).
    // Registered once the app is stable, so that it never competes with the first page's downloads.
    provideServiceWorker('ngsw-worker.js', { enabled: !isDevMode(), registrationStrategy: 'registerWhenStable:30000' }),
    provideAppUpdates(),
    // once the worker holds the page's scripts: their compiled code made for the next visit (code-cache.ts)
    provideCodeCacheWarmUp(),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
    // ng-zorro speaks zh_CN unless told otherwise (NzI18nService falls back to it). Providing it here
    // would pull ng-zorro's whole i18n module, with date-fns for the date pickers, into the first
    // download (+18 kB gzip); the lazy pages that use it load it instead.
    // Only named icons, never the whole set: these for the login page and the header; ng-zorro
    // registers the ones its components use; the menu's come from NAV_ENTRIES, pages add theirs
    // with provideNzIconsPatch in their routes.
    provideNzIcons([UserOutline, LockOutline, MenuFoldOutline, MenuUnfoldOutline, DownOutline, LogoutOutline]),
    provideNzConfig({ message: { nzDuration: 3000, nzMaxStack: 3 }, table: { nzSize: 'middle' } }),
  ],
};
