/**
 * DOMAIN.md §9 (1+N+9, 谁签约、谁主抓): the lists an admin keeps of the city's and districts' leaders
 * (包联领导, each with their 分管领域) and of the responsible units (责任单位: 市直部门 and the districts'
 * bureaus). A project's `leadOfficial` / `leadDepartment` are names from these lists; problems and
 * notices are addressed to units.
 */

/** 市级 (a city leader or a 市直部门) or 旗县区级 (of one district, `regionCode`). */
export const RESPONSIBILITY_LEVELS = ['CITY', 'DISTRICT'] as const;
export type ResponsibilityLevel = (typeof RESPONSIBILITY_LEVELS)[number];

export const RESPONSIBILITY_LEVEL_LABELS: Record<ResponsibilityLevel, string> = {
  CITY: '市级',
  DISTRICT: '旗县区级',
};

export interface LeaderDto {
  id: string;
  /** as it appears on a project and in the spreadsheets: 副市长 张某某 */
  name: string;
  /** 分管领域: 工业和信息化、招商引资… */
  portfolio: string | null;
  level: ResponsibilityLevel;
  /** the district of a district leader, null for the city's */
  regionCode: string | null;
  /** the LEADER account linked to this entry: its home page starts with the entry's projects */
  userId: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface UnitDto {
  id: string;
  /** 市发展和改革委员会, 奈曼旗人民政府 */
  name: string;
  level: ResponsibilityLevel;
  regionCode: string | null;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface CreateLeaderRequest {
  name: string;
  portfolio?: string | null;
  level: ResponsibilityLevel;
  regionCode?: string | null;
  userId?: string | null;
  sortOrder?: number;
}

export interface UpdateLeaderRequest {
  name?: string;
  portfolio?: string | null;
  level?: ResponsibilityLevel;
  regionCode?: string | null;
  userId?: string | null;
  sortOrder?: number;
  active?: boolean;
  version: number;
}

export interface CreateUnitRequest {
  name: string;
  level: ResponsibilityLevel;
  regionCode?: string | null;
  sortOrder?: number;
}

export interface UpdateUnitRequest {
  name?: string;
  level?: ResponsibilityLevel;
  regionCode?: string | null;
  sortOrder?: number;
  active?: boolean;
  version: number;
}

/** The level and district of an entry agree: a district entry names its district, a city one none. */
export function levelRegionProblem(level: ResponsibilityLevel, regionCode: string | null | undefined): string | null {
  if (level === 'DISTRICT' && !regionCode) return '旗县区级须选择所属旗县区';
  if (level === 'CITY' && regionCode) return '市级不属于某个旗县区，请清空所属旗县区';
  return null;
}

/** A district staff account that may be chosen as a project's 旗县联系人 (GET /district-contacts). */
export interface DistrictContactDto {
  id: string;
  username: string;
  displayName: string;
}
