import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type AssessmentComponent, type AssessmentSettingsResponse, assessmentWeightsProblems, DEFAULT_ASSESSMENT_WEIGHTS } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { AssessmentSettingsDto } from './dto/assessment.dto.js';

/** one row of the settings table, beside 'warnings', 'notices' and 'issues' */
const KEY = 'assessment';
const LABEL = '考核设置';

type Weights = Record<AssessmentComponent, number>;
type Row = { value: { weights?: Partial<Weights> }; version: number };

/** A stored set is complete (the PUT validates it whole); the defaults only stand in until the first save. */
function weightsOf(row: Row | undefined): Weights {
  return { ...DEFAULT_ASSESSMENT_WEIGHTS, ...(row?.value.weights ?? {}) };
}

export async function readAssessmentSettings(runner: SqlRunner): Promise<AssessmentSettingsResponse> {
  const [row] = await runSql<Row>(runner, sql`SELECT value, version FROM settings WHERE key = ${KEY}`);
  return { weights: weightsOf(row), version: row?.version ?? 0 };
}

/**
 * 考核设置: the weights of the assessment's components, as /settings/issues does it — the defaults
 * until an admin saves (version 0), the whole set at once, 409 on a stale version, audited.
 */
@Injectable()
export class AssessmentSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  get(manager: EntityManager = this.dataSource.manager): Promise<AssessmentSettingsResponse> {
    return readAssessmentSettings(manager);
  }

  async put(actor: Actor, dto: AssessmentSettingsDto): Promise<AssessmentSettingsResponse> {
    const problems = assessmentWeightsProblems(dto.weights);
    if (problems.length > 0) throw new ValidationFailed(problems);
    const weights = dto.weights;
    return this.dataSource.transaction(async (em) => {
      const [row] = await runSql<Row>(em, sql`SELECT value, version FROM settings WHERE key = ${KEY} FOR UPDATE`);
      const current = row?.version ?? 0;
      if (dto.version !== current) throw new VersionConflict(LABEL, current, dto.version);
      const before = weightsOf(row);
      // nothing changed: no new version, no audit line
      if (JSON.stringify(before) === JSON.stringify({ ...DEFAULT_ASSESSMENT_WEIGHTS, ...weights })) return { weights: before, version: current };
      const value = JSON.stringify({ ...(row?.value ?? {}), weights });
      if (row) {
        await runSql(em, sql`UPDATE settings SET value = ${value}, version = version + 1, updated_at = now() WHERE key = ${KEY}`);
      } else {
        const inserted = await runSql(em, sql`INSERT INTO settings (key, value, version) VALUES (${KEY}, ${value}, 1) ON CONFLICT (key) DO NOTHING RETURNING key`);
        // someone saved the first version between our read and our insert
        if (inserted.length === 0) throw new VersionConflict(LABEL, 1, dto.version);
      }
      await this.audit.record(em, actor, { entity: 'setting', entityId: KEY, action: row ? 'UPDATE' : 'CREATE', before: row ? { weights: before } : null, after: { weights } });
      return this.get(em);
    });
  }
}
