import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_ISSUE_DUE_DAYS, type IssueCategory, type IssueSettingsResponse, issueSettingsProblems } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { IssueSettingsDto } from './dto/problems.dto.js';

/** one row of the settings table, named like 'warnings' and 'notices' */
const KEY = 'issues';

type Row = { value: { dueDays?: Partial<Record<IssueCategory, number>> }; version: number };

/** The days to the default due date per category: the setting, the defaults filling what it lacks (version 0 until saved). */
export async function readIssueSettings(runner: SqlRunner): Promise<IssueSettingsResponse> {
  const [row] = await runSql<Row>(runner, sql`SELECT value, version FROM settings WHERE key = ${KEY}`);
  return { dueDays: { ...DEFAULT_ISSUE_DUE_DAYS, ...(row?.value.dueDays ?? {}) }, version: row?.version ?? 0 };
}

/**
 * 问题诉求设置: the default days to the due date per category, as /settings/warnings does it — the
 * defaults until an admin saves (version 0), the whole set at once, 409 on a stale version, audited.
 */
@Injectable()
export class IssueSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(manager: EntityManager = this.dataSource.manager): Promise<IssueSettingsResponse> {
    return readIssueSettings(manager);
  }

  async put(actor: Actor, dto: IssueSettingsDto): Promise<IssueSettingsResponse> {
    const problems = issueSettingsProblems(dto.dueDays);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const dueDays = dto.dueDays;
    return this.dataSource.transaction(async (em) => {
      const [row] = await runSql<Row>(em, sql`SELECT value, version FROM settings WHERE key = ${KEY} FOR UPDATE`);
      const current = row?.version ?? 0;
      if (dto.version !== current) throw new VersionConflict('问题诉求设置', current, dto.version);
      const before = { ...DEFAULT_ISSUE_DUE_DAYS, ...(row?.value.dueDays ?? {}) };
      // nothing changed: no new version, no audit line
      if (JSON.stringify(before) === JSON.stringify({ ...DEFAULT_ISSUE_DUE_DAYS, ...dueDays })) return { dueDays: before, version: current };
      const value = JSON.stringify({ ...(row?.value ?? {}), dueDays });
      if (row) {
        await runSql(em, sql`UPDATE settings SET value = ${value}, version = version + 1, updated_at = now() WHERE key = ${KEY}`);
      } else {
        const inserted = await runSql(em, sql`INSERT INTO settings (key, value, version) VALUES (${KEY}, ${value}, 1) ON CONFLICT (key) DO NOTHING RETURNING key`);
        // someone saved the first version between our read and our insert
        if (inserted.length === 0) throw new VersionConflict('问题诉求设置', 1, dto.version);
      }
      await this.audit.record(em, actor, { entity: 'setting', entityId: KEY, action: row ? 'UPDATE' : 'CREATE', before: row ? { dueDays: before } : null, after: { dueDays } });
      return this.get(em);
    });
  }
}
