import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

// each test's DATA_DIR, removed after the file (864 of them had piled up in /tmp)
const made: string[] = [];
const tmp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'zs-config-'));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('applies defaults and keeps a generated JWT secret in DATA_DIR', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir }, '/');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: dir, seedDemo: false, logLevel: 'info' });
    expect(readFileSync(join(dir, 'jwt-secret'), 'utf8').trim()).toBe(config.jwtSecret);
    expect(loadConfig({ DATA_DIR: dir }, '/').jwtSecret).toBe(config.jwtSecret);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://localhost:5432' }, 'DATABASE_URL'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_PASSWORD: '123' }, 'ADMIN_PASSWORD'],
    [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, 'SEED_DEMO'],
    [{ TRUST_PROXY: 'the proxy' }, 'TRUST_PROXY'],
    [{ WORKERS: '0' }, 'WORKERS'],
    [{ SHUTDOWN_TIMEOUT_SECONDS: '-1' }, 'SHUTDOWN_TIMEOUT_SECONDS'],
    [{ BACKUP_KEEP: '0' }, 'BACKUP_KEEP'],
    [{ BACKUP_DAILY_AT: '25:00' }, 'BACKUP_DAILY_AT'],
    [{ NODE_ENV: 'production', ZS_TEST_CLOCK: '1' }, 'ZS_TEST_CLOCK'],
    [{ DATABASE_URL: 'postgres://db/zs', DATABASE_READ_URL: 'mysql://replica/zs' }, 'DATABASE_READ_URL'],
    [{ DATABASE_URL: 'postgres://db/zs', DATABASE_READ_URL: 'postgres://replica:5432' }, 'DATABASE_READ_URL'],
    [{ DATABASE_READ_URL: 'postgres://replica/zs' }, 'DATABASE_READ_URL'],
    [{ DATABASE_URL: 'postgres://db/zs', DATABASE_READ_URL: 'postgres://db/zs' }, 'DATABASE_READ_URL'],
  ])('rejects %o naming %s in one line', (env, variable) => {
    const run = () => loadConfig({ DATA_DIR: tmp(), ...env }, '/');
    expect(run).toThrow(ConfigError);
    try {
      run();
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as Error).message).toContain(variable);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('accepts a postgres URL and explicit values', () => {
    const config = loadConfig(
      { DATA_DIR: tmp(), PORT: '8080', DATABASE_URL: 'postgresql://u:p@db:5432/zs', SEED_DEMO: 'true', LOG_LEVEL: 'WARN' },
      '/',
    );
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgresql://u:p@db:5432/zs', seedDemo: true, logLevel: 'warn' });
  });

  it('reads the deployment settings of issue 12', () => {
    const dir = tmp();
    expect(loadConfig({ DATA_DIR: dir }, '/')).toMatchObject({ production: false, trustProxy: false, workers: 1, shutdownTimeoutMs: 30_000, backup: { dir: join(dir, 'backups'), keep: 14, dailyAt: null } });
    const config = loadConfig({ DATA_DIR: dir, NODE_ENV: 'production', TRUST_PROXY: '127.0.0.1, 10.0.0.0/8', WORKERS: '4', BACKUP_KEEP: '7', BACKUP_DAILY_AT: '2:30', BACKUP_DIR: '/srv/backups' }, '/');
    expect(config).toMatchObject({ production: true, trustProxy: ['127.0.0.1', '10.0.0.0/8'], workers: 4, backup: { dir: '/srv/backups', keep: 7, dailyAt: '02:30' } });
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: '1' }, '/').trustProxy).toBe(1);
    expect(loadConfig({ DATA_DIR: dir, TRUST_PROXY: 'true' }, '/').trustProxy).toBe(true);
  });

  it('reads the read replica of issue 17 beside the primary, none by default', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://db/zs' }, '/').databaseReadUrl).toBeNull();
    const config = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://db/zs', DATABASE_READ_URL: 'postgresql://reader:pw@replica:5432/zs' }, '/');
    expect(config).toMatchObject({ databaseUrl: 'postgres://db/zs', databaseReadUrl: 'postgresql://reader:pw@replica:5432/zs' });
  });

  it('runs the API without parallel query unless DATABASE_PARALLEL_WORKERS says otherwise', () => {
    expect(loadConfig({ DATA_DIR: tmp() }, '/').databaseParallelWorkers).toBe(0);
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_PARALLEL_WORKERS: '4' }, '/').databaseParallelWorkers).toBe(4);
    expect(() => loadConfig({ DATA_DIR: tmp(), DATABASE_PARALLEL_WORKERS: 'two' }, '/')).toThrow(/DATABASE_PARALLEL_WORKERS.*0 到 64/);
  });
});
