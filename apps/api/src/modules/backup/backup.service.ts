import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runSql, sql } from '../../common/sql/sql.js';
import { API_PRESENCE_LOCK } from './api-presence.js';
import { BackupError } from './backup-error.js';
import { backupFileName, pruneBackups } from './backup-files.js';
import { BACKUP_APPLICATION_NAME, findPgTool, libpqConnection, runTool, toolMajor } from './pg-tools.js';

export { BackupError } from './backup-error.js';
export { listBackups } from './backup-files.js';

export interface BackupOptions {
  dir: string;
  keep: number;
  /** the time the file is named by: now for `npm run backup`, the scheduled minute for the daily one */
  at?: Date;
  /** a backup of that name exists already (another process took this daily slot): write none */
  skipIfExists?: boolean;
}

export interface BackupResult {
  /** null when skipped */
  file: string | null;
  bytes: number;
  deleted: string[];
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, application_name: BACKUP_APPLICATION_NAME });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError('NO_DATABASE', `无法连接数据库：${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * pg_dump in its custom format (compressed; pg_restore can pick from it) into `dir`, under a name
 * that says when, then the oldest beyond `keep` deleted. Written under a temporary name first, so
 * that a dump that fails half-way is never taken for a backup, nor counted by the retention.
 */
export async function createBackup(databaseUrl: string, options: BackupOptions): Promise<BackupResult> {
  const tool = findPgTool('pg_dump');
  const clientMajor = tool.major ?? (await toolMajor(tool.path));
  const serverMajor = await withClient(databaseUrl, async (client) => {
    const [{ version }] = await runSql<{ version: number }>(client, sql`SELECT current_setting('server_version_num')::int AS version`);
    return Math.floor(version / 10000);
  });
  if (clientMajor < serverMajor) {
    throw new BackupError('VERSION_MISMATCH', `pg_dump ${clientMajor} 不能备份 PostgreSQL ${serverMajor} 的数据库：请安装 postgresql-client-${serverMajor}（PostgreSQL 官方 apt 源）`);
  }
  // backups hold every user's password hash: readable by the owner only
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const at = options.at ?? new Date();
  // a daily slot another process has written already: no second dump
  if (options.skipIfExists && existsSync(join(options.dir, backupFileName(at)))) return { file: null, bytes: 0, deleted: [] };
  // unique per writer: two backups started in the same second (two processes, two operators) never share it
  const partial = join(options.dir, `.${backupFileName(at)}.${process.pid}.${randomBytes(4).toString('hex')}.partial`);
  const { dbname, env } = libpqConnection(databaseUrl);
  let file: string | null = null;
  try {
    await runTool(tool.path, ['--format=custom', `--file=${partial}`, `--dbname=${dbname}`], env);
    chmodSync(partial, 0o600);
    file = publish(partial, options.dir, at, options.skipIfExists ?? false);
  } finally {
    rmSync(partial, { force: true });
  }
  if (file === null) return { file: null, bytes: 0, deleted: [] };
  return { file, bytes: statSync(file).size, deleted: pruneBackups(options.dir, options.keep) };
}

/**
 * Gives the written dump its name, never over an existing backup: a hard link fails when the name is
 * taken, atomically, so of two writers of one name exactly one gets it. The other takes the next
 * suffix, or, for a daily slot (`skipIfExists`), leaves the slot to the one that has it.
 */
function publish(partial: string, dir: string, at: Date, skipIfExists: boolean): string | null {
  for (let suffix = 0; ; suffix++) {
    const file = join(dir, backupFileName(at, suffix));
    try {
      linkSync(partial, file);
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (skipIfExists) return null;
    }
  }
}

/**
 * Replaces the database's content with the backup's, all or nothing: the schema is dropped and
 * rebuilt from the dump in one transaction, so tables a newer version added are gone too and the
 * migrations that follow the dump run again at the next start. Refused while an API runs on the
 * database (its caches and sessions would outlive the data under them) unless forced.
 */
export async function restoreBackup(databaseUrl: string, file: string, options: { force: boolean }): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError('BAD_FILE', `备份文件不存在：${file}`);
  const pgRestore = findPgTool('pg_restore');
  const psql = findPgTool('psql');
  const work = mkdtempSync(join(tmpdir(), 'zhaoshang-restore-'));
  try {
    const script = join(work, 'restore.sql');
    try {
      // owners and grants are the old server's roles: the restored objects belong to whoever restores them
      await runTool(pgRestore.path, ['--no-owner', '--no-privileges', `--file=${script}`, file], {});
    } catch (error) {
      throw new BackupError('BAD_FILE', `无法读取备份文件 ${file}（应为 npm run backup 生成的 pg_dump 自定义格式文件）：${error instanceof Error ? error.message : String(error)}`);
    }
    const prelude = join(work, 'prelude.sql');
    // the schema as a new database has it since PostgreSQL 15: the database's owner owns it, everyone may use it
    writeFileSync(prelude, 'DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public AUTHORIZATION pg_database_owner;\nGRANT USAGE ON SCHEMA public TO PUBLIC;\n');
    const { dbname, env } = libpqConnection(databaseUrl);
    // every running API holds the presence lock in shared mode; holding it exclusively for the restore
    // also keeps an API that starts meanwhile waiting until the data is whole
    await withClient(databaseUrl, async (client) => {
      const [{ free }] = await runSql<{ free: boolean }>(client, sql`SELECT pg_try_advisory_lock(${API_PRESENCE_LOCK}) AS free`);
      if (!free && !options.force) {
        throw new BackupError('API_RUNNING', '拒绝恢复：有 API 进程正在使用该数据库。请先停止 API（systemctl stop 或 Ctrl+C）再恢复；确需在运行时恢复请加 --force，恢复后必须立即重启 API');
      }
      await runTool(psql.path, ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', '--single-transaction', `--file=${prelude}`, `--file=${script}`, `--dbname=${dbname}`], env);
    });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
