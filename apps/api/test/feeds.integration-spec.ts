import type { FeedPage, ImportResult } from '@zhaoshang/shared/domain';
import { Client } from 'pg';
import { type Cell, MONTHLY_HEADER, upload, xlsx } from './fixtures/imports/files.js';
import { TestApp } from './support/test-app.js';

interface Row {
  id: string;
  version: number;
}

const ALL_STATUSES = 'status=DRAFT,SUBMITTED,VERIFIED,RETURNED';

/**
 * DOMAIN.md §8, issue 11: the feeds lose nothing. A transaction that is still open when a client
 * pages past its position (a long import) must not be skipped: its rows come with the client's next
 * call, exactly once with the cursor it kept, at least once with an `updatedSince` of that time.
 */
describe('statistics feeds lose nothing while long transactions run', () => {
  let t: TestApp;
  let admin: string;
  let key: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.adminToken();
    key = (await t.request<{ key: string }>('POST', '/api/v1/api-keys', { token: admin, body: { name: '统计局', scopes: ['read'] } })).body.key;
  });
  afterAll(() => t?.stop());

  /** Signed projects written straight into the table (the trigger gives them their change_xid as on every path). */
  const insertProjects = (prefix: string, count: number, regionCode: string) =>
    t.query<{ id: string; project_no: string }>(
      `INSERT INTO projects (project_no, name, region_code, industry_code, investor_name, investor_origin, contract_amount_wan, stage, signed_at, version)
       SELECT $1 || lpad(n::text, 4, '0'), '增量测试' || $1 || n, $3, 'NE', '投资方' || $1 || n, 'OUT_OF_REGION', 100, 'SIGNED', '2024-06-01', 1
       FROM generate_series(1, $2::int) n ORDER BY n RETURNING id, project_no`,
      [prefix, count, regionCode],
    );

  /** Pages a feed from `cursor` until nextCursor is null, as a client's `while (nextCursor)` loop does. */
  async function drain<T extends Row>(path: string, cursor: string | undefined, limit: number): Promise<{ items: T[]; resumeCursor: string; pages: number }> {
    const items: T[] = [];
    let next = cursor;
    let pages = 0;
    for (;;) {
      const page = await t.request<FeedPage<T>>('GET', `${path}&limit=${limit}${next ? `&cursor=${next}` : ''}`, { apiKey: key });
      expect(page.status).toBe(200);
      expect(page.body.resumeCursor).toEqual(expect.any(String));
      pages += 1;
      items.push(...page.body.items);
      if (!page.body.nextCursor) return { items, resumeCursor: page.body.resumeCursor, pages };
      expect(page.body.resumeCursor).toBe(page.body.nextCursor);
      next = page.body.nextCursor;
    }
  }

  /** What a client that applied every row served, in order, holds: the last version of each id. */
  const replay = (...batches: Row[][]) => {
    const held = new Map<string, number>();
    for (const row of batches.flat()) held.set(row.id, row.version);
    return [...held].map(([id, version]) => `${id}:${version}`).sort();
  };
  const checksum = (rows: Row[]) => rows.map((r) => `${r.id}:${r.version}`).sort();
  const onceEach = (rows: Row[]) => new Set(rows.map((r) => r.id)).size === rows.length;

  it('serves the rows of a transaction open while the client paged past, after it commits (cursor: once; updatedSince: at least once)', async () => {
    const projects = await insertProjects('FEEDA-', 4, '150523');
    await t.query(`INSERT INTO monthly_reports (project_id, month, status, version) SELECT id, '2025-01', 'VERIFIED', 1 FROM projects WHERE project_no LIKE 'FEEDA-%'`);
    const reportsPath = `/api/v1/monthly-reports?from=2024-01&to=2026-12&regionCode=150523&${ALL_STATUSES}`;
    const projectsPath = '/api/v1/projects?regionCode=150523';
    const reportsTable = () => t.query<Row>(`SELECT m.id, m.version FROM monthly_reports m JOIN projects p ON p.id = m.project_id WHERE p.region_code = '150523'`);
    const projectsTable = () => t.query<Row>(`SELECT id, version FROM projects WHERE region_code = '150523'`);

    const reports0 = await drain<Row>(reportsPath, undefined, 2);
    const projects0 = await drain<Row>(projectsPath, undefined, 3);
    expect(checksum(reports0.items)).toEqual(checksum(await reportsTable()));
    expect(checksum(projects0.items)).toEqual(checksum(await projectsTable()));

    // a long transaction writes first (so it holds the older transaction id) and stays open
    const long = new Client({ connectionString: t.databaseUrl });
    await long.connect();
    try {
      await long.query('BEGIN');
      const inLong = [projects[0].id, projects[1].id];
      await long.query(`UPDATE monthly_reports SET progress = '长事务', version = version + 1 WHERE project_id = ANY($1::uuid[])`, [inLong]);
      await long.query(`UPDATE projects SET notes = '长事务', version = version + 1 WHERE id = ANY($1::uuid[])`, [inLong]);

      // meanwhile single edits commit through the API
      const draft = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
        token: admin,
        body: { regionCode: '150523', month: '2025-02', items: [projects[2], projects[3]].map((p) => ({ projectId: p.id, version: null, arrivedEquityWan: '5' })) },
      });
      expect(draft.status).toBe(200);
      const patched = await t.request('PATCH', `/api/v1/projects/${projects[2].id}`, { token: admin, body: { notes: '单条修改', version: 1 } });
      expect(patched.status).toBe(200);

      // the client pages on: the edits are held back behind the open transaction, not served past it
      const reports1 = await drain<Row>(reportsPath, reports0.resumeCursor, 2);
      const projects1 = await drain<Row>(projectsPath, projects0.resumeCursor, 3);
      expect(reports1.items).toEqual([]);
      expect(projects1.items).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const since = new Date().toISOString();
      await new Promise((resolve) => setTimeout(resolve, 20));

      await long.query('COMMIT');

      // with the cursor it kept: every change since, exactly once, and the client's copy equals the table
      const reports2 = await drain<Row>(reportsPath, reports1.resumeCursor, 2);
      const projects2 = await drain<Row>(projectsPath, projects1.resumeCursor, 3);
      expect(reports2.items).toHaveLength(4); // 2 from the long transaction, 2 drafts
      expect(projects2.items).toHaveLength(3); // 2 from the long transaction, 1 patch
      expect(onceEach(reports2.items) && onceEach(projects2.items)).toBe(true);
      expect(replay(reports0.items, reports2.items)).toEqual(checksum(await reportsTable()));
      expect(replay(projects0.items, projects2.items)).toEqual(checksum(await projectsTable()));
      // and nothing more after that
      expect((await drain<Row>(reportsPath, reports2.resumeCursor, 2)).items).toEqual([]);

      // with updatedSince of an instant while the transaction was open: its rows at least once
      const bySince = await drain<Row & { projectId: string }>(`${reportsPath}&updatedSince=${encodeURIComponent(since)}`, undefined, 2);
      const longRows = (await t.query<Row>(`SELECT id, version FROM monthly_reports WHERE project_id = ANY($1::uuid[])`, [inLong])).map((r) => `${r.id}:${r.version}`);
      expect(longRows).toHaveLength(2);
      expect(checksum(bySince.items)).toEqual(expect.arrayContaining(longRows));
      const projectsSince = await drain<Row>(`${projectsPath}&updatedSince=${encodeURIComponent(since)}`, undefined, 3);
      expect(checksum(projectsSince.items)).toEqual(expect.arrayContaining(checksum(await t.query<Row>(`SELECT id, version FROM projects WHERE id = ANY($1::uuid[])`, [inLong]))));
    } finally {
      await long.query('ROLLBACK').catch(() => undefined);
      await long.end();
    }
  });

  it('returns every row of an import that was in flight while the client paged and edits committed, exactly once', async () => {
    const projects = await insertProjects('FEEDB-', 250, '150502');
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    // one report exists before: the import updates it, and a lock on it holds the import in flight
    const [held] = await t.query<{ id: string }>(`INSERT INTO monthly_reports (project_id, month, status, version) VALUES ($1, '2025-01', 'SUBMITTED', 1) RETURNING id`, [projects[0].id]);
    const rows: Cell[][] = projects.flatMap((p, i) => months.map((month) => [p.project_no, month, i + 1, null, null, 10, null, '已核实'] as Cell[]));
    const file = await xlsx([MONTHLY_HEADER, ...rows]);
    const path = `/api/v1/monthly-reports?from=2024-01&to=2026-12&regionCode=150502&${ALL_STATUSES}`;
    const table = () => t.query<Row>(`SELECT m.id, m.version FROM monthly_reports m JOIN projects p ON p.id = m.project_id WHERE p.region_code = '150502'`);

    const before = await drain<Row>(path, undefined, 100);
    expect(checksum(before.items)).toEqual(checksum(await table()));

    const lock = new Client({ connectionString: t.databaseUrl });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('SELECT 1 FROM monthly_reports WHERE id = $1 FOR UPDATE', [held.id]);
      const importing = upload<ImportResult>(t, admin, file, '月报.xlsx', { kind: 'monthly' });
      // the import has staged its rows (so it holds a transaction id) and waits for the lock
      for (let waited = 0; ; waited += 50) {
        const [{ waiting }] = await t.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
        if (waiting > 0) break;
        if (waited > 15000) throw new Error('the import never reached the locked report');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      // the client pages while single edits commit around the import
      const served: Row[] = [...before.items];
      let resume = before.resumeCursor;
      for (const p of projects.slice(1, 4)) {
        const draft = await t.request('PUT', '/api/v1/monthly-reports/drafts', {
          token: admin,
          body: { regionCode: '150502', month: '2026-01', items: [{ projectId: p.id, version: null, arrivedEquityWan: '1' }] },
        });
        expect(draft.status).toBe(200);
        const page = await drain<Row>(path, resume, 100);
        served.push(...page.items);
        resume = page.resumeCursor;
      }

      await lock.query('COMMIT');
      const imported = await importing;
      expect(imported.status).toBe(200);
      expect(imported.body).toMatchObject({ created: 2999, updated: 1 });

      const after = await drain<Row>(path, resume, 500);
      const afterCount = after.items.length;
      const sinceBefore = served.slice(before.items.length);
      // every imported row and every edit once, over the pages after the first drain
      expect(sinceBefore.length + afterCount).toBe(3000 + 3);
      expect(onceEach([...sinceBefore, ...after.items])).toBe(true);
      expect(replay(served, after.items)).toEqual(checksum(await table()));
    } finally {
      await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }
  }, 30000);
  it('is not held back by a transaction open in another database of the same server', async () => {
    const [project] = await insertProjects('FEEDC-', 1, '150525');
    const path = `/api/v1/projects?regionCode=150525`;
    const start = await drain<Row>(path, undefined, 100);
    // another database's transaction takes a transaction id and stays open (a parallel test file, another application)
    const url = new URL(t.databaseUrl);
    url.pathname = '/postgres';
    const other = new Client({ connectionString: url.toString() });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()');
      await t.query(`UPDATE projects SET notes = '他库事务期间的修改', version = version + 1 WHERE id = $1`, [project.id]);
      const next = await drain<Row>(path, start.resumeCursor, 100);
      expect(next.items.map((r) => r.id)).toEqual([project.id]);
    } finally {
      await other.query('ROLLBACK');
      await other.end();
    }
  });
});
