import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { ApiKey } from '../modules/api-keys/entities/api-key.entity.js';
import { AuditEntry } from '../modules/audit/entities/audit-entry.entity.js';
import { Industry } from '../modules/dictionaries/entities/industry.entity.js';
import { Region } from '../modules/dictionaries/entities/region.entity.js';
import { ProjectApproval } from '../modules/projects/entities/project-approval.entity.js';
import { ProjectSequence } from '../modules/projects/entities/project-sequence.entity.js';
import { Project } from '../modules/projects/entities/project.entity.js';
import { FaiTotal } from '../modules/fai/entities/fai-total.entity.js';
import { MonthClose } from '../modules/reports/entities/month-close.entity.js';
import { MonthlyReport } from '../modules/reports/entities/monthly-report.entity.js';
import { Leader } from '../modules/responsibility/entities/leader.entity.js';
import { Unit } from '../modules/responsibility/entities/unit.entity.js';
import { IssueNote } from '../modules/problems/entities/issue-note.entity.js';
import { ProjectIssue } from '../modules/problems/entities/project-issue.entity.js';
import { NoticeCounter } from '../modules/notices/entities/notice-counter.entity.js';
import { Notice } from '../modules/notices/entities/notice.entity.js';
import { CommitmentEvent } from '../modules/commitments/entities/commitment-event.entity.js';
import { PolicyCommitment } from '../modules/commitments/entities/policy-commitment.entity.js';
import { Target } from '../modules/targets/entities/target.entity.js';
import { User } from '../modules/users/entities/user.entity.js';
import { Setting } from '../modules/warnings/entities/setting.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { Bulletin } from '../modules/bulletins/entities/bulletin.entity.js';
import { WebhookDelivery } from '../modules/webhooks/entities/webhook-delivery.entity.js';
import { WebhookEvent } from '../modules/webhooks/entities/webhook-event.entity.js';
import { WebhookSubscription } from '../modules/webhooks/entities/webhook-subscription.entity.js';
import { StatsProject } from '../modules/stats-projects/entities/stats-project.entity.js';

export const ENTITIES = [Region, Industry, User, ApiKey, AuditEntry, Project, ProjectApproval, ProjectSequence, MonthlyReport, MonthClose, FaiTotal, Target, Setting, Leader, Unit, ProjectIssue, IssueNote, Notice, NoticeCounter, PolicyCommitment, CommitmentEvent, Bulletin, WebhookSubscription, WebhookEvent, WebhookDelivery, StatsProject];

/**
 * `date` columns are calendar dates (DOMAIN.md §2): read them as the 'YYYY-MM-DD' text PostgreSQL
 * sends, never as a JavaScript Date at local midnight that JSON would shift by the time zone.
 */
const PG_DATE_OID = 1082;
pg.types.setTypeParser(PG_DATE_OID, (value: string) => value);

/** How API processes name themselves in pg_stat_activity: a restore refuses to run under them. */
export const API_APPLICATION_NAME = 'zhaoshang-api';

/**
 * What every connection of ours sets at start (issue 17): `max_parallel_workers_per_gather`, 0 unless
 * DATABASE_PARALLEL_WORKERS says otherwise. The API's statements read summaries and indexes (a few
 * milliseconds of work each); a parallel plan first starts two worker processes, ~25 ms on a 2-core
 * server, and the 驾驶舱's eight requests at once would start ~20 of them on two cores. Measured on
 * 116,000 projects: GET /indicators a year by district 104 → 49 ms alone, the 驾驶舱's set 850 → 692 ms.
 */
export function sessionOptions(parallelWorkers = 0): string {
  return `-c max_parallel_workers_per_gather=${parallelWorkers}`;
}

/**
 * The one description of our database, used by the app, the tests and the migration tools.
 * Schema changes are migrations, run at start; never `synchronize`.
 */
export function dataSourceOptions(url: string, parallelWorkers = 0): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    uuidExtension: 'pgcrypto',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: 10, application_name: API_APPLICATION_NAME, options: sessionOptions(parallelWorkers) },
  };
}
