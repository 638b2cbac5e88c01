import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canonicalTargetValue,
  COUNT_TARGET_INDICATORS,
  type FieldProblem,
  TARGET_INDICATOR_LABELS,
  TARGET_INDICATORS,
  type TargetDto,
  targetValueProblem,
  type TargetsWriteResult,
} from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import type { TargetsWriteDto } from './dto/targets.dto.js';

/** Counts are whole numbers in the numeric column: shown without decimals ('25'), amounts with two. */
const VALUE_TEXT = sql`CASE WHEN t.indicator = ANY(${COUNT_TARGET_INDICATORS}) THEN trunc(t.value)::text ELSE t.value::text END`;

/** 目标任务 (DOMAIN.md §2): the annual targets of the city and its districts, set by an admin. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(year: number, manager: EntityManager = this.dataSource.manager): Promise<TargetDto[]> {
    return runSql<TargetDto>(
      manager,
      sql`SELECT t.region_code AS "regionCode", r.name AS "regionName", t.year, t.indicator, ${VALUE_TEXT} AS value, t.version
       FROM targets t JOIN regions r ON r.code = t.region_code
       WHERE t.year = ${year} ORDER BY r.parent_code NULLS FIRST, r.sort_order, r.code, array_position(${TARGET_INDICATORS}::text[], t.indicator::text)`,
    );
  }

  /** Writes the changed targets in one transaction; unchanged ones are not touched, a stale version is 409. */
  async write(actor: Actor, dto: TargetsWriteDto): Promise<TargetsWriteResult> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const items = dto.items.map((item, i) => {
      const key = `${item.regionCode}:${item.indicator}`;
      if (seen.has(key)) problems.push({ field: `items[${i}]`, message: `${item.regionCode} 的${TARGET_INDICATOR_LABELS[item.indicator]}重复出现` });
      seen.add(key);
      const text = item.value?.trim() ?? '';
      if (text === '') return { ...item, value: null };
      const problem = targetValueProblem(item.indicator, text);
      if (problem) problems.push({ field: `items[${i}].value`, message: problem });
      return { ...item, value: problem ? text : canonicalTargetValue(item.indicator, text) };
    });
    const codes = [...new Set(items.map((i) => i.regionCode))];
    const known = new Map(
      (await runSql<{ code: string; name: string }>(this.dataSource, sql`SELECT code, name FROM regions WHERE code = ANY(${codes})`)).map((r) => [r.code, r.name]),
    );
    for (const [i, item] of items.entries()) {
      if (!known.has(item.regionCode)) problems.push({ field: `items[${i}].regionCode`, message: `地区代码不存在：${item.regionCode}` });
    }
    if (problems.length > 0) throw new ValidationFailed(problems.sort((a, b) => fieldOrder(a.field) - fieldOrder(b.field)));

    return this.dataSource.transaction(async (em) => {
      const result = { created: 0, updated: 0, deleted: 0, unchanged: 0 };
      for (const item of items) {
        const [current] = await runSql<{ value: string; version: number }>(
          em,
          sql`SELECT ${VALUE_TEXT} AS value, t.version FROM targets t WHERE t.region_code = ${item.regionCode} AND t.year = ${dto.year} AND t.indicator = ${item.indicator} FOR UPDATE`,
        );
        const what = `${known.get(item.regionCode)}${dto.year}年${TARGET_INDICATOR_LABELS[item.indicator]}目标`;
        if (item.version !== undefined && item.version !== (current?.version ?? 0)) throw new VersionConflict(what, current?.version ?? 0, item.version);
        if ((current?.value ?? null) === item.value) {
          result.unchanged += 1;
          continue;
        }
        const entityId = `${item.regionCode}:${dto.year}:${item.indicator}`;
        if (item.value === null) {
          await runSql(em, sql`DELETE FROM targets WHERE region_code = ${item.regionCode} AND year = ${dto.year} AND indicator = ${item.indicator}`);
          result.deleted += 1;
          await this.audit.record(em, actor, { entity: 'target', entityId, action: 'DELETE', before: { value: current.value }, after: null });
          continue;
        }
        await runSql(
          em,
          sql`INSERT INTO targets (region_code, year, indicator, value, version) VALUES (${item.regionCode}, ${dto.year}, ${item.indicator}, ${item.value}, 1)
           ON CONFLICT (region_code, year, indicator) DO UPDATE SET value = EXCLUDED.value, version = targets.version + 1, updated_at = now()`,
        );
        result[current ? 'updated' : 'created'] += 1;
        await this.audit.record(em, actor, {
          entity: 'target',
          entityId,
          action: current ? 'UPDATE' : 'CREATE',
          before: current ? { value: current.value } : null,
          after: { value: item.value },
        });
      }
      return { ...result, items: await this.list(dto.year, em) };
    });
  }
}

/** items[3].value sorts by its row number, so the messages read top to bottom. */
function fieldOrder(field: string): number {
  return Number(/^items\[(\d+)\]/.exec(field)?.[1] ?? -1);
}
