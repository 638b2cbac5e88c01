import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the API reads from its environment, validated once at boot. */
export interface AppConfig {
  port: number;
  /** absent: an embedded PostgreSQL keeps its data in `dataDir` */
  databaseUrl: string | null;
  /**
   * DATABASE_READ_URL (issue 17): a read replica (a hot standby, or anything that answers SELECT) for
   * the reads that may lag — the summary pages (docs/scale.md lists which). null: every read on the
   * primary, as before.
   */
  databaseReadUrl: string | null;
  /** max_parallel_workers_per_gather of the API's connections (DATABASE_PARALLEL_WORKERS, default 0: see sessionOptions) */
  databaseParallelWorkers: number;
  dataDir: string;
  adminPassword: string | null;
  /** create the first admin with a generated password when there is none (used by `npm start`) */
  generateAdminPassword: boolean;
  seedDemo: boolean;
  jwtSecret: string;
  /** how long a sign-in lasts */
  sessionHours: number;
  logLevel: LogLevel;
  /** the built web app served beside the API; null to serve none */
  webDir: string | null;
  /** ZS_TEST_CLOCK=1: requests may set "today" with the X-Test-Today header (end-to-end tests only; refused in production) */
  testClock: boolean;
  /** NODE_ENV=production: a real server; demo data is refused (issue 12) */
  production: boolean;
  /**
   * Which proxies' X-Forwarded-For to believe (TRUST_PROXY): false (default: the peer's address),
   * true (any), a number of hops, or a list of addresses/CIDRs. Passed to Fastify as it is.
   */
  trustProxy: boolean | number | string[];
  /** API processes to run (WORKERS); 1 runs the API in the launching process itself */
  workers: number;
  /** how long a stop waits for requests and imports in flight before giving up (SHUTDOWN_TIMEOUT_SECONDS) */
  shutdownTimeoutMs: number;
  backup: {
    /** where `npm run backup` and the daily backup write (BACKUP_DIR, default DATA_DIR/backups) */
    dir: string;
    /** how many backups to keep; older ones are deleted after a new one is written (BACKUP_KEEP) */
    keep: number;
    /** "HH:MM" local time of a daily backup while the API runs (BACKUP_DAILY_AT); null: none */
    dailyAt: string | null;
  };
}

/** A wrong environment value: the message is one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`配置错误：${variable} ${message}`);
  }
}

type Env = Record<string, string | undefined>;

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = text(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(name, `必须是 ${min} 到 ${max} 之间的整数，当前为 "${raw}"`);
  }
  return Number(raw);
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = text(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(name, `必须是 true 或 false，当前为 "${raw}"`);
}

function databaseUrl(env: Env, name: 'DATABASE_URL' | 'DATABASE_READ_URL'): string | null {
  const raw = text(env, name);
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, '不是有效的地址，应形如 postgres://用户:密码@主机:5432/数据库');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(name, `必须以 postgres:// 开头，当前为 "${url.protocol}//"`);
  }
  if (url.pathname.length <= 1) throw new ConfigError(name, '缺少数据库名，应形如 postgres://主机:5432/数据库');
  return raw;
}

/** The replica must be another copy of DATABASE_URL's database: without a primary given there is nothing to copy. */
function databaseReadUrl(env: Env, primary: string | null): string | null {
  const raw = databaseUrl(env, 'DATABASE_READ_URL');
  if (raw === null) return null;
  if (primary === null) throw new ConfigError('DATABASE_READ_URL', '只能与 DATABASE_URL 一起设置（内置数据库没有只读副本）');
  if (raw === primary) throw new ConfigError('DATABASE_READ_URL', '与 DATABASE_URL 相同：只读副本应是另一台服务器（或另一个只读账号）；不用副本请不设置此项');
  return raw;
}

function trustProxy(env: Env): boolean | number | string[] {
  const raw = text(env, 'TRUST_PROXY');
  if (raw === undefined || ['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  if (['true', 'yes'].includes(raw.toLowerCase())) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const list = raw.split(',').map((part) => part.trim());
  // addresses or CIDR ranges, v4 or v6 (Fastify checks them with proxy-addr)
  if (list.every((part) => /^[\d.]+(\/\d{1,2})?$/.test(part) || /^[\da-f:]+(\/\d{1,3})?$/i.test(part) || ['loopback', 'linklocal', 'uniquelocal'].includes(part))) return list;
  throw new ConfigError('TRUST_PROXY', `应为 false、true、代理层数，或以逗号分隔的代理地址 / CIDR（如 127.0.0.1,10.0.0.0/8），当前为 "${raw}"`);
}

function dailyAt(env: Env): string | null {
  const raw = text(env, 'BACKUP_DAILY_AT');
  if (raw === undefined || raw.toLowerCase() === 'off') return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(raw);
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) throw new ConfigError('BACKUP_DAILY_AT', `应为每天的时刻 HH:MM（如 02:30）或 off，当前为 "${raw}"`);
  return `${match[1].padStart(2, '0')}:${match[2]}`;
}

/** The JWT secret: given, or generated once and kept in DATA_DIR so sessions survive restarts. */
function jwtSecret(env: Env, dataDir: string): string {
  const given = text(env, 'JWT_SECRET');
  if (given !== undefined) {
    if (given.length < 32) throw new ConfigError('JWT_SECRET', `至少 32 个字符，当前只有 ${given.length} 个`);
    return given;
  }
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): AppConfig {
  const dataDir = resolve(cwd, text(env, 'DATA_DIR') ?? '.data');
  const logLevel = (text(env, 'LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `必须是 ${LOG_LEVELS.join(' / ')} 之一，当前为 "${logLevel}"`);
  }
  const adminPassword = text(env, 'ADMIN_PASSWORD') ?? null;
  if (adminPassword !== null && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', '至少 8 位');
  }
  const webDir = text(env, 'WEB_DIR');
  const production = text(env, 'NODE_ENV') === 'production';
  const seedDemo = flag(env, 'SEED_DEMO', false);
  if (production && seedDemo) throw new ConfigError('SEED_DEMO', '在 NODE_ENV=production 的服务器上不允许载入演示数据（演示账号的密码是公开的）');
  const testClock = flag(env, 'ZS_TEST_CLOCK', false);
  if (production && testClock) throw new ConfigError('ZS_TEST_CLOCK', '在 NODE_ENV=production 的服务器上不允许使用测试时钟');
  const primaryUrl = databaseUrl(env, 'DATABASE_URL');
  return {
    port: integer(env, 'PORT', 3000, 1, 65535),
    databaseUrl: primaryUrl,
    databaseReadUrl: databaseReadUrl(env, primaryUrl),
    databaseParallelWorkers: integer(env, 'DATABASE_PARALLEL_WORKERS', 0, 0, 64),
    dataDir,
    adminPassword,
    generateAdminPassword: flag(env, 'GENERATE_ADMIN_PASSWORD', false),
    seedDemo,
    jwtSecret: jwtSecret(env, dataDir),
    sessionHours: integer(env, 'SESSION_HOURS', 8, 1, 720),
    logLevel: logLevel as LogLevel,
    webDir: webDir === 'none' ? null : resolve(cwd, webDir ?? 'dist/apps/web/browser'),
    testClock,
    production,
    trustProxy: trustProxy(env),
    workers: integer(env, 'WORKERS', 1, 1, 64),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_SECONDS', 30, 1, 3600) * 1000,
    backup: {
      dir: resolve(cwd, text(env, 'BACKUP_DIR') ?? join(dataDir, 'backups')),
      keep: integer(env, 'BACKUP_KEEP', 14, 1, 1000),
      dailyAt: dailyAt(env),
    },
  };
}
