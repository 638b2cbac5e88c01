/**
 * The example as a program (docs/integration.md §10). Bundle and run on Node 20:
 *
 *   npx esbuild tools/examples/statistics-sync.main.ts --bundle --platform=node --format=esm \
 *     --tsconfig=tsconfig.base.json --outfile=dist/examples/statistics-sync.mjs
 *   ZS_BASE_URL=http://127.0.0.1:3000 ZS_API_KEY=zs_… node dist/examples/statistics-sync.mjs sync
 *   ZS_BASE_URL=… ZS_API_KEY=… ZS_WEBHOOK_SECRET=whsec_… ZS_WEBHOOK_PORT=8088 node dist/examples/statistics-sync.mjs listen
 *   ZS_BASE_URL=… ZS_API_KEY=… node dist/examples/statistics-sync.mjs push-fai YTD fai.json   # fai.json: [{regionCode, month, amountWan}]
 *
 * `sync` pulls once (full the first time, incremental after) and saves the copy and its cursors to
 * ZS_STATE (default statistics-copy.json); `listen` also receives webhooks, pulls on each event and
 * every 10 minutes (in case an event was missed), until Ctrl-C.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { StatisticsSync, type SyncState } from './statistics-sync';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`请设置环境变量 ${name}`);
  return value;
};

async function main(command: string, args: string[]): Promise<void> {
  const options = { baseUrl: env('ZS_BASE_URL'), apiKey: env('ZS_API_KEY'), log: (line: string) => console.log(line) };
  const statePath = env('ZS_STATE', 'statistics-copy.json');
  const sync = existsSync(statePath) ? StatisticsSync.fromJSON(options, JSON.parse(readFileSync(statePath, 'utf8')) as SyncState) : new StatisticsSync(options);
  // written to a temporary file and renamed: a crash never leaves half a copy (nor a cursor ahead of its rows)
  const save = () => {
    writeFileSync(`${statePath}.tmp`, JSON.stringify(sync.toJSON()));
    renameSync(`${statePath}.tmp`, statePath);
  };

  if (command === 'push-fai') {
    const [basis, file] = args;
    if ((basis !== 'MONTH' && basis !== 'YTD') || !file) throw new Error('用法：push-fai MONTH|YTD <items.json>');
    console.log(await sync.pushFai(basis, JSON.parse(readFileSync(file, 'utf8')) as Parameters<StatisticsSync['pushFai']>[1]));
    return;
  }
  if (command !== 'sync' && command !== 'listen') throw new Error('用法：sync | listen | push-fai MONTH|YTD <items.json>');

  if (sync.projectsCursor === null) await sync.fullPull();
  else await sync.incrementalPull();
  save();
  console.log(`本地副本：项目 ${sync.projects.size} 个，已核实月报 ${sync.reports.size} 份`);
  if (command === 'sync') return;

  const receiver = await sync.startReceiver({ secret: env('ZS_WEBHOOK_SECRET'), port: Number(env('ZS_WEBHOOK_PORT', '8088')), host: env('ZS_WEBHOOK_HOST', '127.0.0.1') });
  console.log(`接收 webhook：${receiver.url}（请管理员在「系统管理 → Webhook 订阅」登记此地址）`);
  const pullAndSave = () => sync.requestPull().then(save, (error: unknown) => console.error(error));
  const timer = setInterval(() => void pullAndSave(), 10 * 60_000);
  // the receiver's own pulls happen in the background: save after each one as well
  const saver = setInterval(save, 5_000);
  process.once('SIGINT', () => {
    clearInterval(timer);
    clearInterval(saver);
    void receiver.close().then(() => {
      save();
      process.exit(0);
    });
  });
}

main(process.argv[2] ?? 'sync', process.argv.slice(3)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
