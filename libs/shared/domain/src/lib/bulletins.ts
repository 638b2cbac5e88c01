import type { TargetIndicator } from './indicators.js';

/**
 * 季通报 (DOMAIN.md §9, issue 15 item 2): the quarterly bulletin generated from the published figures
 * of the quarter's closed months, kept with the revisions it used so it downloads unchanged later.
 */

/** 'YYYY-Qn', the quarter a bulletin reports on. */
export const QUARTER_PATTERN = /^(\d{4})-Q([1-4])$/;

export function isQuarter(value: string): boolean {
  return QUARTER_PATTERN.test(value);
}

function parts(quarter: string): { year: number; q: number } {
  const m = QUARTER_PATTERN.exec(quarter);
  if (!m) throw new RangeError(`不是季度：“${quarter}”`);
  return { year: Number(m[1]), q: Number(m[2]) };
}

/** The quarter's three months, 'YYYY-MM', in order. */
export function quarterMonths(quarter: string): string[] {
  const { year, q } = parts(quarter);
  return [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`);
}

/** The quarter a month falls in. */
export function quarterOf(month: string): string {
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
}

/** 期号: the bulletin of the n-th quarter is the year's n-th issue ("2026年第3期"). */
export function bulletinIssueLabel(quarter: string): string {
  const { year, q } = parts(quarter);
  return `${year}年第${q}期`;
}

/** "2026年第三季度" */
export function quarterLabel(quarter: string): string {
  const { year, q } = parts(quarter);
  return `${year}年第${['一', '二', '三', '四'][q - 1]}季度`;
}

export const BULLETIN_MASTHEAD = '通辽市招商引资工作季度通报';

export function bulletinTitle(quarter: string): string {
  return `关于${quarterLabel(quarter)}全市招商引资工作情况的通报`;
}

/** 亮晒比评's stated rule: districts ranked by the completion of their annual target of arrived funds. */
export const BULLETIN_RANK_INDICATOR: TargetIndicator = 'arrivedFundsWan';
export const BULLETIN_RANK_RULE = '按到位资金年度目标完成率从高到低排序，完成率相同的并列；未下达目标的不参与排名';

/** A rate as the bulletin prints it: one decimal percent, "—" when there is none (DOMAIN.md §6). */
export function bulletinRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}

/** 同比 in words: "同比增长12.3%", "同比下降4.0%", "同比持平", or "" when last year had none. */
export function yoyText(yoy: number | null): string {
  if (yoy === null || !Number.isFinite(yoy)) return '';
  if (yoy === 0) return '同比持平';
  return `${yoy > 0 ? '同比增长' : '同比下降'}${bulletinRate(Math.abs(yoy))}`;
}

export interface BulletinMonth {
  month: string;
  closed: boolean;
  /** the latest published revision of a closed month; null when open */
  revision: number | null;
}

export type BulletinFigureKind = 'count' | 'amount' | 'rate';

/** One figure of 一、总体情况: counts as '7', amounts in 万元 as decimal strings, rates as '0.7710'. */
export interface BulletinFigure {
  key: string;
  label: string;
  kind: BulletinFigureKind;
  value: string | null;
  /** 同比 (rates have none) */
  yoy: number | null;
}

export interface BulletinDistrictRow {
  regionCode: string;
  regionName: string;
  signedAmountWan: string;
  arrivedFundsWan: string;
  startedCount: number;
  /** the annual target of arrived funds; null when none was set */
  arrivedTargetWan: string | null;
  completion: number | null;
  rank: number | null;
}

export interface BulletinWarningRow {
  regionCode: string;
  regionName: string;
  red: number;
  yellow: number;
}

export interface BulletinNoticeRow {
  regionCode: string;
  regionName: string;
  issued: number;
  overdue: number;
}

export interface BulletinContent {
  quarter: string;
  issueLabel: string;
  title: string;
  months: BulletinMonth[];
  /** months of the quarter not closed yet: not counted (the bulletin says so) */
  openMonths: string[];
  /** the figures are 1–M月累计 to this month (the quarter's last closed month); null when none is closed */
  figuresTo: string | null;
  city: BulletinFigure[];
  districts: BulletinDistrictRow[];
  shine: { rule: string; best: BulletinDistrictRow[]; worst: BulletinDistrictRow[] };
  /** warnings judged on the quarter's last day (or today, if the quarter has not ended) */
  warnings: { asOf: string; rows: BulletinWarningRow[]; red: number; yellow: number };
  /** 三单一函 issued in the quarter and overdue at its end */
  notices: { asOf: string; rows: BulletinNoticeRow[]; issued: number; overdue: number };
  /** 优惠政策兑现: the ledger's summary sentence (DOMAIN.md §9) as of the quarter's end, with the districts that have any; null in bulletins kept before the ledger existed */
  commitments: string | null;
}

export type BulletinPreview = BulletinContent;

export interface BulletinCreateRequest {
  quarter: string;
  /** 下步要求, the paragraph the staff edit */
  closingParagraph: string;
  /** the latest version of this quarter's bulletin the caller saw (0 or absent: none); another in between → 409 */
  version?: number;
}

export interface BulletinSummary {
  id: string;
  quarter: string;
  /** the n-th bulletin generated for the quarter */
  version: number;
  issueLabel: string;
  title: string;
  /** the published revision of each closed month used */
  revisions: { month: string; revision: number }[];
  openMonths: string[];
  generatedBy: string;
  generatedAt: string;
}

export interface BulletinDto extends BulletinSummary {
  content: BulletinContent;
  closingParagraph: string;
}

export function bulletinFileName(b: { quarter: string; version: number }): string {
  return `${BULLETIN_MASTHEAD}-${bulletinIssueLabel(b.quarter)}${b.version > 1 ? `-第${b.version}版` : ''}.docx`;
}

/** 亮晒比评: the best three and the worst three ranked districts (never the same district in both). */
export function shineOf<T extends { rank: number | null; completion: number | null }>(rows: readonly T[]): { best: T[]; worst: T[] } {
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => (a.rank as number) - (b.rank as number));
  const best = ranked.slice(0, 3);
  const worst = ranked.slice(Math.max(3, ranked.length - 3)).reverse();
  return { best, worst };
}
