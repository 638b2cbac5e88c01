import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupFileName, listBackups, pruneBackups } from './backup-files.js';

describe('backup files', () => {
  it('are named by local time and sorted by it, a same-second suffix after its plain name', () => {
    expect(backupFileName(new Date(2026, 11, 5, 1, 30, 0))).toBe('zhaoshang-20261205-013000.dump');
    expect(backupFileName(new Date(2026, 0, 2, 3, 4, 5), 2)).toBe('zhaoshang-20260102-030405-2.dump');
    const dir = mkdtempSync(join(tmpdir(), 'zs-backup-files-'));
    try {
      for (const name of ['zhaoshang-20261205-013000-10.dump', 'zhaoshang-20261205-013000-2.dump', 'zhaoshang-20261204-235959.dump', 'zhaoshang-20261205-013000.dump', 'other.dump', '.zhaoshang-20261206-000000.dump.partial']) {
        writeFileSync(join(dir, name), '');
      }
      expect(listBackups(dir)).toEqual(['zhaoshang-20261204-235959.dump', 'zhaoshang-20261205-013000.dump', 'zhaoshang-20261205-013000-2.dump', 'zhaoshang-20261205-013000-10.dump']);
      expect(pruneBackups(dir, 2)).toEqual(['zhaoshang-20261204-235959.dump', 'zhaoshang-20261205-013000.dump']);
      expect(readdirSync(dir).sort()).toEqual(['.zhaoshang-20261206-000000.dump.partial', 'other.dump', 'zhaoshang-20261205-013000-10.dump', 'zhaoshang-20261205-013000-2.dump']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
