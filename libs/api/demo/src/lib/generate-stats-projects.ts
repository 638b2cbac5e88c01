import { fromCents, type StatsProjectItem, toCents } from '@zhaoshang/shared/domain';
import type { DemoDataSet, DemoProject } from './generate-projects.js';
import { projectSeed } from './monthly-context.js';
import { DEMO_DEFAULT_SEED } from './generate-projects.js';
import { Random } from './random.js';
import { DISTRICTS } from './tongliao-vocabulary.js';

/**
 * The statistics bureau's list of registered projects (固定资产投资项目库, DOMAIN.md §10) as the demo
 * has it, with the disagreements the city's reviews keep finding: most of our 入库 projects listed
 * with about our figure (≈85%); some missing from theirs; some listed whose 入库 month or completed
 * investment differs; some we have but never marked 入库; some we never registered at all (a school,
 * a road: not 招商 projects); and code-less projects of ours that only their name pairs.
 */
export interface DemoStatsOptions {
  seed?: number;
  /** the list months, e.g. the last two complete months */
  months: readonly string[];
  /** our 完成投资 1–M月累计 from VERIFIED reports: by `${projectNo}:${month}`, '0.00' when absent */
  oursYtd: ReadonlyMap<string, string>;
}

/** What happens to one project of ours in their list: stable over the months, as a real list is. */
type Fate = 'listed' | 'absent' | 'monthDiffers' | 'amountDiffers';

const STREAM = 0x57a75;
/** Not 招商 projects: the bureau's list has public works too */
const PUBLIC_WORKS = ['第二中学教学楼建设项目', '城区供热管网改造工程', '人民医院门诊楼扩建项目', '农村公路提质改造工程', '污水处理厂提标改造项目', '保障性住房建设项目', '高标准农田建设项目', '中心敬老院建设项目'];

/** ours × factor, exact on hundredths (a thousandth-precision factor) */
function scaled(wan: string, factorThousandths: number): string {
  return fromCents((toCents(wan) * BigInt(factorThousandths)) / 1000n);
}

function fakeCode(random: Random, year: string, regionCode: string): string {
  return `${year}-${regionCode}-${String(random.int(10, 99))}-0${random.int(1, 3)}-${String(random.int(0, 999_999)).padStart(6, '0')}`;
}

/** Spaces the bureau's clerks type differently (a name still pairs: case and white space are ignored). */
function respaced(name: string, random: Random): string {
  const at = random.int(1, Math.max(1, name.length - 1));
  return `${name.slice(0, at)} ${name.slice(at)}`;
}

export function generateDemoStatsProjects(data: DemoDataSet, options: DemoStatsOptions): StatsProjectItem[] {
  const seed = ((options.seed ?? DEMO_DEFAULT_SEED) ^ STREAM) >>> 0;
  const rows: StatsProjectItem[] = [];
  const started = (p: DemoProject) => p.constructionStartedAt !== null || p.productionStartedAt !== null;
  for (const p of data.projects) {
    const r = new Random(projectSeed(seed, p.projectNo));
    const fate: Fate = r.weighted({ listed: 75, absent: 14, monthDiffers: 5, amountDiffers: 6 });
    // ours never marked 入库 but listed by them: started, big enough, and a few of them
    const theyHaveIt = p.statsRegistered || (started(p) && p.plannedInvestmentWan !== null && toCents(p.plannedInvestmentWan) >= 50_000n && r.chance(0.08));
    if (!theyHaveIt || fate === 'absent' || p.stage === 'TERMINATED') continue;
    // a code-less project of ours: theirs has one, and only the name pairs them
    const code = p.nationalCode ?? fakeCode(r, (p.signedAt ?? data.today).slice(0, 4), p.regionCode);
    const name = p.nationalCode === null ? respaced(p.name, r) : r.chance(0.2) ? `${p.name}（一期）` : p.name;
    const ourMonth = p.statsRegisteredMonth ?? (p.constructionStartedAt ?? p.productionStartedAt ?? data.today).slice(0, 7);
    const monthShift = fate === 'monthDiffers' ? -r.int(1, 3) : 0;
    const factor = fate === 'amountDiffers' ? r.pick([550, 650, 750, 1300, 1450]) : r.int(985, 1015);
    for (const month of options.months) {
      const registeredMonth = shiftMonth(ourMonth, monthShift);
      if (registeredMonth > month) continue;
      const ours = options.oursYtd.get(`${p.projectNo}:${month}`) ?? '0.00';
      rows.push({ nationalCode: code, name, regionCode: p.regionCode, registeredMonth, completedYtdWan: scaled(ours, factor), month });
    }
  }
  // public works the bureau registers and we never see, a few per district
  const r = new Random(seed);
  for (const district of DISTRICTS) {
    const count = r.int(0, 2);
    for (let i = 0; i < count; i++) {
      const code = fakeCode(r, String(Number(data.today.slice(0, 4)) - r.int(0, 2)), district.code);
      const name = `${district.name}${r.pick(PUBLIC_WORKS)}`;
      const registeredMonth = shiftMonth(options.months[0], -r.int(1, 18));
      const base = r.int(300, 20_000) * 100;
      options.months.forEach((month, k) => rows.push({ nationalCode: code, name, regionCode: district.code, registeredMonth, completedYtdWan: fromCents(BigInt(base + k * r.int(0, 500) * 100)), month }));
    }
  }
  return dedupe(rows);
}

/** A code or a name drawn twice (two public works alike) stays once per month: the list's key is (month, code). */
function dedupe(rows: StatsProjectItem[]): StatsProjectItem[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = `${row.month}:${row.nationalCode}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
