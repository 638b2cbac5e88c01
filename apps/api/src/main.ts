import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from './bootstrap/create-app.js';
import type { InitialUsersResult } from './bootstrap/initial-users.js';
import { type AppConfig, ConfigError, loadConfig } from './config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

/**
 * The API's entry point. WORKERS=1 (the default): the API runs in this process. WORKERS=N: this
 * process is a node:cluster primary that owns the embedded PostgreSQL (when DATABASE_URL is not set),
 * forks N workers sharing the port, prints the banner once, restarts a worker that dies, and on
 * SIGTERM / SIGINT stops the workers gracefully, then PostgreSQL.
 *
 * The one-time setup (migrations, first users, demo data) runs in the workers, one at a time under a
 * PostgreSQL advisory lock (createApp), rather than in the primary before forking: the primary then
 * needs no Nest application and no database pool of its own, and the setup has a single code path
 * whether the API runs as one process, N workers or N instances on one database. The worker that
 * created the admin or demo passwords sends them to the primary over the cluster's IPC channel.
 */

/** What a worker tells the primary once it listens. */
interface ReadyMessage {
  type: 'ready';
  initialUsers: InitialUsersResult;
  demoProjects: number;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** a worker that died is started again after this long, so that a crash loop does not spin */
const RESTART_DELAY_MS = 1_000;

/**
 * The `embedded-postgres` package registers, when imported, SIGINT / SIGTERM / SIGHUP handlers (through
 * async-exit-hook) that stop its servers and exit at once: requests in flight, a running import
 * included, would be cut off, and in a worker it would exit before closing anything. We stop in our
 * own order instead (HTTP, then the pool, then PostgreSQL); its `exit` hook stays as a last resort.
 */
function dropForeignSignalHandlers(): void {
  for (const signal of SIGNALS) for (const listener of process.listeners(signal)) process.off(signal, listener);
}

async function main(): Promise<void> {
  dropForeignSignalHandlers();
  const config = loadConfig();
  if (cluster.isWorker) return runWorker(config);
  const embedded: EmbeddedDatabase | null = config.databaseUrl === null ? await startEmbeddedPostgres(config.dataDir, (line) => console.log(line)) : null;
  const databaseUrl = embedded?.url ?? config.databaseUrl ?? '';
  if (config.workers > 1) return runPrimary(config, embedded, databaseUrl);
  return runSingle(config, embedded, databaseUrl);
}

/**
 * Stops taking connections, closes idle keep-alive ones, lets the requests in flight finish (a running
 * import commits), then closes the database pool. Resolves false when that took longer than
 * SHUTDOWN_TIMEOUT_SECONDS: the caller then exits anyway, and PostgreSQL rolls back whatever
 * transaction the lost connections still had open (an import is never half-written).
 */
async function closeGracefully(app: NestFastifyApplication | undefined, timeoutMs: number): Promise<boolean> {
  if (!app) return true;
  // a keep-alive connection whose request finishes during the stop would otherwise stay open for
  // Fastify's keepAliveTimeout (72 s) and hold the close: shut each one as soon as it is idle
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 1;
  const closeIdle = setInterval(() => server.closeIdleConnections(), 100);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const closed = app.close().then(
    () => true as const,
    (error: unknown) => {
      console.error('停止时出错：', error instanceof Error ? error.message : error);
      return true as const;
    },
  );
  const done = await Promise.race([closed, timedOut]);
  clearTimeout(timer);
  clearInterval(closeIdle);
  return done;
}

/** WORKERS=1: the API in this process, as before issue 12. */
async function runSingle(config: AppConfig, embedded: EmbeddedDatabase | null, databaseUrl: string): Promise<void> {
  let app: NestFastifyApplication | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    // Ctrl-C reaches this process twice under `npm start` (from the terminal and forwarded by start.mjs)
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止（等待进行中的请求，最多 ${config.shutdownTimeoutMs / 1000} 秒）…`);
    const clean = await closeGracefully(app, config.shutdownTimeoutMs);
    if (!clean) console.error(`进行中的请求未能在 ${config.shutdownTimeoutMs / 1000} 秒内完成：强制退出，未提交的事务由数据库回滚`);
    await embedded?.stop().catch(() => undefined);
    process.exit(clean ? 0 : 1);
  };
  // SIGHUP: a closed terminal; stop PostgreSQL too rather than leave it holding the data directory
  for (const signal of SIGNALS) process.on(signal, () => void stop(signal));

  try {
    const created = await createApp(config, databaseUrl);
    app = created.app;
    await app.listen({ port: config.port, host: '0.0.0.0' });
    if (!stopping) printBanner(config, created.initialUsers, created.demoProjects);
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
}

/** A cluster worker: the API on the shared port; the primary decides when it stops. */
async function runWorker(config: AppConfig): Promise<void> {
  // filled once listening; a stop before that has nothing to close
  const running: { app?: NestFastifyApplication; stopping: boolean } = { stopping: false };
  const stop = async () => {
    if (running.stopping) return;
    running.stopping = true;
    const clean = await closeGracefully(running.app, config.shutdownTimeoutMs);
    process.exit(clean ? 0 : 1);
  };
  // the primary sends SIGTERM; Ctrl-C reaches the whole process group, workers included
  for (const signal of SIGNALS) process.on(signal, () => void stop());
  // the primary is gone (killed outright): do not live on as an orphan holding the port
  process.on('disconnect', () => void stop());

  const created = await createApp(config, config.databaseUrl ?? '');
  running.app = created.app;
  await created.app.listen({ port: config.port, host: '0.0.0.0' });
  const ready: ReadyMessage = { type: 'ready', initialUsers: created.initialUsers, demoProjects: created.demoProjects };
  process.send?.(ready);
}

/** WORKERS=N: forks, watches and stops the workers. */
function runPrimary(config: AppConfig, embedded: EmbeddedDatabase | null, databaseUrl: string): void {
  const ready: ReadyMessage[] = [];
  let bannerShown = false;
  let stopping = false;

  const fork = (): Worker => {
    // the workers reach the database the primary chose (the embedded one included) by DATABASE_URL
    const worker = cluster.fork({ DATABASE_URL: databaseUrl });
    worker.on('message', (message: unknown) => {
      if (!isReadyMessage(message) || bannerShown) return;
      ready.push(message);
      if (ready.length < config.workers) return;
      bannerShown = true;
      // only the worker that created the users saw their generated passwords: take each one where it is
      const initialUsers = ready.reduce<InitialUsersResult>((merged, m) => mergeInitialUsers(merged, m.initialUsers), ready[0].initialUsers);
      printBanner(config, initialUsers, Math.max(...ready.map((m) => m.demoProjects)));
    });
    return worker;
  };

  const stopAll = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}，正在停止 ${Object.keys(cluster.workers ?? {}).length} 个工作进程（等待进行中的请求，最多 ${config.shutdownTimeoutMs / 1000} 秒）…`);
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const exits = workers.map(
      (worker) =>
        new Promise<number>((resolve) =>
          worker.process.once('exit', (code, signal) => {
            // ended by our SIGTERM itself: a worker still loading, before it could handle the signal (nothing in flight)
            if (code === 0 || signal === 'SIGTERM') return resolve(0);
            console.error(`API 工作进程 ${worker.process.pid} 停止时${signal ? `被信号 ${signal} 结束` : `退出码 ${code}`}`);
            resolve(code ?? 1);
          }),
        ),
    );
    for (const worker of workers) worker.process.kill('SIGTERM');
    // the workers give up on their own after the timeout; this is the backstop for one that hangs
    const backstop = setTimeout(() => {
      for (const worker of workers) worker.process.kill('SIGKILL');
    }, config.shutdownTimeoutMs + 5_000);
    const codes = await Promise.all(exits);
    clearTimeout(backstop);
    await embedded?.stop().catch(() => undefined);
    process.exit(codes.some((code) => code !== 0) ? Math.max(exitCode, 1) : exitCode);
  };

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!bannerShown) {
      // a worker that cannot start (a wrong setting, the database unreachable) would fail again and again
      console.error(`API 工作进程 ${worker.process.pid} 启动失败（退出码 ${code ?? signal}）`);
      void stopAll('启动失败', 1);
      return;
    }
    console.error(`API 工作进程 ${worker.process.pid} 意外退出（${signal ?? `退出码 ${code}`}），${RESTART_DELAY_MS / 1000} 秒后重启`);
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS);
  });
  for (const signal of SIGNALS) process.on(signal, () => void stopAll(`收到 ${signal}`, 0));
  for (let i = 0; i < config.workers; i++) fork();
}

function isReadyMessage(message: unknown): message is ReadyMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ready';
}

/** Each field from whichever worker has it (the others, which found the users there, report null). */
function mergeInitialUsers(a: InitialUsersResult, b: InitialUsersResult): InitialUsersResult {
  const merged: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) if (merged[key] === null || merged[key] === undefined) merged[key] = value;
  return merged as unknown as InitialUsersResult;
}

function printBanner(config: AppConfig, initialUsers: InitialUsersResult, demoProjects: number): void {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '招商项目全流程跟踪 已启动',
    `  网页：     ${url}/`,
    `  API 文档： ${url}/api/docs`,
    `  数据库：   ${config.databaseUrl ? '外部 PostgreSQL（DATABASE_URL）' : `内置 PostgreSQL，数据目录 ${config.dataDir}`}`,
  ];
  if (config.workers > 1) lines.push(`  进程：     ${config.workers} 个 API 工作进程（WORKERS=${config.workers}）`);
  if (initialUsers.generatedAdminPassword) {
    lines.push(`  管理员：   用户名 admin，初始密码 ${initialUsers.generatedAdminPassword}`, '            （只显示这一次，请妥善保存；登录后可在右上角修改密码）');
  } else {
    lines.push('  管理员：   用户名 admin（密码为首次启动时设置或显示的密码）');
  }
  if (demoProjects > 0) lines.push(`  演示数据： 已载入 ${demoProjects} 个项目`);
  if (initialUsers.demoPassword) {
    lines.push(`  演示账号： city（市级）、leader（领导）、naiman 等（旗县），密码 ${initialUsers.demoPassword}`, '            （本次安装随机生成，只显示这一次，请妥善保存）');
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('启动失败：', error instanceof Error ? (error.stack ?? error.message) : error);
  }
  process.exit(1);
});
