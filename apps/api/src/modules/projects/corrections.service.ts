import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CorrectionDto, CorrectionPage, CorrectionQuery } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import { likePattern } from './project-sql.js';

/** The day bounds of the filter are calendar days in Asia/Shanghai (DOMAIN.md §2). */
function conditions(query: CorrectionQuery): SqlFragment {
  const where: SqlFragment[] = [];
  if (query.region !== undefined) where.push(sql`p.region_code = ${query.region}`);
  if (query.q !== undefined && query.q !== '') {
    const like = sql.param(likePattern(query.q));
    where.push(sql`(c.project_no ILIKE ${like} OR p.name ILIKE ${like})`);
  }
  if (query.month !== undefined) where.push(sql`c.months @> ARRAY[${query.month}]::char(7)[]`);
  if (query.from !== undefined) where.push(sql`c.at >= (${query.from}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  if (query.to !== undefined) where.push(sql`c.at < (${query.to}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
  return where.length > 0 ? sql.join(where, sql` AND `) : sql`TRUE`;
}

/** 更正记录 (DOMAIN.md §5): every correction of a closed month, newest first; readable by every signed-in user (§7). */
@Injectable()
export class CorrectionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: CorrectionQuery): Promise<CorrectionPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const from = sql`FROM corrections c JOIN projects p ON p.id = c.project_id JOIN regions r ON r.code = p.region_code WHERE ${conditions(query)}`;
    const [{ total }] = await runSql<{ total: number }>(this.dataSource, sql`SELECT count(*)::int AS total ${from}`);
    const items = await runSql<Omit<CorrectionDto, 'at'> & { at: Date }>(
      this.dataSource,
      sql`SELECT c.id, c.at, c.actor_name AS "actorName", c.project_id AS "projectId", c.project_no AS "projectNo", p.name AS "projectName",
         p.region_code AS "regionCode", r.name AS "regionName", c.source, c.months::text[] AS months, c.fields, c.before, c.after, c.reason
       ${from} ORDER BY c.at DESC, c.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    );
    return { items: items.map((row) => ({ ...row, at: row.at.toISOString() })), page, pageSize, total };
  }
}
