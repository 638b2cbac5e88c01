import { type Literal, sql, type SqlFragment } from './sql.js';

/**
 * 开工 in SQL (DOMAIN.md §5), the twin of `startedAtOf` in libs/shared/domain: the construction
 * date, else the production date of a project recorded straight into production. Every indicator,
 * warning and count of started projects uses this one expression.
 */
export function startedAtSql<const A extends string>(alias: Literal<A>): SqlFragment {
  const p = sql.ident(alias);
  return sql`COALESCE(${p}.construction_started_at, ${p}.production_started_at)`;
}
