// Test helpers for the web pages, a separate entry (`@zhaoshang/web/shared/util/testing`) so that
// no page bundles them: only specs import it.
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { type Routes, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';

export interface RoutedPage {
  harness: RouterTestingHarness;
  /** every request the page sends waits here for the test's answer */
  backend: HttpTestingController;
  /** the routed page's element */
  el: HTMLElement;
  byTestId: (id: string) => HTMLElement | null;
}

/**
 * Opens `url` in an app whose router serves `routes` under `path` (as the shell mounts a feature)
 * and whose HTTP the test answers: how a page spec starts, before it flushes what the page asked for.
 */
export async function openRoutedPage(path: string, routes: Routes, url = `/${path}`): Promise<RoutedPage> {
  TestBed.configureTestingModule({ providers: [provideRouter([{ path, children: routes }]), provideHttpClient(), provideHttpClientTesting()] });
  const harness = await RouterTestingHarness.create(url);
  const backend = TestBed.inject(HttpTestingController);
  const el = harness.routeNativeElement as HTMLElement;
  return { harness, backend, el, byTestId: (id) => el.querySelector<HTMLElement>(`[data-testid="${id}"]`) };
}

/** Types `value` into an input as a user's keystrokes end: the value, then the input event forms listen to. */
export function typeInto(input: HTMLElement | null, value: string): void {
  if (!(input instanceof HTMLInputElement)) throw new Error('typeInto: no input element');
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
