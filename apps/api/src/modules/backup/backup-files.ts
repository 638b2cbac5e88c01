import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const BACKUP_FILE = /^zhaoshang-(\d{8})-(\d{6})(?:-(\d+))?\.dump$/;

const pad = (n: number) => String(n).padStart(2, '0');

/** zhaoshang-YYYYMMDD-HHMMSS.dump in local time, the time an operator reads on the server's clock. */
export function backupFileName(at: Date, suffix = 0): string {
  const date = `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
  return `zhaoshang-${date}-${time}${suffix > 0 ? `-${suffix}` : ''}.dump`;
}

/** Our backups in the directory, oldest first (their names sort by time); other files are not ours to touch. */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => BACKUP_FILE.test(name))
    .sort((a, b) => {
      const [, ad, at, as] = BACKUP_FILE.exec(a) ?? [];
      const [, bd, bt, bs] = BACKUP_FILE.exec(b) ?? [];
      return `${ad}${at}`.localeCompare(`${bd}${bt}`) || Number(as ?? 0) - Number(bs ?? 0);
    });
}

/** Deletes the oldest backups beyond `keep`; returns the names deleted. */
export function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const doomed = all.slice(0, Math.max(0, all.length - keep));
  for (const name of doomed) rmSync(join(dir, name), { force: true });
  return doomed;
}
