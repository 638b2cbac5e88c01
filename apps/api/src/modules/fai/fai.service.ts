import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addMonths, canonicalWan, type FaiTotalDto, type FaiWriteResult, type FieldProblem, type MonthAmount, monthLabel, monthOf, moneyProblem, shanghaiToday, ytdToMonthly } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { runSql, sql, type SqlFragment, type SqlRunner } from '../../common/sql/sql.js';
import { auditInsert } from '../audit/audit.service.js';
import type { FaiTotalsDto } from './dto/fai.dto.js';

const LABEL = '全社会固定资产投资(万元)';

/** One month's figure of a region, a 2-decimal amount as PostgreSQL gives it back. */
export interface FaiFigure {
  regionCode: string;
  month: string;
  amountWan: string;
}

/** What the audit log keeps of a FAI figure (`t` a fai_totals row). */
const faiSnapshot = (t: SqlFragment) => sql`jsonb_build_object('regionCode', ${t}.region_code, 'month', ${t}.month, 'amountWan', ${t}.amount_wan::text, 'version', ${t}.version)`;

/**
 * The one write of FAI figures, for the page, the statistics push and the import: an upsert of the
 * figures that are new or whose amount differs, with one audit row each, in one statement; `note`
 * is added to each audit row's `after` (how the figures were given). Counts come back, not rows.
 */
export async function upsertFaiTotals(em: SqlRunner, actor: Actor, figures: readonly FaiFigure[], note?: Record<string, string>): Promise<FaiWriteResult> {
  if (figures.length === 0) return { created: 0, updated: 0, unchanged: 0 };
  const noted = note ? sql` || ${JSON.stringify(note)}::jsonb` : sql.empty;
  const [counts] = await runSql<{ created: number; updated: number }>(
    em,
    sql`WITH v AS (
    SELECT * FROM unnest(${figures.map((f) => f.regionCode)}::varchar[], ${figures.map((f) => f.month)}::char(7)[], ${figures.map((f) => f.amountWan)}::numeric[]) AS v(region_code, month, amount_wan)
  ), old AS (
    SELECT f.region_code, f.month, ${faiSnapshot(sql`f`)} AS snap FROM fai_totals f JOIN v USING (region_code, month)
  ), up AS (
    INSERT INTO fai_totals AS f (region_code, month, amount_wan, version)
    SELECT region_code, month, amount_wan, 1 FROM v
    ON CONFLICT (region_code, month) DO UPDATE SET amount_wan = EXCLUDED.amount_wan, version = f.version + 1, updated_at = now()
      WHERE f.amount_wan <> EXCLUDED.amount_wan
    RETURNING f.*, (f.xmax = 0) AS created
  ), audit AS (
    ${auditInsert(
      actor,
      'faiTotal',
      sql`SELECT up.region_code || ':' || up.month, CASE WHEN up.created THEN 'CREATE' ELSE 'UPDATE' END, old.snap, ${faiSnapshot(sql`up`)}${noted}
    FROM up LEFT JOIN old ON old.region_code = up.region_code AND old.month = up.month`,
    )}
    RETURNING action
  )
  SELECT count(*) FILTER (WHERE action = 'CREATE')::int AS created, count(*) FILTER (WHERE action = 'UPDATE')::int AS updated FROM audit`,
  );
  return { ...counts, unchanged: figures.length - counts.created - counts.updated };
}

/** 全社会固定资产投资 (DOMAIN.md §2, §8): entered on a page or pushed by the statistics system; idempotent. */
@Injectable()
export class FaiService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(year: number, regionCode?: string): Promise<FaiTotalDto[]> {
    const region = regionCode ? sql`AND f.region_code = ${regionCode}` : sql.empty;
    const rows = await runSql<Omit<FaiTotalDto, 'updatedAt'> & { updatedAt: Date }>(
      this.dataSource,
      sql`SELECT f.region_code AS "regionCode", r.name AS "regionName", f.month, f.amount_wan AS "amountWan", f.version, f.updated_at AS "updatedAt"
       FROM fai_totals f JOIN regions r ON r.code = f.region_code WHERE f.month BETWEEN ${`${year}-01`} AND ${`${year}-12`} ${region} ORDER BY f.region_code, f.month`,
    );
    return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString() }));
  }

  /** Writes the figures (YTD ones turned into monthly ones first); unchanged figures are not touched. */
  async write(actor: Actor, dto: FaiTotalsDto): Promise<FaiWriteResult> {
    const today = shanghaiToday();
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    for (const [i, item] of dto.items.entries()) {
      const key = `${item.regionCode}:${item.month}`;
      if (seen.has(key)) problems.push({ field: `items[${i}]`, message: `${item.regionCode} ${monthLabel(item.month)}重复出现` });
      seen.add(key);
      const money = moneyProblem(LABEL, item.amountWan.trim());
      if (money) problems.push({ field: `items[${i}].amountWan`, message: money });
      if (item.month > monthOf(today)) problems.push({ field: `items[${i}].month`, message: '不能填写未来月份' });
    }
    const codes = [...new Set(dto.items.map((i) => i.regionCode))];
    const known = await runSql<{ code: string }>(this.dataSource, sql`SELECT code FROM regions WHERE code = ANY(${codes})`);
    for (const [i, item] of dto.items.entries()) {
      if (!known.some((r) => r.code === item.regionCode)) problems.push({ field: `items[${i}].regionCode`, message: `地区代码不存在：${item.regionCode}` });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);

    return this.dataSource.transaction(async (em) => {
      const items = dto.items.map((item) => ({ ...item, amountWan: canonicalWan(item.amountWan.trim()) }));
      const monthly = dto.basis === 'YTD' ? await this.fromYearToDate(em, items) : items;
      // each figure locked at the version its writer saw, then all written at once
      for (const item of monthly) {
        const [current] = await runSql<{ version: number }>(
          em,
          sql`SELECT amount_wan AS "amountWan", version FROM fai_totals WHERE region_code = ${item.regionCode} AND month = ${item.month} FOR UPDATE`,
        );
        if (item.version !== undefined && item.version !== (current?.version ?? 0)) throw new VersionConflict(`${monthLabel(item.month)}固定资产投资数`, current?.version ?? 0, item.version);
      }
      return upsertFaiTotals(em, actor, monthly, { basis: dto.basis });
    });
  }

  /**
   * 1–N月累计 → 当月: this month's total minus last month's total of the same year, taken from the
   * request when it is there, else from the stored monthly figures (all earlier months needed).
   */
  private async fromYearToDate<T extends { regionCode: string; month: string; amountWan: string }>(em: EntityManager, items: T[]): Promise<T[]> {
    const ytd = new Map(items.map((item) => [`${item.regionCode}:${item.month}`, item.amountWan]));
    const problems: FieldProblem[] = [];
    const out: T[] = [];
    for (const [i, item] of items.entries()) {
      let previous: MonthAmount | null | 'UNKNOWN' = null;
      if (!item.month.endsWith('-01')) {
        const before = addMonths(item.month, -1);
        const given = ytd.get(`${item.regionCode}:${before}`);
        if (given !== undefined) previous = { month: before, amountWan: given };
        else {
          const [stored] = await runSql<{ months: number; total: string | null }>(
            em,
            sql`SELECT count(*)::int AS months, sum(amount_wan)::text AS total FROM fai_totals WHERE region_code = ${item.regionCode} AND month >= ${`${item.month.slice(0, 4)}-01`} AND month <= ${before}`,
          );
          previous = stored.months === Number(before.slice(5, 7)) ? { month: before, amountWan: stored.total ?? '0' } : 'UNKNOWN';
        }
      }
      const monthly = ytdToMonthly(item, previous);
      if (monthly.problem !== null) problems.push({ field: `items[${i}].${previous === 'UNKNOWN' ? 'month' : 'amountWan'}`, message: monthly.problem });
      else out.push({ ...item, amountWan: monthly.amountWan });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);
    return out;
  }
}
