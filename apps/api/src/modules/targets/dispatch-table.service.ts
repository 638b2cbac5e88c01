import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CITY_TOTAL_NOTE, monthOf, shanghaiToday, type TargetIndicator } from '@zhaoshang/shared/domain';
import { DataSource } from 'typeorm';
import { ValidationFailed } from '../../common/errors/app.exception.js';
import { IndicatorsService } from '../indicators/indicators.service.js';
import { type DispatchTable, writeDispatchTable } from './dispatch-table.xlsx.js';
import { TargetsService } from './targets.service.js';

/** 签约额 and 到位资金 always have target columns; the other targets only when some region has one. */
const ALWAYS_TARGETED: TargetIndicator[] = ['signedAmountWan', 'arrivedFundsWan'];
const SOMETIMES_TARGETED: TargetIndicator[] = ['signedCount10m', 'startedCount'];

/**
 * 月调度表 (issue 6): the month and the year to date of every district and the city, from the
 * indicator engine (verified reports only), beside the annual targets.
 */
@Injectable()
export class DispatchTableService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly indicators: IndicatorsService,
    private readonly targets: TargetsService,
  ) {}

  async table(month: string): Promise<DispatchTable> {
    const today = shanghaiToday();
    if (month > monthOf(today)) throw ValidationFailed.field('month', '不能选择未来月份');
    const year = Number(month.slice(0, 4));
    const [thisMonth, yearToDate, targets] = await Promise.all([
      this.indicators.compute({ from: month, to: month, groupBy: 'region' }),
      this.indicators.compute({ from: `${year}-01`, to: month, groupBy: 'region' }),
      this.targets.list(year),
    ]);
    const [city] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM regions WHERE code = $1', [yearToDate.region]);
    const targetsOf = (regionCode: string) => Object.fromEntries(targets.filter((t) => t.regionCode === regionCode).map((t) => [t.indicator, t.value]));
    const rows = yearToDate.rows.map((row) => {
      const month = thisMonth.rows.find((r) => r.key === row.key);
      if (!month) throw new Error(`indicator rows differ between periods: ${row.key}`);
      return { label: row.label, isTotal: false, month, yearToDate: row, targets: targetsOf(row.key) };
    });
    return {
      cityName: city?.name ?? yearToDate.region,
      month,
      generatedOn: today,
      targetIndicators: [...ALWAYS_TARGETED, ...SOMETIMES_TARGETED.filter((indicator) => targets.some((t) => t.indicator === indicator))],
      withWarnings: false,
      rows: [...rows, { label: '全市', isTotal: true, month: thisMonth.total, yearToDate: yearToDate.total, targets: targetsOf(yearToDate.region) }],
      note: CITY_TOTAL_NOTE,
    };
  }

  async xlsx(month: string): Promise<{ fileName: string; body: Buffer }> {
    const table = await this.table(month);
    return { fileName: `${table.cityName}招商引资项目月调度表-${month.slice(0, 4)}年${Number(month.slice(5, 7))}月.xlsx`, body: await writeDispatchTable(table) };
  }
}
