import { addMonths, isMonth, shanghaiToday } from '@zhaoshang/shared/domain';

/** This month in Asia/Shanghai, `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return shanghaiToday(now).slice(0, 7);
}

/** Reports are filed for the month before: the month a page opens on. */
export function defaultReportMonth(now: Date = new Date()): string {
  return addMonths(currentMonth(now), -1);
}

/** A month from a URL, if it is one and not in the future; else the default. */
export function reportMonthFromUrl(value: string | null | undefined, now: Date = new Date()): string {
  return value && isMonth(value) && value <= currentMonth(now) ? value : defaultReportMonth(now);
}
