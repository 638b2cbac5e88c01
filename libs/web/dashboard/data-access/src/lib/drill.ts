import type { InvestorOrigin } from '@zhaoshang/shared/domain';
import { type DashboardSelection, lastDayOfMonth } from './period';

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

/** For a plain `href` (print, tests): `/projects?regionCode=…`. */
export function drillHref(link: DrillLink): string {
  const query = new URLSearchParams(link.queryParams).toString();
  return query ? `${link.path}?${query}` : link.path;
}
