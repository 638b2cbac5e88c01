// Several API processes on one database (issue 12, items 4 and 7). Starts the BUILT API twice on one
// scratch PostgreSQL (two `node main.js`, WORKERS=1, on two ports, one JWT secret) and checks what
// they must share: a user disabled or a password reset through A ends the user's session on B within
// a second; an import running on A reports its progress on B; the sign-in limiter counts across them.
// Then graceful shutdown: SIGTERM during an import lets it finish and commit and the process exit 0;
// with SHUTDOWN_TIMEOUT_SECONDS=1 a big import is cut off and nothing of it is written. Health:
// /api/health/live and /ready (a pending migration named). Last, WORKERS=2 without DATABASE_URL: the
// primary starts the embedded PostgreSQL, the banner comes once, a killed worker is replaced, and
// SIGTERM stops the workers, then PostgreSQL.
// Run with `node --test tools/scripts/workers.test.mjs` after `nx run api:build`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import pg from 'pg';
import { monthlyRows, writeXlsx } from '../bench/imports-files.mjs';
import { freePort, Scratch, signIn } from '../bench/scratch.mjs';

const apiDist = resolve('dist/apps/api/apps/api/src');
const demoLib = resolve('dist/apps/api/libs/api/demo/src/index.js');
const PASSWORD = 'Workers#2026-chief';
const USER_PASSWORD = 'Qv7-workers-Lm4x';
const JWT_SECRET = randomBytes(32).toString('base64url');
const scratch = new Scratch(apiDist);
const started = new Set();
let databaseUrl;
let client;
let data;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The built API as a separate process; resolves once /api/health/ready says 200. */
async function startApi(name, env = {}, { waitReady = true } = {}) {
  const port = await freePort();
  const log = createWriteStream(join(scratch.dir, `${name}.log`));
  const child = spawn(process.execPath, [join(apiDist, 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
      WEB_DIR: 'none',
      PORT: String(port),
      DATA_DIR: join(scratch.dir, 'api-data'),
      JWT_SECRET,
      SEED_DEMO: 'false',
      WORKERS: '1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => {
      output += chunk;
      log.write(chunk);
    });
  }
  const api = {
    name,
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal }))),
    output: () => output,
  };
  started.add(api);
  if (!waitReady) return api;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${name} 启动失败：\n${output}`);
    try {
      if ((await fetch(`${api.baseUrl}/api/health/ready`)).status === 200) return api;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${name} 90 秒内未就绪：\n${output}`);
    await sleep(200);
  }
}

async function stopApi(api) {
  if (api.child.exitCode === null && api.child.signalCode === null) {
    api.child.kill('SIGTERM');
    const stopped = await Promise.race([api.exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!stopped) api.child.kill('SIGKILL');
  }
  await api.exited;
  started.delete(api);
}

async function call(api, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${api.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function login(api, username, password) {
  return call(api, 'POST', '/api/v1/auth/login', { body: { username, password } });
}

async function createUser(api, adminToken, username) {
  const created = await call(api, 'POST', '/api/v1/users', { token: adminToken, body: { username, displayName: `测试 ${username}`, password: USER_PASSWORD, role: 'CITY_STAFF' } });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body;
}

/** Polls until `check` holds; resolves to the milliseconds it took, or fails after `limitMs`. */
async function within(limitMs, check, what) {
  const start = Date.now();
  for (;;) {
    if (await check()) return Date.now() - start;
    if (Date.now() - start > limitMs) assert.fail(`${what}：${limitMs} ms 内未发生`);
    await sleep(25);
  }
}

async function counts() {
  const { rows } = await client.query(`SELECT (SELECT count(*)::int FROM monthly_reports) AS reports, (SELECT count(*)::int FROM audit_log) AS audit`);
  return rows[0];
}

function postImport(api, token, file, importId) {
  const form = new FormData();
  form.append('kind', 'monthly');
  form.append('importId', importId);
  form.append('file', new Blob([readFileSync(file)]), 'monthly.xlsx');
  return fetch(`${api.baseUrl}/api/v1/imports`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }).then(
    async (r) => ({ status: r.status, body: await r.json() }),
    (error) => ({ error }),
  );
}

/** Waits until the import is seen running — asked on `other`, not on the process that runs it. */
async function seenRunning(other, token, importId, minRows) {
  let progress = null;
  await within(60_000, async () => {
    const response = await call(other, 'GET', `/api/v1/imports/${importId}/progress`, { token });
    progress = response.status === 200 ? response.body : null;
    if (progress?.phase === 'DONE' || progress?.phase === 'FAILED') assert.fail(`导入在检查前已结束：${JSON.stringify(progress)}`);
    return progress !== null && progress.rowsRead >= minRows && ['READING', 'CHECKING', 'WRITING'].includes(progress.phase);
  }, '另一进程看到导入进度');
  return progress;
}

let a;
let b;
let adminToken;

before(async () => {
  databaseUrl = await scratch.startDatabase();
  client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined);
  a = await startApi('A');
  b = await startApi('B');
  await client.connect();
  const { generateDemoProjects } = await import(pathToFileURL(demoLib).href);
  const { loadDemoProjects } = await import(pathToFileURL(join(apiDist, 'demo/load-demo.js')).href);
  data = generateDemoProjects({ count: 15_000 });
  await client.query('BEGIN');
  await loadDemoProjects(client, data, { chunkSize: 10_000, audit: false });
  await client.query('COMMIT');
  adminToken = await signIn(a.baseUrl, PASSWORD);
});

after(async () => {
  for (const api of [...started]) await stopApi(api).catch(() => undefined);
  await client?.end().catch(() => undefined);
  // a failed cluster run must not leave its embedded PostgreSQL behind
  const pidFile = join(scratch.dir, 'cluster-data', 'pg', 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGINT');
      } catch {
        // already gone
      }
    }
  }
  await scratch.cleanup();
});

test('health: live without the database, ready names a pending migration', async () => {
  assert.deepEqual(await call(a, 'GET', '/api/health/live'), { status: 200, body: { status: 'ok' } });
  assert.deepEqual(await call(a, 'GET', '/api/health/ready'), { status: 200, body: { status: 'ok', database: 'up', pendingMigrations: [] } });
  assert.deepEqual(await call(a, 'GET', '/api/health'), { status: 200, body: { status: 'ok', database: 'up' } });
  const { rows } = await client.query(`DELETE FROM migrations WHERE id = (SELECT max(id) FROM migrations) RETURNING *`);
  try {
    const ready = await call(b, 'GET', '/api/health/ready');
    assert.equal(ready.status, 503);
    assert.deepEqual(ready.body, { status: 'error', database: 'up', pendingMigrations: [rows[0].name] });
    assert.equal((await call(b, 'GET', '/api/health/live')).status, 200);
  } finally {
    await client.query(`INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)`, [rows[0].id, rows[0].timestamp, rows[0].name]);
  }
  assert.equal((await call(b, 'GET', '/api/health/ready')).status, 200);
});

test('a user disabled or a password reset on A ends the session on B within a second', async () => {
  for (const change of ['disable', 'reset']) {
    const user = await createUser(a, adminToken, `w-${change}`);
    const signedIn = await login(b, user.username, USER_PASSWORD);
    assert.equal(signedIn.status, 200);
    const token = signedIn.body.accessToken;
    // B has the user in its session cache now
    for (let i = 0; i < 3; i++) assert.equal((await call(b, 'GET', '/api/v1/auth/me', { token })).status, 200);

    const changed =
      change === 'disable'
        ? await call(a, 'PATCH', `/api/v1/users/${user.id}`, { token: adminToken, body: { disabled: true, version: user.version } })
        : await call(a, 'POST', `/api/v1/users/${user.id}/reset-password`, { token: adminToken, body: { password: 'Rn8-another-Kp2w', version: user.version } });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const took = await within(1_000, async () => (await call(b, 'GET', '/api/v1/auth/me', { token })).status === 401, `${change} 后 B 拒绝旧令牌`);
    console.log(`  ${change}: B refused the token after ${took} ms`);
  }
});

test('while its LISTEN connection is down a process trusts no cached session, and it listens again', async () => {
  const user = await createUser(a, adminToken, 'w-outage');
  const token = (await login(b, user.username, USER_PASSWORD)).body.accessToken;
  for (let i = 0; i < 3; i++) assert.equal((await call(b, 'GET', '/api/v1/auth/me', { token })).status, 200);
  const listening = async () => (await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'zhaoshang-api-listen'`)).rows[0].n;
  assert.equal(await listening(), 2);

  // the channel is cut (a database restart, a network blip): a notification sent now would be lost
  await client.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'zhaoshang-api-listen'`);
  await sleep(100);
  // a change no notification tells of: only a process that reads the row afresh sees it
  await client.query(`UPDATE users SET disabled = true WHERE id = $1`, [user.id]);
  assert.equal((await call(b, 'GET', '/api/v1/auth/me', { token })).status, 401);

  await within(5_000, async () => (await listening()) === 2, '会话通知连接重连');
  const other = await createUser(a, adminToken, 'w-after-outage');
  const otherToken = (await login(b, other.username, USER_PASSWORD)).body.accessToken;
  assert.equal((await call(b, 'GET', '/api/v1/auth/me', { token: otherToken })).status, 200);
  assert.equal((await call(a, 'PATCH', `/api/v1/users/${other.id}`, { token: adminToken, body: { disabled: true, version: other.version } })).status, 200);
  await within(1_000, async () => (await call(b, 'GET', '/api/v1/auth/me', { token: otherToken })).status === 401, '重连后停用仍在 1 秒内生效');
});

test('the sign-in limiter counts across processes: 5 wrong on A, the 6th on B is refused', async () => {
  const user = await createUser(a, adminToken, 'w-limited');
  for (let i = 0; i < 5; i++) assert.equal((await login(a, user.username, 'Wrong-password-1')).status, 401);
  const sixth = await login(b, user.username, 'Wrong-password-1');
  assert.equal(sixth.status, 429, `第 6 次（在 B 上）应被拒绝，实际 ${sixth.status} ${JSON.stringify(sixth.body)}`);
});

test('SIGTERM during an import: it finishes and commits, B saw its progress, the process exits 0', { timeout: 180_000 }, async () => {
  const file = join(scratch.dir, 'graceful.xlsx');
  const rows = monthlyRows(data.projects, data.today, 20_000);
  await writeXlsx(file, rows);
  const beforeCounts = await counts();
  const importId = randomUUID();
  const posted = postImport(a, adminToken, file, importId);
  await seenRunning(b, adminToken, importId, 1_000);
  a.child.kill('SIGTERM');
  const outcome = await posted;
  assert.equal(outcome.status, 200, JSON.stringify(outcome));
  assert.equal(outcome.body.created, rows.length);
  assert.deepEqual(await a.exited, { code: 0, signal: null }, a.output());
  started.delete(a);
  assert.equal((await counts()).reports, beforeCounts.reports + rows.length);
  const progress = await call(b, 'GET', `/api/v1/imports/${importId}/progress`, { token: adminToken });
  assert.deepEqual(progress.body, { importId, phase: 'DONE', rowsRead: rows.length + 1 });
});

test('SHUTDOWN_TIMEOUT_SECONDS=1 and a big import: the process gives up, nothing of the import is written', { timeout: 180_000 }, async () => {
  a = await startApi('A2', { SHUTDOWN_TIMEOUT_SECONDS: '1' });
  const file = join(scratch.dir, 'cut.xlsx');
  await writeXlsx(file, monthlyRows(data.projects, data.today, 40_000, 20_000));
  const beforeCounts = await counts();
  const importId = randomUUID();
  const posted = postImport(a, adminToken, file, importId);
  await seenRunning(b, adminToken, importId, 2_000);
  const signalled = Date.now();
  a.child.kill('SIGTERM');
  const exit = await a.exited;
  started.delete(a);
  const took = Date.now() - signalled;
  assert.equal(exit.code, 1, `超时后应以 1 退出：${JSON.stringify(exit)}`);
  assert.ok(took < 5_000, `超时 1 秒，却用了 ${took} ms 才退出`);
  const outcome = await posted;
  assert.ok(outcome.error || outcome.status >= 500, `请求应未完成：${JSON.stringify(outcome)}`);
  // PostgreSQL rolls the dead connection's transaction back; wait until it has noticed
  await within(10_000, async () => {
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'zhaoshang-api' AND state <> 'idle'`);
    return rows[0].n === 0;
  }, '被中断的导入事务结束');
  assert.deepEqual(await counts(), beforeCounts);
});

test('WORKERS=2: embedded PostgreSQL started once, one banner, a dead worker replaced, SIGTERM stops all', { timeout: 180_000 }, async () => {
  const dataDir = join(scratch.dir, 'cluster-data');
  const cluster = await startApi('cluster', { WORKERS: '2', DATABASE_URL: '', DATA_DIR: dataDir, ADMIN_PASSWORD: '', GENERATE_ADMIN_PASSWORD: 'true', JWT_SECRET: '' });
  // the banner comes after every worker listens: wait for it
  await within(30_000, async () => cluster.output().includes('已启动'), '启动信息');
  const output = cluster.output();
  assert.equal(output.split('招商项目全流程跟踪 已启动').length - 1, 1, output);
  assert.match(output, /2 个 API 工作进程/);
  const password = /初始密码 (\S+)/.exec(output)?.[1];
  assert.ok(password, `启动信息应显示生成的管理员密码：\n${output}`);
  const token = await signIn(cluster.baseUrl, password);
  const workerPids = () =>
    readFileSync(`/proc/${cluster.child.pid}/task/${cluster.child.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number)
      .filter((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('main.js'));
  const first = workerPids();
  assert.equal(first.length, 2, `应有 2 个工作进程：${first}`);
  for (let i = 0; i < 10; i++) assert.equal((await call(cluster, 'GET', '/api/v1/auth/me', { token })).status, 200);

  // a worker that dies is replaced; the other one serves meanwhile
  process.kill(first[0], 'SIGKILL');
  await within(15_000, async () => {
    const now = workerPids();
    return now.length === 2 && !now.includes(first[0]);
  }, '工作进程被重启');
  await within(15_000, async () => (await call(cluster, 'GET', '/api/health/ready').catch(() => ({ status: 0 }))).status === 200, '重启后就绪');
  assert.equal(cluster.output().split('已启动').length - 1, 1, '重启不再打印启动信息');

  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  assert.ok(existsSync(pidFile), '内置 PostgreSQL 应在运行');
  const postgresPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  cluster.child.kill('SIGTERM');
  assert.deepEqual(await cluster.exited, { code: 0, signal: null }, cluster.output());
  started.delete(cluster);
  assert.ok(!existsSync(pidFile), '内置 PostgreSQL 应已停止');
  assert.throws(() => process.kill(postgresPid, 0), 'PostgreSQL 进程应已退出');
});
