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

/** An entry of the 包联领导 or 责任单位 list (DOMAIN.md §9). */
export interface ListEntry {
  name: string;
  active: boolean;
}

/** A district staff account that may be a project's 旗县联系人. */
export interface ContactEntry {
  id: string;
  username: string;
  displayName: string;
  regionCode: string;
}

const byName = (entries: ListEntry[]) => new Map(entries.map((e) => [e.name.replace(/\s/g, ''), e]));

/**
 * The dictionaries, read once per import (DOMAIN.md §3, §4, §9): a region by its code, full name or
 * short name; an industry by its code or its name with or without the part in brackets; a leader or
 * a unit by its name, spaces not counting (「副市长张某」 is 「副市长 张某」).
 */
export class Dictionaries {
  private constructor(
    private readonly regions: Map<string, RegionEntry>,
    private readonly industries: Map<string, IndustryEntry>,
    readonly regionList: RegionEntry[],
    readonly industryList: IndustryEntry[],
    readonly leaderList: ListEntry[],
    readonly unitList: ListEntry[],
    private readonly contactList: ContactEntry[],
  ) {}

  private readonly leaders = byName(this.leaderList);
  private readonly units = byName(this.unitList);

  static async load(db: SqlRunner): Promise<Dictionaries> {
    const regionList = await runSql<RegionEntry>(db, sql`SELECT code, name, short_name AS "shortName", parent_code AS "parentCode" FROM regions ORDER BY sort_order, code`);
    const industryList = await runSql<IndustryEntry>(db, sql`SELECT code, name, active FROM industries ORDER BY sort_order, code`);
    const regions = new Map<string, RegionEntry>();
    for (const r of regionList) for (const key of [r.code, r.name, r.shortName]) regions.set(key, r);
    const industries = new Map<string, IndustryEntry>();
    for (const i of industryList) for (const key of [i.code, i.name, industryShortName(i.name), normalise(i.name)]) industries.set(key, i);
    const leaderList = await runSql<ListEntry>(db, sql`SELECT name, active FROM leaders ORDER BY sort_order, name`);
    const unitList = await runSql<ListEntry>(db, sql`SELECT name, active FROM units ORDER BY sort_order, name`);
    const contacts = await runSql<ContactEntry>(
      db,
      sql`SELECT id, username, display_name AS "displayName", region_code AS "regionCode" FROM users WHERE role = 'DISTRICT_STAFF' AND NOT disabled`,
    );
    return new Dictionaries(regions, industries, regionList, industryList, leaderList, unitList, contacts);
  }

  region(value: string): RegionEntry | undefined {
    return this.regions.get(value) ?? this.regions.get(value.replace(/\s/g, ''));
  }

  regionName(code: string): string {
    return this.regions.get(code)?.name ?? code;
  }

  leader(value: string): ListEntry | undefined {
    return this.leaders.get(value.replace(/\s/g, ''));
  }

  unit(value: string): ListEntry | undefined {
    return this.units.get(value.replace(/\s/g, ''));
  }

  /** 旗县联系人: a district staff account of the region, by user name or by name (when that is unique there). */
  contacts(regionCode: string, value: string): ContactEntry[] {
    const inRegion = this.contactList.filter((c) => c.regionCode === regionCode);
    const byUsername = inRegion.filter((c) => c.username === value);
    return byUsername.length > 0 ? byUsername : inRegion.filter((c) => c.displayName.replace(/\s/g, '') === value.replace(/\s/g, ''));
  }

  industry(value: string): IndustryEntry | undefined {
    return this.industries.get(value) ?? this.industries.get(value.toUpperCase()) ?? this.industries.get(normalise(value)) ?? this.industries.get(industryShortName(value));
  }
}

/** Half-width brackets and commas as Excel users type them. */
function normalise(value: string): string {
  return value.replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '、').replace(/\s/g, '');
}
