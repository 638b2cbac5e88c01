import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { BackupError } from './backup-error.js';

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

/** What the client tools and our own connections call themselves in pg_stat_activity. */
export const BACKUP_APPLICATION_NAME = 'zhaoshang-backup';

/**
 * The newest installed copy of a PostgreSQL client program: Debian keeps each major version under
 * /usr/lib/postgresql/<major>/bin (with /usr/bin wrappers); pg_dump refuses a server newer than itself,
 * so the newest one serves every supported server.
 */
export function findPgTool(tool: PgTool, libDir = '/usr/lib/postgresql', path = process.env['PATH'] ?? ''): { path: string; major: number | null } {
  const versioned = existsSync(libDir)
    ? readdirSync(libDir)
        .filter((name) => /^\d+$/.test(name))
        .map(Number)
        .sort((a, b) => b - a)
        .map((major) => ({ path: join(libDir, String(major), 'bin', tool), major }))
    : [];
  const onPath = path
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => ({ path: join(dir, tool), major: null }));
  const found = [...versioned, ...onPath].find((candidate) => existsSync(candidate.path));
  if (!found) throw new BackupError('TOOL_MISSING', `未找到 ${tool}：请安装 PostgreSQL 客户端（Debian/Ubuntu：apt install postgresql-client），其主版本不低于数据库服务器的版本`);
  return found;
}

/** The tool's major version, from `--version` ("pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)"). */
export async function toolMajor(path: string): Promise<number> {
  const { stdout } = await runTool(path, ['--version'], {});
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new BackupError('TOOL_MISSING', `无法识别 ${path} 的版本：${stdout.trim()}`);
  return Number(match[1]);
}

/**
 * libpq's view of a connection URL, the password apart: passed in PGPASSWORD so that it never shows
 * in the process list, as a URL on the command line would.
 */
export function libpqConnection(databaseUrl: string): { dbname: string; env: Record<string, string> } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env: Record<string, string> = { PGAPPNAME: BACKUP_APPLICATION_NAME };
  if (password !== '') env['PGPASSWORD'] = password;
  return { dbname: url.toString(), env };
}

/** Runs a client program to its end; its stderr becomes the error's message when it fails. */
export function runTool(path: string, args: string[], env: Record<string, string>): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new BackupError('TOOL_FAILED', `无法运行 ${path}：${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve({ stdout });
      else reject(new BackupError('TOOL_FAILED', `${path.split('/').pop() ?? path} 失败（退出码 ${String(code)}）：${stderr.trim().split('\n').slice(-5).join(' / ')}`));
    });
  });
}
