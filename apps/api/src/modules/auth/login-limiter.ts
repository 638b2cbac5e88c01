/**
 * The sign-in limiter, kept in PostgreSQL (table login_throttle) so that every API process shares it.
 *
 * Design (issue 12):
 * - The address is Fastify's `request.ip`: the peer's address, or the one a trusted proxy forwarded
 *   when TRUST_PROXY names that proxy. Without TRUST_PROXY an X-Forwarded-For header changes nothing.
 * - An attempt is RESERVED before the (slow, argon2) password check and counted as a failure at once:
 *   the rows of its keys are locked (always in the same order: account, address, pair), checked and
 *   incremented in one short transaction. So 40 wrong passwords sent at once get exactly 5 checks,
 *   not as many as were in flight before the first failure was written. A correct password takes its
 *   reservation back (the pair's row is deleted, the other counts go down by one).
 * - Per (account, address) — the lock: 5 failures in 15 minutes and that account is refused from that
 *   address until the window that began with the first failure has passed.
 * - Per account across addresses — only slows guessing: past 20 failures in the window the account
 *   gets at most one password check every 30 seconds, whoever asks. A lock here would let anyone lock
 *   any user out by guessing from many addresses; spacing the checks keeps a distributed guess to
 *   about 30 an account per quarter-hour while the user gets in after a short wait at worst.
 * - Per address — only ever against accounts that already failed from there: past 30 failures from
 *   one address in the window, the pair limit drops from 5 to 1, so spraying guesses over many
 *   accounts gets one per account. An account WITHOUT failures from that address is never refused by
 *   it, so random-name spraying behind a reverse proxy (one address for everyone) locks nobody else
 *   out; a user who mistypes during such an attack waits the 15 minutes.
 * - Unknown names are limited exactly like real ones (their checks run against a dummy hash), so the
 *   limiter tells nobody which accounts exist; a disabled account's attempts count as failures.
 * - Windows are fixed (they begin with the first failure after a quiet window). Rows untouched for a
 *   window are pruned (at most once a minute per process), so the table stays bounded.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { runSql, sql } from '../../common/sql/sql.js';

export interface LoginLimits {
  /** failures of one account from one address in a window before that pair is refused */
  perAccountAddress: number;
  /** failures of one account from all addresses in a window past which its checks are spaced */
  perAccount: number;
  /** the spacing of an account's password checks past `perAccount` */
  accountSpacingMs: number;
  /** failures from one address in a window past which an account that failed from there gets no further try */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccountAddress: 5, perAccount: 20, accountSpacingMs: 30_000, perAddress: 30, windowMs: 15 * 60_000 };

/** One key's row as the reservation found it (its window restarted when it had passed). */
export interface ThrottleState {
  failures: number;
  windowStart: Date;
  lastCheckAt: Date | null;
}

/** The keys of one attempt: `a:` the account, `i:` the address, `p:` the pair. Sorted: the order rows are locked in. */
export interface AttemptKeys {
  account: string;
  address: string;
  pair: string;
}

/** Milliseconds until this attempt may be checked; 0 when it may be now. Pure: the rule itself. */
export function waitBeforeCheck(state: { account: ThrottleState; address: ThrottleState; pair: ThrottleState }, now: Date, limits: LoginLimits): number {
  const pairLimit = state.address.failures >= limits.perAddress ? 1 : limits.perAccountAddress;
  let wait = 0;
  if (state.pair.failures >= pairLimit) wait = state.pair.windowStart.getTime() + limits.windowMs - now.getTime();
  const { account } = state;
  if (account.failures >= limits.perAccount && account.lastCheckAt) {
    wait = Math.max(wait, account.lastCheckAt.getTime() + limits.accountSpacingMs - now.getTime());
  }
  return Math.max(0, wait);
}

export function attemptKeys(username: string, address: string): AttemptKeys {
  return { account: `a:${username}`, address: `i:${address}`, pair: `p:${username}|${address}` };
}

export type Reservation = { granted: true; keys: AttemptKeys } | { granted: false; retryAfterMs: number };

interface StateRow extends ThrottleState {
  now: Date;
}

const PRUNE_EVERY_MS = 60_000;

export class LoginLimiter {
  private lastPrune = 0;

  constructor(
    private readonly dataSource: DataSource,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /**
   * Reserves a password check for this account from this address, counted as a failure until
   * `succeeded` takes it back; or says how long to wait.
   */
  async reserve(username: string, address: string): Promise<Reservation> {
    await this.pruneNowAndThen();
    const keys = attemptKeys(username, address);
    return this.dataSource.transaction(async (em) => {
      // one statement per key, in key order: every attempt locks the rows in the same order, so two never deadlock
      const account = await this.lock(em, keys.account);
      const addressState = await this.lock(em, keys.address);
      const pair = await this.lock(em, keys.pair);
      const wait = waitBeforeCheck({ account, address: addressState, pair }, pair.now, this.limits);
      if (wait > 0) return { granted: false, retryAfterMs: wait };
      await runSql(
        em,
        sql`UPDATE login_throttle SET failures = failures + 1, last_check_at = now(), touched_at = now()
            WHERE key IN (${keys.account}, ${keys.address}, ${keys.pair})`,
      );
      return { granted: true, keys };
    });
  }

  /** A correct password: the pair's failures are forgotten, the reserved failure taken back. */
  async succeeded(keys: AttemptKeys): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      // the same lock order as `reserve`
      await runSql(em, sql`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${keys.account}`);
      await runSql(em, sql`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${keys.address}`);
      await runSql(em, sql`DELETE FROM login_throttle WHERE key = ${keys.pair}`);
    });
  }

  /** Deletes rows no window needs any more. SKIP LOCKED: it never waits for, nor holds up, a sign-in. */
  async prune(): Promise<void> {
    await runSql(
      this.dataSource,
      sql`DELETE FROM login_throttle WHERE key IN (
            SELECT key FROM login_throttle WHERE touched_at < now() - ${this.limits.windowMs}::double precision * interval '1 millisecond'
            LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
    );
  }

  private async pruneNowAndThen(): Promise<void> {
    if (Date.now() - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = Date.now();
    await this.prune();
  }

  /** The key's row, created or locked; a window that has passed starts again with no failures. */
  private async lock(em: EntityManager, key: string): Promise<StateRow> {
    const window = sql`${this.limits.windowMs}::double precision * interval '1 millisecond'`;
    const [row] = await runSql<StateRow>(
      em,
      sql`INSERT INTO login_throttle AS t (key) VALUES (${key})
          ON CONFLICT (key) DO UPDATE SET
            failures = CASE WHEN t.window_start <= now() - ${window} THEN 0 ELSE t.failures END,
            window_start = CASE WHEN t.window_start <= now() - ${window} THEN now() ELSE t.window_start END,
            touched_at = now()
          RETURNING failures, window_start AS "windowStart", last_check_at AS "lastCheckAt", now() AS "now"`,
    );
    return row;
  }
}
