import 'reflect-metadata';
import { createApp } from './bootstrap/create-app.js';
import { ConfigError, loadConfig } from './config/config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const embedded: EmbeddedDatabase | null = config.databaseUrl === null ? await startEmbeddedPostgres(config.dataDir, (line) => console.log(line)) : null;
  const databaseUrl = embedded?.url ?? config.databaseUrl ?? '';

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止…`);
    await created?.app.close().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  let created: Awaited<ReturnType<typeof createApp>> | undefined;
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  // a closed terminal: stop PostgreSQL too rather than leave it holding the data directory
  process.once('SIGHUP', () => void stop('SIGHUP'));

  try {
    created = await createApp(config, databaseUrl);
    await created.app.listen({ port: config.port, host: '0.0.0.0' });
  } catch (error) {
    await embedded?.stop().catch(() => undefined);
    throw error;
  }
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '招商项目全流程跟踪 已启动',
    `  网页：     ${url}/`,
    `  API 文档： ${url}/api/docs`,
    `  数据库：   ${config.databaseUrl ? '外部 PostgreSQL（DATABASE_URL）' : `内置 PostgreSQL，数据目录 ${config.dataDir}`}`,
  ];
  if (created.initialUsers.generatedAdminPassword) {
    lines.push(`  管理员：   用户名 admin，初始密码 ${created.initialUsers.generatedAdminPassword}`, '            （只显示这一次，请妥善保存；登录后可在右上角修改密码）');
  } else {
    lines.push('  管理员：   用户名 admin（密码为首次启动时设置或显示的密码）');
  }
  if (created.demoProjects > 0) lines.push(`  演示数据： 已载入 ${created.demoProjects} 个项目`);
  if (created.initialUsers.demoPassword) {
    lines.push(`  演示账号： city（市级）、leader（领导）、naiman 等（旗县），密码 ${created.initialUsers.demoPassword}`);
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
