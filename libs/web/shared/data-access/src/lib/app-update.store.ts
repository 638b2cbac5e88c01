import { Injectable, signal } from '@angular/core';

/**
 * A newer version of the web app has been downloaded by the service worker (apps/web/ngsw-config.json)
 * and is used from the next page load on. The shell offers the reload; it is never forced, so nobody
 * loses a form they are filling in.
 */
@Injectable({ providedIn: 'root' })
export class AppUpdateStore {
  private readonly readyState = signal(false);
  readonly ready = this.readyState.asReadonly();

  markReady(): void {
    this.readyState.set(true);
  }
}
