import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CITY_TOTAL_NOTE,
  type IndicatorFigures,
  isCountIndicator,
  monthOf,
  rankByCompletion,
  rateOfAmounts,
  rateOfCounts,
  shanghaiToday,
  TARGET_INDICATOR_LABELS,
  TARGET_INDICATORS,
  type TargetIndicator,
  type TargetProgressEntry,
  type TargetProgressResponse,
} from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { IndicatorsService } from '../indicators/indicators.service.js';

/** A figure of the engine in the target's form: counts as '7', amounts as they come ('1234.50'). */
function actualText(figures: IndicatorFigures, indicator: TargetIndicator): string {
  return String(figures[indicator]);
}

function completionOf(indicator: TargetIndicator, actual: string, target: string | null): number | null {
  if (target === null) return null;
  return isCountIndicator(indicator) ? rateOfCounts(Number(actual), Number(target)) : rateOfAmounts(actual, target);
}

/**
 * 完成情况: for each targeted indicator, every district's actual since January against its annual
 * target, ranked by completion; the actual figures are the indicator engine's (verified reports).
 */
@Injectable()
export class TargetProgressService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
  ) {}

  async progress(year: number, to?: string): Promise<TargetProgressResponse> {
    const currentMonth = monthOf(shanghaiToday());
    const end = to ?? (String(year) === currentMonth.slice(0, 4) ? currentMonth : `${year}-12`);
    if (end.slice(0, 4) !== String(year)) throw ValidationFailed.field('to', `截止月份应在 ${year} 年内`);
    const from = `${year}-01`;
    const [figures, targets] = await Promise.all([
      this.indicators.compute({ from, to: end, groupBy: 'region' }),
      runSql<{ regionCode: string; indicator: TargetIndicator; value: string }>(
        this.dataSource,
        sql`SELECT region_code AS "regionCode", indicator, CASE WHEN indicator = ANY(${['signedCount10m', 'startedCount']}) THEN trunc(value)::text ELSE value::text END AS value FROM targets WHERE year = ${year}`,
      ),
    ]);
    const city = await runSql<{ code: string; name: string }>(this.dataSource, sql`SELECT code, name FROM regions WHERE code = ${figures.region}`);
    const targetOf = (regionCode: string, indicator: TargetIndicator) => targets.find((t) => t.regionCode === regionCode && t.indicator === indicator)?.value ?? null;
    const entry = (regionCode: string, regionName: string, values: IndicatorFigures, indicator: TargetIndicator): TargetProgressEntry => {
      const actual = actualText(values, indicator);
      const target = targetOf(regionCode, indicator);
      return { regionCode, regionName, actual, target, completion: completionOf(indicator, actual, target), rank: null };
    };

    return {
      year,
      from,
      to: end,
      note: CITY_TOTAL_NOTE,
      indicators: TARGET_INDICATORS.map((indicator) => {
        const districts = figures.rows.map((row) => entry(row.key, row.label, row, indicator));
        const ranks = rankByCompletion(districts);
        const ranked = districts
          .map((d, i) => ({ ...d, rank: ranks[i], order: i }))
          .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.order - b.order)
          .map(({ order: _order, ...d }) => d);
        return {
          indicator,
          label: TARGET_INDICATOR_LABELS[indicator],
          city: entry(figures.region, city[0]?.name ?? figures.region, figures.total, indicator),
          districts: ranked,
        };
      }),
    };
  }
}
