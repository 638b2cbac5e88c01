import type { InvestorOrigin } from '@zhaoshang/shared/domain';

/**
 * The indicator engine's SQL (DOMAIN.md §6). Every figure is a sum or a count computed by
 * PostgreSQL over `numeric`, grouped by (row key, investor origin) so that one pass serves both
 * origin rules (the city's, which leaves out 市内县际, and a district's). JavaScript then only adds a
 * handful of group sums exactly and divides them (libs/shared/domain indicators.ts).
 *
 * A pass is one period and one grouping. The row key is the region, the industry, the month of the
 * event (signing, start, report) or '' for no grouping; each row's period ends at `rowEnd`: the
 * month's last day when grouped by month, else the period's.
 */

export type PassGroup = 'region' | 'industry' | 'month' | 'none';

export interface PassInput {
  regions: string[];
  from: string;
  to: string;
  group: PassGroup;
  statuses: string[];
}

export interface ProjectAgg {
  key: string;
  origin: InvestorOrigin;
  signedCount: number;
  signedAmountWan: string;
  signedCount10m: number;
  /** of those signed, started by the row's period end (开工率's numerator) */
  signedStartedCount: number;
  /** Σ arrived of those signed, from signing to the row's period end (资金到位率's numerator) */
  signedArrivedWan: string;
}

export interface StartedAgg {
  key: string;
  origin: InvestorOrigin;
  startedCount: number;
}

export interface ArrivalAgg {
  key: string;
  origin: InvestorOrigin;
  arrivedWan: string;
  /** completed investment of statistics-registered projects, months ≥ their registration month */
  registeredCompletedWan: string;
}

export interface FaiAgg {
  key: string;
  month: string;
  /** Σ of the districts in scope */
  districtsWan: string;
  /** the city's own figure for the month, when there is one */
  cityWan: string | null;
}

export interface KeyProjectAgg {
  key: string;
  count: number;
  startedCount: number;
  approvalsCompleteCount: number;
}

export interface PassResult {
  projects: ProjectAgg[];
  started: StartedAgg[];
  arrivals: ArrivalAgg[];
  fai: FaiAgg[];
  keyProjects: KeyProjectAgg[];
}

const monthEnd = (month: string) => `((${month}) || '-01')::date + interval '1 month' - interval '1 day'`;

/**
 * `figuresOnly`: the same period last year needs only the plain figures (IndicatorFigures), not the
 * rates' numerators, so its projects statement skips the per-project arrivals lookup.
 *
 * The statements of one pass, with named parameters: {regions} in scope, {from} and {to} (months),
 * {statuses} of the reports that count. `bind` turns them into positional ones.
 */
export function passStatements(group: PassGroup, figuresOnly = false): Record<keyof PassResult, string> {
  const periodStart = `({from} || '-01')::date`;
  const periodEnd = monthEnd('{to}');
  const key = (byMonthOf: string) =>
    group === 'region' ? 'p.region_code' : group === 'industry' ? 'p.industry_code' : group === 'month' ? `to_char(${byMonthOf}, 'YYYY-MM')` : `''`;
  const rowEnd = (byMonthOf: string) => (group === 'month' ? monthEnd(`to_char(${byMonthOf}, 'YYYY-MM')`) : periodEnd);
  const arrived = 'm.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan';
  // typed like the column, so that the (project_id, month) index stops at the month
  const rowEndMonth = group === 'month' ? `to_char(p.signed_at, 'YYYY-MM')::char(7)` : '{to}::char(7)';

  return {
    // projects signed in the period: counts, amounts, started by the row's end, arrived by its end
    projects: figuresOnly
      ? `SELECT ${key('p.signed_at')} AS key, p.investor_origin AS origin, count(*)::int AS "signedCount",
          sum(p.contract_amount_wan)::text AS "signedAmountWan", count(*) FILTER (WHERE p.contract_amount_wan >= 1000)::int AS "signedCount10m",
          0 AS "signedStartedCount", '0.00' AS "signedArrivedWan"
        FROM projects p
        WHERE p.region_code = ANY({regions}) AND p.signed_at BETWEEN ${periodStart} AND ${periodEnd}
        GROUP BY 1, 2`
      : `SELECT ${key('p.signed_at')} AS key, p.investor_origin AS origin, count(*)::int AS "signedCount",
        sum(p.contract_amount_wan)::text AS "signedAmountWan", count(*) FILTER (WHERE p.contract_amount_wan >= 1000)::int AS "signedCount10m",
        count(*) FILTER (WHERE p.construction_started_at <= ${rowEnd('p.signed_at')})::int AS "signedStartedCount",
        coalesce(sum(a.arrived), 0)::text AS "signedArrivedWan"
      FROM projects p
      LEFT JOIN LATERAL (
        SELECT sum(${arrived}) AS arrived FROM monthly_reports m
        WHERE m.project_id = p.id AND m.status = ANY({statuses}::report_status[]) AND m.month <= ${rowEndMonth}
      ) a ON true
      WHERE p.region_code = ANY({regions}) AND p.signed_at BETWEEN ${periodStart} AND ${periodEnd}
      GROUP BY 1, 2`,
    started: `SELECT ${key('p.construction_started_at')} AS key, p.investor_origin AS origin, count(*)::int AS "startedCount"
      FROM projects p
      WHERE p.region_code = ANY({regions}) AND p.construction_started_at BETWEEN ${periodStart} AND ${periodEnd}
      GROUP BY 1, 2`,
    arrivals: `SELECT ${group === 'month' ? 'm.month' : key('NULL')} AS key, p.investor_origin AS origin, sum(${arrived})::text AS "arrivedWan",
        coalesce(sum(m.completed_investment_wan) FILTER (WHERE p.stats_registered AND m.month >= p.stats_registered_month), 0)::text AS "registeredCompletedWan"
      FROM monthly_reports m JOIN projects p ON p.id = m.project_id
      WHERE p.region_code = ANY({regions}) AND m.month BETWEEN {from} AND {to} AND m.status = ANY({statuses}::report_status[])
      GROUP BY 1, 2`,
    // FAI by region and month; the city's own figure (region without a parent) beside its districts'
    fai: `SELECT ${group === 'region' ? 'f.region_code' : group === 'month' ? 'f.month' : `''`} AS key, f.month,
        coalesce(sum(f.amount_wan) FILTER (WHERE f.region_code = ANY({regions})), 0)::text AS "districtsWan",
        max(f.amount_wan) FILTER (WHERE r.parent_code IS NULL)::text AS "cityWan"
      FROM fai_totals f JOIN regions r ON r.code = f.region_code
      WHERE (f.region_code = ANY({regions}) OR r.parent_code IS NULL) AND f.month BETWEEN {from} AND {to}
      GROUP BY 1, 2`,
    // key projects as of the row's end: signed by then and not terminated by then; 开复工 = started or
    // in production by then (a project may have skipped the start date)
    keyProjects:
      group === 'month'
        ? `SELECT mo.month AS key, count(p.id)::int AS count,
             count(p.id) FILTER (WHERE p.construction_started_at <= ${monthEnd('mo.month')} OR p.production_started_at <= ${monthEnd('mo.month')})::int AS "startedCount",
             count(p.id) FILTER (WHERE ap.complete)::int AS "approvalsCompleteCount"
           FROM (SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(${periodStart}, ({to} || '-01')::date, interval '1 month') d) mo
           LEFT JOIN projects p ON p.region_code = ANY({regions}) AND p.is_key_project AND p.signed_at <= ${monthEnd('mo.month')}
             AND (p.terminated_at IS NULL OR p.terminated_at > ${monthEnd('mo.month')})
           LEFT JOIN LATERAL (SELECT bool_and(a.status IN ('DONE', 'NOT_REQUIRED')) AS complete FROM project_approvals a WHERE a.project_id = p.id) ap ON true
           GROUP BY 1`
        : `SELECT ${key('NULL')} AS key, count(*)::int AS count,
             count(*) FILTER (WHERE p.construction_started_at <= ${periodEnd} OR p.production_started_at <= ${periodEnd})::int AS "startedCount",
             count(*) FILTER (WHERE ap.complete)::int AS "approvalsCompleteCount"
           FROM projects p
           LEFT JOIN LATERAL (SELECT bool_and(a.status IN ('DONE', 'NOT_REQUIRED')) AS complete FROM project_approvals a WHERE a.project_id = p.id) ap ON true
           WHERE p.region_code = ANY({regions}) AND p.is_key_project AND p.signed_at <= ${periodEnd} AND (p.terminated_at IS NULL OR p.terminated_at > ${periodEnd})
            
           GROUP BY 1`,
  };
}

/** A statement with named parameters → positional SQL and the values it uses, in order. */
export function bind(sql: string, values: Record<'regions' | 'from' | 'to' | 'statuses', unknown>): [string, unknown[]] {
  const order: (keyof typeof values)[] = [];
  const text = sql.replace(/\{(regions|from|to|statuses)\}/g, (_match, name: keyof typeof values) => {
    if (!order.includes(name)) order.push(name);
    return `$${order.indexOf(name) + 1}`;
  });
  return [text, order.map((name) => values[name])];
}
