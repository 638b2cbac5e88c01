// The benchmark's scratch world: a throw-away embedded PostgreSQL and the built API on it, both
// stopped and removed again by `cleanup()`, also after a failure or Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const RESERVED_PORTS = new Set([3000, 4310, 4420]);

export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port: given } = server.address();
        server.close(() => resolve(given));
      });
    });
    if (!RESERVED_PORTS.has(port)) return port;
  }
}

/** Signs in as the scratch API's admin (the password `startApi` was given) and resolves to the bearer token. */
export async function signIn(baseUrl, adminPassword) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: adminPassword }),
  });
  if (response.status !== 200) throw new Error(`登录失败：${response.status} ${await response.text()}`);
  return (await response.json()).accessToken;
}

/** A table for the terminal: columns padded to the widest cell, CJK characters counted as two. */
export function printTable(header, rows) {
  const width = (s) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells) => cells.map((c, i) => c + ' '.repeat(widths[i] - width(c))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

/**
 * BENCH_AUTO_EXPLAIN_MS=<ms>: auto_explain logs the plan (ANALYZE, BUFFERS, triggers, nested statements)
 * of every statement slower than that into the server's log, which EMBEDDED_PG_LOG=<file> keeps. Set
 * before the API starts, so every connection of its pool has it.
 */
async function autoExplain(databaseUrl, ms) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`LOAD 'auto_explain'`); // its settings are known to ALTER SYSTEM only once loaded
    for (const [name, value] of [
      ['session_preload_libraries', 'auto_explain'],
      ['auto_explain.log_min_duration', `${ms}ms`],
      ['auto_explain.log_analyze', 'on'],
      ['auto_explain.log_buffers', 'on'],
      ['auto_explain.log_triggers', 'on'],
      ['auto_explain.log_nested_statements', 'on'],
    ]) {
      await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
    }
    await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}

export class Scratch {
  constructor(apiDist) {
    this.apiDist = apiDist;
    this.dir = mkdtempSync(join(tmpdir(), 'zs-bench-'));
    chmodSync(this.dir, 0o755); // PostgreSQL runs as the postgres user: it must enter the directory
    this.database = null;
    this.api = null;
    this.apiLog = join(this.dir, 'api.log');
    this.cleaning = null;
  }

  /**
   * BENCH_WORLD_SNAPSHOT=<dir>: a loaded world kept between runs. When the directory exists, the scratch
   * database starts from a copy of it (`cp -a`: PostgreSQL's files belong to the postgres user) and the
   * loaders find their rows already there (load-monthly.mjs); when it does not, `saveSnapshotOnCleanup()`
   * copies the cluster there once the database is stopped. The API's migrations run on the copy as usual,
   * so a build with newer migrations can use a snapshot made by an older one.
   */
  snapshot = process.env.BENCH_WORLD_SNAPSHOT ? resolvePath(process.env.BENCH_WORLD_SNAPSHOT) : null;
  saveSnapshot = false;

  get fromSnapshot() {
    return this.snapshot !== null && existsSync(this.snapshot);
  }

  saveSnapshotOnCleanup() {
    if (this.snapshot && !existsSync(this.snapshot)) this.saveSnapshot = true;
  }

  async startDatabase() {
    if (this.fromSnapshot) {
      const copied = spawnSync('cp', ['-a', this.snapshot, join(this.dir, 'pg-data')], { stdio: 'inherit' });
      if (copied.status !== 0) throw new Error(`复制数据快照 ${this.snapshot} 失败`);
      rmSync(join(this.dir, 'pg-data/pg/postmaster.pid'), { force: true });
      console.log(`  使用数据快照 ${this.snapshot}`);
    }
    const { startEmbeddedPostgres } = await import(pathToFileURL(join(this.apiDist, 'database/embedded-postgres.js')).href);
    this.database = await startEmbeddedPostgres(join(this.dir, 'pg-data'), (line) => console.log(`  ${line}`));
    return this.database.url;
  }

  /**
   * The usual start of a benchmark: the scratch PostgreSQL, then the built API on it with the log level
   * and node arguments of BENCH_LOG_LEVEL / BENCH_API_NODE_ARGS (e.g. --cpu-prof). `step` prints progress.
   */
  async startDatabaseAndApi(adminPassword, step) {
    step('启动临时内置 PostgreSQL');
    const databaseUrl = await this.startDatabase();
    if (process.env.BENCH_AUTO_EXPLAIN_MS) await autoExplain(databaseUrl, Number(process.env.BENCH_AUTO_EXPLAIN_MS));
    step('启动 API（生产构建，执行数据库迁移）');
    const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const baseUrl = await this.startApi(databaseUrl, adminPassword, process.env.BENCH_LOG_LEVEL ?? 'warn', nodeArgs);
    return { databaseUrl, baseUrl };
  }

  /**
   * The built API as it runs in production; resolves once /api/health answers (migrations applied).
   * `env`: overrides of the API's environment (first-load.mjs: the web app and the demo data);
   * `startSeconds`: how long to wait for it (BENCH_API_START_SECONDS, else 60) — more for a start that
   * has work to do on a large world (indicators.mjs's raw-engine API publishes the closed months).
   */
  async startApi(databaseUrl, adminPassword, logLevel, nodeArgs = [], env = {}, { startSeconds: wait } = {}) {
    const port = await freePort();
    const log = createWriteStream(this.apiLog);
    const child = spawn(process.execPath, [...nodeArgs, join(this.apiDist, 'main.js')], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        ADMIN_PASSWORD: adminPassword,
        LOG_LEVEL: logLevel,
        WEB_DIR: 'none',
        PORT: String(port),
        DATA_DIR: join(this.dir, 'api-data'),
        JWT_SECRET: randomBytes(32).toString('base64url'),
        SEED_DEMO: 'false',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    this.api = { child, exited: new Promise((resolve) => child.once('exit', resolve)) };
    const baseUrl = `http://127.0.0.1:${port}`;
    // BENCH_API_START_SECONDS: a snapshot made before a migration runs it on millions of rows at start
    const startSeconds = Number(process.env.BENCH_API_START_SECONDS ?? wait ?? 60);
    const deadline = Date.now() + startSeconds * 1000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`API 启动失败（退出码 ${child.exitCode}）：\n${this.apiLogTail()}`);
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        if (response.ok) return baseUrl;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`API ${startSeconds} 秒内未就绪：\n${this.apiLogTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  apiLogTail(lines = 40) {
    try {
      return readFileSync(this.apiLog, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no API log)';
    }
  }

  /** Idempotent: a second call (a signal during a failing run) waits for the same cleanup. */
  /** set once a signal came: a failure after it is only the interrupted work */
  interrupted = false;

  /** Ctrl+C or a kill stops the scratch API and database before the process exits. */
  cleanupOnSignals() {
    const onSignal = (signal) => {
      if (this.interrupted) return;
      this.interrupted = true;
      console.error(`\n收到 ${signal}，正在清理…`);
      void this.cleanup().finally(() => process.exit(130));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }

  cleanup() {
    this.cleaning ??= this.stopAll();
    return this.cleaning;
  }

  async stopAll() {
    if (this.api && this.api.child.exitCode === null) {
      this.api.child.kill('SIGTERM');
      const stopped = await Promise.race([this.api.exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 10_000))]);
      if (!stopped) this.api.child.kill('SIGKILL');
    }
    this.api = null;
    if (this.database) await this.database.stop().catch((error) => console.error(`  停止 PostgreSQL 失败：${error}`));
    if (this.database && this.saveSnapshot && !this.interrupted) {
      const saved = spawnSync('cp', ['-a', join(this.dir, 'pg-data'), this.snapshot], { stdio: 'inherit' });
      console.log(saved.status === 0 ? `  数据快照已保存：${this.snapshot}` : `  保存数据快照失败`);
    }
    this.database = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
