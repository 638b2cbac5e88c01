import { industryShortName } from '@zhaoshang/shared/domain';
import { runSql, sql, type SqlRunner } from '../../common/sql/sql.js';

export interface RegionEntry {
  code: string;
  name: string;
  shortName: string;
  parentCode: string | null;
}

export interface IndustryEntry {
  code: string;
  name: string;
  active: boolean;
}

/**
 * The two dictionaries, read once per import (DOMAIN.md §3, §4): a region by its code, full name or
 * short name; an industry by its code or its name with or without the part in brackets.
 */
export class Dictionaries {
  private constructor(
    private readonly regions: Map<string, RegionEntry>,
    private readonly industries: Map<string, IndustryEntry>,
    readonly regionList: RegionEntry[],
    readonly industryList: IndustryEntry[],
  ) {}

  static async load(db: SqlRunner): Promise<Dictionaries> {
    const regionList = await runSql<RegionEntry>(db, sql`SELECT code, name, short_name AS "shortName", parent_code AS "parentCode" FROM regions ORDER BY sort_order, code`);
    const industryList = await runSql<IndustryEntry>(db, sql`SELECT code, name, active FROM industries ORDER BY sort_order, code`);
    const regions = new Map<string, RegionEntry>();
    for (const r of regionList) for (const key of [r.code, r.name, r.shortName]) regions.set(key, r);
    const industries = new Map<string, IndustryEntry>();
    for (const i of industryList) for (const key of [i.code, i.name, industryShortName(i.name), normalise(i.name)]) industries.set(key, i);
    return new Dictionaries(regions, industries, regionList, industryList);
  }

  region(value: string): RegionEntry | undefined {
    return this.regions.get(value) ?? this.regions.get(value.replace(/\s/g, ''));
  }

  regionName(code: string): string {
    return this.regions.get(code)?.name ?? code;
  }

  industry(value: string): IndustryEntry | undefined {
    return this.industries.get(value) ?? this.industries.get(value.toUpperCase()) ?? this.industries.get(normalise(value)) ?? this.industries.get(industryShortName(value));
  }
}

/** Half-width brackets and commas as Excel users type them. */
function normalise(value: string): string {
  return value.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '、').replace(/\s/g, '');
}
