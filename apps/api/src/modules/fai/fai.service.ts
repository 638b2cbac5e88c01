import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addMonths, canonicalWan, type FaiTotalDto, type FaiWriteResult, type FieldProblem, type MonthAmount, monthLabel, monthOf, moneyProblem, shanghaiToday, ytdToMonthly } from '@zhaoshang/shared/domain';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/actor.js';
import { ValidationFailed, VersionConflict } from '../../common/errors/app.exception.js';
import { AuditService } from '../audit/audit.service.js';
import type { FaiTotalsDto } from './dto/fai.dto.js';

const LABEL = '全社会固定资产投资(万元)';

/** 全社会固定资产投资 (DOMAIN.md §2, §8): entered on a page or pushed by the statistics system; idempotent. */
@Injectable()
export class FaiService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(year: number, regionCode?: string): Promise<FaiTotalDto[]> {
    const params: unknown[] = [`${year}-01`, `${year}-12`];
    const region = regionCode ? `AND f.region_code = $${params.push(regionCode)}` : '';
    const rows = await this.dataSource.query<(Omit<FaiTotalDto, 'updatedAt'> & { updatedAt: Date })[]>(
      `SELECT f.region_code AS "regionCode", r.name AS "regionName", f.month, f.amount_wan AS "amountWan", f.version, f.updated_at AS "updatedAt"
       FROM fai_totals f JOIN regions r ON r.code = f.region_code WHERE f.month BETWEEN $1 AND $2 ${region} ORDER BY f.region_code, f.month`,
      params,
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
    const known = await this.dataSource.query<{ code: string }[]>('SELECT code FROM regions WHERE code = ANY($1)', [codes]);
    for (const [i, item] of dto.items.entries()) {
      if (!known.some((r) => r.code === item.regionCode)) problems.push({ field: `items[${i}].regionCode`, message: `地区代码不存在：${item.regionCode}` });
    }
    if (problems.length > 0) throw new ValidationFailed(problems);

    return this.dataSource.transaction(async (em) => {
      const items = dto.items.map((item) => ({ ...item, amountWan: canonicalWan(item.amountWan.trim()) }));
      const monthly = dto.basis === 'YTD' ? await this.fromYearToDate(em, items) : items;
      const result: FaiWriteResult = { created: 0, updated: 0, unchanged: 0 };
      for (const item of monthly) {
        const [current] = await em.query<{ amountWan: string; version: number }[]>(
          'SELECT amount_wan AS "amountWan", version FROM fai_totals WHERE region_code = $1 AND month = $2 FOR UPDATE',
          [item.regionCode, item.month],
        );
        if (item.version !== undefined && item.version !== (current?.version ?? 0)) throw new VersionConflict(`${monthLabel(item.month)}固定资产投资数`, current?.version ?? 0, item.version);
        if (current?.amountWan === item.amountWan) {
          result.unchanged += 1;
          continue;
        }
        await em.query(
          `INSERT INTO fai_totals (region_code, month, amount_wan, version) VALUES ($1, $2, $3, 1)
           ON CONFLICT (region_code, month) DO UPDATE SET amount_wan = EXCLUDED.amount_wan, version = fai_totals.version + 1, updated_at = now()`,
          [item.regionCode, item.month, item.amountWan],
        );
        result[current ? 'updated' : 'created'] += 1;
        await this.audit.record(em, actor, {
          entity: 'faiTotal',
          entityId: `${item.regionCode}:${item.month}`,
          action: current ? 'UPDATE' : 'CREATE',
          before: current ? { amountWan: current.amountWan } : null,
          after: { amountWan: item.amountWan, basis: dto.basis },
        });
      }
      return result;
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
          const [stored] = await em.query<{ months: number; total: string | null }[]>(
            `SELECT count(*)::int AS months, sum(amount_wan)::text AS total FROM fai_totals WHERE region_code = $1 AND month >= $2 AND month <= $3`,
            [item.regionCode, `${item.month.slice(0, 4)}-01`, before],
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
