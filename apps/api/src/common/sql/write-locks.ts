import type { ImportKind } from '@zhaoshang/shared/domain';
import { runSql, sql, type SqlRunner } from './sql.js';

/**
 * Transaction-scoped advisory locks that make concurrent writers behave as if they ran one after
 * the other (DOMAIN.md §5, §8), on any PostgreSQL and across API processes. The two-key form
 * keeps our locks apart from anyone else's: the first key is this application's namespace.
 *
 * - A spreadsheet import takes its kind's lock (exclusive): the same file imported twice at once
 *   gives what one import after the other gives.
 * - Creating a project on the form takes the projects-import lock shared, then one exclusive lock
 *   per look-alike key (region + name as findLookAlikes compares it, and the investor's uscc), in
 *   a fixed order: two look-alike creates queue, and the second sees the first's project (409
 *   LOOK_ALIKE); a projects import, which checks every row for look-alikes, waits for creates in
 *   flight and holds new ones back until it commits. Per-row locks are not taken by imports, whose
 *   100k rows would fill PostgreSQL's lock table.
 * The locks are released at commit or rollback; nothing to clean up.
 */
const NAMESPACE_IMPORT = 0x5a530001;
const NAMESPACE_LOOK_ALIKE = 0x5a530002;
const IMPORT_KEYS: Record<ImportKind, number> = { projects: 1, monthly: 2, fai: 3, commitments: 4, stats: 5 };

export async function lockImportKind(db: SqlRunner, kind: ImportKind): Promise<void> {
  await runSql(db, sql`SELECT pg_advisory_xact_lock(${NAMESPACE_IMPORT}::int, ${IMPORT_KEYS[kind]}::int)`);
}

export interface LookAlikeKeys {
  regionCode: string;
  name: string;
  investorUscc?: string | null;
}

export async function lockLookAlikeKeys(db: SqlRunner, keys: LookAlikeKeys): Promise<void> {
  await runSql(db, sql`SELECT pg_advisory_xact_lock_shared(${NAMESPACE_IMPORT}::int, ${IMPORT_KEYS.projects}::int)`);
  // the name normalised as findLookAlikes compares it; hashes sorted so that two creates lock in one order
  const texts = [sql`'name:' || ${keys.regionCode}::text || ':' || regexp_replace(lower(${keys.name}::text), '\\s', '', 'g')`];
  if (keys.investorUscc) texts.push(sql`'uscc:' || ${keys.investorUscc}::text`);
  const hashes = await runSql<{ k: number }>(
    db,
    sql`SELECT DISTINCT hashtext(t) AS k FROM (VALUES ${sql.join(
      texts.map((t) => sql`(${t})`),
      sql`, `,
    )}) AS v(t) ORDER BY k`,
  );
  for (const { k } of hashes) await runSql(db, sql`SELECT pg_advisory_xact_lock(${NAMESPACE_LOOK_ALIKE}::int, ${k}::int)`);
}
