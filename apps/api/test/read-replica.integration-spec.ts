import { addMonths, type DrillResponse, monthOf, shanghaiToday, type WorkbenchResponse } from '@zhaoshang/shared/domain';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ReadPool } from '../src/common/sql/read-pool.js';
import { sql } from '../src/common/sql/sql.js';
import { createProject } from './support/projects.js';
import { fileReport } from './support/reports.js';
import { TestApp } from './support/test-app.js';

interface HealthBody {
  status: string;
  database: string;
  readReplica?: { status: 'up' | 'down'; lagSeconds: number | null; fallbacks: number };
}

/**
 * DATABASE_READ_URL (issue 17). The embedded server stands in as the replica: the same database
 * reached as a second role that may only SELECT. So a write sent to the replica would fail
 * (permission denied), and a read shows where it ran: in pg_stat_activity under the replica's
 * application_name, and by failing once the role loses SELECT on a table.
 */
describe('the read replica (DATABASE_READ_URL)', () => {
  const reader = `zs_reader_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const readerPassword = 'Reader#2026test';
  let t: TestApp;
  let server: Client;
  let admin: string;
  let district: string;
  const month = monthOf(shanghaiToday());
  const early = addMonths(month, -3);
  const drillQuery = `indicator=arrivedFundsWan&from=${early}&to=${month}`;

  beforeAll(async () => {
    const serverUrl = process.env['TEST_DATABASE_URL'] as string;
    server = new Client({ connectionString: serverUrl });
    await server.connect();
    await server.query(`CREATE ROLE ${reader} LOGIN PASSWORD '${readerPassword}'`);
    t = await TestApp.start({}, async (databaseUrl) => {
      // on the empty database, before the migrations: every table they create is readable, and only readable, by the replica's role
      const db = new Client({ connectionString: databaseUrl });
      await db.connect();
      await db.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${reader}`);
      await db.end();
      const replica = new URL(databaseUrl);
      replica.username = reader;
      replica.password = readerPassword;
      return { databaseReadUrl: replica.toString() };
    });
    admin = await t.adminToken();
    district = (await t.userToken('DISTRICT_STAFF', '150525')).token;
    // every write of the setup succeeds with the replica configured: had one gone to the replica, its role would have refused it
    const project = await createProject(t, district, { signedAt: `${early}-01`, regionCode: '150525' });
    await fileReport(t, admin, project, early, { arrivedEquityWan: '120.50' });
  });
  afterAll(async () => {
    await t?.stop();
    await server?.query(`DROP ROLE IF EXISTS ${reader}`);
    await server?.end();
  });

  const readerUrl = () => {
    const url = new URL(t.databaseUrl);
    url.username = reader;
    url.password = readerPassword;
    return url.toString();
  };
  /** The replica role's connections to the test's database, with the last statement each ran. */
  const replicaQueries = async () =>
    (await server.query<{ query: string; application_name: string }>('SELECT query, application_name FROM pg_stat_activity WHERE usename = $1 AND datname = $2', [reader, new URL(t.databaseUrl).pathname.slice(1)])).rows;
  const endReplicaConnections = () => server.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [reader]);
  const drill = () => t.request<DrillResponse>('GET', `/api/v1/indicators/drill?${drillQuery}`, { token: district });
  const health = () => t.request<HealthBody>('GET', '/api/health');

  it('sends the drill-down and the 工作台 to the replica, and only reads', async () => {
    await endReplicaConnections();
    expect(await replicaQueries()).toEqual([]);
    const drilled = await drill();
    expect(drilled.status).toBe(200);
    expect(drilled.body.total).toBe('120.50');
    const workbench = await t.request<WorkbenchResponse>('GET', '/api/v1/workbench', { token: district });
    expect(workbench.status).toBe(200);
    expect(workbench.body.activity.length).toBeGreaterThan(0);

    const seen = await replicaQueries();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((row) => row.application_name === 'zhaoshang-api-read')).toBe(true);
    expect(seen.every((row) => /^\s*SELECT/i.test(row.query))).toBe(true);
    // the replica's role really cannot write: what it was sent cannot have been a write that succeeded
    const asReader = new Client({ connectionString: readerUrl() });
    await asReader.connect();
    await expect(asReader.query(`UPDATE settings SET version = version`)).rejects.toMatchObject({ code: '42501' });
    await asReader.end();
  });

  it('reads there and nowhere else: without SELECT on a table the opted-in page fails, sign-in and the lists do not', async () => {
    await t.query(`REVOKE SELECT ON monthly_reports, users FROM ${reader}`);
    try {
      expect((await drill()).status).toBe(500);
      // sign-in, token checks and the project list never read from the replica
      const token = await t.adminToken();
      expect((await t.request('GET', '/api/v1/projects', { token })).status).toBe(200);
      expect((await t.request('GET', '/api/v1/industries', { token })).status).toBe(200);
    } finally {
      await t.query(`GRANT SELECT ON monthly_reports, users TO ${reader}`);
    }
    expect((await drill()).status).toBe(200);
  });

  it('falls back to the primary while the replica is down, says so in /api/health, and returns to it', async () => {
    const before = await drill();
    const up = await health();
    expect(up.status).toBe(200);
    expect(up.body).toEqual({ status: 'ok', database: 'up', readReplica: { status: 'up', lagSeconds: null, fallbacks: 0 } });

    await server.query(`ALTER ROLE ${reader} NOLOGIN`);
    await endReplicaConnections();
    try {
      const during = await drill();
      expect(during.status).toBe(200);
      expect(during.body).toEqual(before.body);
      expect((await t.request('GET', '/api/v1/workbench', { token: district })).status).toBe(200);
      const down = await health();
      expect(down.status).toBe(200);
      expect(down.body.status).toBe('ok');
      expect(down.body.readReplica?.status).toBe('down');
      expect(down.body.readReplica?.fallbacks).toBeGreaterThanOrEqual(1);
      expect(await replicaQueries()).toEqual([]);
    } finally {
      await server.query(`ALTER ROLE ${reader} LOGIN`);
    }

    // the health check finds it back, and the next read goes there again
    expect((await health()).body.readReplica?.status).toBe('up');
    expect((await drill()).body).toEqual(before.body);
    expect((await replicaQueries()).length).toBeGreaterThan(0);
  });

  it('starts every connection of both pools without parallel workers (DATABASE_PARALLEL_WORKERS, default 0)', async () => {
    type Shown = { max_parallel_workers_per_gather: string }[];
    const primary: Shown = await t.app.get(DataSource).query('SHOW max_parallel_workers_per_gather');
    expect(primary[0].max_parallel_workers_per_gather).toBe('0');
    expect((await t.app.get(ReadPool).run<Shown[number]>(sql`SHOW max_parallel_workers_per_gather`))[0].max_parallel_workers_per_gather).toBe('0');
    // the server's own default is not 0: the setting comes from our connections, not from the server
    expect((await server.query('SHOW max_parallel_workers_per_gather')).rows[0].max_parallel_workers_per_gather).not.toBe('0');
  });
});
