import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule } from './common/access/access.module.js';
import { ConfigModule } from './config/config.module.js';
import type { AppConfig } from './config/config.js';
import { dataSourceOptions } from './database/data-source.js';
import { ReadReplicaModule } from './database/read-replica.js';
import { ApiKeysModule } from './modules/api-keys/api-keys.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { BackupModule } from './modules/backup/backup.module.js';
import { DictionariesModule } from './modules/dictionaries/dictionaries.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { FaiModule } from './modules/fai/fai.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { IndicatorsModule } from './modules/indicators/indicators.module.js';
import { NoticesModule } from './modules/notices/notices.module.js';
import { ProblemsModule } from './modules/problems/problems.module.js';
import { CommitmentsModule } from './modules/commitments/commitments.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { ResponsibilityModule } from './modules/responsibility/responsibility.module.js';
import { TargetsModule } from './modules/targets/targets.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { WarningsModule } from './modules/warnings/warnings.module.js';
import { WorkbenchModule } from './modules/workbench/workbench.module.js';
import { FollowThroughModule } from './modules/follow-through/follow-through.module.js';
import { BulletinsModule } from './modules/bulletins/bulletins.module.js';
import { AssessmentModule } from './modules/assessment/assessment.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { StatsProjectsModule } from './modules/stats-projects/stats-projects.module.js';

@Module({})
export class AppModule {
  static register(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, config.databaseParallelWorkers), retryAttempts: 3, retryDelay: 1000 }),
        ReadReplicaModule,
        AccessModule,
        AuditModule,
        AuthModule,
        ApiKeysModule,
        DictionariesModule,
        ResponsibilityModule,
        ProblemsModule,
        NoticesModule,
        UsersModule,
        ProjectsModule,
        ReportsModule,
        FaiModule,
        ImportsModule,
        IndicatorsModule,
        TargetsModule,
        HealthModule,
        WarningsModule,
        BackupModule,
        WorkbenchModule,
        FollowThroughModule,
        CommitmentsModule,
        BulletinsModule,
        AssessmentModule,
        WebhooksModule,
        StatsProjectsModule,
      ],
    };
  }
}
