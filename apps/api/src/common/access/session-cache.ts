import { Injectable } from '@nestjs/common';

/** Where a forgotten user is announced to the other API processes (session-listener.ts). */
export interface SessionBroadcast {
  /** tells every process, this one included, to forget the user; called after the change committed */
  publish(id: string): void;
}

/**
 * The signed-in users the access guard looked up in the last few seconds, so that a page firing
 * several requests at once does not read the same user row for each (about a third of a small
 * request's cost, measured by the list benchmark). Every change to a user forgets that user after
 * its transaction has committed. With several API processes (issue 12) the forgetting is announced
 * through PostgreSQL (LISTEN/NOTIFY, session-listener.ts); while that channel is not listening, the
 * cache serves nothing, so no process can go on accepting a disabled user's token from memory.
 */
@Injectable()
export class SessionCache<T = unknown> {
  private readonly entries = new Map<string, { value: T; expires: number }>();
  /** forgets seen so far: a row read before a forget must not be cached after it */
  private forgets = 0;
  private readonly missedAt = new Map<string, number>();
  private broadcast: SessionBroadcast | null = null;
  /** false while a broadcast is attached but its channel is down */
  private serving = true;

  constructor(private readonly ttlMs = 5_000) {}

  /** From now on forgets go through `broadcast`, and the cache serves only while `setServing(true)`. */
  attach(broadcast: SessionBroadcast): void {
    this.broadcast = broadcast;
  }

  /** The shared channel is up (true) or down (false: everything is read afresh until it is back). */
  setServing(serving: boolean): void {
    if (!serving) this.entries.clear();
    this.forgets++;
    this.serving = serving;
  }

  get(id: string, now = Date.now()): T | undefined {
    const entry = this.serving ? this.entries.get(id) : undefined;
    if (entry && entry.expires > now) return entry.value;
    if (entry) this.entries.delete(id);
    if (this.missedAt.size >= 10_000) this.missedAt.clear();
    this.missedAt.set(id, this.forgets);
    return undefined;
  }

  set(id: string, value: T, now = Date.now()): void {
    const missed = this.missedAt.get(id);
    this.missedAt.delete(id);
    // a forget (or a channel outage) came between the miss and this read's answer: the row may predate it
    if (!this.serving || (missed !== undefined && missed !== this.forgets)) return;
    // bounded: a burst of distinct users cannot grow it without end
    if (this.entries.size >= 10_000) this.entries.clear();
    this.entries.set(id, { value, expires: now + this.ttlMs });
  }

  /** Ends the cached session of a changed user here at once, and on every other process via the broadcast. */
  forget(id: string): void {
    this.forgetLocally(id);
    this.broadcast?.publish(id);
  }

  /** A forget announced by a process (this one or another). */
  forgetLocally(id: string): void {
    this.forgets++;
    this.entries.delete(id);
  }
}
