import type { DataSourceOptions } from 'typeorm';
import { ApiKey } from '../modules/api-keys/entities/api-key.entity.js';
import { AuditEntry } from '../modules/audit/entities/audit-entry.entity.js';
import { Industry } from '../modules/dictionaries/entities/industry.entity.js';
import { Region } from '../modules/dictionaries/entities/region.entity.js';
import { User } from '../modules/users/entities/user.entity.js';
import { MIGRATIONS } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export const ENTITIES = [Region, Industry, User, ApiKey, AuditEntry];

/**
 * The one description of our database, used by the app, the tests and the migration tools.
 * Schema changes are migrations, run at start; never `synchronize`.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
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
    extra: { max: 10, application_name: 'zhaoshang-api' },
  };
}
