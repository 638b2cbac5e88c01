// The list queries the benchmark times: each once through the API (GET /api/v1/projects/search) and
// once as hand-written SQL through `pg` — the page and the totals of the filtered set, two statements
// run side by side on two connections, as the list needs them.

const PAGE_COLUMNS = `p.id, p.project_no AS "projectNo", p.name, p.region_code AS "regionCode", r.name AS "regionName",
  p.industry_code AS "industryCode", i.name AS "industryName", p.investor_name AS "investorName", p.investor_origin AS "investorOrigin",
  p.contract_amount_wan AS "contractAmountWan", p.stage, p.signed_at AS "signedAt", p.is_key_project AS "isKeyProject",
  p.parent_project_no AS "parentProjectNo", p.updated_at AS "updatedAt",
  (SELECT round(coalesce(sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan), 0), 2)::text
    FROM monthly_reports m WHERE m.project_id = p.id AND m.status = 'VERIFIED') AS "arrivedFundsWan"`;

/** Newest signing first, unsigned last; the id makes the order total (idx_projects_signed_at_desc). */
const ORDER = 'p.signed_at DESC NULLS LAST, p.id DESC';

function statements(where) {
  return {
    page: `SELECT ${PAGE_COLUMNS} FROM (SELECT * FROM projects p WHERE ${where} ORDER BY ${ORDER} LIMIT 50) p
      JOIN regions r ON r.code = p.region_code JOIN industries i ON i.code = p.industry_code ORDER BY ${ORDER}`,
    total: `SELECT count(*)::int AS count, coalesce(sum(p.contract_amount_wan), 0)::numeric(16, 2)::text AS "contractAmountWan" FROM projects p WHERE ${where}`,
  };
}

export const SCENARIOS = [
  {
    name: 'region',
    label: '地区 + 签约日期倒序',
    query: 'regionCode=150525&sort=signedAt&order=desc&pageSize=50',
    ...statements('p.region_code = $1'),
    params: ['150525'],
  },
  {
    name: 'text',
    label: '文本搜索 q=玉米',
    query: `q=${encodeURIComponent('玉米')}&sort=signedAt&order=desc&pageSize=50`,
    // the best hand-written form: the GIN index of the one- and two-character pieces (exact for a
    // two-character text, so no substring check)
    ...statements('project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($1)'),
    params: ['玉米'],
  },
  {
    name: 'amount',
    label: '签约额 1–5 亿元',
    query: 'amountMin=10000&amountMax=50000&sort=signedAt&order=desc&pageSize=50',
    ...statements('p.contract_amount_wan >= $1 AND p.contract_amount_wan <= $2'),
    params: ['10000', '50000'],
  },
];

/** Nearest-rank percentile of already sorted numbers. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export async function timed(fn) {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

export async function callApi(baseUrl, token, scenario) {
  const response = await fetch(`${baseUrl}/api/v1/projects/search?${scenario.query}`, { headers: { authorization: `Bearer ${token}` } });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`GET /api/v1/projects/search?${scenario.query} → ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

export async function callSql(pool, scenario) {
  const [page, total] = await Promise.all([pool.query(scenario.page, scenario.params), pool.query(scenario.total, scenario.params)]);
  return { items: page.rows, total: total.rows[0] };
}

export async function explain(pool, scenario) {
  const plan = async (sql) => (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, scenario.params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  return { page: await plan(scenario.page), total: await plan(scenario.total) };
}
