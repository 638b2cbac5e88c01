import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runSql, sql } from '../src/common/sql/sql.js';
import { PROJECT_SNAPSHOT } from '../src/modules/projects/projects-bulk.js';
import { loadProjectDetail, projectSnapshot } from '../src/modules/projects/projects.service.js';
import { TestApp } from './support/test-app.js';

/**
 * The projects import's audit entries are made by PostgreSQL (PROJECT_SNAPSHOT) and the one-project
 * paths' by Node (projectSnapshot of the loaded project): both must give the same entry, key for key
 * and value for value, or the project history would show an import's changes differently. Checked on
 * every project of the demo data, made to hold each kind of value a snapshot carries.
 */
describe('a project snapshot made by PostgreSQL equals projectSnapshot', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await TestApp.start({ seedDemo: true });
    ds = t.app.get<DataSource>(getDataSourceToken());
    // what the demo data may not hold: a district contact (a name read from users), checklist items
    // done on a date and not required, no planned investment but a planned start month, notes with
    // quotes and a line break, a terminated project
    const [contact] = await t.query<{ id: string }>(`SELECT id FROM users ORDER BY username LIMIT 1`);
    const [first, second, third] = await t.query<{ id: string }>(`SELECT id FROM projects ORDER BY project_no LIMIT 3`);
    await t.query(`UPDATE projects SET district_contact_id = $1, planned_investment_wan = NULL, planned_start_month = '2026-03', notes = '含"引号"与换行\n的备注' WHERE id = $2`, [contact.id, first.id]);
    await t.query(`UPDATE project_approvals SET status = 'DONE', done_at = '2025-03-04' WHERE project_id = $1 AND kind = (SELECT min(kind) FROM project_approvals WHERE project_id = $1)`, [second.id]);
    await t.query(`UPDATE project_approvals SET status = 'NOT_REQUIRED', done_at = NULL WHERE project_id = $1 AND kind = (SELECT max(kind) FROM project_approvals WHERE project_id = $1)`, [second.id]);
    await t.query(`UPDATE projects SET stage = 'TERMINATED', terminated_at = '2025-06-30', termination_reason = '投资方撤资' WHERE id = $1`, [third.id]);
  });
  afterAll(() => t?.stop());

  it('for every demo project, and the demo projects hold every kind of value', async () => {
    const rows = await runSql<{ id: string; snapshot: Record<string, unknown> }>(ds, sql`SELECT p.id, ${PROJECT_SNAPSHOT} AS snapshot FROM projects p ORDER BY p.project_no`);
    expect(rows.length).toBeGreaterThan(500);
    const snapshots: Record<string, unknown>[] = [];
    for (const row of rows) {
      const expected = projectSnapshot(await loadProjectDetail(ds, row.id));
      expect({ id: row.id, snapshot: row.snapshot }).toEqual({ id: row.id, snapshot: expected });
      snapshots.push(expected);
    }
    // a comparison that cannot fail on a kind of value nobody has is no comparison: each kind is there
    const some = (test: (s: Record<string, unknown>) => boolean) => snapshots.some(test);
    expect(some((s) => s['districtContactName'] !== null && s['districtContactId'] !== null)).toBe(true);
    expect(some((s) => s['plannedInvestmentWan'] === null && s['plannedStartMonth'] === '2026-03')).toBe(true);
    expect(some((s) => typeof s['contractAmountWan'] === 'string' && String(s['contractAmountWan']).includes('.'))).toBe(true);
    expect(some((s) => s['terminatedAt'] !== null && s['terminationReason'] !== null)).toBe(true);
    expect(some((s) => s['statsRegistered'] === true && s['statsRegisteredMonth'] !== null)).toBe(true);
    expect(some((s) => s['isKeyProject'] === true && s['leadOfficial'] !== null)).toBe(true);
    const approvals = snapshots.flatMap((s) => s['approvals'] as { status: string; doneAt: string | null }[]);
    expect(new Set(approvals.map((a) => a.status))).toEqual(new Set(['NOT_STARTED', 'IN_PROGRESS', 'DONE', 'NOT_REQUIRED']));
    expect(approvals.some((a) => a.doneAt !== null)).toBe(true);
  });
});
