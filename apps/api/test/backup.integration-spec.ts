import { getDataSourceToken } from '@nestjs/typeorm';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '../src/config/config.js';
import { BackupScheduler } from '../src/modules/backup/backup-scheduler.js';
import { BackupError, createBackup, listBackups, restoreBackup } from '../src/modules/backup/backup.service.js';
import { createProject } from './support/projects.js';
import { TestApp } from './support/test-app.js';

/** Every table's rows, each as JSON text, in a stable order: two equal snapshots are two equal databases. */
async function snapshot(t: TestApp): Promise<Record<string, string[]>> {
  const tables = await t.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1");
  const result: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await t.query<{ row: string }>(`SELECT to_jsonb(x)::text AS row FROM "${name}" x ORDER BY 1`);
    result[name] = rows.map((r) => r.row);
  }
  return result;
}

/**
 * Issue 12: `npm run backup` and `npm run restore`, on a real PostgreSQL with the real pg_dump,
 * pg_restore and psql, and the daily backup while the API runs.
 */
describe('backups and restore', () => {
  let t: TestApp;
  let dir: string;
  let closed = false;
  beforeAll(async () => {
    t = await TestApp.start();
    dir = mkdtempSync(join(tmpdir(), 'zs-backup-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (!closed) return t?.stop();
    // the API was stopped by the last test: only its database is left to drop
    const server = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await server.connect();
    await server.query(`DROP DATABASE IF EXISTS ${new URL(t.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await server.end();
  });

  const config = (backup: Partial<AppConfig['backup']>): AppConfig => ({ ...loadConfig({ DATA_DIR: dir, WEB_DIR: 'none' }), backup: { dir, keep: 14, dailyAt: null, ...backup } });

  it('keeps the newest BACKUP_KEEP backups and leaves other files alone', async () => {
    const own = mkdtempSync(join(dir, 'keep-'));
    writeFileSync(join(own, 'notes.txt'), 'not a backup');
    for (const day of [1, 2, 3]) await createBackup(t.databaseUrl, { dir: own, keep: 2, at: new Date(2026, 2, day, 2, 30) });
    // two in the same second get distinct names rather than one overwriting the other
    await createBackup(t.databaseUrl, { dir: own, keep: 2, at: new Date(2026, 2, 3, 2, 30) });
    expect(listBackups(own)).toEqual(['zhaoshang-20260303-023000.dump', 'zhaoshang-20260303-023000-1.dump']);
    expect(readdirSync(own).sort()).toEqual(['notes.txt', 'zhaoshang-20260303-023000-1.dump', 'zhaoshang-20260303-023000.dump']);
  });

  it('takes the daily backup at its minute, in one process of several, and never throws', async () => {
    const daily = mkdtempSync(join(dir, 'daily-'));
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    // a clock a moment before 02:30 local time: both schedulers' timers fall due at once
    const clock = () => new Date(2026, 2, 1, 2, 29, 59, 700);
    const schedulers = [1, 2].map(() => new BackupScheduler(config({ dir: daily, dailyAt: '02:30' }), dataSource, clock));
    for (const scheduler of schedulers) scheduler.onApplicationBootstrap();
    for (let i = 0; i < 100 && listBackups(daily).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await Promise.all(schedulers.map((scheduler) => scheduler.onApplicationShutdown()));
    expect(listBackups(daily)).toEqual(['zhaoshang-20260301-023000.dump']);

    // a backup that cannot be written is logged, not thrown at the API
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const broken = new BackupScheduler(config({ dir: join(file, 'backups'), dailyAt: '02:30' }), dataSource, clock);
    await expect(broken.runSlot(new Date(2026, 2, 1, 2, 30))).resolves.toBeUndefined();
  });

  it('restores as the database owner without superuser rights, the role docs/operations.md sets up', async () => {
    const { file } = await createBackup(t.databaseUrl, { dir, keep: 14 });
    const suffix = Math.random().toString(36).slice(2, 8);
    const [role, database] = [`zs_owner_${suffix}`, `zs_owned_${suffix}`];
    const server = new Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await server.connect();
    try {
      await server.query(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-pass'`);
      await server.query(`CREATE DATABASE ${database} OWNER ${role}`);
      const url = new URL(process.env['TEST_DATABASE_URL']!);
      Object.assign(url, { username: role, password: 'owner-pass', pathname: `/${database}` });
      await restoreBackup(url.toString(), file!, { force: false });
      const owned = new Client({ connectionString: url.toString() });
      await owned.connect();
      const counts = async (client: Client) => (await client.query<{ n: number }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM projects) + (SELECT count(*) FROM migrations) AS n')).rows[0].n;
      try {
        const [{ n: original }] = await t.query<{ n: number }>('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM projects) + (SELECT count(*) FROM migrations) AS n');
        expect(await counts(owned)).toEqual(original);
        const { rows } = await owned.query<{ owner: string }>("SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'");
        expect(rows).toEqual([{ owner: role }]);
      } finally {
        await owned.end();
      }
    } finally {
      await server.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await server.query(`DROP ROLE IF EXISTS ${role}`);
      await server.end();
    }
  });

  it('restores the backed-up state: a project edited and a user added after the backup are gone; refused while an API runs unless forced', async () => {
    const admin = await t.adminToken();
    const project = await createProject(t, admin);
    const before = await snapshot(t);
    const { file } = await createBackup(t.databaseUrl, { dir, keep: 14 });
    expect(file && existsSync(file)).toBeTruthy();

    const edited = await t.request('PATCH', `/api/v1/projects/${project.id}`, { token: admin, body: { notes: '备份之后的修改', version: project.version } });
    expect(edited.status).toBe(200);
    await t.userToken('CITY_STAFF');
    const changed = await snapshot(t);
    expect(changed).not.toEqual(before);

    const refused = await restoreBackup(t.databaseUrl, file!, { force: false }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect(refused).toMatchObject({ code: 'API_RUNNING', message: expect.stringContaining('拒绝恢复：有 API 进程正在使用该数据库') });
    expect(await snapshot(t)).toEqual(changed);

    await restoreBackup(t.databaseUrl, file!, { force: true });
    expect(await snapshot(t)).toEqual(before);

    // the API stopped: a plain restore goes ahead, and a file that is no backup is refused before anything is dropped
    await t.userToken('LEADER');
    await t.app.close();
    closed = true;
    await expect(restoreBackup(t.databaseUrl, join(dir, 'a-file'), { force: false })).rejects.toMatchObject({ code: 'BAD_FILE' });
    await restoreBackup(t.databaseUrl, file!, { force: false });
    expect(await snapshot(t)).toEqual(before);
  });
});
