import type { ImportResult } from '@zhaoshang/shared/domain';
import { Client } from 'pg';
import { type Cell, counts, MONTHLY_HEADER, PROJECT_HEADER, projectImportRow, upload, xlsx } from './fixtures/imports/files.js';
import { createProject, projectBody, uscc } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/**
 * Writers that race (DOMAIN.md §5, §8): the same file imported several times at once gives what one
 * import after the other gives, and look-alike projects created at the same moment give one project
 * and 409s. The requests really are in flight together: they are all sent before any is awaited.
 */
describe('concurrent writers', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
  });
  afterAll(() => t?.stop());

  const projectRow = (name: string, n: number): Cell[] => projectImportRow({ 项目名称: name, 投资方名称: `并发投资方${n}`, 投资方统一社会信用代码: uscc(70_000 + n) });

  it('imports the same projects file five times at once as if one after the other', async () => {
    const file = await xlsx([PROJECT_HEADER, ...[1, 2, 3].map((n) => projectRow(`并发导入项目${n}`, n))]);
    const before = await counts(t);
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => upload<ImportResult>(t, admin, file, 'projects.xlsx', { kind: 'projects' })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const results = replies.map(({ body }) => ({ created: body.created, updated: body.updated, unchanged: body.unchanged })).sort((a, b) => b.created - a.created);
    expect(results).toEqual([
      { created: 3, updated: 0, unchanged: 0 },
      ...Array.from({ length: 4 }, () => ({ created: 0, updated: 0, unchanged: 3 })),
    ]);
    const after = await counts(t);
    expect(after.projects - before.projects).toBe(3);
    expect(after.audit - before.audit).toBe(3);
    const names = await t.query<{ name: string; n: number }>(`SELECT name, count(*)::int AS n FROM projects WHERE name LIKE '并发导入项目%' GROUP BY name ORDER BY name`);
    expect(names).toEqual([1, 2, 3].map((n) => ({ name: `并发导入项目${n}`, n: 1 })));
  });

  it('imports the same monthly file five times at once as if one after the other', async () => {
    const project = await createProject(t, admin, { signedAt: '2025-01-01' });
    const rows: Cell[][] = ['2025-02', '2025-03', '2025-04'].map((month) => [project.projectNo, month, 100, 0, 0, '100', '进展顺利', '待核实']);
    const file = await xlsx([MONTHLY_HEADER, ...rows]);
    const before = await counts(t);
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => upload<ImportResult>(t, admin, file, 'monthly.xlsx', { kind: 'monthly' })));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const created = replies.map((r) => r.body.created).sort();
    expect(created).toEqual([0, 0, 0, 0, 3]);
    const after = await counts(t);
    expect(after.reports - before.reports).toBe(3);
    expect(after.audit - before.audit).toBe(3);
  });

  it('refuses a monthly import with 409 when a report of one of its rows is created before its write, and writes none', async () => {
    // a grid save (which does not queue behind imports) inserts 2025-03's report and commits only once the import's write waits for it
    const project = await createProject(t, admin, { signedAt: '2025-01-01' });
    const rows: Cell[][] = ['2025-02', '2025-03', '2025-04'].map((month) => [project.projectNo, month, 100, 0, 0, '100', '进展顺利', '待核实']);
    const file = await xlsx([MONTHLY_HEADER, ...rows]);
    const grid = new Client({ connectionString: t.databaseUrl });
    await grid.connect();
    try {
      await grid.query('BEGIN');
      await grid.query(`INSERT INTO monthly_reports (project_id, month, arrived_equity_wan, arrived_loan_wan, arrived_other_wan, completed_investment_wan, status, version)
        VALUES ($1, '2025-03', 1, 0, 0, 1, 'DRAFT', 1)`, [project.id]);
      const before = await counts(t);
      const reply = upload<{ error?: string; message?: string }>(t, admin, file, 'monthly.xlsx', { kind: 'monthly' });
      // the import's insert waits for the uncommitted report of the same project and month
      for (let waited = 0; ; waited += 50) {
        const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH v AS%'`);
        if (n > 0) break;
        if (waited > 20_000) throw new Error('the import never reached its write');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await grid.query('COMMIT');
      const { status, body } = await reply;
      expect(status).toBe(409);
      expect(body).toMatchObject({ error: 'CONFLICT', message: expect.stringContaining('本次导入未写入任何数据') });
      const after = await counts(t);
      // only the grid's own report
      expect(after.reports - before.reports).toBe(1);
      expect(after.audit - before.audit).toBe(0);
    } finally {
      await grid.end();
    }
  });

  it('creates one of ten look-alike projects sent at once; the others get 409 LOOK_ALIKE', async () => {
    const body = projectBody({ name: '并发登记的同名项目' });
    const replies = await Promise.all(Array.from({ length: 10 }, () => t.request<{ error?: string; message?: string }>('POST', '/api/v1/projects', { token: admin, body })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([201, ...Array.from({ length: 9 }, () => 409)]);
    for (const reply of replies.filter((r) => r.status === 409)) expect(reply.body).toMatchObject({ error: 'LOOK_ALIKE' });
    const [{ n }] = await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM projects WHERE name = '并发登记的同名项目'`);
    expect(n).toBe(1);
  });

  it('also queues look-alikes by the investor’s uscc across regions, and lets different projects through together', async () => {
    const investor = uscc(79_999);
    const sameInvestor = [projectBody({ name: '同一投资方甲', investorUscc: investor }), projectBody({ name: '同一投资方乙', regionCode: '150502', investorUscc: investor })];
    const different = Array.from({ length: 6 }, (_, i) => projectBody({ name: `互不相同的项目${i}` }));
    const replies = await Promise.all([...sameInvestor, ...different].map((body) => t.request('POST', '/api/v1/projects', { token: admin, body })));
    expect(replies.slice(0, 2).map((r) => r.status).sort()).toEqual([201, 409]);
    expect(replies.slice(2).map((r) => r.status)).toEqual(Array.from({ length: 6 }, () => 201));
  });
});
