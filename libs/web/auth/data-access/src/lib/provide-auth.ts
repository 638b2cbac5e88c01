import { type EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { AuthService } from './auth.service';

/**
 * Restores the session from localStorage at start and re-reads the user from the API in the
 * background (the role or region may have changed since); an expired token ends in the login page.
 */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(() => {
      const auth = inject(AuthService);
      if (auth.isSignedIn()) auth.refreshUser().subscribe({ error: () => undefined });
    }),
  ]);
}
