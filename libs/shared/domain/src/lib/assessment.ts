import { TARGET_INDICATORS, type TargetIndicator } from './indicators.js';

/**
 * 考核评分 (DOMAIN.md §9): each district's score, 0–100, as a weighted sum of its target completion
 * of chosen indicators and its follow-through (problems resolved on time, notices closed on time,
 * commitments honoured). Pure, so the API, the bulletin and the tests compute the same number.
 *
 * Decisions (the issue leaves them to us):
 * - Target completion is capped at COMPLETION_CAP (120 %) and scaled so that 120 % earns the full
 *   points of that component: beating a target is rewarded (districts that all pass 100 % still
 *   differ), but one runaway indicator cannot hide another's failure, and the score stays ≤ 100.
 * - Follow-through ratios are shares of 0–1 already; they earn their weight × ratio.
 * - A component that is null for a district (no target set, nothing due in the period) is left out
 *   for THAT district and its weight is shared over the district's other counted components in
 *   proportion to their weights: having nothing due neither helps nor hurts. A district with no
 *   component at all has no score and no rank (shown last, "—").
 * - Ranks are by the score rounded to 2 decimals (what the page shows): equal scores share a rank
 *   and the next rank skips (1, 1, 3), as competition rankings do.
 */

export const FOLLOW_THROUGH_COMPONENTS = ['issuesOnTime', 'noticesOnTime', 'commitmentsHonoured'] as const;
export type FollowThroughComponent = (typeof FOLLOW_THROUGH_COMPONENTS)[number];
export type AssessmentComponent = TargetIndicator | FollowThroughComponent;
export const ASSESSMENT_COMPONENTS: readonly AssessmentComponent[] = [...TARGET_INDICATORS, ...FOLLOW_THROUGH_COMPONENTS];

export const ASSESSMENT_COMPONENT_LABELS: Record<AssessmentComponent, string> = {
  signedAmountWan: '签约额目标完成率',
  signedCount10m: '千万元以上签约项目目标完成率',
  arrivedFundsWan: '到位资金目标完成率',
  startedCount: '开工项目目标完成率',
  issuesOnTime: '问题按时办结率',
  noticesOnTime: '督办事项按时办结率',
  commitmentsHonoured: '优惠政策按期兑现率',
};

/** 120 %: completion above it earns nothing more (see the module comment). */
export const COMPLETION_CAP = 1.2;
/** how close to 1 the weights must add up (floating point of typed decimals such as 0.1 + 0.2) */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

/** Weights per component; an absent or 0 weight means the component does not count. */
export type AssessmentWeights = Partial<Record<AssessmentComponent, number>>;

/** The defaults until an admin saves: 60 % targets (signing and arrived funds), 40 % follow-through. */
export const DEFAULT_ASSESSMENT_WEIGHTS: Readonly<Record<AssessmentComponent, number>> = {
  signedAmountWan: 0.3,
  signedCount10m: 0,
  arrivedFundsWan: 0.3,
  startedCount: 0,
  issuesOnTime: 0.15,
  noticesOnTime: 0.15,
  commitmentsHonoured: 0.1,
};

export interface AssessmentSettingsResponse {
  weights: Record<AssessmentComponent, number>;
  /** 0 until an admin saves */
  version: number;
}

export interface AssessmentSettingsRequest {
  weights: Record<AssessmentComponent, number>;
  version: number;
}

export function isTargetComponent(component: AssessmentComponent): component is TargetIndicator {
  return (TARGET_INDICATORS as readonly string[]).includes(component);
}

/**
 * What is wrong with a set of weights, field by field (empty when fine): every component present, a
 * number ≥ 0, nothing unknown, and all of them adding up to 1 (100 %). Shared by the drawer and the API.
 */
export function assessmentWeightsProblems(weights: unknown): { field: string; message: string }[] {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) return [{ field: 'weights', message: '权重应为按考核项的数值' }];
  const given = weights as Record<string, unknown>;
  const problems: { field: string; message: string }[] = [];
  for (const key of Object.keys(given)) {
    if (!(ASSESSMENT_COMPONENTS as readonly string[]).includes(key)) problems.push({ field: `weights.${key}`, message: `不认识的考核项：${key}` });
  }
  let sum = 0;
  for (const component of ASSESSMENT_COMPONENTS) {
    const value = given[component];
    const label = ASSESSMENT_COMPONENT_LABELS[component];
    if (value === undefined || value === null) problems.push({ field: `weights.${component}`, message: `缺少“${label}”的权重` });
    else if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field: `weights.${component}`, message: `“${label}”的权重应为数字` });
    else if (value < 0) problems.push({ field: `weights.${component}`, message: `“${label}”的权重不能为负数` });
    else if (value > 1) problems.push({ field: `weights.${component}`, message: `“${label}”的权重不能大于 1（100%）` });
    else sum += value;
  }
  if (problems.length === 0 && Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    problems.push({ field: 'weights', message: `各项权重之和应为 100%，现为 ${(sum * 100).toFixed(2).replace(/\.?0+$/, '')}%` });
  return problems;
}

/** One district's ratios: completion for target indicators (actual ÷ target), shares 0–1 for follow-through; null = not applicable. */
export interface AssessmentInput {
  regionCode: string;
  regionName: string;
  ratios: Partial<Record<AssessmentComponent, number | null>>;
}

export interface AssessmentComponentScore {
  component: AssessmentComponent;
  label: string;
  /** the ratio as given (completion may exceed 1); null when not applicable */
  ratio: number | null;
  /** the weight set by the admin */
  weight: number;
  /** the weight after sharing out the weights of this district's null components (0 when null) */
  effectiveWeight: number;
  /** points earned, 0–100 × effectiveWeight, 2 decimals */
  points: number;
}

export interface AssessmentRow {
  regionCode: string;
  regionName: string;
  /** 0–100, 2 decimals; null when no weighted component applies */
  score: number | null;
  /** 1 = best; ties share it (1, 1, 3); null without a score */
  rank: number | null;
  components: AssessmentComponentScore[];
}

/** A component's share of its points, 0–1: completion capped and scaled, follow-through as is (clamped against bad input). */
export function componentCredit(component: AssessmentComponent, ratio: number): number {
  const clamped = Math.max(0, ratio);
  return isTargetComponent(component) ? Math.min(clamped, COMPLETION_CAP) / COMPLETION_CAP : Math.min(clamped, 1);
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** One district's score and breakdown (rank null: ranks need all districts, see scoreAssessment). */
export function scoreDistrict(input: AssessmentInput, weights: AssessmentWeights): AssessmentRow {
  const counted = ASSESSMENT_COMPONENTS.filter((c) => (weights[c] ?? 0) > 0 && isUsable(input.ratios[c]));
  const countedWeight = counted.reduce((sum, c) => sum + (weights[c] ?? 0), 0);
  let raw = 0;
  const components = ASSESSMENT_COMPONENTS.filter((c) => (weights[c] ?? 0) > 0).map((component): AssessmentComponentScore => {
    const weight = weights[component] ?? 0;
    const ratio = input.ratios[component];
    if (!isUsable(ratio) || countedWeight === 0) return { component, label: ASSESSMENT_COMPONENT_LABELS[component], ratio: null, weight, effectiveWeight: 0, points: 0 };
    const effectiveWeight = weight / countedWeight;
    const points = 100 * effectiveWeight * componentCredit(component, ratio);
    raw += points;
    return { component, label: ASSESSMENT_COMPONENT_LABELS[component], ratio, weight, effectiveWeight, points: round2(points) };
  });
  // the sum of unrounded points, rounded once; min() guards against 100.00000000000001
  const score = counted.length === 0 ? null : Math.min(100, round2(raw));
  return { regionCode: input.regionCode, regionName: input.regionName, score, rank: null, components };
}

function isUsable(ratio: number | null | undefined): ratio is number {
  return typeof ratio === 'number' && Number.isFinite(ratio);
}

/** Competition ranks of scores, best first: [90, 95, 90, null] → [2, 1, 2, null]. */
export function competitionRanks(scores: readonly (number | null)[]): (number | null)[] {
  return scores.map((score) => (score === null ? null : 1 + scores.filter((other) => other !== null && other > score).length));
}

/** Every district scored and ranked, best first (ties in the order given; unscored last). */
export function scoreAssessment(inputs: readonly AssessmentInput[], weights: AssessmentWeights): AssessmentRow[] {
  const rows = inputs.map((input) => scoreDistrict(input, weights));
  const ranks = competitionRanks(rows.map((row) => row.score));
  return rows
    .map((row, order) => ({ row: { ...row, rank: ranks[order] }, order }))
    .sort((a, b) => (a.row.rank ?? Infinity) - (b.row.rank ?? Infinity) || a.order - b.order)
    .map(({ row }) => row);
}

/** 考核周期: a quarter (2026-Q3), a half year (2026-H1) or a year (2026). */
export interface AssessmentPeriod {
  key: string;
  kind: 'QUARTER' | 'HALF' | 'YEAR';
  year: number;
  /** first and last month, YYYY-MM */
  from: string;
  to: string;
  label: string;
}

/** The period a key names, or null when it names none. */
export function parseAssessmentPeriod(key: string): AssessmentPeriod | null {
  const match = /^(\d{4})(?:-(Q[1-4]|H[12]))?$/.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 2000 || year > 2100) return null;
  const part = match[2];
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  if (!part) return { key, kind: 'YEAR', year, from: month(1), to: month(12), label: `${year}年` };
  const n = Number(part.slice(1));
  if (part[0] === 'Q') return { key, kind: 'QUARTER', year, from: month(3 * n - 2), to: month(3 * n), label: `${year}年第${'一二三四'[n - 1]}季度` };
  return { key, kind: 'HALF', year, from: month(6 * n - 5), to: month(6 * n), label: `${year}年${n === 1 ? '上' : '下'}半年` };
}

export interface AssessmentDistrictFacts {
  regionCode: string;
  regionName: string;
  /** per target indicator: actual in the counted months, and the pro-rata target (null when none set) */
  targets: { indicator: TargetIndicator; actual: string; target: string | null }[];
  issues: { due: number; onTime: number };
  notices: { due: number; onTime: number };
  commitments: { due: number; onTime: number };
}

export interface AssessmentResponse {
  period: AssessmentPeriod;
  /** the closed months whose figures count; the period's other months are still open */
  closedMonths: string[];
  openMonths: string[];
  /** the day the follow-through was judged (the period's last day, or today while it runs) */
  judgedOn: string;
  weights: Record<AssessmentComponent, number>;
  settingsVersion: number;
  rows: (AssessmentRow & { facts: AssessmentDistrictFacts })[];
}
