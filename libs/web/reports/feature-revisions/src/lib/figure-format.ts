import type { PublishedFigureKind, PublishedFigureValue } from '@zhaoshang/shared/domain';
import { formatCount, formatWan } from '@zhaoshang/web/shared/util';

/** The unit a figure of the kind is read in, for the table's labels. */
export const FIGURE_UNITS: Record<PublishedFigureKind, string> = { amount: '万元', count: '个', rate: '%', points: '百分点' };

/**
 * A published figure for the eye: 万元 with 2 decimals, counts grouped, rates as a percentage with 2
 * decimals (a revision may move a rate by 0.01%, which 1 decimal would hide), points as given.
 */
export function formatFigure(kind: PublishedFigureKind, value: PublishedFigureValue): string {
  if (value === null) return '—';
  switch (kind) {
    case 'amount':
      return formatWan(String(value));
    case 'count':
      return formatCount(Number(value));
    case 'rate':
      return `${(Number(value) * 100).toFixed(2)}%`;
    case 'points':
      return Number(value).toFixed(2);
  }
}

/** A difference with its sign; a rate's in percentage points (what moved, not a share of a share). */
export function formatDifference(kind: PublishedFigureKind, value: PublishedFigureValue): string {
  if (value === null) return '—';
  const n = Number(value);
  const sign = n > 0 ? '+' : '';
  if (kind === 'rate') return `${sign}${(n * 100).toFixed(2)} 个百分点`;
  if (kind === 'points') return `${sign}${n.toFixed(2)} 个百分点`;
  return `${sign}${formatFigure(kind, value)}`;
}
