import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import { isDatabaseUnavailable } from '../errors/error-body.js';
import { preparedOn, runSql, sql, type SqlFragment, type SqlRunner } from './sql.js';

/**
 * Errors after which a read is sent to the primary instead: the replica is out of reach (the same
 * list as the 503 of issue 12), refuses us (a password changed, the account locked: 28000 / 28P01),
 * or has no such database (3D000). Anything else — a syntax error, a permission refused on a table
 * (which is how a write sent there by mistake would show) — is a real error and surfaces.
 */
const REPLICA_GONE_CODES = new Set(['28000', '28P01', '3D000', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * A hot standby cancels a read whose rows the primary's WAL is about to remove ("canceling statement
 * due to conflict with recovery", 40001): the primary answers it instead, the replica stays in use.
 */
const RECOVERY_CONFLICT = '40001';

/** After the replica failed, how long reads go to the primary before it is tried again. */
export const REPLICA_RETRY_MS = 10_000;

export function isReplicaGone(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && REPLICA_GONE_CODES.has(code);
}

export interface ReplicaHealth {
  status: 'up' | 'down';
  /** seconds behind the primary when the replica is a standby (0 when it has replayed all it received); null otherwise */
  lagSeconds: number | null;
  /** reads answered by the primary since the start because the replica failed */
  fallbacks: number;
}

/**
 * Where the reads that may lag run (issue 17, DATABASE_READ_URL): the summary pages read here, so a
 * read replica takes them off the primary. Without a replica this is the primary's own pool, as before.
 *
 * A service opts in by reading through `reads` (or `prepared`) instead of its DataSource. Never for a
 * read inside a write's transaction, a read a write decides on (versions, duplicates, closed months)
 * or sign-in and token checks: those must see the primary's latest commit (docs/scale.md).
 *
 * A replica that fails does not take the pages down: the read is answered by the primary, the replica
 * is left alone for REPLICA_RETRY_MS (or until /api/health finds it back) and /api/health reports it.
 */
export class ReadPool {
  private readonly logger = new Logger('ReadPool');
  private downUntil = 0;
  private fallbackCount = 0;
  private readonly primaryRunner: SqlRunner;
  private readonly primaryPrepared: SqlRunner;
  private readonly replicaPrepared: SqlRunner | null;

  constructor(
    private readonly primary: () => Pool,
    private readonly replica: Pool | null,
  ) {
    this.primaryRunner = { query: (text, values) => this.primary().query(text, values) };
    this.primaryPrepared = { query: (text, values) => preparedOn(this.primary()).query(text, values) };
    this.replicaPrepared = replica ? preparedOn(replica) : null;
  }

  /** Whether a replica is configured at all. */
  get hasReplica(): boolean {
    return this.replica !== null;
  }

  /** Runs each statement as sent (plain protocol): the replica when it is up, the primary otherwise. */
  readonly reads: SqlRunner = { query: (text, values) => this.route(text, values, false) };

  /** The same, as named prepared statements (preparedOn): for the busy reads from a small set of texts. */
  readonly prepared: SqlRunner = { query: (text, values) => this.route(text, values, true) };

  /** Shorthand for `runSql(readPool.reads, statement)`. */
  run<T>(statement: SqlFragment): Promise<T[]> {
    return runSql<T>(this.reads, statement);
  }

  private async route(text: string, values: unknown[], prepared: boolean): Promise<unknown> {
    const replica = this.replica;
    if (replica && Date.now() >= this.downUntil) {
      try {
        return await (prepared ? (this.replicaPrepared as SqlRunner) : replica).query(text, values);
      } catch (error) {
        if (isReplicaGone(error)) this.markDown(error);
        else if ((error as { code?: unknown }).code !== RECOVERY_CONFLICT) throw error;
        this.fallbackCount += 1;
      }
    }
    return (prepared ? this.primaryPrepared : this.primaryRunner).query(text, values);
  }

  private markDown(error: unknown): void {
    if (Date.now() >= this.downUntil) {
      this.logger.warn(`只读副本不可用，读取暂改由主库执行（${REPLICA_RETRY_MS / 1000} 秒后重试副本）：${error instanceof Error ? error.message : String(error)}`);
    }
    this.downUntil = Date.now() + REPLICA_RETRY_MS;
  }

  /**
   * The replica's state for /api/health (null without one): reachable, and how far behind when it
   * is a standby. A replica found reachable is used again at once (no need to wait out the retry).
   */
  async health(): Promise<ReplicaHealth | null> {
    if (!this.replica) return null;
    try {
      const [row] = await runSql<{ lag: number | null }>(
        this.replica,
        sql`SELECT CASE WHEN NOT pg_is_in_recovery() THEN NULL
          WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
          ELSE round(extract(epoch FROM now() - pg_last_xact_replay_timestamp())::numeric, 1)::float8 END AS lag`,
      );
      this.downUntil = 0;
      return { status: 'up', lagSeconds: row?.lag ?? null, fallbacks: this.fallbackCount };
    } catch (error) {
      // whatever the reason, the replica does not answer: the reads stay on the primary for now
      this.markDown(error);
      return { status: 'down', lagSeconds: null, fallbacks: this.fallbackCount };
    }
  }

  /** Ends the replica's connections (the primary's belong to TypeORM). */
  async close(): Promise<void> {
    await this.replica?.end();
  }
}
