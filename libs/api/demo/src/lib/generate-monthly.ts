import { addMonths } from '@zhaoshang/shared/domain';
import { type DemoFaiTotal, demoFaiTotals, FIRST_FAI_MONTH } from './generate-fai-totals.js';
import type { DemoDataSet } from './generate-projects.js';
import { type DemoReport, demoReportChunks } from './generate-reports.js';
import { ArrivalTally, type DemoMonthlyOptions, MonthlyContext, projectSeed } from './monthly-context.js';
import { dayNumber, Random, shanghaiInstant } from './random.js';

/** 月结 of a month: closed by the demo. */
export interface DemoMonthClose {
  month: string;
  closedAt: string;
  closedBy: string;
}

export const MONTH_CLOSED_BY = '系统（演示数据）';

const { min } = Math;
const firstDay = (month: string) => dayNumber(`${month}-01`);

/** 月结: every month up to three months ago is closed (on the 20th, two months after it), the later ones open. */
export function demoMonthCloses(data: DemoDataSet, options: DemoMonthlyOptions = {}): DemoMonthClose[] {
  const ctx = new MonthlyContext(data, options);
  const last = addMonths(ctx.thisMonth, -3);
  const r = new Random(projectSeed(ctx.seed, 'CLOSE'));
  const closes: DemoMonthClose[] = [];
  for (let month = FIRST_FAI_MONTH; month <= last; month = addMonths(month, 1)) {
    const day = firstDay(addMonths(month, 2)) + 19 + r.int(-3, 3);
    closes.push({ month, closedAt: new Date(min(ctx.latest, shanghaiInstant(day, r.int(9 * 60, 18 * 60)))).toISOString(), closedBy: MONTH_CLOSED_BY });
  }
  return closes;
}

/** Everything at once, for small data sets and tests: the reports, the FAI totals and the month closes. */
export function generateDemoMonthlyData(data: DemoDataSet, options: DemoMonthlyOptions = {}): { reports: DemoReport[]; faiTotals: DemoFaiTotal[]; monthCloses: DemoMonthClose[] } {
  const tally = new ArrivalTally();
  const reports: DemoReport[] = [];
  for (const chunk of demoReportChunks(data, options, 10_000, tally)) reports.push(...chunk);
  return { reports, faiTotals: demoFaiTotals(data, options, tally), monthCloses: demoMonthCloses(data, options) };
}
