// Starts the built API (serving the built web app) on a fresh embedded PostgreSQL for one e2e run,
// and removes the data again when Playwright stops it.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'zs-e2e-'));
chmodSync(dataDir, 0o755);
const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: process.env.E2E_PORT ?? '4310', DATA_DIR: dataDir, ADMIN_PASSWORD: 'E2e#Chief2026', LOG_LEVEL: 'warn', SEED_DEMO: 'false', DATABASE_URL: '' },
});
const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    api.kill('SIGTERM');
  });
}
api.on('exit', (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
