/**
 * Per-key request budgets (DOMAIN.md §10, issue 16), counted in PostgreSQL so that every API process
 * shares them (the model is auth/login-limiter.ts).
 *
 * Design:
 * - A fixed window per key, aligned to the minute of the DATABASE's clock (`date_trunc('minute',
 *   now())`): every process agrees on the window whatever its own clock says, and `RateLimit-Reset` /
 *   `Retry-After` are simply the seconds to the next minute.
 * - One row per key in `api_key_usage` (key, window_start, requests). The key is looked up and its
 *   request counted in ONE statement (`WITH key … INSERT … ON CONFLICT DO UPDATE … RETURNING`):
 *   the budget costs no extra round trip over the look-up the guard always made. The row lock is held
 *   for that one autocommitted statement only, so two processes counting the same key queue for
 *   microseconds, and the count is exact (no lost update, no over-admission under concurrency).
 * - One row per key, reset in place when its minute has passed: the table is bounded by the number of
 *   keys, so there is nothing to prune (a revoked key's row stays as a single stale row; deleting a key
 *   deletes it by cascade). The table is UNLOGGED: a count lost in a crash is worth no WAL on every
 *   request — after a crash each key merely starts the minute afresh.
 * - Every request with a valid key is counted, refused ones too (they cost the server as much), so a
 *   client that ignores Retry-After keeps being refused until the minute ends — and no longer.
 * - A fixed window lets a client spend up to twice its budget across a minute boundary; for a budget
 *   that protects the database from a runaway client that is enough, and it keeps one statement.
 */
import { AppException } from '../../common/errors/app.exception.js';
import { sql } from '../../common/sql/sql.js';

/** The state of one key's budget after counting this request. */
export interface KeyBudget {
  limit: number;
  /** requests counted in the current window, this one included */
  used: number;
  /** seconds until the window frees (at least 1) */
  resetSeconds: number;
}

/** The row the look-up-and-count statement returns. */
export interface CountedKeyRow {
  id: string;
  name: string;
  scopes: string[];
  lastUsedAt: Date | null;
  rateLimitPerMinute: number;
  requests: number;
  /** milliseconds until the window ends, by the database's clock */
  resetMs: number;
}

/**
 * Looks the active key up by its hash and counts this request in its current window, in one statement.
 * No row: no active key with that hash (nothing is counted).
 */
export function lookUpAndCount(keyHash: string) {
  return sql`WITH key AS (
      SELECT id, name, scopes, last_used_at, rate_limit_per_minute FROM api_keys WHERE key_hash = ${keyHash} AND revoked_at IS NULL
    ), counted AS (
      INSERT INTO api_key_usage AS u (key_id, window_start, requests)
      SELECT id, date_trunc('minute', now()), 1 FROM key
      ON CONFLICT (key_id) DO UPDATE SET
        -- GREATEST: a statement that began just before the minute turned must not take the window back
        requests = CASE WHEN u.window_start >= EXCLUDED.window_start THEN u.requests + 1 ELSE 1 END,
        window_start = GREATEST(u.window_start, EXCLUDED.window_start)
      RETURNING key_id, requests, window_start
    )
    SELECT key.id, key.name, key.scopes, key.last_used_at AS "lastUsedAt", key.rate_limit_per_minute AS "rateLimitPerMinute",
           counted.requests,
           (EXTRACT(EPOCH FROM counted.window_start + interval '1 minute' - now()) * 1000)::float8 AS "resetMs"
    FROM key JOIN counted ON counted.key_id = key.id`;
}

export function budgetOf(row: Pick<CountedKeyRow, 'rateLimitPerMinute' | 'requests' | 'resetMs'>): KeyBudget {
  return { limit: row.rateLimitPerMinute, used: row.requests, resetSeconds: Math.min(60, Math.max(1, Math.ceil(row.resetMs / 1000))) };
}

/**
 * The headers of draft-ietf-httpapi-ratelimit-headers (the separate-field form most clients read),
 * sent on every answer to an API key, refusals included.
 */
export function budgetHeaders(budget: KeyBudget): Record<string, string> {
  return {
    'ratelimit-limit': String(budget.limit),
    'ratelimit-remaining': String(Math.max(0, budget.limit - budget.used)),
    'ratelimit-reset': String(budget.resetSeconds),
    'ratelimit-policy': `${budget.limit};w=60`,
  };
}

/** 429 for a key past its budget, with the seconds until the window frees. */
export class RateLimited extends AppException {
  constructor(budget: KeyBudget) {
    super(
      429,
      'RATE_LIMITED',
      `该 API 密钥每分钟最多 ${budget.limit} 次请求，本分钟已用完，请 ${budget.resetSeconds} 秒后再试`,
      undefined,
      { ...budgetHeaders(budget), 'retry-after': String(budget.resetSeconds) },
    );
  }
}
