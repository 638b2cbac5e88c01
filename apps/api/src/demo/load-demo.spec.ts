import { getDataSourceToken } from '@nestjs/typeorm';
import { formatProjectNo } from '@zhaoshang/shared/domain';
import type { DataSource } from 'typeorm';
import { TestApp } from '../../test/support/test-app.js';
import { ensureDemoProjects } from '../bootstrap/demo-data.js';
import { loadConfig } from '../config/config.js';
import { generateDemoProjects } from './generate-projects.js';
import { lastSequences, loadDemoProjects } from './load-demo.js';

describe('demo data in the database', () => {
  let api: TestApp;
  let db: DataSource;
  const seeding = { ...loadConfig({ LOG_LEVEL: 'error', WEB_DIR: 'none', JWT_SECRET: 'x'.repeat(32) }), seedDemo: true };

  beforeAll(async () => {
    api = await TestApp.start();
    db = api.app.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('loads the 600 demo projects on a database without projects, well within 2 s, and only once', async () => {
    const started = Date.now();
    expect(await ensureDemoProjects(db, seeding)).toBe(600);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await ensureDemoProjects(db, seeding)).toBe(0);
    const [counts] = await db.query(`SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM project_approvals)::int AS approvals,
      (SELECT count(*) FROM audit_log WHERE entity = 'project' AND action = 'CREATE' AND actor_type = 'SYSTEM')::int AS audit`);
    expect(counts).toEqual({ projects: 600, approvals: 3600, audit: 600 });
  });

  it('keeps the data as generated: money, dates, links to parent projects', async () => {
    const rows = (await db.query(`SELECT project_no AS "projectNo", contract_amount_wan AS "amount", signed_at AS "signedAt", parent_project_no AS "parent" FROM projects`)) as {
      projectNo: string;
      amount: string;
      signedAt: string | null;
      parent: string | null;
    }[];
    const numbers = new Set(rows.map((r) => r.projectNo));
    expect(rows.every((r) => /^\d+\.\d{2}$/.test(r.amount) && (r.signedAt === null || /^\d{4}-\d{2}-\d{2}$/.test(r.signedAt)))).toBe(true);
    expect(rows.filter((r) => r.parent !== null).every((r) => numbers.has(r.parent as string))).toBe(true);
    expect(rows.filter((r) => r.parent !== null).length).toBeGreaterThan(10);
  });

  it('leaves project_sequences at the last number of each district and year', async () => {
    const [{ behind }] = await db.query(`SELECT count(*)::int AS behind FROM (
        SELECT substring(project_no, 1, 6) AS region, substring(project_no, 8, 4)::int AS year, max(substring(project_no, 13, 4)::int) AS seq FROM projects GROUP BY 1, 2
      ) p LEFT JOIN project_sequences s ON s.region_code = p.region AND s.year = p.year WHERE s.last_seq IS DISTINCT FROM p.seq`);
    expect(behind).toBe(0);
  });

  it('lets the next project registered in the app continue the numbering', async () => {
    const [{ year, seq }] = await db.query(`SELECT year, last_seq AS seq FROM project_sequences WHERE region_code = '150525' ORDER BY year DESC LIMIT 1`);
    const created = await api.request<{ projectNo: string }>('POST', '/api/v1/projects', {
      token: await api.adminToken(),
      body: {
        name: '演示后新登记的测试项目',
        regionCode: '150525',
        industryCode: 'NE',
        investorName: '测试投资有限公司',
        investorOrigin: 'OUT_OF_REGION',
        contractAmountWan: '1000.00',
        stage: 'SIGNED',
        signedAt: `${year}-01-01`,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.projectNo).toBe(formatProjectNo('150525', year, seq + 1));
  });

  it('appends more generated projects after the numbers already given', async () => {
    const before = await lastSequences(db);
    const more = generateDemoProjects({ count: 50, seed: 99, lastSeqs: before });
    await db.transaction((em) => loadDemoProjects(em, more));
    const first = more.projects[0];
    const [region, year] = first.projectNo.split('-');
    expect(first.projectNo).toBe(formatProjectNo(region, Number(year), (before.get(`${region}-${year}`) ?? 0) + 1));
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM projects`);
    expect(count).toBe(651);
  });

  it('seeds on the first start with SEED_DEMO=true', async () => {
    const seeded = await TestApp.start({ seedDemo: true });
    try {
      const [{ count }] = await seeded.app.get<DataSource>(getDataSourceToken()).query(`SELECT count(*)::int AS count FROM projects`);
      expect(count).toBe(600);
    } finally {
      await seeded.stop();
    }
  });
});
