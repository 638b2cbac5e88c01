import { addMonths, originCounts, type ReportStatus } from '@zhaoshang/shared/domain';
import { DEMO_DEFAULT_SEED, type DemoDataSet, type DemoProject } from './generate-projects.js';
import { dateOf, dayNumber, shanghaiInstant } from './random.js';

export interface DemoMonthlyOptions {
  /** the demo seed (150500 by default): with the projects' seed and day, the same reports */
  seed?: number;
  /** the instant of the generation (timestamps never pass it); by default now, but never after the data set's day */
  now?: Date;
}

/** money arrives more evenly, with the year-end push */
export const ARRIVAL_SEASON = [0.45, 0.5, 0.85, 1.0, 1.1, 1.15, 1.1, 1.1, 1.1, 1.05, 1.0, 1.4];

/** What the FAI totals are computed from, added up while the reports are generated. */
export class ArrivalTally {
  /** hundredths of 万元, by year: VERIFIED reports of projects whose origin counts at the city level */
  readonly cityVerified = new Map<number, number>();
  /** hundredths of 万元, by `${region}|${year}`: every report of every origin */
  readonly byDistrict = new Map<string, number>();
  complete = false;

  add(project: DemoProject, month: string, status: ReportStatus, arrived: number): void {
    if (arrived === 0) return;
    const year = Number(month.slice(0, 4));
    const key = `${project.regionCode}|${year}`;
    this.byDistrict.set(key, (this.byDistrict.get(key) ?? 0) + arrived);
    if (status === 'VERIFIED' && originCounts(project.investorOrigin, 'CITY')) this.cityVerified.set(year, (this.cityVerified.get(year) ?? 0) + arrived);
  }
}

/** A 32-bit seed per project: its reports do not depend on which chunk, or which other projects, came before. */
export function projectSeed(seed: number, projectNo: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < projectNo.length; i++) h = Math.imul(h ^ projectNo.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 16)) >>> 0;
}

export const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
export const indexOrNull = (date: string | null) => (date === null ? null : monthIndex(date));
const BASE_INDEX = 2000 * 12;
// module constants, not global look-ups in the loop of millions of reports (slow where globals are proxied, as in Jest)
const { floor, min } = Math;
const DAY_MS = 86_400_000;
/** day number of 2019-01-01: the cache of ISO dates starts there (a dense array, not a sparse one) */
const BASE_DAY = 17_897;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** The context every project's reports share: the day, the last allowed instant, the seed. */
export class MonthlyContext {
  readonly seed: number;
  readonly today: string;
  readonly thisMonth: string;
  readonly lastMonth: string;
  /** ms: no timestamp after it */
  readonly latest: number;
  readonly todayDay: number;
  readonly thisMonthIndex: number;
  private readonly names: string[] = [];
  private readonly firstDays: number[] = [];
  private readonly dates: string[] = Array.from({ length: 4000 }, () => '');

  constructor(data: Pick<DemoDataSet, 'today'>, options: DemoMonthlyOptions = {}) {
    this.seed = options.seed ?? DEMO_DEFAULT_SEED;
    this.today = data.today;
    this.thisMonth = data.today.slice(0, 7);
    this.lastMonth = addMonths(this.thisMonth, -1);
    const now = options.now ?? new Date();
    this.todayDay = dayNumber(data.today);
    this.latest = min(now.getTime(), shanghaiInstant(this.todayDay + 1, 0)) - 60_000;
    this.thisMonthIndex = monthIndex(this.thisMonth);
  }

  /** 'YYYY-MM' of a month index (year × 12 + month − 1), cached: the reports' loop runs millions of times */
  name(index: number): string {
    const i = index - BASE_INDEX;
    if (i < 0) return addMonths('2000-01', index - BASE_INDEX);
    return (this.names[i] ??= addMonths('2000-01', i));
  }

  /** `new Date(ms).toISOString()`, several times faster (the dates cached): it was most of the generation's time */
  iso(ms: number): string {
    const day = floor(ms / DAY_MS);
    let rest = ms - day * DAY_MS;
    const date = day >= BASE_DAY && day < BASE_DAY + 4000 ? (this.dates[day - BASE_DAY] ||= dateOf(day) + 'T') : dateOf(day) + 'T';
    const h = floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = floor(rest / 60_000);
    rest -= m * 60_000;
    const sec = floor(rest / 1000);
    const milli = rest - sec * 1000;
    return `${date}${TWO[h]}:${TWO[m]}:${TWO[sec]}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
  }

  /** the day number of the month's first day */
  firstDay(index: number): number {
    const i = index - BASE_INDEX;
    if (i < 0) return dayNumber(`${this.name(index)}-01`);
    return (this.firstDays[i] ??= dayNumber(`${this.name(index)}-01`));
  }
}
