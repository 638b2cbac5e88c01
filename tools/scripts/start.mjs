// npm start: builds the web app and the API, then runs the API serving both on one port.
// On a first start it creates the admin with a generated password (printed once) and the demo data.
import { execFileSync, spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

// npm start loads the demo data, which a real server refuses (config.ts): say so before a build of minutes
if (process.env.NODE_ENV === 'production') {
  console.error('配置错误：SEED_DEMO npm start 会载入演示数据，NODE_ENV=production 的服务器上不允许；请用 npm run start:api 并设置 ADMIN_PASSWORD（见 docs/operations.md）');
  process.exit(1);
}

console.log('正在构建网页与 API（首次约需 1–2 分钟）…');
execFileSync('npx', ['nx', 'run-many', '-t', 'build', '--projects=api,web', '--outputStyle=static'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });

const api = spawn(process.execPath, ['dist/apps/api/apps/api/src/main.js'], {
  cwd: root,
  stdio: 'inherit',
  env: { GENERATE_ADMIN_PASSWORD: 'true', SEED_DEMO: 'true', LOG_LEVEL: 'warn', ...env },
});
// Ctrl-C reaches the API from the terminal too; SIGTERM (systemd, `kill`, a process manager) only
// reaches this launcher: pass it on and wait, so that the API finishes its requests and stops its
// embedded PostgreSQL before the launcher exits (issue 12: it used to be left running)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => api.kill(signal));
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
