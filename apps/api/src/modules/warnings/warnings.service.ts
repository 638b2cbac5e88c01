import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CommitmentType,
  type IssueCategory,
  type ProjectWarning,
  type ProjectWarningsResponse,
  shanghaiToday,
  WARNING_RULES,
  type WarningCounts,
  type WarningCountsResponse,
  type WarningFlagsByProject,
  type WarningItem,
  type WarningLevel,
  type WarningListResponse,
  warningMessage,
  type WarningRule,
  type WarningSettings,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { NotFound, ValidationFailed } from '../../common/errors/app.exception.js';
import { ReadPool } from '../../common/sql/read-pool.js';
import { runSql, sql } from '../../common/sql/sql.js';
import type { WarningQueryDto } from './dto/warnings.dto.js';
import { warningCountsCte, type WarningListFilter, warningListCte } from './warning-levels-sql.js';
import { HIT_ORDER, RULE_ORDER, warningCte, withReportCounts } from './warning-sql.js';
import { WarningSettingsService } from './warning-settings.service.js';

// what other modules read of the warnings: the settings in force (the 入库 threshold)
export { readWarningSettings } from './warning-settings.service.js';

interface HitRow {
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  rule: WarningRule;
  level: WarningLevel;
  since: string;
  basisDate: string | null;
  basisMonth: string | null;
  basisCount: number | null;
  /** ISSUE: the problem's category; POLICY: the commitment's type */
  basisCategory: string | null;
  basisDays: number | null;
}

function toItem(row: HitRow, settings: WarningSettings): WarningItem {
  const { basisDate, basisMonth, basisCount, basisCategory, basisDays, ...rest } = row;
  const kind = row.rule === 'POLICY' ? { commitmentType: basisCategory as CommitmentType | null } : { category: basisCategory as IssueCategory | null };
  return { ...rest, message: warningMessage(row.rule, row.level, { date: basisDate, month: basisMonth, count: basisCount, ...kind, days: basisDays }, settings) };
}

type RegionCountRow = WarningCounts['byRegion'][number];
type RuleCountRow = { rule: WarningRule; RED: number; YELLOW: number };

/**
 * The day's counts as two JSON columns of one row, from `grouped` (region_code, rule, level, n): every
 * district with its red and yellow warnings (none: zeros), and the rules' red and yellow warnings (hits
 * of the city's own projects, in no district, count there only). The list and GET /warnings/counts.
 */
const COUNT_COLUMNS = sql`(SELECT json_agg(x ORDER BY x.sort_order, x."regionCode") FROM (
      SELECT rg.code AS "regionCode", rg.name AS "regionName", rg.sort_order,
        COALESCE(sum(g.n) FILTER (WHERE g.level = 'RED'), 0)::int AS "RED", COALESCE(sum(g.n) FILTER (WHERE g.level = 'YELLOW'), 0)::int AS "YELLOW"
      FROM regions rg LEFT JOIN grouped g ON g.region_code = rg.code
      WHERE rg.parent_code IS NOT NULL GROUP BY rg.code, rg.name, rg.sort_order
    ) x) AS "byRegion",
    (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
      SELECT g.rule, COALESCE(sum(g.n) FILTER (WHERE g.level = 'RED'), 0)::int AS "RED", COALESCE(sum(g.n) FILTER (WHERE g.level = 'YELLOW'), 0)::int AS "YELLOW"
      FROM grouped g GROUP BY g.rule
    ) x) AS "byRule"`;

function toCounts(row: { byRegion: RegionCountRow[] | null; byRule: RuleCountRow[] }): WarningCounts {
  const byRule = Object.fromEntries(WARNING_RULES.map((rule) => [rule, { RED: 0, YELLOW: 0 }])) as WarningCounts['byRule'];
  for (const r of row.byRule) byRule[r.rule] = { RED: r.RED, YELLOW: r.YELLOW };
  return { byRegion: (row.byRegion ?? []).map(({ regionCode, regionName, RED, YELLOW }) => ({ regionCode, regionName, RED, YELLOW })), byRule };
}

/** 预警 (DOMAIN.md §6): every project's warnings for a day, evaluated in SQL with the admin's thresholds. */
@Injectable()
export class WarningsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settingsService: WarningSettingsService,
    /** the list (a summary page: may lag) reads from the replica when there is one (DATABASE_READ_URL) */
    private readonly readPool: ReadPool,
  ) {}

  /** The day to evaluate: today in Asia/Shanghai unless given; never in the future. */
  private day(date: string | undefined): string {
    const today = shanghaiToday();
    if (date !== undefined && date > today) throw ValidationFailed.field('date', `日期不能晚于今天（${today}）`);
    return date ?? today;
  }

  async list(query: WarningQueryDto): Promise<WarningListResponse> {
    const day = this.day(query.date);
    const { settings } = await this.settingsService.get();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const filter: WarningListFilter = { regionCode: query.regionCode, rule: query.rule, level: query.level };
    // the counts come from one grouping of the day's warnings (by region, rule and level), the filtered
    // total with them; the page is a top-N sort of the hits whose thresholds were computed (warningListCte)
    const { with: listCtes, where } = warningListCte(day, settings, filter, page * pageSize);
    const [result] = await runSql<{ total: number; items: HitRow[]; byRegion: RegionCountRow[] | null; byRule: RuleCountRow[] }>(
      this.readPool.reads,
      sql`${listCtes}
      SELECT
        (SELECT COALESCE(sum(h.n), 0)::int FROM grouped h WHERE ${where}) AS total,
        (SELECT COALESCE(json_agg(x), '[]'::json) FROM (
          ${withReportCounts(sql`SELECT * FROM hit h WHERE ${where} ORDER BY ${HIT_ORDER} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`, HIT_ORDER)}
        ) x) AS items,
        ${COUNT_COLUMNS}`,
    );
    return { date: day, items: result.items.map((row) => toItem(row, settings)), total: result.total, counts: toCounts(result) };
  }

  /**
   * The day's counts alone, as the list gives them (issue 17): for the pages that show only counts
   * (the 驾驶舱, the 工作台), without evaluating every project's thresholds (warningCountsCte).
   */
  async counts(date: string | undefined): Promise<WarningCountsResponse> {
    const day = this.day(date);
    const { settings } = await this.settingsService.get();
    const [result] = await runSql<{ byRegion: RegionCountRow[] | null; byRule: RuleCountRow[] }>(this.readPool.reads, sql`${warningCountsCte(day, settings)} SELECT ${COUNT_COLUMNS}`);
    return { date: day, counts: toCounts(result) };
  }

  private async hits(day: string, ids: string[]): Promise<{ rows: HitRow[]; settings: WarningSettings }> {
    const { settings } = await this.settingsService.get();
    const cte = warningCte(day, settings, { projects: sql`p.id = ANY(${sql.param(ids)}::uuid[])` });
    const rows = await runSql<HitRow>(this.dataSource, sql`${cte} ${withReportCounts(sql`SELECT * FROM hit h`, RULE_ORDER)}`);
    return { rows, settings };
  }

  async forProject(id: string, date: string | undefined): Promise<ProjectWarningsResponse> {
    const day = this.day(date);
    const [exists] = await runSql(this.dataSource, sql`SELECT 1 FROM projects WHERE id = ${id}`);
    if (!exists) throw new NotFound('项目', id);
    const { rows, settings } = await this.hits(day, [id]);
    return {
      date: day,
      items: rows.map((row): ProjectWarning => {
        const { rule, level, since, message } = toItem(row, settings);
        return { rule, level, since, message };
      }),
    };
  }

  /** Today's flags of the asked projects, for the project list's column. */
  async flags(ids: string[]): Promise<WarningFlagsByProject> {
    const { rows } = await this.hits(shanghaiToday(), [...new Set(ids.map((id) => id.toLowerCase()))]);
    const out: WarningFlagsByProject = {};
    for (const row of rows) (out[row.projectId] ??= []).push({ rule: row.rule, level: row.level });
    return out;
  }
}
