import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type WarningSettings, type WarningSettingsResponse, warningSettingsProblems, withDefaultSettings } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { WarningSettingsDto } from './dto/warnings.dto.js';

const KEY = 'warnings';

/** The thresholds in force (the defaults until an admin saves them), read with the caller's runner. */
export async function readWarningSettings(runner: SqlRunner): Promise<{ settings: WarningSettings; version: number }> {
  const [row] = await runSql<{ value: Partial<WarningSettings>; version: number }>(runner, sql`SELECT value, version FROM settings WHERE key = ${KEY}`);
  return { settings: withDefaultSettings(row?.value), version: row?.version ?? 0 };
}

/** The warning thresholds (DOMAIN.md §6): the defaults until an admin saves them (version 0). */
@Injectable()
export class WarningSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(manager: EntityManager = this.dataSource.manager): Promise<WarningSettingsResponse> {
    return readWarningSettings(manager);
  }

  /** Saves the whole set with the version the admin saw; a stale version is 409, nothing changed is not written. */
  async put(actor: Actor, dto: WarningSettingsDto): Promise<WarningSettingsResponse> {
    const problems = warningSettingsProblems(dto.settings);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const settings = dto.settings as WarningSettings;
    return this.dataSource.transaction(async (em) => {
      const [row] = await runSql<{ value: Partial<WarningSettings>; version: number }>(em, sql`SELECT value, version FROM settings WHERE key = ${KEY} FOR UPDATE`);
      const current = row?.version ?? 0;
      if (dto.version !== current) throw new VersionConflict('预警设置', current, dto.version);
      const before = withDefaultSettings(row?.value);
      if (JSON.stringify(before) === JSON.stringify(settings)) return { settings: before, version: current };
      if (row) {
        await runSql(em, sql`UPDATE settings SET value = ${JSON.stringify(settings)}, version = version + 1, updated_at = now() WHERE key = ${KEY}`);
      } else {
        const inserted = await runSql(em, sql`INSERT INTO settings (key, value, version) VALUES (${KEY}, ${JSON.stringify(settings)}, 1) ON CONFLICT (key) DO NOTHING RETURNING key`);
        // someone saved the first version between our read and our insert
        if (inserted.length === 0) throw new VersionConflict('预警设置', 1, dto.version);
      }
      await this.audit.record(em, actor, { entity: 'setting', entityId: KEY, action: row ? 'UPDATE' : 'CREATE', before: row ? before : null, after: settings });
      return this.get(em);
    });
  }
}
