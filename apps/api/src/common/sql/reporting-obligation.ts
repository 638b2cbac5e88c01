import { sql, type SqlFragment } from './sql.js';

/**
 * 填报义务 in SQL (DOMAIN.md §5), the twin of `reportingObligationEnd` in libs/shared/domain: the
 * moment project `p`'s obligation to report ends — its production date plus `monthsAfterProduction`
 * (a setting) — or NULL while it owes reports open-ended. Its month is the last month owed, and a
 * month M is owed up to it ⇔ this moment ≥ M's first day: the REPORT warning and the 未报 counts of
 * the reports module (GET /months compares moments, issue 17) all use this one expression.
 */
export function obligationEndAtSql(monthsAfterProduction: number): SqlFragment {
  return sql`(p.production_started_at + ${`${monthsAfterProduction} months`}::interval)`;
}

/** The last month (`YYYY-MM`) project `p` owes a report (obligationEndAtSql's month), or NULL. */
export function obligationEndSql(monthsAfterProduction: number): SqlFragment {
  return sql`to_char(${obligationEndAtSql(monthsAfterProduction)}, 'YYYY-MM')`;
}
