import { sql, type SqlFragment } from './sql.js';

/**
 * 填报义务 in SQL (DOMAIN.md §5), the twin of `reportingObligationEnd` in libs/shared/domain: the
 * last month (`YYYY-MM`) project `p` owes a report — its production month plus `monthsAfterProduction`
 * (a setting) — or NULL while it owes reports open-ended. The REPORT warning and the 未报 counts of
 * the reports module both use this one expression.
 */
export function obligationEndSql(monthsAfterProduction: number): SqlFragment {
  return sql`to_char(p.production_started_at + make_interval(months => ${monthsAfterProduction}::int), 'YYYY-MM')`;
}
