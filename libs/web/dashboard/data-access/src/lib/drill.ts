import { DRILL_INDICATORS, type DrillIndicator, type DrillQuery, INVESTOR_ORIGINS, type InvestorOrigin } from '@zhaoshang/shared/domain';
import { type DashboardSelection, isMonth, lastDayOfMonth, selectionParams } from './period';

/**
 * Every chart leads to the projects behind it: the project list (libs/web/projects/feature-list)
 * reads these query parameters as its filters.
 */
export interface DrillLink {
  path: string;
  queryParams: Record<string, string>;
}

export interface ProjectDrill {
  regionCode?: string | null;
  industryCode?: string | null;
  investorOrigin?: InvestorOrigin | null;
  isKeyProject?: boolean;
  /** the signing-date filter follows the period; key projects are counted to the period's end, whenever signed */
  signedInPeriod?: boolean;
}

export function projectsLink(selection: DashboardSelection, drill: ProjectDrill = {}): DrillLink {
  const queryParams: Record<string, string> = {};
  const region = drill.regionCode ?? selection.region;
  if (region) queryParams['regionCode'] = region;
  if (drill.industryCode) queryParams['industryCode'] = drill.industryCode;
  if (drill.investorOrigin) queryParams['investorOrigin'] = drill.investorOrigin;
  if (drill.isKeyProject) queryParams['isKeyProject'] = 'true';
  if (drill.signedInPeriod ?? true) {
    queryParams['signedFrom'] = `${selection.from}-01`;
    queryParams['signedTo'] = lastDayOfMonth(selection.to);
  }
  return { path: '/projects', queryParams };
}

export type WarningLevel = 'RED' | 'YELLOW';

export function warningsLink(regionCode: string | null, level: WarningLevel): DrillLink {
  const queryParams: Record<string, string> = { level };
  if (regionCode) queryParams['regionCode'] = regionCode;
  return { path: '/warnings', queryParams };
}

/** The 问题清单 filtered to the overdue problems (of a district): the page reads `overdue` and `regionCode`. */
export function overdueProblemsLink(regionCode: string | null): DrillLink {
  return { path: '/problems', queryParams: { overdue: 'true', ...(regionCode ? { regionCode } : {}) } };
}

/** The 督办台账 filtered to the overdue notices (of a kind, of a district): the page reads `overdue`, `kind` and `regionCode`. */
export function overdueNoticesLink(regionCode: string | null, kind?: string): DrillLink {
  return { path: '/notices', queryParams: { overdue: 'true', ...(kind ? { kind } : {}), ...(regionCode ? { regionCode } : {}) } };
}

/** For a plain `href` (print, tests): `/projects?regionCode=…`. */
export function drillHref(link: DrillLink): string {
  const query = new URLSearchParams(link.queryParams).toString();
  return query ? `${link.path}?${query}` : link.path;
}

/** What a figure of the 驾驶舱 counts: its indicator, and the row of a grouping it was read from. */
export interface FigureDrill {
  indicator: DrillIndicator;
  /** a month's bar, a ranking's period since January: the period of the figure when it is not the selection's */
  from?: string;
  to?: string;
  /** a district's bar: that district's own rule (DOMAIN.md §5), else the selection's scope */
  region?: string | null;
  industry?: string | null;
  origin?: InvestorOrigin | null;
}

/**
 * The drill-down page of a figure (issue 13 item 4): /dashboard/detail lists what the figure counts,
 * by its own rule, with the amounts that add up to it.
 */
export function detailLink(selection: DashboardSelection, drill: FigureDrill): DrillLink {
  const queryParams: Record<string, string> = { indicator: drill.indicator, from: drill.from ?? selection.from, to: drill.to ?? selection.to };
  const region = drill.region === undefined ? selection.region : drill.region;
  if (region) queryParams['region'] = region;
  if (drill.industry) queryParams['industry'] = drill.industry;
  if (drill.origin) queryParams['origin'] = drill.origin;
  // the way back: the 驾驶舱's own selection where the figure's differs (a month's bar, a district's)
  if (queryParams['from'] !== selection.from || queryParams['to'] !== selection.to) {
    queryParams['backFrom'] = selection.from;
    queryParams['backTo'] = selection.to;
  }
  if ((region ?? null) !== selection.region) queryParams['backRegion'] = selection.region ?? 'city';
  return { path: '/dashboard/detail', queryParams };
}

/** The drill-down a URL describes, or null when it names no figure the API can list. */
export function parseDetailQuery(params: Record<string, string | null | undefined>): DrillQuery | null {
  const indicator = DRILL_INDICATORS.find((i) => i === params['indicator']);
  const { from, to } = params;
  if (!indicator || !isMonth(from) || !isMonth(to) || from > to) return null;
  const origin = INVESTOR_ORIGINS.find((o) => o === params['origin']);
  if (indicator === 'arrivedByOrigin' && !origin) return null;
  const query: DrillQuery = { indicator, from, to };
  if (params['region'] && /^\d{6}$/.test(params['region'])) query.region = params['region'];
  if (params['industry']) query.industry = params['industry'];
  if (origin && indicator === 'arrivedByOrigin') query.origin = origin;
  return query;
}

/** Back to the 驾驶舱 with the selection the figure was clicked in. */
export function dashboardLink(selection: DashboardSelection, today: string): DrillLink {
  const queryParams: Record<string, string> = {};
  for (const [key, value] of Object.entries(selectionParams(selection, today))) if (value) queryParams[key] = value;
  return { path: '/dashboard', queryParams };
}
