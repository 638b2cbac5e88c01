// `npm run backup` and `npm run restore` as an operator runs them, on the embedded PostgreSQL: while
// the API runs (the command finds its server through <DATA_DIR>/pg/postmaster.pid) and after it
// stopped (the command starts the server and stops it again). The round trip itself and the daily
// backup are checked in apps/api/test/backup.integration-spec.ts.
// Run with `node --test tools/scripts/backup-cli.test.mjs` after `nx run api:build`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

const MAIN = 'dist/apps/api/apps/api/src/main.js';
const CLI = 'dist/apps/api/apps/api/src/cli.js';
const PORT = 4391;
const PASSWORD = 'Backup#2026-chief';
const dataDir = mkdtempSync(join(tmpdir(), 'zs-backup-cli-'));
chmodSync(dataDir, 0o755);
after(() => rmSync(dataDir, { recursive: true, force: true }));
const env = { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(PORT), LOG_LEVEL: 'warn', WEB_DIR: 'none', ADMIN_PASSWORD: PASSWORD, BACKUP_KEEP: '2' };

function run(file, args = []) {
  const child = spawn(process.execPath, [file, ...args], { env });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function signIn() {
  const response = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  return (await response.json()).accessToken;
}

test('backup with the API running, restore refused under it, accepted once it stopped', { timeout: 180_000 }, async () => {
  const nothing = run(CLI, ['backup']);
  assert.equal(await nothing.exited, 1);
  assert.match(nothing.output(), /^没有可备份的数据库/);

  const api = run(MAIN);
  for (let i = 0; i < 240 && !api.output().includes('已启动'); i++) {
    if (api.child.exitCode !== null) throw new Error(api.output());
    await new Promise((r) => setTimeout(r, 250));
  }
  const token = await signIn();
  const backups = [];
  for (let i = 0; i < 3; i++) {
    const backup = run(CLI, ['backup']);
    assert.equal(await backup.exited, 0, backup.output());
    backups.push(/备份完成：(\S+?)（/.exec(backup.output())[1]);
  }
  // BACKUP_KEEP=2: the first is gone
  assert.deepEqual(readdirSync(join(dataDir, 'backups')).sort(), backups.slice(1).map((file) => file.split('/').pop()).sort());
  const user = { username: 'afterbackup', displayName: '备份后新增', password: 'Later#2026-user', role: 'LEADER', regionCode: null };
  const created = await fetch(`http://127.0.0.1:${PORT}/api/v1/users`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(user) });
  assert.equal(created.status, 201);

  const refused = run(CLI, ['restore', backups[2]]);
  assert.equal(await refused.exited, 1);
  assert.match(refused.output(), /拒绝恢复：有 API 进程正在使用该数据库.*--force/);

  api.child.kill('SIGTERM');
  assert.equal(await api.exited, 0);
  const restored = run(CLI, ['restore', backups[2]]);
  assert.equal(await restored.exited, 0, restored.output());
  assert.match(restored.output(), /恢复完成/);
  assert.equal(existsSync(join(dataDir, 'pg', 'postmaster.pid')), false, 'the command left its PostgreSQL running');

  const again = run(MAIN);
  for (let i = 0; i < 240 && !again.output().includes('已启动'); i++) await new Promise((r) => setTimeout(r, 250));
  const login = await fetch(`http://127.0.0.1:${PORT}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: user.password }) });
  assert.equal(login.status, 401, 'the user added after the backup is still there');
  again.child.kill('SIGTERM');
  assert.equal(await again.exited, 0);
});
