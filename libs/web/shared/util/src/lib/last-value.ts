import { type ResourceRef, type Signal, linkedSignal } from '@angular/core';

/**
 * A read-only page's last answer: the resource's value, kept while the next request loads and when
 * it fails, so that a table shows its old rows under the spinner instead of going blank (the
 * failure itself is shown by the error interceptor). Null until the first answer.
 */
export function lastValue<T>(resource: ResourceRef<T | undefined>): Signal<T | null> {
  return linkedSignal<T | undefined, T | null>({
    source: () => (resource.hasValue() ? resource.value() : undefined),
    computation: (value, previous) => value ?? previous?.value ?? null,
  }).asReadonly();
}
