import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CITY_TOTAL_NOTE, type FollowThroughCounts, lastDayOf, monthOf, noticeTotals, shanghaiToday, type TargetIndicator } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { runSql, sql } from '../../common/sql/sql.js';
import { FollowThroughService } from '../follow-through/follow-through.service.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { WarningsService } from '../warnings/warnings.service.js';
import { type DispatchFollowThrough, type DispatchTable, writeDispatchTable } from './dispatch-table.xlsx.js';
import { TargetsService } from './targets.service.js';

/** 签约额 and 到位资金 always have target columns; the other targets only when some region has one. */
const ALWAYS_TARGETED: TargetIndicator[] = ['signedAmountWan', 'arrivedFundsWan'];
const SOMETIMES_TARGETED: TargetIndicator[] = ['signedCount10m', 'startedCount'];

/**
 * 月调度表 (issue 6): the month and the year to date of every district and the city, from the
 * indicator engine (verified reports only), beside the annual targets and the open warnings.
 */
@Injectable()
export class DispatchTableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly targets: TargetsService,
    private readonly warnings: WarningsService,
    private readonly followThrough: FollowThroughService,
  ) {}

  async table(month: string): Promise<DispatchTable> {
    const today = shanghaiToday();
    if (month > monthOf(today)) throw ValidationFailed.field('month', '不能选择未来月份');
    const year = Number(month.slice(0, 4));
    const monthNumber = Number(month.slice(5, 7));
    // warnings as they stood at the month's end (today, for this month)
    const monthEnd = lastDayOf(month);
    const [thisMonth, yearToDate, targets, warnings, followThrough] = await Promise.all([
      this.indicators.compute({ from: month, to: month, groupBy: 'region' }),
      this.indicators.compute({ from: `${year}-01`, to: month, groupBy: 'region' }),
      this.targets.list(year),
      this.warnings.list({ date: monthEnd < today ? monthEnd : today, pageSize: 1 }),
      // the same day as the warnings (the month's end, or today); notices issued since January
      this.followThrough.summary({ from: `${year}-01`, to: month }, today),
    ]);
    const followThroughOf = (counts: FollowThroughCounts | undefined): DispatchFollowThrough => {
      const notices = counts ? noticeTotals(counts.notices) : { issued: 0, overdue: 0 };
      return { problemsOpen: counts?.problems.open ?? 0, problemsOverdue: counts?.problems.overdue ?? 0, noticesIssued: notices.issued, noticesOverdue: notices.overdue };
    };
    const warningsOf = (regionCode: string) => {
      const counts = warnings.counts.byRegion.find((r) => r.regionCode === regionCode);
      return { red: counts?.RED ?? 0, yellow: counts?.YELLOW ?? 0 };
    };
    const sumOf = (level: 'red' | 'yellow') => yearToDate.rows.reduce((n, row) => n + warningsOf(row.key)[level], 0);
    const [city] = await runSql<{ name: string }>(this.dataSource, sql`SELECT name FROM regions WHERE code = ${yearToDate.region}`);
    const targetsOf = (regionCode: string) => Object.fromEntries(targets.filter((t) => t.regionCode === regionCode).map((t) => [t.indicator, t.value]));
    const rows = yearToDate.rows.map((row) => {
      const month = thisMonth.rows.find((r) => r.key === row.key);
      if (!month) throw new Error(`indicator rows differ between periods: ${row.key}`);
      const followThroughRow = followThrough.rows.find((r) => r.regionCode === row.key);
      return { label: row.label, isTotal: false, month, yearToDate: row, targets: targetsOf(row.key), warnings: warningsOf(row.key), followThrough: followThroughOf(followThroughRow) };
    });
    return {
      cityName: city?.name ?? yearToDate.region,
      month,
      generatedOn: today,
      targetIndicators: [...ALWAYS_TARGETED, ...SOMETIMES_TARGETED.filter((indicator) => targets.some((t) => t.indicator === indicator))],
      withWarnings: true,
      withFollowThrough: true,
      rows: [
        ...rows,
        // every project is in exactly one district: the city's warnings are their sum
        { label: '全市', isTotal: true, month: thisMonth.total, yearToDate: yearToDate.total, targets: targetsOf(yearToDate.region), warnings: { red: sumOf('red'), yellow: sumOf('yellow') }, followThrough: followThroughOf(followThrough.total) },
      ],
      note: `${CITY_TOTAL_NOTE}；督办指提醒单、催办单、督办单、移交函，下发为${monthNumber === 1 ? '1月' : `1–${monthNumber}月`}累计，问题与督办的未办结、超期按月末（本月为今天）状态统计`,
    };
  }

  async xlsx(month: string): Promise<{ fileName: string; body: Buffer }> {
    const table = await this.table(month);
    return { fileName: `${table.cityName}招商引资项目月调度表-${month.slice(0, 4)}年${Number(month.slice(5, 7))}月.xlsx`, body: await writeDispatchTable(table) };
  }
}
