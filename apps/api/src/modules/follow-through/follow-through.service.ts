import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type FollowThroughCounts,
  type FollowThroughProblemCounts,
  type FollowThroughQuery,
  type FollowThroughSummary,
  lastDayOf,
  NOTICE_KINDS,
  type NoticeKind,
  shanghaiToday,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';

interface ProblemRow extends FollowThroughProblemCounts {
  regionCode: string | null;
  isTotal: boolean;
}

interface NoticeRow {
  regionCode: string | null;
  isTotal: boolean;
  kind: NoticeKind;
  issued: number;
  overdue: number;
}

const NO_PROBLEMS: FollowThroughProblemCounts = { total: 0, open: 0, overdue: 0, closed: 0, closedRate: null };

/**
 * 跟踪落实 figures (issue 14 item 4): problems and notices per district and for a scope, as of a day,
 * counted in SQL from project_issues and notices (read here, owned by the problems and notices modules:
 * a read of their tables, as the indicators read the projects').
 */
@Injectable()
export class FollowThroughService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async summary(query: FollowThroughQuery, today: string = shanghaiToday()): Promise<FollowThroughSummary> {
    const { from, to } = query;
    if (from > to) throw ValidationFailed.field('from', '起始月份不能晚于截止月份');
    const regions = await runSql<{ code: string; name: string; parentCode: string | null }>(
      this.dataSource,
      sql`SELECT code, name, parent_code AS "parentCode" FROM regions ORDER BY sort_order, code`,
    );
    const city = regions.find((r) => r.parentCode === null);
    const scope = query.region === undefined ? city : regions.find((r) => r.code === query.region);
    if (!city || !scope) throw ValidationFailed.field('region', `地区代码不存在：${query.region}`);
    const periodEnd = lastDayOf(to);
    const asOf = periodEnd < today ? periodEnd : today;
    const d = sql`${sql.param(asOf)}::date`;
    // one row per region plus the grand total (GROUPING SETS): the city's figure is all projects', not a sum in Node
    const [problems, notices] = await Promise.all([
      runSql<ProblemRow>(
        this.dataSource,
        sql`SELECT p.region_code AS "regionCode", GROUPING(p.region_code) = 1 AS "isTotal",
              count(*)::int AS total,
              count(*) FILTER (WHERE i.closed_at IS NULL OR i.closed_at > ${d})::int AS open,
              count(*) FILTER (WHERE (i.closed_at IS NULL OR i.closed_at > ${d}) AND i.due_at < ${d})::int AS overdue,
              count(*) FILTER (WHERE i.closed_at <= ${d})::int AS closed,
              round(count(*) FILTER (WHERE i.closed_at <= ${d})::numeric / NULLIF(count(*), 0), 4)::float8 AS "closedRate"
            FROM project_issues i JOIN projects p ON p.id = i.project_id
            WHERE i.raised_at <= ${d}
            GROUP BY GROUPING SETS ((p.region_code), ())`,
      ),
      runSql<NoticeRow>(
        this.dataSource,
        sql`SELECT p.region_code AS "regionCode", GROUPING(p.region_code) = 1 AS "isTotal", n.kind::text AS kind,
              count(*) FILTER (WHERE n.issued_at >= ${`${from}-01`}::date)::int AS issued,
              count(*) FILTER (WHERE (n.closed_at IS NULL OR n.closed_at > ${d}) AND n.deadline < ${d})::int AS overdue
            FROM notices n JOIN projects p ON p.id = n.project_id
            WHERE n.status IN ('ISSUED', 'ANSWERED', 'CLOSED') AND n.issued_at <= ${d}
            GROUP BY GROUPING SETS ((p.region_code, n.kind), (n.kind))`,
      ),
    ]);
    const countsOf = (pick: (row: { regionCode: string | null; isTotal: boolean }) => boolean): FollowThroughCounts => ({
      problems: (({ regionCode: _r, isTotal: _t, ...counts }) => counts)(problems.find(pick) ?? { ...NO_PROBLEMS, regionCode: null, isTotal: false }),
      notices: Object.fromEntries(
        NOTICE_KINDS.map((kind) => {
          const row = notices.find((n) => n.kind === kind && pick(n));
          return [kind, { issued: row?.issued ?? 0, overdue: row?.overdue ?? 0 }];
        }),
      ) as FollowThroughCounts['notices'],
    });
    const ofRegion = (code: string) => (row: { regionCode: string | null; isTotal: boolean }) => !row.isTotal && row.regionCode === code;
    return {
      from,
      to,
      region: scope.code,
      asOf,
      rows: regions.filter((r) => r.parentCode === city.code).map((r) => ({ regionCode: r.code, regionName: r.name, ...countsOf(ofRegion(r.code)) })),
      total: countsOf(scope.code === city.code ? (row) => row.isTotal : ofRegion(scope.code)),
    };
  }
}
