import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditEntryDto,
  FeedPage,
  LookAlikeCandidate,
  LookAlikeQuery,
  Page,
  ProjectDetailDto,
  ProjectDto,
  ProjectFeedQuery,
  ProjectSearchQuery,
  ProjectSearchResponse,
} from '@zhaoshang/shared/domain';
import type { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { RegionResolvers } from '../../common/access/region-resolvers.js';
import { NotFound } from '../../common/errors/app.exception.js';
import { streamFromCursor } from '../../common/sql/cursor-stream.js';
import { feedPage } from '../../common/sql/feed-page.js';
import { runSql, sql, type SqlFragment } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { writeProjectsXlsx } from './project-export.js';
import { findLookAlikes, loadProjectDetail, withApprovals } from './project-reader.js';
import { filterConditions, FROM_PROJECTS, orderBy, PROJECT_COLUMNS, type ProjectRow, SUMMARY_COLUMNS, type SummaryRow, toSummary } from './project-sql.js';

/** 累计到位资金 of a list row `p`: its verified reports, all months (DOMAIN.md §6 counts only VERIFIED). */
const ARRIVED_SO_FAR = sql`(SELECT round(coalesce(sum(m.arrived_equity_wan + m.arrived_loan_wan + m.arrived_other_wan), 0), 2)::text
  FROM monthly_reports m WHERE m.project_id = p.id AND m.status = 'VERIFIED')`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reading projects: one, a page of the list with its totals, the statistics feed, look-alikes, history. */
@Injectable()
export class ProjectQueriesService implements OnModuleInit {
  private readonly logger = new Logger(ProjectQueriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly regionResolvers: RegionResolvers,
  ) {}

  /** The access guard asks for a project's region when someone who may edit projects addresses one by id. */
  onModuleInit(): void {
    this.regionResolvers.register('project', (id) => this.regionOf(id));
  }

  async regionOf(id: string): Promise<string | null> {
    if (!UUID.test(id)) return null;
    const rows = await runSql<{ region_code: string }>(this.dataSource, sql`SELECT region_code FROM projects WHERE id = ${id}`);
    return rows[0]?.region_code ?? null;
  }

  get(id: string): Promise<ProjectDetailDto> {
    return loadProjectDetail(this.dataSource, id);
  }

  async history(id: string, query: { limit?: number; before?: string }): Promise<Page<AuditEntryDto>> {
    if ((await this.regionOf(id)) === null) throw new NotFound('项目', id);
    return this.audit.list({ entity: 'project', entities: ['project'], entityId: id, limit: query.limit ?? 50, before: query.before });
  }

  lookAlikes(query: LookAlikeQuery): Promise<LookAlikeCandidate[]> {
    return findLookAlikes(this.dataSource, query);
  }

  /** One page and the totals of the whole filtered set: two lean statements, run side by side. */
  async search(query: ProjectSearchQuery, viewerId: string | null = null): Promise<ProjectSearchResponse> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const where = filterConditions(query, viewerId);
    // the page is cut before the dictionaries are joined: only its rows get their names
    const order = orderBy(query.sort, query.order);
    // 累计到位 of the page's rows only: summed in SQL over the verified reports (uq_monthly_reports_project_month)
    const pageSql = sql`SELECT ${SUMMARY_COLUMNS}, ${ARRIVED_SO_FAR} AS "arrivedFundsWan" FROM (SELECT * FROM projects p WHERE ${where} ORDER BY ${order}
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) p
      JOIN regions r ON r.code = p.region_code JOIN industries i ON i.code = p.industry_code ORDER BY ${order}`;
    const totalSql = sql`SELECT count(*)::int AS count, round(coalesce(sum(p.contract_amount_wan), 0), 2)::text AS "contractAmountWan" FROM projects p WHERE ${where}`;
    const [rows, [total]] = await Promise.all([this.read<SummaryRow & { arrivedFundsWan: string }>(pageSql), this.read<{ count: number; contractAmountWan: string }>(totalSql)]);
    return { items: rows.map((row) => ({ ...toSummary(row), arrivedFundsWan: row.arrivedFundsWan })), page, pageSize, total };
  }

  /**
   * A read straight through the driver's pool: the list is the busiest request of the app and
   * TypeORM's query runner (one created and released per statement, with its logging) costs a
   * measurable share of it (the list benchmark, tools/bench). Reads only; writes go through TypeORM.
   */
  private read<T>(statement: SqlFragment): Promise<T[]> {
    return runSql<T>((this.dataSource.driver as PostgresDriver).master as Pool, statement);
  }

  /** The statistics feed (DOMAIN.md §8): changed projects in commit order, cursor paged (feedPage). */
  async feed(query: ProjectFeedQuery): Promise<FeedPage<ProjectDto>> {
    const { rows, nextCursor, resumeCursor } = await feedPage<ProjectRow>(this.dataSource, {
      alias: sql`p`,
      columns: PROJECT_COLUMNS,
      from: FROM_PROJECTS,
      where: [filterConditions(query)],
      updatedSince: query.updatedSince,
      cursor: query.cursor,
      limit: query.limit ?? 200,
    });
    return { items: await withApprovals(this.dataSource, rows), nextCursor, resumeCursor };
  }

  /**
   * The filtered, sorted list as .xlsx, streamed from a cursor in one snapshot (streamFromCursor).
   */
  async exportXlsx(search: ProjectSearchQuery, viewerId: string | null = null): Promise<Readable> {
    const rowsSql = sql`SELECT ${PROJECT_COLUMNS} ${FROM_PROJECTS} WHERE ${filterConditions(search, viewerId)} ORDER BY ${orderBy(search.sort, search.order)}`;
    return streamFromCursor<ProjectRow>(this.dataSource, {
      cursor: sql`project_export`,
      rows: rowsSql,
      fetch: sql`1000`,
      write: writeProjectsXlsx,
      logger: this.logger,
      label: '项目导出',
    });
  }
}
