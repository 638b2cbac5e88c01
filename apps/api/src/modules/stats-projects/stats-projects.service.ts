import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  canonicalWan,
  completedDifference,
  completedDiffers,
  DEFAULT_STATS_TOLERANCE,
  type FieldProblem,
  monthLabel,
  type ProjectDetailDto,
  RECONCILIATION_LISTS,
  type ReconciliationList,
  reconciliationList,
  type ReconciliationResponse,
  type ReconciliationRow,
  type StatsCoverageResponse,
  statsItemProblems,
  type StatsProjectItem,
  type StatsProjectsInput,
  type StatsProjectsWriteResult,
  type StatsToleranceSettings,
  statsToleranceProblems,
  subtractWan,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import type { UserActor } from '../../common/access/actor.js';
import { NotFound, ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';
import { AuditService } from '../audit/audit.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { AcceptStatsRegistrationDto, StatsToleranceDto } from './dto/stats-projects.dto.js';
import { reconciliationQuery, type ReconciliationSqlRow, scopeRegions } from './reconciliation-sql.js';
import { replaceStatsProjects } from './stats-projects-write.js';

// what the import of the bureau's list uses: the one write
export { replaceStatsProjects, type StatsListScope } from './stats-projects-write.js';

/** one row of the settings table, beside 'warnings', 'issues', 'notices' */
const SETTINGS_KEY = 'statsReconciliation';

type SettingsRow = { value: Partial<StatsToleranceSettings>; version: number };

export async function readStatsTolerance(runner: SqlRunner): Promise<StatsToleranceSettings & { version: number }> {
  const [row] = await runSql<SettingsRow>(runner, sql`SELECT value, version FROM settings WHERE key = ${SETTINGS_KEY}`);
  return { ...DEFAULT_STATS_TOLERANCE, ...(row?.value ?? {}), version: row?.version ?? 0 };
}

/** Their rows, trimmed and canonical, as both the push and the import store them. */
export function canonicalStatsItem(item: StatsProjectItem): StatsProjectItem {
  return { ...item, nationalCode: item.nationalCode.trim(), name: item.name.trim(), completedYtdWan: canonicalWan(item.completedYtdWan.trim()) };
}

/** 统计对账 (DOMAIN.md §10): the bureau's list, its reconciliation with ours, and taking their 入库 month over. */
@Injectable()
export class StatsProjectsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
  ) {}

  /** Replaces the month's list (of one region when given); every problem at once, nothing written on any. */
  async replace(dto: StatsProjectsInput): Promise<StatsProjectsWriteResult> {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [i, item] of dto.items.entries()) {
      for (const p of statsItemProblems(item, dto.month)) problems.push({ field: `items[${i}].${p.field}`, message: `第 ${i + 1} 行：${p.message}` });
      const code = item.nationalCode.trim();
      const first = seen.get(code);
      if (first !== undefined) problems.push({ field: `items[${i}].nationalCode`, message: `第 ${i + 1} 行：投资项目代码 ${code} 与第 ${first + 1} 行重复` });
      else seen.set(code, i);
      if (dto.regionCode !== undefined && item.regionCode !== dto.regionCode) problems.push({ field: `items[${i}].regionCode`, message: `第 ${i + 1} 行：所属地区应为清单的地区 ${dto.regionCode}` });
    }
    const codes = [...new Set([...dto.items.map((i) => i.regionCode), ...(dto.regionCode ? [dto.regionCode] : [])])];
    const known = new Set((await runSql<{ code: string }>(this.dataSource, sql`SELECT code FROM regions WHERE code = ANY(${codes}::varchar[])`)).map((r) => r.code));
    if (dto.regionCode !== undefined && !known.has(dto.regionCode)) problems.push({ field: 'regionCode', message: `地区代码不存在：${dto.regionCode}` });
    for (const [i, item] of dto.items.entries()) {
      if (!known.has(item.regionCode)) problems.push({ field: `items[${i}].regionCode`, message: `第 ${i + 1} 行：地区代码不存在：${item.regionCode}` });
    }
    if (problems.length > 0) throw new ValidationFailed(problems, `统计局入库项目清单有 ${problems.length} 处错误，未写入任何数据`);
    const rows = dto.items.map(canonicalStatsItem);
    return this.dataSource.transaction(async (em) => {
      // a region's list replaces that region's rows; without one, the whole month (a district's sub-regions included via the list itself)
      const regionCodes = dto.regionCode === undefined ? null : (await runSql<{ code: string }>(em, sql`SELECT code FROM ${scopeRegions(dto.regionCode)} AS r(code)`)).map((r) => r.code);
      return replaceStatsProjects(em, [{ month: dto.month, regionCodes }], rows);
    });
  }

  async reconcile(month: string, regionCode: string): Promise<ReconciliationResponse> {
    await this.assertRegion(regionCode);
    const tolerance = await readStatsTolerance(this.dataSource);
    const found = await runSql<ReconciliationSqlRow>(this.dataSource, reconciliationQuery(month, regionCode));
    const lists = Object.fromEntries(RECONCILIATION_LISTS.map((l) => [l, [] as ReconciliationRow[]])) as Record<ReconciliationList, ReconciliationRow[]>;
    let listedCount = 0;
    for (const r of found) {
      if (r.statsNationalCode !== null) listedCount++;
      const ours = r.projectId === null ? null : { statsRegistered: r.statsRegistered ?? false, statsRegisteredMonth: r.statsRegisteredMonth };
      const list = reconciliationList(ours, r.statsNationalCode !== null, month);
      if (list === null) continue;
      const both = r.oursCompletedYtdWan !== null && r.theirsCompletedYtdWan !== null;
      const row: ReconciliationRow = {
        projectId: r.projectId,
        projectNo: r.projectNo,
        projectName: r.projectName,
        projectVersion: r.projectVersion,
        regionCode: r.regionCode,
        regionName: r.regionName,
        nationalCode: r.ourNationalCode ?? r.statsNationalCode,
        statsName: r.statsName,
        statsNationalCode: r.statsNationalCode,
        matchedBy: r.matchedBy,
        statsRegistered: r.statsRegistered ?? false,
        statsRegisteredMonth: r.statsRegisteredMonth,
        theirRegisteredMonth: r.theirRegisteredMonth,
        oursCompletedYtdWan: r.oursCompletedYtdWan,
        theirsCompletedYtdWan: r.theirsCompletedYtdWan,
        differenceWan: both ? completedDifference(r.oursCompletedYtdWan as string, r.theirsCompletedYtdWan as string) : null,
        amountDiffers: both && completedDiffers(r.oursCompletedYtdWan as string, r.theirsCompletedYtdWan as string, tolerance),
        registeredMonthDiffers: r.projectId !== null && r.theirRegisteredMonth !== null && (!(r.statsRegistered ?? false) || r.statsRegisteredMonth !== r.theirRegisteredMonth),
      };
      lists[list].push(row);
      if (row.amountDiffers) lists.amountDiffers.push(row);
    }
    const counts = Object.fromEntries(RECONCILIATION_LISTS.map((l) => [l, lists[l].length])) as Record<ReconciliationList, number>;
    const oursWan = found[0]?.pairsOursWan ?? '0.00';
    const theirsWan = found[0]?.pairsTheirsWan ?? '0.00';
    return {
      month,
      regionCode,
      listedCount,
      tolerance: { toleranceWan: tolerance.toleranceWan, toleranceRate: tolerance.toleranceRate },
      counts,
      oursCompletedWan: oursWan,
      theirsCompletedWan: theirsWan,
      differenceWan: subtractWan(oursWan, theirsWan),
      lists,
    };
  }

  /** Of our projects 入库 by the month, the share that the bureau's latest list up to the month also has. */
  async coverage(month: string, regionCode: string): Promise<StatsCoverageResponse> {
    await this.assertRegion(regionCode);
    const [latest] = await runSql<{ month: string | null }>(this.dataSource, sql`SELECT max(month) AS month FROM stats_projects WHERE month <= ${month} AND region_code IN ${scopeRegions(regionCode)}`);
    const listMonth = latest?.month ?? null;
    const [counts] = await runSql<{ registered: number; listed: number }>(
      this.dataSource,
      listMonth === null
        ? sql`SELECT count(*)::int AS registered, 0 AS listed FROM projects p WHERE p.region_code IN ${scopeRegions(regionCode)} AND p.stats_registered AND (p.stats_registered_month IS NULL OR p.stats_registered_month <= ${month})`
        : sql`WITH r AS (${reconciliationQuery(listMonth, regionCode)})
          SELECT count(*) FILTER (WHERE "projectId" IS NOT NULL AND "statsRegistered" AND ("statsRegisteredMonth" IS NULL OR "statsRegisteredMonth" <= ${month}))::int AS registered,
            count(*) FILTER (WHERE "projectId" IS NOT NULL AND "statsNationalCode" IS NOT NULL AND "statsRegistered" AND ("statsRegisteredMonth" IS NULL OR "statsRegisteredMonth" <= ${month}))::int AS listed
          FROM r`,
    );
    // the reconciliation lists our 入库 projects as of the list's month; later-registered ones count as not listed
    const extra =
      listMonth === null || listMonth === month
        ? 0
        : (
            await runSql<{ n: number }>(
              this.dataSource,
              sql`SELECT count(*)::int AS n FROM projects p WHERE p.region_code IN ${scopeRegions(regionCode)} AND p.stats_registered AND p.stats_registered_month > ${listMonth} AND p.stats_registered_month <= ${month}`,
            )
          )[0].n;
    const registered = counts.registered + extra;
    return { month, listMonth, regionCode, registeredCount: registered, alsoListedCount: counts.listed, share: registered === 0 ? null : Math.round((counts.listed / registered) * 10000) / 10000 };
  }

  /**
   * Takes their 入库 month (and, when we lack it, their 投资项目代码) into our project: an ordinary
   * project change, so the version check, the region rule, the closed-month correction (city staff
   * and admins, with a reason) and the audit row are the project form's own.
   */
  async accept(actor: UserActor, dto: AcceptStatsRegistrationDto): Promise<ProjectDetailDto> {
    const [project] = await runSql<{ id: string }>(this.dataSource, sql`SELECT id FROM projects WHERE id = ${dto.projectId}`);
    if (!project) throw new NotFound('项目', dto.projectId);
    const root = await this.rootRegion();
    const [pair] = (await runSql<ReconciliationSqlRow>(this.dataSource, reconciliationQuery(dto.month, root))).filter((r) => r.projectId === dto.projectId && r.statsNationalCode !== null);
    if (!pair) throw new NotFound(`${monthLabel(dto.month)}统计局入库项目清单中与该项目对应的行`, dto.projectId);
    return this.projects.update(actor, dto.projectId, {
      version: dto.version,
      statsRegistered: true,
      statsRegisteredMonth: pair.theirRegisteredMonth,
      ...(pair.ourNationalCode === null ? { nationalCode: pair.statsNationalCode } : {}),
      correctionReason: dto.reason ?? null,
    });
  }

  async tolerance(): Promise<StatsToleranceSettings & { version: number }> {
    return readStatsTolerance(this.dataSource);
  }

  async putTolerance(actor: UserActor, dto: StatsToleranceDto): Promise<StatsToleranceSettings & { version: number }> {
    const value: StatsToleranceSettings = { toleranceWan: canonicalWan(dto.toleranceWan.trim()), toleranceRate: dto.toleranceRate };
    const problems = statsToleranceProblems({ ...value, toleranceWan: dto.toleranceWan.trim() });
    if (problems.length > 0) throw new ValidationFailed(problems);
    return this.dataSource.transaction(async (em) => {
      const [row] = await runSql<SettingsRow>(em, sql`SELECT value, version FROM settings WHERE key = ${SETTINGS_KEY} FOR UPDATE`);
      const current = row?.version ?? 0;
      if (dto.version !== current) throw new VersionConflict('统计对账设置', current, dto.version);
      const before = { ...DEFAULT_STATS_TOLERANCE, ...(row?.value ?? {}) };
      if (before.toleranceWan === value.toleranceWan && before.toleranceRate === value.toleranceRate) return { ...before, version: current };
      if (row) await runSql(em, sql`UPDATE settings SET value = ${JSON.stringify(value)}, version = version + 1, updated_at = now() WHERE key = ${SETTINGS_KEY}`);
      else await runSql(em, sql`INSERT INTO settings (key, value, version) VALUES (${SETTINGS_KEY}, ${JSON.stringify(value)}, 1)`);
      await this.audit.record(em, actor, { entity: 'setting', entityId: SETTINGS_KEY, action: row ? 'UPDATE' : 'CREATE', before: row ? before : null, after: value });
      return readStatsTolerance(em);
    });
  }

  private async rootRegion(): Promise<string> {
    const [root] = await runSql<{ code: string }>(this.dataSource, sql`SELECT code FROM regions WHERE parent_code IS NULL ORDER BY sort_order, code LIMIT 1`);
    return root.code;
  }

  private async assertRegion(regionCode: string): Promise<void> {
    const [found] = await runSql<{ code: string }>(this.dataSource, sql`SELECT code FROM regions WHERE code = ${regionCode}`);
    if (!found) throw new ValidationFailed([{ field: 'region', message: `地区代码不存在：${regionCode}` }]);
  }
}
