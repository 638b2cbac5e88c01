import { type AssessmentComponent, type AssessmentRow, FOLLOW_THROUGH_COMPONENTS, TARGET_INDICATORS, parseAssessmentPeriod } from '@zhaoshang/shared/domain';

export type PeriodKind = 'QUARTER' | 'HALF' | 'YEAR';

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { QUARTER: '季度', HALF: '半年', YEAR: '全年' };

/** The parts of a year a kind offers, as the key's tail ('' for the year itself). */
export function periodParts(kind: PeriodKind): { value: string; label: string }[] {
  if (kind === 'QUARTER') return ['Q1', 'Q2', 'Q3', 'Q4'].map((q, i) => ({ value: q, label: `第${'一二三四'[i]}季度` }));
  if (kind === 'HALF') return [{ value: 'H1', label: '上半年' }, { value: 'H2', label: '下半年' }];
  return [{ value: '', label: '全年' }];
}

export function periodKey(year: number, part: string): string {
  return part ? `${year}-${part}` : String(year);
}

/**
 * The period a page opens on: the last quarter that has ended (a ranking of a running quarter has
 * mostly open months, so nothing to compare yet). `today` is YYYY-MM-DD.
 */
export function defaultPeriod(today: string): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  return quarter === 0 ? `${year - 1}-Q4` : `${year}-Q${quarter}`;
}

/** kind, year and part of a key; null for a key that names no period (a hand-typed URL). */
export function periodSelection(key: string): { kind: PeriodKind; year: number; part: string } | null {
  const period = parseAssessmentPeriod(key);
  if (!period) return null;
  return { kind: period.kind, year: period.year, part: key.length > 4 ? key.slice(5) : '' };
}

/** One segment of a district's bar: a component's points (of 100), in the component's colour. */
export interface ScoreSegment {
  component: AssessmentComponent;
  label: string;
  points: number;
  color: string;
}

/** target indicators in blues, follow-through in greens and amber: the two halves of the score read apart */
const COLORS: Record<AssessmentComponent, string> = {
  signedAmountWan: '#1677ff',
  signedCount10m: '#4096ff',
  arrivedFundsWan: '#0958d9',
  startedCount: '#69b1ff',
  issuesOnTime: '#52c41a',
  noticesOnTime: '#13c2c2',
  commitmentsHonoured: '#faad14',
};

export const COMPONENT_ORDER: readonly AssessmentComponent[] = [...TARGET_INDICATORS, ...FOLLOW_THROUGH_COMPONENTS];

export function componentColor(component: AssessmentComponent): string {
  return COLORS[component];
}

export function segmentsOf(row: AssessmentRow): ScoreSegment[] {
  return row.components.filter((c) => c.points > 0).map((c) => ({ component: c.component, label: c.label, points: c.points, color: COLORS[c.component] }));
}
