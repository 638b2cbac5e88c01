import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AppUpdateStore } from '@zhaoshang/web/shared/data-access';
import { onVersionEvent, serviceWorkerBypassInterceptor } from './service-worker';

describe('the service worker’s part in the app', () => {
  it('offers a downloaded version once it is ready, and nothing before', () => {
    const store = new AppUpdateStore();
    onVersionEvent({ type: 'VERSION_DETECTED', version: { hash: 'b' } }, store);
    expect(store.ready()).toBe(false);
    onVersionEvent({ type: 'VERSION_INSTALLATION_FAILED', version: { hash: 'b' }, error: 'x' }, store);
    expect(store.ready()).toBe(false);
    onVersionEvent({ type: 'VERSION_READY', currentVersion: { hash: 'a' }, latestVersion: { hash: 'b' } }, store);
    expect(store.ready()).toBe(true);
  });

  it('lets the API’s requests bypass the worker, and only those', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(withInterceptors([serviceWorkerBypassInterceptor])), provideHttpClientTesting()] });
    const http = TestBed.inject(HttpClient);
    const backend = TestBed.inject(HttpTestingController);
    http.get('/api/v1/indicators').subscribe();
    http.get('/favicon.svg', { responseType: 'text' }).subscribe();
    expect(backend.expectOne('/api/v1/indicators').request.headers.get('ngsw-bypass')).toBe('true');
    expect(backend.expectOne('/favicon.svg').request.headers.has('ngsw-bypass')).toBe(false);
    backend.verify({ ignoreCancelled: true });
  });
});
