import type { DemoDataSet } from './generate-projects.js';
import { tallyArrivals } from './generate-reports.js';
import { ARRIVAL_SEASON, type ArrivalTally, type DemoMonthlyOptions, MonthlyContext, projectSeed } from './monthly-context.js';
import { Random, wan } from './random.js';
import { DISTRICTS } from './tongliao-vocabulary.js';

/** 全社会固定资产投资 of a region for a month (a district, or the city's own figure). */
export interface DemoFaiTotal {
  regionCode: string;
  month: string;
  amountWan: string;
}

export const CITY_REGION_CODE = '150500';
export const FIRST_FAI_MONTH = '2021-01';
/** the 2024 到位资金占固投比重 the FAI totals are shaped for (the city's reports: 77.1%) */
export const FUNDS_TO_FAI_TARGET = 0.765;

/** 全社会固定资产投资 by month (statistics: January–February low, summer high, a year-end settlement) */
const FAI_SEASON = [0.4, 0.45, 0.75, 1.0, 1.25, 1.4, 1.4, 1.35, 1.25, 1.1, 0.85, 0.9];

const { round, exp, min, max } = Math;

/**
 * 全社会固定资产投资 for the nine districts and the city, every month from 2021-01 to last month.
 * Shaped from the arrivals: the city's year is set so that the city-level VERIFIED arrivals of the
 * anchor year (2024 once it is over) are ~76.5% of it; other years blend (geometrically) a ~6.5% growth
 * with their own arrivals. A year goes to districts by their arrivals and size, to
 * months by season, with noise. The city's own figure is the districts' sum, or slightly off it.
 */
export function demoFaiTotals(data: DemoDataSet, options: DemoMonthlyOptions = {}, tally?: ArrivalTally): DemoFaiTotal[] {
  const counted = tally?.complete ? tally : tallyArrivals(data, options);
  const ctx = new MonthlyContext(data, options);
  if (ctx.lastMonth < FIRST_FAI_MONTH) return [];
  const r = new Random(projectSeed(ctx.seed, 'FAI'));
  const target = FUNDS_TO_FAI_TARGET + r.uniform(-0.005, 0.005);
  const firstYear = Number(FIRST_FAI_MONTH.slice(0, 4));
  const lastYear = Number(ctx.lastMonth.slice(0, 4));
  const lastFullYear = ctx.lastMonth.endsWith('-12') ? lastYear : lastYear - 1;
  const arrivedIn = (year: number) => counted.cityVerified.get(year) ?? 0;
  let anchor: number | null = null;
  for (let year = min(2024, lastFullYear); year >= firstYear && anchor === null; year--) if (arrivedIn(year) > 0) anchor = year;
  for (let year = lastFullYear; year > 2024 && anchor === null; year--) if (arrivedIn(year) > 0) anchor = year;
  // without a year of arrivals (a tiny or very young data set): 1,000 亿 a year
  const anchorFai = anchor === null ? 1e7 * 100 : arrivedIn(anchor) / target;
  const anchorYear = anchor ?? 2024;
  const allIn = (year: number) => DISTRICTS.reduce((sum, d) => sum + (counted.byDistrict.get(`${d.code}|${year}`) ?? 0), 0);
  // the share of all arrivals that counts for the city and is verified, in the anchor year
  const cityShare = anchor !== null && allIn(anchor) > 0 ? arrivedIn(anchor) / allIn(anchor) : 0.75;
  const lastMonthNumber = Number(ctx.lastMonth.slice(5, 7));
  const seasonShare = ARRIVAL_SEASON.slice(0, lastMonthNumber).reduce((a, b) => a + b, 0) / ARRIVAL_SEASON.reduce((a, b) => a + b, 0);

  const totals: DemoFaiTotal[] = [];
  const districtWeight = DISTRICTS.reduce((sum, d) => sum + d.weight, 0);
  for (let year = firstYear; year <= lastYear; year++) {
    const trend = anchorFai * 1.065 ** (year - anchorYear);
    // the year's own arrivals, as the anchor year's would count, over a whole year
    const own = (allIn(year) * cityShare) / target / (year === lastYear ? seasonShare : 1);
    // the anchor year exactly; others between the trend and their own arrivals (nearer these), never below 60% of the trend
    const yearFai = year === anchorYear ? anchorFai : max(0.6 * trend, trend ** 0.3 * max(own, 1) ** 0.7) * exp(0.02 * r.normal());
    const arrivals = DISTRICTS.map((d) => counted.byDistrict.get(`${d.code}|${year}`) ?? 0);
    const allArrivals = arrivals.reduce((a, b) => a + b, 0);
    // district × month cells, noisy, then scaled so the year adds up to yearFai
    const cells = DISTRICTS.map((d, i) =>
      FAI_SEASON.map((season) => (0.4 * (d.weight / districtWeight) + 0.6 * (allArrivals > 0 ? arrivals[i] / allArrivals : d.weight / districtWeight)) * season * exp(0.1 * r.normal())),
    );
    const scale = yearFai / cells.flat().reduce((a, b) => a + b, 0);
    for (let m = 0; m < 12; m++) {
      const month = `${year}-${String(m + 1).padStart(2, '0')}`;
      let sum = 0;
      const rows: DemoFaiTotal[] = [];
      DISTRICTS.forEach((d, i) => {
        // published in whole 万元
        const amount = round((cells[i][m] * scale) / 100) * 100;
        sum += amount;
        rows.push({ regionCode: d.code, month, amountWan: wan(amount) });
      });
      const city = r.chance(0.7) ? sum : round((sum * (1 + r.uniform(-0.004, 0.004))) / 100) * 100;
      if (month > ctx.lastMonth) continue;
      totals.push({ regionCode: CITY_REGION_CODE, month, amountWan: wan(city) }, ...rows);
    }
  }
  return totals;
}
