import { Module } from '@nestjs/common';
import { BackupScheduler } from './backup-scheduler.js';

/** The daily backup while the API runs (BACKUP_DAILY_AT); `npm run backup` and restore are the CLI's (src/cli.ts). */
@Module({ providers: [BackupScheduler] })
export class BackupModule {}
