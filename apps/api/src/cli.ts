import 'reflect-metadata';
import { basename, resolve } from 'node:path';
import { ConfigError, loadConfig } from './config/config.js';
import { BackupError, createBackup, listBackups, restoreBackup } from './modules/backup/backup.service.js';
import { openBackupTarget } from './modules/backup/backup-target.js';

const USAGE = `用法：
  npm run backup                      备份数据库到 BACKUP_DIR（默认 DATA_DIR/backups），保留最近 BACKUP_KEEP 份
  npm run restore -- 文件 [--force]    用备份文件替换数据库的全部内容（API 运行时拒绝，除非 --force）`;

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

async function backup(): Promise<void> {
  const config = loadConfig();
  const target = await openBackupTarget(config, 'backup', (line) => console.log(line));
  try {
    const result = await createBackup(target.url, { dir: config.backup.dir, keep: config.backup.keep });
    console.log(`备份完成：${result.file ?? ''}（${size(result.bytes)}，来自 ${target.description}）`);
    const kept = listBackups(config.backup.dir).length;
    console.log(`  保留 ${kept} 份（BACKUP_KEEP=${config.backup.keep}）${result.deleted.length > 0 ? `，已删除较早的 ${result.deleted.join('、')}` : ''}`);
  } finally {
    await target.close();
  }
}

async function restore(args: string[]): Promise<void> {
  const force = args.includes('--force');
  const files = args.filter((arg) => arg !== '--force');
  if (files.length !== 1) throw new BackupError('BAD_FILE', `请给出一个备份文件\n${USAGE}`);
  const config = loadConfig();
  // npm runs scripts in the workspace root: a relative path is the operator's, from where npm was typed
  const file = resolve(process.env['INIT_CWD'] ?? process.cwd(), files[0]);
  const target = await openBackupTarget(config, 'restore', (line) => console.log(line));
  try {
    console.log(`正在用 ${basename(file)} 恢复 ${target.description} …`);
    await restoreBackup(target.url, file, { force });
    console.log(`恢复完成：数据库内容已替换为 ${file} 中的内容。${force ? '请立即重启 API（它缓存的会话与数据已过时）。' : '启动 API 时会执行该备份之后新增的迁移。'}`);
  } finally {
    await target.close();
  }
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'backup') return backup();
  if (command === 'restore') return restore(args);
  console.error(USAGE);
  process.exit(2);
}

main().then(
  // the embedded server's client may leave handles open: the command is done
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BackupError) console.error(error.message);
    else console.error('失败：', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
