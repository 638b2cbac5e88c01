import { Injectable } from '@nestjs/common';

/**
 * The signed-in users the access guard looked up in the last few seconds, so that a page firing
 * several requests at once does not read the same user row for each (about a third of a small
 * request's cost, measured by the list benchmark). Every change to a user forgets that user after
 * its transaction has committed, so in this process a disabled user or a reset password still ends
 * the sessions at once; another API process behind the same database notices within `ttlMs`.
 */
@Injectable()
export class SessionCache<T = unknown> {
  private readonly entries = new Map<string, { value: T; expires: number }>();

  constructor(private readonly ttlMs = 5_000) {}

  get(id: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (entry.expires <= now) {
      this.entries.delete(id);
      return undefined;
    }
    return entry.value;
  }

  set(id: string, value: T, now = Date.now()): void {
    // bounded: a burst of distinct users cannot grow it without end
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { value, expires: now + this.ttlMs });
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
