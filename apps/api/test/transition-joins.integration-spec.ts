import { Client } from 'pg';
import { TestApp } from './support/test-app.js';

/**
 * Issue 17: the UPDATE triggers that join a statement's old and new transition tables (indicator
 * summaries, warning state, key projects, live projects) must plan that join with the tables' real row
 * counts. PL/pgSQL keeps a static statement's plan from its first call on the connection; made for a
 * one-row grid save it is a nested loop over two unindexed tuplestores, quadratic for the import that
 * changes 10,000 reports next (migration TransitionJoinsPerCall: above 100 rows, the statement is planned
 * per call). Here, on one connection: a one-row
 * UPDATE of a report and of a project first, then an UPDATE of every report and of every project;
 * auto_explain (JSON, nested statements) hands each statement's plan to the client, and no join whose
 * two sides both read a transition table may be a nested loop. Without the migration this test fails:
 * the large updates reuse the one-row plans.
 */
const ROWS = 2000;

interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

/** Whether a plan subtree reads a transition table. */
const readsTransitionTable = (node: PlanNode): boolean => node['Node Type'] === 'Named Tuplestore Scan' || (node.Plans ?? []).some(readsTransitionTable);

/** The joins of a plan both of whose sides read a transition table (old ⋈ new). */
function transitionJoins(node: PlanNode, found: string[] = []): string[] {
  const children = node.Plans ?? [];
  if (/Join|Nested Loop/.test(node['Node Type']) && children.length === 2 && children.every(readsTransitionTable)) found.push(node['Node Type']);
  for (const child of children) transitionJoins(child, found);
  return found;
}

describe('statement triggers: old ⋈ new planned with the real row counts', () => {
  let t: TestApp;
  let client: Client;
  /** Each logged plan with its statement's text (named in a failure, so whoever breaks a trigger sees which). */
  let plans: { text: string; plan: PlanNode }[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    await t.query(
      `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, stage, signed_at, is_key_project, version)
       SELECT 'TJ-' || g, '转移表测试项目' || g, '150525', 'NE', '测试投资方', 'OUT_OF_REGION', 1200, 'SIGNED', DATE '2025-03-01', g % 2 = 0, 1
       FROM generate_series(1, ${ROWS}) g`,
    );
    await t.query(`INSERT INTO monthly_reports (project_id, month, status, submitted_at, version) SELECT id, '2025-04', 'SUBMITTED', now(), 1 FROM projects WHERE project_no LIKE 'TJ-%'`);
    client = new Client({ connectionString: t.databaseUrl });
    await client.connect();
    client.on('notice', (notice) => {
      const message = notice.message ?? '';
      const at = message.indexOf('{');
      if (!message.includes('plan:') || at < 0) return;
      const logged = JSON.parse(message.slice(at)) as { 'Query Text': string; Plan: PlanNode };
      plans.push({ text: logged['Query Text'], plan: logged.Plan });
    });
    await client.query(`LOAD 'auto_explain'`);
    for (const setting of ['auto_explain.log_min_duration = 0', 'auto_explain.log_nested_statements = on', 'auto_explain.log_format = json', 'client_min_messages = log']) {
      await client.query(`SET ${setting}`);
    }
  });
  afterAll(async () => {
    await client?.end();
    await t?.stop();
  });

  /** The old ⋈ new joins of the plans an update's statement logged: the join's node type and the statement it is in. */
  async function joinsOf(statement: string): Promise<{ join: string; in: string }[]> {
    plans = [];
    await client.query(statement);
    return plans.flatMap(({ text, plan }) => transitionJoins(plan).map((join) => ({ join, in: text.replace(/\s+/g, ' ').trim().slice(0, 240) })));
  }

  it('joins by hash (not nested loop) when a large update follows a one-row update on the same connection', async () => {
    // the first calls: one row each (the plans a cached-plan function would keep)
    expect(await joinsOf(`UPDATE monthly_reports SET arrived_equity_wan = 5 WHERE id = (SELECT min(id::text)::uuid FROM monthly_reports)`)).not.toHaveLength(0);
    expect(await joinsOf(`UPDATE projects SET signed_at = DATE '2025-02-01', is_key_project = true WHERE project_no = 'TJ-1'`)).not.toHaveLength(0);

    // every report (arrivals appear: the indicator sums and the warning state both move)
    const reports = await joinsOf(`UPDATE monthly_reports SET arrived_equity_wan = arrived_equity_wan + 10`);
    // every project (signing month, key flag: the sums, the warning state, the key and live projects move)
    const projects = await joinsOf(`UPDATE projects SET signed_at = signed_at - 40, is_key_project = NOT is_key_project`);

    // indicator_sums_reports_updated (−old, +new) and warn_reports_changed (two branches)
    expect(reports.length).toBeGreaterThanOrEqual(4);
    // indicator_sums_projects_updated (4), indicator_key_projects_updated (2), warn_live_projects_updated (2), warn_projects_changed (1)
    expect(projects.length).toBeGreaterThanOrEqual(9);
    expect([...reports, ...projects].filter(({ join }) => join === 'Nested Loop').map((nested) => nested.in)).toEqual([]);

    // and the kept state still equals the facts after the large updates
    expect(await t.query('SELECT * FROM indicator_summaries_diff()')).toEqual([]);
    expect(await t.query('SELECT * FROM warn_live_projects_diff()')).toEqual([]);
    expect(await t.query('SELECT * FROM warn_project_state_from_facts() f FULL JOIN warn_project_state s USING (project_id) WHERE (f.first_gap, f.last_arrival) IS DISTINCT FROM (s.first_gap, s.last_arrival)')).toEqual([]);
  });
});
