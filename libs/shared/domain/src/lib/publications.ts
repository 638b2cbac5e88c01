import type { IndicatorValues } from './indicators.js';
import { fromCents, toCents } from './money.js';

/**
 * DOMAIN.md §6 (published figures and revisions): closing a month stores its indicators as
 * published — the city and each district, the month alone and 1–M月累计. Each close is a new
 * revision; what changed between two revisions, or since a revision, is shown (修订说明), never
 * silently replaced. The comparison lives here so that the API and the tests agree on it.
 */

export const PUBLICATION_PERIODS = ['MONTH', 'YTD'] as const;
export type PublicationPeriod = (typeof PUBLICATION_PERIODS)[number];

/** 当月, or 1–M月累计 with the month's number (as leaders' reports say it). */
export function publicationPeriodLabel(period: PublicationPeriod, month: string): string {
  return period === 'MONTH' ? '当月' : `1–${Number(month.slice(5, 7))}月累计`;
}

/**
 * How a figure is shown and subtracted: 万元 amounts (decimal strings), counts, rates (fractions,
 * shown as %), points (already in percentage points: 拉动).
 */
export const PUBLISHED_FIGURE_KINDS = ['amount', 'count', 'rate', 'points'] as const;
export type PublishedFigureKind = (typeof PUBLISHED_FIGURE_KINDS)[number];

export type PublishedFigureValue = string | number | null;

export interface PublishedIndicator {
  key: string;
  label: string;
  kind: PublishedFigureKind;
  pick: (values: IndicatorValues) => PublishedFigureValue;
}

/** The figures a revision is compared on: the amounts and counts, and the main rates. */
export const PUBLISHED_INDICATORS: readonly PublishedIndicator[] = [
  { key: 'signedCount', label: '签约项目数', kind: 'count', pick: (v) => v.signedCount },
  { key: 'signedAmountWan', label: '签约额', kind: 'amount', pick: (v) => v.signedAmountWan },
  { key: 'signedCount10m', label: '千万元以上签约项目数', kind: 'count', pick: (v) => v.signedCount10m },
  { key: 'startedCount', label: '开工项目数', kind: 'count', pick: (v) => v.startedCount },
  { key: 'arrivedFundsWan', label: '到位资金', kind: 'amount', pick: (v) => v.arrivedFundsWan },
  { key: 'foreignCapitalWan', label: '实际利用外资', kind: 'amount', pick: (v) => v.foreignCapitalWan },
  { key: 'faiTotalWan', label: '固定资产投资', kind: 'amount', pick: (v) => v.faiTotalWan },
  { key: 'startRate', label: '开工率', kind: 'rate', pick: (v) => v.startRate },
  { key: 'arrivalRate', label: '资金到位率', kind: 'rate', pick: (v) => v.arrivalRate },
  { key: 'fundsToFaiRatio', label: '到位资金占固投比重', kind: 'rate', pick: (v) => v.fundsToFaiRatio },
  { key: 'registeredFaiShare', label: '入统项目完成投资占比', kind: 'rate', pick: (v) => v.registeredFaiShare },
  { key: 'growthContribution', label: '增长贡献率', kind: 'rate', pick: (v) => v.growthContribution },
  { key: 'pull', label: '拉动', kind: 'points', pick: (v) => v.pull },
  { key: 'keyProjects.startRate', label: '重点项目开复工率', kind: 'rate', pick: (v) => v.keyProjects.startRate },
  { key: 'keyProjects.approvalsCompleteRate', label: '重点项目手续办结率', kind: 'rate', pick: (v) => v.keyProjects.approvalsCompleteRate },
];

/** One region's figures of one period, as stored for a revision (or computed now). */
export interface PublishedFigures {
  regionCode: string;
  period: PublicationPeriod;
  figures: IndicatorValues;
}

/** GET /publications/{month}/revisions: one close of the month. */
export interface PublicationRevision {
  month: string;
  revision: number;
  publishedAt: string;
  publishedBy: string;
  /** the reopen reason that preceded this close (null for the first) */
  reason: string | null;
}

/** GET /publications/{month}/status: what a screen showing a period ending in `month` says about it. */
export interface PublicationStatus {
  month: string;
  closed: boolean;
  /** the latest revision published (null: never closed) */
  revision: number | null;
  publishedAt: string | null;
  /** revision > 1, or a correction touching the month was made after that revision was published */
  revised: boolean;
}

export interface PublicationDifferenceRow {
  regionCode: string;
  regionName: string;
  period: PublicationPeriod;
  indicator: string;
  label: string;
  kind: PublishedFigureKind;
  before: PublishedFigureValue;
  after: PublishedFigureValue;
  /** after − before; null when either side is null */
  difference: PublishedFigureValue;
}

/** A correction of a closed month touching the compared month (DOMAIN.md §5), as the 修订说明 lists it. */
export interface PublicationCorrection {
  at: string;
  actorName: string;
  projectNo: string;
  projectName: string | null;
  fields: string[];
  reason: string;
}

/** GET /publications/{month}/differences?from=N&to=M: to null = the figures now (现值). */
export interface PublicationDifferences {
  month: string;
  from: { revision: number; publishedAt: string };
  to: { revision: number; publishedAt: string } | null;
  rows: PublicationDifferenceRow[];
  corrections: PublicationCorrection[];
}

/** after − before in the figure's own kind; rates and points to 4 decimals (they are stored that way). */
export function figureDifference(kind: PublishedFigureKind, before: PublishedFigureValue, after: PublishedFigureValue): PublishedFigureValue {
  if (before === null || after === null) return null;
  switch (kind) {
    case 'amount':
      return fromCents(toCents(String(after)) - toCents(String(before)));
    case 'count':
      return Number(after) - Number(before);
    case 'rate':
    case 'points':
      return Math.round((Number(after) - Number(before)) * 10000) / 10000;
  }
}

/** Whether two values of a figure differ by value ('100.5' equals '100.50'; null differs from 0). */
export function figuresDiffer(kind: PublishedFigureKind, before: PublishedFigureValue, after: PublishedFigureValue): boolean {
  if (before === null || after === null) return before !== after;
  return kind === 'amount' ? toCents(String(before)) !== toCents(String(after)) : Number(before) !== Number(after);
}

/**
 * The 修订说明 table: for each region and period of `after` (in its order), each compared figure
 * whose value differs from `before`'s; a region or period missing on one side compares with nulls.
 */
export function publicationDifferences(
  before: readonly PublishedFigures[],
  after: readonly PublishedFigures[],
  regionName: (code: string) => string,
): PublicationDifferenceRow[] {
  const keyOf = (f: PublishedFigures) => `${f.regionCode}|${f.period}`;
  const earlier = new Map(before.map((f) => [keyOf(f), f]));
  const later = new Map(after.map((f) => [keyOf(f), f]));
  const keys = [...later.keys(), ...[...earlier.keys()].filter((k) => !later.has(k))];
  const rows: PublicationDifferenceRow[] = [];
  for (const key of keys) {
    const [regionCode, period] = key.split('|') as [string, PublicationPeriod];
    const b = earlier.get(key)?.figures;
    const a = later.get(key)?.figures;
    for (const indicator of PUBLISHED_INDICATORS) {
      const beforeValue = b ? indicator.pick(b) : null;
      const afterValue = a ? indicator.pick(a) : null;
      if (!figuresDiffer(indicator.kind, beforeValue, afterValue)) continue;
      rows.push({
        regionCode,
        regionName: regionName(regionCode),
        period,
        indicator: indicator.key,
        label: indicator.label,
        kind: indicator.kind,
        before: beforeValue,
        after: afterValue,
        difference: figureDifference(indicator.kind, beforeValue, afterValue),
      });
    }
  }
  return rows;
}

/** The badge text for a closed month (null: the month is open, nothing is said). */
export function publicationLabel(status: Pick<PublicationStatus, 'closed' | 'revision' | 'revised'>): string | null {
  if (!status.closed || status.revision === null) return null;
  if (!status.revised) return `已发布 · 第${status.revision}版`;
  return status.revision > 1 ? `已修订（第${status.revision}版）` : '已修订';
}
