/**
 * Counts failed sign-ins per (address, username) and per address, in memory: enough for one API
 * process. After too many failures in the window, further attempts are refused until it passes.
 */
export interface LoginLimits {
  perAccount: number;
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 30, windowMs: 15 * 60_000 };

interface Bucket {
  failures: number[];
}

export class LoginLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until another attempt is allowed; 0 when allowed now. */
  retryAfterMs(address: string, username: string): number {
    return Math.max(this.wait(`a:${address}`, this.limits.perAddress), this.wait(`u:${address}|${username}`, this.limits.perAccount));
  }

  recordFailure(address: string, username: string): void {
    for (const key of [`a:${address}`, `u:${address}|${username}`]) {
      const bucket = this.buckets.get(key) ?? { failures: [] };
      bucket.failures.push(this.now());
      this.buckets.set(key, bucket);
    }
    if (this.buckets.size > 50_000) this.sweep();
  }

  recordSuccess(address: string, username: string): void {
    this.buckets.delete(`u:${address}|${username}`);
  }

  private wait(key: string, limit: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return 0;
    const since = this.now() - this.limits.windowMs;
    bucket.failures = bucket.failures.filter((at) => at > since);
    if (bucket.failures.length < limit) return 0;
    return bucket.failures[bucket.failures.length - limit] + this.limits.windowMs - this.now();
  }

  private sweep(): void {
    const since = this.now() - this.limits.windowMs;
    for (const [key, bucket] of this.buckets) {
      if (bucket.failures.every((at) => at <= since)) this.buckets.delete(key);
    }
  }
}
