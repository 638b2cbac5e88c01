// The benchmark's own answer to GET /api/v1/indicators?from=Y-01&to=Y-12&groupBy=region (city scope),
// or of one month (from=to=Y-MM, throughput.mjs):
// a few hand-written statements, run side by side, for the same per-district figures and the city
// total (DOMAIN.md §5 origin rules, §6 definitions), assembled with exact hundredths (BigInt).
// Written for this one question, from the definitions; it shares no code with the engine.

const ARRIVED = 'm.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan';
// DOMAIN.md §5–§6 as issue 11 settled them: started = construction date, else production date; a
// terminated project's reports count up to its termination month only
const STARTED = 'coalesce(p.construction_started_at, p.production_started_at)';
const COUNTED = "(p.terminated_at IS NULL OR m.month <= to_char(p.terminated_at, 'YYYY-MM'))";

/** Parameters by name (bound by `bind`): the period's first and last day, last year's, the months, the districts. */
export const STATEMENTS = {
  // projects signed in the year: counts, amounts, 千万元以上, started by its end, and Σ arrived from signing to its end
  // (one index probe per project into monthly_reports (project_id, month))
  signed: `SELECT p.region_code AS region, p.investor_origin AS origin, true AS cur, count(*)::int AS signed, sum(p.contract_amount_wan)::text AS amount,
      count(*) FILTER (WHERE p.contract_amount_wan >= 1000)::int AS signed10m,
      count(*) FILTER (WHERE ${STARTED} <= {end})::int AS "signedStarted",
      coalesce(sum(a.arrived), 0)::text AS "signedArrived"
    FROM projects p
    LEFT JOIN LATERAL (SELECT sum(${ARRIVED}) AS arrived FROM monthly_reports m WHERE m.project_id = p.id AND m.status = 'VERIFIED'
      AND m.month BETWEEN to_char(p.signed_at, 'YYYY-MM') AND {to} AND ${COUNTED}) a ON true
    WHERE p.signed_at BETWEEN {start} AND {end} AND p.region_code = ANY({districts})
    GROUP BY 1, 2`,
  // last year's signings: the plain figures only
  signedLast: `SELECT region_code AS region, investor_origin AS origin, false AS cur, count(*)::int AS signed, sum(contract_amount_wan)::text AS amount,
      count(*) FILTER (WHERE contract_amount_wan >= 1000)::int AS signed10m, 0 AS "signedStarted", '0' AS "signedArrived"
    FROM projects WHERE signed_at BETWEEN {lastStart} AND {lastEnd} AND region_code = ANY({districts})
    GROUP BY 1, 2`,
  // verified reports of the year by region and origin; completed investment of registered projects from their registration month
  arrivals: `SELECT p.region_code AS region, p.investor_origin AS origin, true AS cur, sum(${ARRIVED})::text AS arrived,
      coalesce(sum(m.completed_investment_wan) FILTER (WHERE p.stats_registered AND m.month >= p.stats_registered_month), 0)::text AS "registeredCompleted"
    FROM monthly_reports m JOIN projects p ON p.id = m.project_id
    WHERE m.month BETWEEN {from} AND {to} AND m.status = 'VERIFIED' AND ${COUNTED} AND p.region_code = ANY({districts})
    GROUP BY 1, 2`,
  // last year's: arrived only
  arrivalsLast: `SELECT p.region_code AS region, p.investor_origin AS origin, false AS cur, sum(${ARRIVED})::text AS arrived, '0' AS "registeredCompleted"
    FROM monthly_reports m JOIN projects p ON p.id = m.project_id
    WHERE m.month BETWEEN {lastFrom} AND {lastTo} AND m.status = 'VERIFIED' AND ${COUNTED} AND p.region_code = ANY({districts})
    GROUP BY 1, 2`,
  // this period and last year's same period (for a month they are not adjacent: two ranges)
  started: `SELECT p.region_code AS region, ${STARTED} >= {start} AS cur, count(*)::int AS started
    FROM projects p WHERE (${STARTED} BETWEEN {start} AND {end} OR ${STARTED} BETWEEN {lastStart} AND {lastEnd}) AND p.region_code = ANY({districts})
    GROUP BY 1, 2`,
  fai: `SELECT region_code AS region, month >= {from} AS cur, month, amount_wan::text AS amount FROM fai_totals
    WHERE month BETWEEN {from} AND {to} OR month BETWEEN {lastFrom} AND {lastTo}`,
  // key projects as of the period's end: signed by then, not terminated by then; started or in production; approvals all
  // not required or done by then
  keyProjects: `SELECT p.region_code AS region, count(*)::int AS count,
      count(*) FILTER (WHERE ${STARTED} <= {end})::int AS started,
      count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM project_approvals a WHERE a.project_id = p.id
        AND a.status <> 'NOT_REQUIRED' AND NOT (a.status = 'DONE' AND a.done_at <= {end})))::int AS approvals
    FROM projects p
    WHERE p.is_key_project AND p.signed_at <= {end} AND (p.terminated_at IS NULL OR p.terminated_at > {end}) AND p.region_code = ANY({districts})
    GROUP BY 1`,
};

const TYPES = { start: 'date', end: 'date', lastStart: 'date', lastEnd: 'date', from: null, to: null, lastFrom: null, lastTo: null, districts: 'text[]' };

/**
 * The period's bounds: a year (a number) or one month of it (`{ year, month }`, month 1–12); last year's
 * is the same period a year earlier.
 */
function periodValues(period) {
  const { year, month } = typeof period === 'number' ? { year: period, month: null } : period;
  const mm = (m) => String(m).padStart(2, '0');
  const lastDay = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
  const bounds = (y) =>
    month === null
      ? { start: `${y}-01-01`, end: `${y}-12-31`, from: `${y}-01`, to: `${y}-12` }
      : { start: `${y}-${mm(month)}-01`, end: `${y}-${mm(month)}-${lastDay(y, month)}`, from: `${y}-${mm(month)}`, to: `${y}-${mm(month)}` };
  const now = bounds(year);
  const last = bounds(year - 1);
  return { ...now, lastStart: last.start, lastEnd: last.end, lastFrom: last.from, lastTo: last.to };
}

/** A statement with {named} parameters → positional SQL (typed) and its values, for the period (see periodValues) and the districts. */
export function bind(sql, period, districts) {
  const values = { ...periodValues(period), districts };
  const order = [];
  const text = sql.replace(/\{(\w+)\}/g, (_, name) => {
    if (!order.includes(name)) order.push(name);
    // months stay untyped: PostgreSQL takes the month columns' type (character(7)) and can use their indexes
    return `$${order.indexOf(name) + 1}${TYPES[name] ? `::${TYPES[name]}` : ''}`;
  });
  return [text, order.map((name) => values[name])];
}

// ---- exact hundredths ----

const cents = (text) => {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -value : value;
};
const wan = (c) => `${c < 0n ? '-' : ''}${(c < 0n ? -c : c) / 100n}.${String((c < 0n ? -c : c) % 100n).padStart(2, '0')}`;
/** n ÷ d to 4 decimals, half away from zero; null for a zero denominator (§6). */
function ratio(n, d) {
  if (d === 0n) return null;
  const negative = n < 0n !== d < 0n && n !== 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const scaled = (an * 10000n * 2n + ad) / (ad * 2n);
  return (negative ? -1 : 1) * (Number(scaled) / 10000);
}

const countsAt = (origin, scope) => origin !== 'LOCAL' && (origin !== 'IN_CITY_OTHER_COUNTY' || scope === 'DISTRICT');

/**
 * Runs the statements side by side on the pool and assembles the rows (one per district, its own
 * scope) and the city total. `period`: a year or `{ year, month }`; `cityCode` is the region without a parent.
 */
export async function handWritten(pool, period, districts, cityCode) {
  const run = (sql) => pool.query(...bind(sql, period, districts)).then((r) => r.rows);
  const [signedNow, signedLast, arrivalsNow, arrivalsLast, started, fai, key] = await Promise.all(Object.values(STATEMENTS).map(run));
  const signed = [...signedNow, ...signedLast];
  const arrivals = [...arrivalsNow, ...arrivalsLast];

  const figuresOf = (regions, scope, cur) => {
    const mine = (row) => regions.includes(row.region) && row.cur === cur;
    const s = signed.filter(mine);
    const a = arrivals.filter(mine);
    let amount = 0n;
    let arrived = 0n;
    for (const row of s) amount += cents(row.amount);
    for (const row of a) if (countsAt(row.origin, scope)) arrived += cents(row.arrived);
    // FAI month by month: the city's own figure when the scope is the city and there is one, else Σ the districts'
    const months = new Map();
    for (const row of fai) {
      if (row.cur !== cur) continue;
      const m = months.get(row.month) ?? { city: null, districts: 0n };
      if (row.region === cityCode) m.city = cents(row.amount);
      else if (regions.includes(row.region)) m.districts += cents(row.amount);
      months.set(row.month, m);
    }
    let faiTotal = 0n;
    for (const m of months.values()) faiTotal += scope === 'CITY' && m.city !== null ? m.city : m.districts;
    return {
      signedCount: s.reduce((n, row) => n + row.signed, 0),
      signedAmount: amount,
      signedCount10m: s.reduce((n, row) => n + row.signed10m, 0),
      startedCount: started.filter(mine).reduce((n, row) => n + row.started, 0),
      arrived,
      fai: faiTotal,
    };
  };

  const values = (regions, scope) => {
    const now = figuresOf(regions, scope, true);
    const before = figuresOf(regions, scope, false);
    const s = signed.filter((row) => regions.includes(row.region) && row.cur);
    let counted = 0n;
    let countedArrived = 0n;
    for (const row of s) {
      if (!countsAt(row.origin, scope)) continue;
      counted += cents(row.amount);
      countedArrived += cents(row.signedArrived);
    }
    let registered = 0n;
    for (const row of arrivals) if (regions.includes(row.region) && row.cur) registered += cents(row.registeredCompleted);
    const k = key.filter((row) => regions.includes(row.region));
    const keyCount = k.reduce((n, row) => n + row.count, 0);
    const keyStarted = k.reduce((n, row) => n + row.started, 0);
    const keyApprovals = k.reduce((n, row) => n + row.approvals, 0);
    const byCount = (a, b) => ratio(BigInt(a), BigInt(b));
    return {
      signedCount: now.signedCount,
      signedAmountWan: wan(now.signedAmount),
      signedCount10m: now.signedCount10m,
      startedCount: now.startedCount,
      startRate: byCount(s.reduce((n, row) => n + row.signedStarted, 0), now.signedCount),
      arrivedFundsWan: wan(now.arrived),
      arrivalRate: ratio(countedArrived, counted),
      faiTotalWan: wan(now.fai),
      fundsToFaiRatio: ratio(now.arrived, now.fai),
      registeredFaiShare: ratio(registered, now.fai),
      growthContribution: ratio(now.arrived - before.arrived, now.fai - before.fai),
      pull: ratio((now.arrived - before.arrived) * 100n, before.fai),
      lastYear: {
        signedCount: before.signedCount,
        signedAmountWan: wan(before.signedAmount),
        signedCount10m: before.signedCount10m,
        startedCount: before.startedCount,
        arrivedFundsWan: wan(before.arrived),
        faiTotalWan: wan(before.fai),
      },
      yoy: {
        signedCount: byCount(now.signedCount - before.signedCount, before.signedCount),
        signedAmountWan: ratio(now.signedAmount - before.signedAmount, before.signedAmount),
        arrivedFundsWan: ratio(now.arrived - before.arrived, before.arrived),
        faiTotalWan: ratio(now.fai - before.fai, before.fai),
      },
      keyProjects: {
        count: keyCount,
        startedCount: keyStarted,
        approvalsCompleteCount: keyApprovals,
      },
    };
  };

  return {
    rows: districts.map((code) => ({ key: code, ...values([code], 'DISTRICT') })),
    total: values(districts, 'CITY'),
  };
}

/** The figures both sides must agree on, as "path: value" lines. */
export function mainFigures(values) {
  const paths = [
    'signedCount',
    'signedAmountWan',
    'signedCount10m',
    'startedCount',
    'startRate',
    'arrivedFundsWan',
    'arrivalRate',
    'faiTotalWan',
    'fundsToFaiRatio',
    'registeredFaiShare',
    'growthContribution',
    'pull',
    'lastYear.signedCount',
    'lastYear.signedAmountWan',
    'lastYear.startedCount',
    'lastYear.arrivedFundsWan',
    'lastYear.faiTotalWan',
    'yoy.signedCount',
    'yoy.signedAmountWan',
    'yoy.arrivedFundsWan',
    'yoy.faiTotalWan',
    'keyProjects.count',
    'keyProjects.startedCount',
    'keyProjects.approvalsCompleteCount',
  ];
  return paths.map((path) => `${path}: ${JSON.stringify(path.split('.').reduce((v, k) => v?.[k], values))}`);
}
