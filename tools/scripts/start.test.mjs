// The built API as an operator starts it: configuration errors, the first start's admin password,
// a clean stop on SIGTERM (embedded PostgreSQL included) and a restart on the same data.
// Run with `node --test tools/scripts/start.test.mjs` after `nx run api:build`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const MAIN = 'dist/apps/api/apps/api/src/main.js';
const PORT = 4390;
const dataDir = mkdtempSync(join(tmpdir(), 'zs-start-'));
chmodSync(dataDir, 0o755);
after(() => rmSync(dataDir, { recursive: true, force: true }));

function start(env) {
  const child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', WEB_DIR: 'none', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = async () => {
    for (let i = 0; i < 120; i++) {
      if (output.includes('已启动')) return;
      if (child.exitCode !== null) throw new Error(`exited early:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`did not start:\n${output}`);
  };
  return { child, exited, ready, output: () => output };
}

test('a wrong setting stops the start with one line naming the variable', async () => {
  for (const [env, variable] of [[{ PORT: 'abc' }, 'PORT'], [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'], [{ SEED_DEMO: 'perhaps' }, 'SEED_DEMO'], [{ NODE_ENV: 'production', SEED_DEMO: 'true' }, 'SEED_DEMO']]) {
    const run = start(env);
    assert.equal(await run.exited, 1);
    const lines = run.output().trim().split('\n');
    assert.equal(lines.length, 1, run.output());
    assert.match(lines[0], new RegExp(`^配置错误：${variable} `));
  }
});

test('npm start on a real server (NODE_ENV=production) refuses its demo data in one line, before building', async () => {
  const child = spawn(process.execPath, ['tools/scripts/start.mjs'], { env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: dataDir } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  assert.equal(await new Promise((resolve) => child.on('exit', resolve)), 1);
  assert.deepEqual(output.trim().split('\n').length, 1, output);
  assert.match(output, /^配置错误：SEED_DEMO .*NODE_ENV=production/);
});

test('an empty database without ADMIN_PASSWORD refuses to start, naming it', async () => {
  const run = start({});
  assert.equal(await run.exited, 1);
  assert.match(run.output(), /配置错误：ADMIN_PASSWORD 未设置/);
});

test('the first start prints a generated admin password once; SIGTERM stops API and PostgreSQL; a restart keeps the data', async () => {
  const first = start({ GENERATE_ADMIN_PASSWORD: 'true' });
  await first.ready();
  const password = /初始密码 (\S+)/.exec(first.output())?.[1];
  assert.ok(password, first.output());
  const login = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  assert.equal(login.status, 200);
  assert.ok(existsSync(join(dataDir, 'pg', 'postmaster.pid')));
  first.child.kill('SIGTERM');
  assert.equal(await first.exited, 0);
  assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false, 'PostgreSQL left running');

  const second = start({ GENERATE_ADMIN_PASSWORD: 'true' });
  await second.ready();
  assert.doesNotMatch(second.output(), /初始密码/);
  assert.doesNotMatch(second.output(), new RegExp(password.replace(/[-]/g, '\\-')));
  const again = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
  assert.equal(again.status, 200);
  second.child.kill('SIGINT');
  assert.equal(await second.exited, 0);
  assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false);
});

test('a start after the API was killed outright takes over the PostgreSQL it left behind', async () => {
  const first = start({ GENERATE_ADMIN_PASSWORD: 'true' });
  await first.ready();
  first.child.kill('SIGKILL');
  await first.exited;
  assert.ok(existsSync(join(dataDir, 'pg', 'postmaster.pid')), 'expected the orphaned server to be running');
  const second = start({});
  await second.ready();
  assert.match(second.output(), /发现上次未正常停止的内置 PostgreSQL/);
  const health = await fetch(`http://127.0.0.1:${PORT}/api/health`);
  assert.deepEqual(await health.json(), { status: 'ok', database: 'up' });
  second.child.kill('SIGTERM');
  assert.equal(await second.exited, 0);
  assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false);
});

test('a second start on the data of a running API is refused, and the first keeps its PostgreSQL', { timeout: 90_000 }, async () => {
  const first = start({ GENERATE_ADMIN_PASSWORD: 'true' });
  await first.ready();
  const second = start({ PORT: String(PORT + 1) });
  try {
    // without the check the second start stopped the first's server and ran on: give it 20 s to refuse
    const code = await Promise.race([second.exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
    assert.equal(code, 1, second.output());
    assert.match(second.output(), /正由另一个运行中的 API（进程 \d+）使用/);
    const health = await fetch(`http://127.0.0.1:${PORT}/api/health`);
    assert.deepEqual(await health.json(), { status: 'ok', database: 'up' });
  } finally {
    second.child.kill('SIGTERM');
    first.child.kill('SIGTERM');
  }
  assert.equal(await first.exited, 0);
});

test('npm start on a new installation: the demo accounts get a generated password, shown once with the admin\'s', { timeout: 240_000 }, async () => {
  const demoDir = mkdtempSync(join(tmpdir(), 'zs-start-demo-'));
  chmodSync(demoDir, 0o755);
  try {
    // what tools/scripts/start.mjs sets
    const env = { DATA_DIR: demoDir, GENERATE_ADMIN_PASSWORD: 'true', SEED_DEMO: 'true' };
    const first = start(env);
    await first.ready();
    const password = /演示账号：.*密码 (\S+)/.exec(first.output())?.[1];
    assert.ok(password && password !== 'Demo@2026' && password.length >= 12, first.output());
    const login = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'city', password }) });
    assert.equal(login.status, 200);
    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);

    const second = start(env);
    await second.ready();
    assert.doesNotMatch(second.output(), /演示账号：.*密码/);
    assert.equal(second.output().includes(password), false);
    second.child.kill('SIGTERM');
    assert.equal(await second.exited, 0);
  } finally {
    rmSync(demoDir, { recursive: true, force: true });
  }
});
