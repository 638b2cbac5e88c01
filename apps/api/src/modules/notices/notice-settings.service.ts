import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type NoticeSettings, type NoticeSettingsResponse, noticeSettingsProblems, withDefaultNoticeSettings } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { NoticeSettingsDto } from './dto/notices.dto.js';

const KEY = 'NOTICES';

/** The notice settings in force (the defaults until an admin saves them, version 0), read with the caller's runner. */
export async function readNoticeSettings(runner: SqlRunner): Promise<NoticeSettingsResponse> {
  const [row] = await runSql<{ value: Partial<NoticeSettings>; version: number }>(runner, sql`SELECT value, version FROM settings WHERE key = ${KEY}`);
  return { settings: withDefaultNoticeSettings(row?.value), version: row?.version ?? 0 };
}

/** What an admin may send, trimmed and in a stable order (so an unchanged save writes nothing). */
function normalised(s: NoticeSettings): NoticeSettings {
  const prefixes = Object.fromEntries(Object.entries(s.prefixes).map(([k, v]) => [k, v.trim()])) as NoticeSettings['prefixes'];
  return {
    prefixes,
    deadlineWorkingDays: { ...s.deadlineWorkingDays },
    holidays: [...new Set(s.holidays)].sort(),
    extraWorkdays: [...new Set(s.extraWorkdays)].sort(),
    issuer: s.issuer.trim(),
  };
}

/** 三单一函设置 (DOMAIN.md §9): 文号 prefixes, deadlines in working days, the calendar, the issuing office. */
@Injectable()
export class NoticeSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(): Promise<NoticeSettingsResponse> {
    return readNoticeSettings(this.dataSource);
  }

  /** The whole set with the version the admin saw: a stale version is 409; nothing changed is not written; audited. */
  async put(actor: Actor, dto: NoticeSettingsDto): Promise<NoticeSettingsResponse> {
    const problems = noticeSettingsProblems(dto.settings);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const settings = normalised(withDefaultNoticeSettings(dto.settings));
    return this.dataSource.transaction(async (em) => {
      const [row] = await runSql<{ value: Partial<NoticeSettings>; version: number }>(em, sql`SELECT value, version FROM settings WHERE key = ${KEY} FOR UPDATE`);
      const current = row?.version ?? 0;
      if (dto.version !== current) throw new VersionConflict('三单一函设置', current, dto.version);
      const before = withDefaultNoticeSettings(row?.value);
      if (JSON.stringify(before) === JSON.stringify(settings)) return { settings: before, version: current };
      if (row) {
        await runSql(em, sql`UPDATE settings SET value = ${JSON.stringify(settings)}, version = version + 1, updated_at = now() WHERE key = ${KEY}`);
      } else {
        const inserted = await runSql(em, sql`INSERT INTO settings (key, value, version) VALUES (${KEY}, ${JSON.stringify(settings)}, 1) ON CONFLICT (key) DO NOTHING RETURNING key`);
        // someone saved the first version between our read and our insert
        if (inserted.length === 0) throw new VersionConflict('三单一函设置', 1, dto.version);
      }
      await this.audit.record(em, actor, { entity: 'setting', entityId: KEY, action: row ? 'UPDATE' : 'CREATE', before: row ? before : null, after: settings });
      return readNoticeSettings(em);
    });
  }
}
