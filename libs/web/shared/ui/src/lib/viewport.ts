import { BreakpointObserver } from '@angular/cdk/layout';
import { type Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { map } from 'rxjs';

/** Phones (and narrow windows): the menu slides over the page, tables do not pin columns. */
export const PHONE_QUERY = '(max-width: 767.98px)';

/** Whether the window is phone-sized now; call in an injection context. */
export function injectIsPhone(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: window.matchMedia(PHONE_QUERY).matches },
  );
}
