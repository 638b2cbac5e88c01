import type { ProjectStage } from './lifecycle.js';
import type { InvestorOrigin } from './projects.js';

/**
 * Drill-downs (issue 13 item 4): the projects a figure of GET /indicators counts, by the figure's own
 * rule (DOMAIN.md §6), each with its part of the figure, so that the rows add up to it.
 */
export const DRILL_INDICATORS = [
  'signedCount',
  'signedAmountWan',
  'signedCount10m',
  'startedCount',
  'arrivedFundsWan',
  'foreignCapitalWan',
  'arrivedByOrigin',
  'keyProjects',
] as const;
export type DrillIndicator = (typeof DRILL_INDICATORS)[number];

/** What a figure is: an amount in 万元 (the rows' amounts add up to it) or a count of projects (one per row). */
export type DrillKind = 'amount' | 'count';

export const DRILL_INDICATOR_LABELS: Record<DrillIndicator, string> = {
  signedCount: '签约项目',
  signedAmountWan: '签约额',
  signedCount10m: '千万元以上签约项目',
  startedCount: '开工项目',
  arrivedFundsWan: '到位资金',
  foreignCapitalWan: '实际利用外资',
  arrivedByOrigin: '到位资金（按来源）',
  keyProjects: '重点项目',
};

export const DRILL_INDICATOR_KINDS: Record<DrillIndicator, DrillKind> = {
  signedCount: 'count',
  signedAmountWan: 'amount',
  signedCount10m: 'count',
  startedCount: 'count',
  arrivedFundsWan: 'amount',
  foreignCapitalWan: 'amount',
  arrivedByOrigin: 'amount',
  keyProjects: 'count',
};

export interface DrillQuery {
  indicator: DrillIndicator;
  from: string;
  to: string;
  /** the scope: a district, or the city (absent or the city's code) */
  region?: string;
  /** only this industry (a row of the figures grouped by industry) */
  industry?: string;
  /** arrivedByOrigin only: the origin of the slice */
  origin?: InvestorOrigin;
  includeUnverified?: boolean;
  /**
   * Only the first `limit` rows (largest first); `total`, `rowCount` and `byStage` still cover them
   * all. The 驾驶舱 reads the funnel with 0 and the largest key projects with a few: at province scale
   * a year's signings are ~22,000 rows (7 MB) that a phone need not fetch.
   */
  limit?: number;
}

export interface DrillRow {
  projectId: string;
  projectNo: string;
  name: string;
  regionCode: string;
  regionName: string;
  industryCode: string;
  investorOrigin: InvestorOrigin;
  /** the project's stage today (the 驾驶舱's funnel and key-project list read it) */
  stage: ProjectStage;
  contractAmountWan: string;
  /** the day that puts the project in the period: signing, start; null for arrivals (see months) */
  date: string | null;
  /** arrivals: the months of the period whose counted reports brought money, 'YYYY-MM' */
  months: string[];
  /** the project's part of an amount figure (万元); for a count, its contract amount (for reading only) */
  amountWan: string;
}

/** Money of the same reports left out by the origin rule (DOMAIN.md §5): shown, never counted. */
export interface DrillExcluded {
  origin: InvestorOrigin;
  projectCount: number;
  amountWan: string;
}

export interface DrillResponse {
  indicator: DrillIndicator;
  kind: DrillKind;
  from: string;
  to: string;
  region: string;
  regionName: string;
  industry: string | null;
  origin: InvestorOrigin | null;
  includeUnverified: boolean;
  /** the rule of the figure, one sentence */
  rule: string;
  /** the rows, largest first: all of them, or the first `limit` */
  rows: DrillRow[];
  /** how many rows the figure has (all of them, also when `rows` holds only the first `limit`) */
  rowCount: number;
  /** the rows by the project's stage today (all rows): the 驾驶舱's funnel */
  byStage: Partial<Record<ProjectStage, number>>;
  /** the figure: Σ amountWan (万元, 2 decimals) for an amount, the number of rows for a count; equals GET /indicators' */
  total: string;
  excluded: DrillExcluded[];
}
