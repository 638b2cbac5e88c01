import { nationalCodeProblem } from './codes.js';
import { fromCents, moneyProblem, toCents } from './money.js';
import { isMonth, monthLabel } from './monthly.js';

/**
 * 统计对账 (DOMAIN.md §10): the statistics bureau's list of registered projects (固定资产投资项目库)
 * against ours. The API matches in SQL; the rules that decide what a pair means live here, once.
 */

/** One row of the bureau's list, as `PUT /stats-projects` and the import give it. */
export interface StatsProjectItem {
  nationalCode: string;
  name: string;
  regionCode: string;
  /** the month the bureau registered (入库) the project */
  registeredMonth: string;
  /** 完成投资 1–M月累计 of the list's month, 万元 */
  completedYtdWan: string;
  /** the month of the list */
  month: string;
}

export interface StatsProjectsInput {
  /** the list's month: the rows given replace that month's list (of `regionCode` only, when given) */
  month: string;
  regionCode?: string;
  items: StatsProjectItem[];
}

export interface StatsProjectsWriteResult {
  created: number;
  updated: number;
  unchanged: number;
  /** rows of the month (and region) that the new list no longer has */
  deleted: number;
}

export const STATS_ITEM_LABELS: Record<keyof StatsProjectItem, string> = {
  nationalCode: '投资项目代码',
  name: '项目名称',
  regionCode: '所属地区',
  registeredMonth: '入库月份',
  completedYtdWan: '本年完成投资(万元)',
  month: '月份',
};

/** Problems of one row on its own (the region's existence is the caller's to check), Chinese, naming the field. */
export function statsItemProblems(item: StatsProjectItem, listMonth: string): { field: keyof StatsProjectItem; message: string }[] {
  const out: { field: keyof StatsProjectItem; message: string }[] = [];
  const code = nationalCodeProblem(item.nationalCode.trim());
  if (code) out.push({ field: 'nationalCode', message: code });
  if (item.name.trim() === '') out.push({ field: 'name', message: `${STATS_ITEM_LABELS.name}不能为空` });
  else if (item.name.trim().length > 200) out.push({ field: 'name', message: `${STATS_ITEM_LABELS.name}不能超过 200 个字` });
  if (!isMonth(item.month)) out.push({ field: 'month', message: `${STATS_ITEM_LABELS.month}应为 YYYY-MM` });
  else if (item.month !== listMonth) out.push({ field: 'month', message: `${STATS_ITEM_LABELS.month}应与清单月份 ${monthLabel(listMonth)} 一致` });
  if (!isMonth(item.registeredMonth)) out.push({ field: 'registeredMonth', message: `${STATS_ITEM_LABELS.registeredMonth}应为 YYYY-MM` });
  else if (isMonth(item.month) && item.registeredMonth > item.month) out.push({ field: 'registeredMonth', message: `${STATS_ITEM_LABELS.registeredMonth}不能晚于清单月份` });
  const money = moneyProblem(STATS_ITEM_LABELS.completedYtdWan, item.completedYtdWan.trim());
  if (money) out.push({ field: 'completedYtdWan', message: money });
  return out;
}

/**
 * How far the two 完成投资 figures may lie apart before the pair is listed as differing: more than
 * `toleranceWan` 万元 AND more than `toleranceRate` of the larger figure. Default 10 万元 / 5%:
 * both sides round to 万元 and the bureau revises its figures by a few percent at its quarterly
 * review (数据质量审核), so a tighter rule lists rounding and revision noise; 5% is the share the
 * city's reviews treat as a real gap. The absolute floor keeps small projects' noise out.
 */
export interface StatsToleranceSettings {
  toleranceWan: string;
  toleranceRate: number;
}

export const DEFAULT_STATS_TOLERANCE: StatsToleranceSettings = { toleranceWan: '10.00', toleranceRate: 0.05 };

export function statsToleranceProblems(settings: StatsToleranceSettings): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  const money = moneyProblem('允许差额(万元)', settings.toleranceWan);
  if (money) out.push({ field: 'toleranceWan', message: money });
  if (!Number.isFinite(settings.toleranceRate) || settings.toleranceRate < 0 || settings.toleranceRate > 1) out.push({ field: 'toleranceRate', message: '允许差异率应在 0 到 1 之间（如 0.05 即 5%）' });
  else if (Math.abs(settings.toleranceRate * 10000 - Math.round(settings.toleranceRate * 10000)) > 1e-6) out.push({ field: 'toleranceRate', message: '允许差异率最多 4 位小数（0.0001 即 0.01%）' });
  return out;
}

/** ours − theirs, exactly. */
export function completedDifference(oursWan: string, theirsWan: string): string {
  return fromCents(toCents(oursWan) - toCents(theirsWan));
}

/** Whether the two figures differ beyond the tolerance (both conditions: absolute and relative). */
export function completedDiffers(oursWan: string, theirsWan: string, tolerance: StatsToleranceSettings): boolean {
  const ours = toCents(oursWan);
  const theirs = toCents(theirsWan);
  const diff = ours > theirs ? ours - theirs : theirs - ours;
  if (diff <= toCents(tolerance.toleranceWan)) return false;
  const base = ours > theirs ? ours : theirs;
  // diff / base > rate, in integers: diff × 10000 > rate in basis points × base
  const basisPoints = BigInt(Math.round(tolerance.toleranceRate * 10000));
  return diff * 10000n > basisPoints * base;
}

/** Names as the match compares them within a region (the SQL does the same): case and white space ignored. */
export function normalizedProjectName(name: string): string {
  return name.toLowerCase().replace(/\s/g, '');
}

/** Our project counts as 入库 in `month` when it is marked so from that month or earlier (no month: always). */
export function registeredBy(project: { statsRegistered: boolean; statsRegisteredMonth: string | null }, month: string): boolean {
  return project.statsRegistered && (project.statsRegisteredMonth === null || project.statsRegisteredMonth <= month);
}

/** The five lists of DOMAIN.md §10. */
export const RECONCILIATION_LISTS = ['matched', 'oursOnly', 'notRegistered', 'unknown', 'amountDiffers'] as const;
export type ReconciliationList = (typeof RECONCILIATION_LISTS)[number];

export const RECONCILIATION_LIST_LABELS: Record<ReconciliationList, string> = {
  matched: '已匹配',
  oursOnly: '我方入库、统计未列',
  notRegistered: '统计已列、我方未入库',
  unknown: '统计已列、我方无此项目',
  amountDiffers: '完成投资不一致',
};

export type MatchedBy = 'CODE' | 'NAME';

/**
 * Which of the first four lists a row belongs to (the fifth, amountDiffers, is a second look at
 * the pairs). `ours` null: their row matched nothing; `theirs` null: our 入库 project they lack.
 */
export function reconciliationList(ours: { statsRegistered: boolean; statsRegisteredMonth: string | null } | null, theirs: boolean, month: string): Exclude<ReconciliationList, 'amountDiffers'> | null {
  if (ours === null) return theirs ? 'unknown' : null;
  const registered = registeredBy(ours, month);
  if (!theirs) return registered ? 'oursOnly' : null;
  return registered ? 'matched' : 'notRegistered';
}

/** One row of a reconciliation list: our project, their row, or both. */
export interface ReconciliationRow {
  projectId: string | null;
  projectNo: string | null;
  projectName: string | null;
  projectVersion: number | null;
  regionCode: string;
  regionName: string;
  /** ours when we have it, else theirs */
  nationalCode: string | null;
  statsName: string | null;
  statsNationalCode: string | null;
  matchedBy: MatchedBy | null;
  statsRegistered: boolean;
  statsRegisteredMonth: string | null;
  theirRegisteredMonth: string | null;
  /** Σ 完成投资 of our verified reports, January to the month */
  oursCompletedYtdWan: string | null;
  theirsCompletedYtdWan: string | null;
  /** ours − theirs, when both */
  differenceWan: string | null;
  amountDiffers: boolean;
  /** our 入库 month differs from theirs (or we have none): accepting theirs would change it */
  registeredMonthDiffers: boolean;
}

export interface ReconciliationResponse {
  month: string;
  regionCode: string;
  /** the bureau's rows in scope */
  listedCount: number;
  tolerance: StatsToleranceSettings;
  counts: Record<ReconciliationList, number>;
  /** over the pairs (matched and notRegistered): Σ ours, Σ theirs, Σ ours − theirs */
  oursCompletedWan: string;
  theirsCompletedWan: string;
  differenceWan: string;
  lists: Record<ReconciliationList, ReconciliationRow[]>;
}

/** The dashboard's figure: of our projects 入库 by the month, how many the bureau's list also has. */
export interface StatsCoverageResponse {
  /** the month asked for */
  month: string;
  /** the latest month up to `month` for which the bureau's list was given; null: none yet */
  listMonth: string | null;
  regionCode: string;
  registeredCount: number;
  alsoListedCount: number;
  /** alsoListed ÷ registered, a fraction; null when we have no 入库 project */
  share: number | null;
}

export interface AcceptStatsRegistrationInput {
  projectId: string;
  month: string;
  version: number;
  /** needed when the change touches a closed month (a correction; city staff and admins) */
  reason?: string | null;
}
