/** DOMAIN.md §3: the city and its county-level regions, seeded as data, never hard-coded. */
export interface RegionDto {
  code: string;
  name: string;
  shortName: string;
  /** null for the city itself */
  parentCode: string | null;
  sortOrder: number;
}

/** DOMAIN.md §4: industries, seeded for Tongliao and editable by an admin. */
export interface IndustryDto {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
  version: number;
}

export interface CreateIndustryRequest {
  code: string;
  name: string;
  sortOrder?: number;
}

export interface UpdateIndustryRequest {
  name?: string;
  sortOrder?: number;
  active?: boolean;
  version: number;
}

/** Industry codes: two to eight capital letters or digits, starting with a letter. */
export const INDUSTRY_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,7}$/;

/** `新能源（风电、光伏、储能、氢能）` → `新能源`: imports accept the name with or without the bracketed part. */
export function industryShortName(name: string): string {
  return name.replace(/[（(].*[）)]\s*$/u, '').trim();
}

/**
 * Who the instance serves, read from the regions data (the region without a parent is the city):
 * the names on the login page, in the header and in the browser tab. Public, so that the login page
 * can show it before anyone signs in.
 */
export interface SiteDto {
  city: { code: string; name: string; shortName: string };
  /** 某某市招商项目全流程跟踪 */
  productName: string;
  /** 某某市投资促进局 */
  organization: string;
}

/** The product's name without a city (before the regions are known, or when there are none). */
export const GENERIC_PRODUCT_NAME = '招商项目全流程跟踪';

export function siteOf(city: SiteDto['city']): SiteDto {
  return { city, productName: `${city.name}${GENERIC_PRODUCT_NAME}`, organization: `${city.name}投资促进局` };
}
