import { Module } from '@nestjs/common';
import { ApiPresence } from './api-presence.js';
import { BackupScheduler } from './backup-scheduler.js';

/**
 * While the API runs: the presence lock a restore checks, and the daily backup (BACKUP_DAILY_AT).
 * `npm run backup` and `npm run restore` are the command line's (src/cli.ts).
 */
@Module({ providers: [ApiPresence, BackupScheduler] })
export class BackupModule {}
