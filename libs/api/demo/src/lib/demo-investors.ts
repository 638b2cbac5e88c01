import { type InvestorOrigin, usccCheckCharacter } from '@zhaoshang/shared/domain';
import type { Random } from './random.js';
import {
  COMPANY_FORMS,
  DISTRICTS,
  FOREIGN_HOMES,
  type Home,
  IN_REGION_HOMES,
  type IndustryProfile,
  OUT_OF_REGION_HOMES,
  TRADE_NAME_FIRST,
  TRADE_NAME_SECOND,
} from './tongliao-vocabulary.js';

/** An investing company; several projects may share one (and then its USCC). */
export interface DemoInvestor {
  name: string;
  uscc: string | null;
  tradeName: string;
  industry: IndustryProfile['code'];
  /** a Tongliao district code when the investor is from the city, else the origin it always has */
  home: { district: string } | { origin: 'FOREIGN' | 'OUT_OF_REGION' | 'IN_REGION_OUT_OF_CITY' };
}

/** The origin of an investor's money as seen from the district the project is in (DOMAIN.md §5). */
export function originOf(investor: DemoInvestor, projectDistrict: string): InvestorOrigin {
  if ('origin' in investor.home) return investor.home.origin;
  return investor.home.district === projectDistrict ? 'LOCAL' : 'IN_CITY_OTHER_COUNTY';
}

const USCC_BODY = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character organisation code body. */
function orgCodeCheck(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body[i];
    sum += (c >= 'A' ? c.charCodeAt(0) - 55 : Number(c)) * ORG_WEIGHTS[i];
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A valid 统一社会信用代码 of an enterprise (91) registered in `division`: a newer-style organisation
 * code (MA…) or an older all-digit one, with both check characters computed, never one given before.
 */
export function demoUscc(random: Random, division: string, used: Set<string>): string {
  for (;;) {
    const body = random.chance(0.6)
      ? 'MA' + Array.from({ length: 6 }, () => random.pick([...USCC_BODY])).join('')
      : Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
    const first17 = `91${division}${body}${orgCodeCheck(body)}`;
    const check = usccCheckCharacter(first17);
    if (check === null) continue;
    const uscc = first17 + check;
    if (used.has(uscc)) continue;
    used.add(uscc);
    return uscc;
  }
}

function tradeName(random: Random): string {
  let name = random.pick(TRADE_NAME_FIRST) + random.pick(TRADE_NAME_SECOND);
  while (name[0] === name[1]) name = random.pick(TRADE_NAME_FIRST) + random.pick(TRADE_NAME_SECOND);
  return name;
}

const districtName = (code: string): string => DISTRICTS.find((d) => d.code === code)?.name ?? '通辽市';

/**
 * A new investor of the given origin for a project in `projectDistrict`: a name like
 * 内蒙古鸿骏铝电有限责任公司 (prefix + 字号 + industry word + legal form), unique in the data set.
 */
export function newInvestor(
  random: Random,
  origin: InvestorOrigin,
  projectDistrict: string,
  industry: IndustryProfile,
  used: { names: Set<string>; usccs: Set<string> },
): DemoInvestor {
  for (;;) {
    const trade = tradeName(random);
    const word = random.pick(industry.investorWords);
    let name: string;
    let uscc: string | null;
    let home: DemoInvestor['home'];
    if (origin === 'FOREIGN') {
      const [prefix, form] = random.pick(FOREIGN_HOMES);
      // a foreign group invests either itself (no mainland code) or through its mainland holding company
      if (random.chance(0.3)) {
        name = `${trade}${word}（中国）投资有限公司`;
        uscc = demoUscc(random, random.pick(['310115', '110105', '440305']), used.usccs);
      } else {
        name = `${prefix}${trade}${word}${form}`;
        uscc = null;
      }
      home = { origin };
    } else if (origin === 'OUT_OF_REGION' || origin === 'IN_REGION_OUT_OF_CITY') {
      const [prefix, division]: Home = random.pick(origin === 'OUT_OF_REGION' ? OUT_OF_REGION_HOMES : IN_REGION_HOMES);
      // a group often sets up its project company on the spot: 某某新能源（通辽）有限公司
      const local = random.chance(0.15);
      name = local ? `${prefix}${trade}${word}（通辽）有限公司` : `${prefix}${trade}${word}${random.pick(COMPANY_FORMS)}`;
      uscc = random.chance(0.95) ? demoUscc(random, local ? projectDistrict : division, used.usccs) : null;
      home = { origin };
    } else {
      const district = origin === 'LOCAL' ? projectDistrict : random.pick(DISTRICTS.filter((d) => d.code !== projectDistrict)).code;
      const prefix = random.pick(['通辽', '通辽市', '内蒙古', districtName(district)]);
      name = `${prefix}${trade}${word}${random.pick(COMPANY_FORMS)}`;
      uscc = random.chance(0.95) ? demoUscc(random, district, used.usccs) : null;
      home = { district };
    }
    if (used.names.has(name)) {
      if (uscc !== null) used.usccs.delete(uscc);
      continue;
    }
    used.names.add(name);
    return { name, uscc, tradeName: trade, industry: industry.code, home };
  }
}
