import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../../config/config.js';
import { DATABASE as EMBEDDED_DATABASE, startEmbeddedPostgres } from '../../database/embedded-postgres.js';
import { BackupError } from './backup-error.js';

export interface BackupTarget {
  url: string;
  /** for messages: which database this is */
  description: string;
  /** stops the embedded server when this command started it */
  close(): Promise<void>;
}

/** The port of the embedded server running on `<dataDir>/pg` (an API started it), or null when none runs. */
function runningEmbeddedPort(dataDir: string): number | null {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: the server's pid, its data directory, its start time, its port, …
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return null;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user (the postgres user when the API runs as root)
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return port;
}

/**
 * The database a backup or restore works on: DATABASE_URL's; else the embedded server's, reached
 * where the running API left it, or started for the command and stopped after it. A restore onto a
 * DATA_DIR that has no cluster yet (a new machine) creates one; a backup of nothing is refused.
 */
export async function openBackupTarget(config: AppConfig, purpose: 'backup' | 'restore', log: (line: string) => void): Promise<BackupTarget> {
  if (config.databaseUrl !== null) {
    const url = new URL(config.databaseUrl);
    return { url: config.databaseUrl, description: `${url.hostname}:${url.port || '5432'}${url.pathname}`, close: async () => undefined };
  }
  const port = runningEmbeddedPort(config.dataDir);
  const passwordFile = join(config.dataDir, 'pg-password');
  if (port !== null && existsSync(passwordFile)) {
    const password = readFileSync(passwordFile, 'utf8').trim();
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`,
      description: `内置 PostgreSQL（${config.dataDir}，运行中）`,
      close: async () => undefined,
    };
  }
  if (purpose === 'backup' && !existsSync(join(config.dataDir, 'pg', 'PG_VERSION'))) {
    throw new BackupError('NO_DATABASE', `没有可备份的数据库：未设置 DATABASE_URL，且 ${config.dataDir} 中没有内置 PostgreSQL 的数据（DATA_DIR 是否正确？）`);
  }
  const embedded = await startEmbeddedPostgres(config.dataDir, log);
  return { url: embedded.url, description: `内置 PostgreSQL（${config.dataDir}）`, close: () => embedded.stop() };
}
