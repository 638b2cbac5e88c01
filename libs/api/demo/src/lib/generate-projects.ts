import { type ApprovalDto, formatProjectNo, type InvestorOrigin, type ProjectFields, shanghaiToday } from '@zhaoshang/shared/domain';
import { demoApprovals } from './demo-approvals.js';
import { type DemoInvestor, newInvestor, originOf } from './demo-investors.js';
import { NO_MILESTONES, type SimulatedLife, simulateLife } from './demo-milestones.js';
import { addMonths, dateOf, dayNumber, monthOf, Random, shanghaiInstant, wan } from './random.js';
import { districtBureau, FOLLOW_THROUGH_UNITS } from './follow-through-vocabulary.js';
import { DISTRICTS, type DistrictProfile, GIVEN_NAMES, INDUSTRIES, type IndustryProfile, MONGOLIAN_NAMES, NOTES, SURNAMES } from './tongliao-vocabulary.js';

/** One generated project: the fields of the shared contract, its number, checklist and timestamps. */
export interface DemoProject extends ProjectFields {
  projectNo: string;
  approvals: ApprovalDto[];
  /** ISO 8601 instants, never after the `now` of the generation */
  createdAt: string;
  updatedAt: string;
}

/** The last project number given per district and year: what `project_sequences` must hold. */
export interface DemoSequence {
  regionCode: string;
  year: number;
  lastSeq: number;
}

/** An entry of the 包联领导 or 责任单位 list (DOMAIN.md §9) the demo projects name. */
export interface DemoListEntry {
  name: string;
  level: 'CITY' | 'DISTRICT';
  regionCode: string | null;
  /** 分管领域 of a leader; null for a unit */
  portfolio: string | null;
}

export interface DemoDataSet {
  today: string;
  /** every leader and unit the projects may name, before the projects (their names are foreign keys) */
  leaders: DemoListEntry[];
  units: DemoListEntry[];
  /** in the order they were entered: a capital increase always after its parent */
  projects: DemoProject[];
  sequences: DemoSequence[];
}

export interface DemoOptions {
  count?: number;
  seed?: number;
  now?: Date;
  /** numbers already given, by `${regionCode}-${year}`: generated numbers continue after them */
  lastSeqs?: ReadonlyMap<string, number>;
}

export const DEMO_DEFAULT_COUNT = 600;
export const DEMO_DEFAULT_SEED = 150500;

const FIRST_YEAR = 2021;
const ORIGIN_WEIGHTS: Record<InvestorOrigin, number> = { OUT_OF_REGION: 45, IN_REGION_OUT_OF_CITY: 25, FOREIGN: 5, IN_CITY_OTHER_COUNTY: 12, LOCAL: 13 };

interface Draft {
  fields: ProjectFields;
  approvals: ApprovalDto[];
  district: DistrictProfile;
  industry: IndustryProfile;
  investor: DemoInvestor;
  amountHundredths: number;
  signedDay: number | null;
  enteredDay: number;
  lastDay: number;
  life: SimulatedLife | null;
  parent: Draft | null;
  projectNo?: string;
}

/**
 * 市直部门 (each industry's and the bureau itself), the development zone's committee, each district's
 * government; then (issue 14) the units problems go to, 市纪委监委 (移交函), each district's 商务/招商
 * bureau. Appended, so that the first entries keep their order.
 */
function unitList(): DemoListEntry[] {
  const departments = [...new Set(['市投资促进局', ...INDUSTRIES.map((i) => i.department)])];
  const followThrough = Object.values(FOLLOW_THROUGH_UNITS).filter((name) => !departments.includes(name));
  return [
    ...departments.map((name) => ({ name, level: 'CITY' as const, regionCode: null, portfolio: null })),
    ...DISTRICTS.map((d) => ({ name: d.code === '150571' ? '通辽经济技术开发区管理委员会' : `${d.name}人民政府`, level: 'DISTRICT' as const, regionCode: d.code, portfolio: null })),
    ...followThrough.map((name) => ({ name, level: 'CITY' as const, regionCode: null, portfolio: null })),
    ...DISTRICTS.map((d) => ({ name: districtBureau(d), level: 'DISTRICT' as const, regionCode: d.code, portfolio: null })),
  ];
}

/**
 * The city leader whose 分管领域 covers an industry (the order of `cityLeaders`: 0 市长, 1 常务副市长,
 * 2 工业和信息化、能源, 3 农牧业, 4 自然资源、住建, 5 商务、文旅、政务服务). Never 0 or 1: the mayor and the
 * executive vice mayor (the demo `leader` account) 包联 only key projects, as before issue 14.
 */
const CITY_LEADER_BY_INDUSTRY: Record<string, number> = { NE: 2, NM: 2, CH: 2, EQ: 2, BM: 2, AG: 3, OT: 4, LG: 5, CT: 5, DG: 5 };
/** A non-key project of at least this much (10 亿元) gets a city leader (1+N+9: big projects the city's). */
const CITY_LEVEL_WAN = 100_000;

/**
 * A realistic, reproducible Tongliao data set (DOMAIN.md §3–5): the same seed and day give the same
 * projects. Pure: no database, no clock but `now`.
 */
export function generateDemoProjects(options: DemoOptions = {}): DemoDataSet {
  return new DemoGenerator(options).run();
}

class DemoGenerator {
  private readonly random: Random;
  private readonly count: number;
  private readonly now: Date;
  private readonly today: string;
  private readonly todayDay: number;
  private readonly investors: DemoInvestor[] = [];
  private readonly investorsByIndustry = new Map<string, DemoInvestor[]>();
  private readonly used = { names: new Set<string>(), usccs: new Set<string>(), projectNames: new Set<string>(), nationalCodes: new Set<string>() };
  private readonly cityLeaders: string[];
  private readonly districtLeaders = new Map<string, string[]>();
  private signingDays: { first: number; cumulative: number[]; strata: number[]; next: number } | null = null;
  private districtDeck: DistrictProfile[] = [];
  /** ~8% still in negotiation, exactly */
  private negotiatingDeck: boolean[] = [];
  private readonly nextPhase = new Map<string, number>();

  constructor(private readonly options: DemoOptions) {
    this.random = new Random(options.seed ?? DEMO_DEFAULT_SEED);
    this.count = options.count ?? DEMO_DEFAULT_COUNT;
    this.now = options.now ?? new Date();
    this.today = shanghaiToday(this.now);
    this.todayDay = dayNumber(this.today);
    // each leader a name of their own: the lists key their entries by it (DOMAIN.md §9)
    const taken = new Set<string>();
    const leader = (title: string) => {
      for (;;) {
        const name = `${title} ${this.personName()}`;
        if (taken.has(name)) continue;
        taken.add(name);
        return name;
      }
    };
    this.cityLeaders = ['市长', '常务副市长', '副市长', '副市长', '副市长', '副市长'].map(leader);
    for (const d of DISTRICTS) this.districtLeaders.set(d.code, [d.head, d.deputy, d.deputy].map(leader));
  }

  run(): DemoDataSet {
    const increases = Math.round(this.count * 0.03);
    const drafts: Draft[] = [];
    for (let i = 0; i < this.count - increases; i++) drafts.push(this.baseProject());
    const parents = drafts.filter((d) => d.life !== null && d.life.stage !== 'TERMINATED' && d.life.stage !== 'SIGNED' && d.signedDay !== null && d.signedDay <= this.todayDay - 240);
    for (let i = 0; i < increases; i++) {
      // without a parent to increase (a tiny data set), an ordinary project takes the place
      const parent = parents.length > 0 ? parents.splice(this.random.int(0, parents.length - 1), 1)[0] : null;
      drafts.push(parent === null ? this.baseProject() : this.capitalIncrease(parent));
    }
    this.markKeyProjects(drafts);
    this.assignResponsibilities(drafts);
    const ordered = drafts.map((draft, index) => ({ draft, index })).sort((a, b) => a.draft.enteredDay - b.draft.enteredDay || a.index - b.index);
    const sequences = this.number(ordered.map((o) => o.draft));
    return { today: this.today, leaders: this.leaderList(), units: unitList(), projects: ordered.map((o) => this.finish(o.draft)), sequences };
  }

  /** The city's leaders with their 分管领域 (in the usual order of a 市政府 division of work), then each district's. */
  private leaderList(): DemoListEntry[] {
    const cityPortfolios = ['主持市政府全面工作', '发展改革、财政、招商引资', '工业和信息化、能源、开发区', '农牧业、乡村振兴、水利', '自然资源、住房和城乡建设、交通', '商务、文化旅游、政务服务'];
    const city = this.cityLeaders.map((name, i) => ({ name, level: 'CITY' as const, regionCode: null, portfolio: cityPortfolios[i] ?? null }));
    const districts = DISTRICTS.flatMap((d) =>
      (this.districtLeaders.get(d.code) ?? []).map((name, i) => ({ name, level: 'DISTRICT' as const, regionCode: d.code, portfolio: i === 0 ? '全面工作' : i === 1 ? '招商引资、工业经济' : '项目建设、营商环境' })),
    );
    return [...city, ...districts];
  }

  private personName(): string {
    return this.random.chance(0.2) ? this.random.pick(MONGOLIAN_NAMES) : this.random.pick(SURNAMES) + this.random.pick(GIVEN_NAMES);
  }

  /**
   * A signing day from 2021-01-01 to today, each year ~25% busier than the one before. Drawn by
   * stratified sampling (the i-th draw takes a random stratum of [0, 1)), so that even a few hundred
   * projects show the growth year by year rather than the noise of independent draws.
   */
  private signingDay(): number {
    if (this.signingDays === null) {
      const first = dayNumber(`${FIRST_YEAR}-01-01`);
      const cumulative: number[] = [];
      let total = 0;
      for (let day = first; day <= this.todayDay; day++) {
        total += 1 + 0.25 * (Number(dateOf(day).slice(0, 4)) - FIRST_YEAR);
        cumulative.push(total);
      }
      const strata = this.random.deck(
        Array.from({ length: this.count }, (_, i) => i),
        () => 1,
        this.count,
      );
      this.signingDays = { first, cumulative, strata, next: 0 };
    }
    const s = this.signingDays;
    const u = ((s.strata[s.next++ % s.strata.length] + this.random.next()) / s.strata.length) * s.cumulative[s.cumulative.length - 1];
    let lo = 0;
    let hi = s.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (s.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return s.first + lo;
  }

  private amount(industry: IndustryProfile): number {
    const raw = this.random.chance(0.06) ? this.random.uniform(500, 1000) : this.random.logNormal(industry.medianWan, industry.sigma);
    return this.rounded(Math.min(500_000, Math.max(500, raw)));
  }

  /** Contract figures are mostly round (to 500, 100 or 10 万元), some to the 元 of a feasibility study. */
  private rounded(amountWan: number): number {
    if (this.random.chance(0.25)) return Math.round(amountWan * 100);
    const step = amountWan >= 10_000 ? 500 : amountWan >= 1000 ? 100 : 10;
    return Math.max(step, Math.round(amountWan / step) * step) * 100;
  }

  private investorFor(district: DistrictProfile, industry: IndustryProfile): DemoInvestor {
    const sameIndustry = this.investorsByIndustry.get(industry.code) ?? [];
    if (this.investors.length > 0 && this.random.chance(0.2)) {
      return this.random.pick(sameIndustry.length > 0 && this.random.chance(0.85) ? sameIndustry : this.investors);
    }
    const investor = newInvestor(this.random, this.random.weighted(ORIGIN_WEIGHTS), district.code, industry, this.used);
    this.investors.push(investor);
    if (!this.investorsByIndustry.has(industry.code)) this.investorsByIndustry.set(industry.code, sameIndustry);
    sameIndustry.push(investor);
    return investor;
  }

  /**
   * A project name unique in its district (ignoring spaces and case, as the look-alike check does);
   * the capacity in the name grows with the amount (a bigger wind farm costs more).
   */
  private projectName(district: DistrictProfile, industry: IndustryProfile, investor: DemoInvestor, amountHundredths: number, wanted?: string): string {
    let name = wanted ?? '';
    const size = Math.min(1, Math.max(0, 0.5 + Math.log(amountHundredths / 100 / industry.medianWan) / (4 * industry.sigma)));
    for (let attempt = 0; !wanted && attempt < 8; attempt++) {
      const [template, min, max, step] = this.random.pick(industry.templates);
      const steps = Math.round((max - min) / step);
      const n = min + step * Math.min(steps, Math.max(0, Math.round(size * steps + this.random.normal() * steps * 0.1)));
      let occurrence = 0;
      name = template.replace('{r}', district.name).replace(/\{n\}/g, () => String(n * ++occurrence));
      if (!template.includes('{r}') && this.random.chance(0.35)) name = investor.tradeName + (/^\d/.test(name) ? ' ' : '') + name;
      if (!this.nameTaken(district, name)) break;
    }
    if (this.nameTaken(district, name)) {
      // the same project again: its next phase (二期, 三期 …)
      const base = name.replace(/项目$/, '');
      let phase = this.nextPhase.get(this.nameKey(district, base)) ?? 2;
      do name = `${base}（${phase <= 9 ? '一二三四五六七八九'[phase - 1] : phase}期）项目`;
      while (this.nameTaken(district, name) && ++phase);
      this.nextPhase.set(this.nameKey(district, base), phase + 1);
    }
    this.used.projectNames.add(this.nameKey(district, name));
    return name;
  }

  private nameKey(district: DistrictProfile, name: string): string {
    return `${district.code}|${name.replace(/\s/g, '').toLowerCase()}`;
  }

  private nameTaken(district: DistrictProfile, name: string): boolean {
    return this.used.projectNames.has(this.nameKey(district, name));
  }

  private baseProject(): Draft {
    if (this.districtDeck.length === 0) this.districtDeck = this.random.deck(DISTRICTS, (d) => d.weight, this.count);
    const district = this.districtDeck.pop() as DistrictProfile;
    const industry = this.random.pickWeighted(INDUSTRIES, (i) => i.weight * (district.leaning[i.code] ?? 1));
    const investor = this.investorFor(district, industry);
    const amount = this.amount(industry);
    const name = this.projectName(district, industry, investor, amount);
    if (this.negotiatingDeck.length === 0) this.negotiatingDeck = this.random.deck([true, false], (inTalks) => (inTalks ? 8 : 92), this.count);
    if (this.negotiatingDeck.pop()) {
      const entered = this.todayDay - this.random.int(0, 330);
      return this.draft({ district, industry, investor, amount, name, signedDay: null, enteredDay: entered, parent: null });
    }
    const signedDay = this.signingDay();
    return this.draft({ district, industry, investor, amount, name, signedDay, enteredDay: Math.min(this.todayDay, signedDay + this.random.int(0, 20)), parent: null });
  }

  /** 增资: the same investor in the same district, signed later; its contract amount is the increment only. */
  private capitalIncrease(parent: Draft): Draft {
    const signedDay = this.random.int((parent.signedDay as number) + 180, this.todayDay);
    const amount = this.rounded(Math.max(500, (parent.amountHundredths / 100) * this.random.uniform(0.15, 0.6)));
    const name = this.projectName(parent.district, parent.industry, parent.investor, amount, parent.fields.name.replace(/项目$/, '') + '增资扩建项目');
    const entered = Math.min(this.todayDay, signedDay + this.random.int(0, 20));
    return this.draft({ district: parent.district, industry: parent.industry, investor: parent.investor, amount, name, signedDay, enteredDay: entered, parent });
  }

  private draft(p: {
    district: DistrictProfile;
    industry: IndustryProfile;
    investor: DemoInvestor;
    amount: number;
    name: string;
    signedDay: number | null;
    enteredDay: number;
    parent: Draft | null;
  }): Draft {
    const r = this.random;
    const life = p.signedDay === null ? null : simulateLife(r, p.signedDay, this.todayDay, p.amount / 100, p.parent !== null);
    const started = life?.constructionDay != null;
    const planned = r.chance(0.45) ? p.amount : this.rounded((p.amount / 100) * r.uniform(1, 1.4));
    const plannedInvestment = !started && r.chance(0.05) ? null : planned;
    const approvals = demoApprovals(r, {
      progress: life?.progress ?? 'NEGOTIATING',
      signedDay: p.signedDay,
      constructionDay: life?.constructionDay ?? null,
      lastDay: life?.terminatedDay ?? this.todayDay,
      plannedWan: planned / 100,
      industry: p.industry.code,
      isCapitalIncrease: p.parent !== null,
    });
    const filing = approvals.find((a) => a.kind === 'FILING');
    const nationalCode = filing?.doneAt && r.chance(0.6) ? this.nationalCode(filing.doneAt.slice(0, 4), p.district, p.industry) : null;
    const stats = this.statsRegistration(life, plannedInvestment);
    let plannedStartMonth: string | null = null;
    if (life !== null && r.chance(0.7)) plannedStartMonth = monthOf((life.registeredDay ?? (p.signedDay as number)) + Math.round(life.plannedStartDelay * r.uniform(0.6, 1.1)));
    else if (life === null && r.chance(0.4)) plannedStartMonth = monthOf(this.todayDay + r.int(60, 300));
    const notes = r.chance(0.15) ? r.pick(NOTES).replace('{park}', p.district.park) : null;

    const milestoneDays = [p.enteredDay, life?.registeredDay, life?.constructionDay, life?.productionDay, life?.terminatedDay, ...approvals.map((a) => (a.doneAt ? dayNumber(a.doneAt) : null))];
    const lastDay = Math.max(...milestoneDays.filter((d): d is number => d != null));
    return {
      fields: {
        name: p.name,
        regionCode: p.district.code,
        industryCode: p.industry.code,
        investorName: p.investor.name,
        investorUscc: p.investor.uscc,
        investorOrigin: originOf(p.investor, p.district.code),
        contractAmountWan: wan(p.amount),
        plannedInvestmentWan: plannedInvestment === null ? null : wan(plannedInvestment),
        stage: life?.stage ?? 'NEGOTIATING',
        ...(life?.milestones ?? NO_MILESTONES),
        plannedStartMonth,
        isKeyProject: false,
        leadOfficial: null,
        leadDepartment: null,
        districtContactId: null,
        nationalCode,
        ...stats,
        notes,
        parentProjectNo: null,
      },
      approvals,
      district: p.district,
      industry: p.industry,
      investor: p.investor,
      amountHundredths: p.amount,
      signedDay: p.signedDay,
      enteredDay: p.enteredDay,
      lastDay,
      life,
      parent: p.parent,
    };
  }

  /** 投资项目代码 YYYY-RRRRRR-DD-TT-NNNNNN: the year of filing, the district, the industry division, the kind, a serial. */
  private nationalCode(year: string, district: DistrictProfile, industry: IndustryProfile): string {
    for (;;) {
      const code = `${year}-${district.code}-${this.random.pick(industry.nationalDivisions)}-${this.random.pick(['01', '01', '02', '03'])}-${String(this.random.int(0, 999_999)).padStart(6, '0')}`;
      if (this.used.nationalCodes.has(code)) continue;
      this.used.nationalCodes.add(code);
      return code;
    }
  }

  /** 入库: most started projects of ≥ 500 万元 are in the statistics database, from their start month or a little later. */
  private statsRegistration(life: SimulatedLife | null, plannedHundredths: number | null): Pick<ProjectFields, 'statsRegistered' | 'statsRegisteredMonth' | 'statsCode'> {
    const none = { statsRegistered: false, statsRegisteredMonth: null, statsCode: null };
    if (life?.constructionDay == null || plannedHundredths === null || plannedHundredths < 500 * 100) return none;
    const startMonth = monthOf(life.constructionDay);
    const monthsSinceStart = Math.round((this.todayDay - life.constructionDay) / 30.4);
    if (!this.random.chance(monthsSinceStart <= 1 ? 0.35 : monthsSinceStart <= 2 ? 0.6 : 0.9)) return none;
    const thisMonth = this.today.slice(0, 7);
    const candidate = addMonths(startMonth, this.random.int(0, 2));
    const month = candidate > thisMonth ? thisMonth : candidate;
    const code = this.random.chance(0.6) ? `${month.replace('-', '')}${String(this.random.int(0, 99_999_999)).padStart(8, '0')}` : null;
    return { statsRegistered: true, statsRegisteredMonth: month, statsCode: code };
  }

  /** About one project in ten is a key project, the big ones much likelier; each has its leader and department. */
  private markKeyProjects(drafts: Draft[]): void {
    const scored = drafts.map((draft) => ({ draft, score: draft.amountHundredths * Math.exp(0.8 * this.random.normal()) })).sort((a, b) => b.score - a.score);
    for (const { draft } of scored.slice(0, Math.round(drafts.length * 0.1))) {
      const cityLevel = this.random.chance(0.5);
      draft.fields.isKeyProject = true;
      draft.fields.leadOfficial = this.random.pick(cityLevel ? this.cityLeaders : (this.districtLeaders.get(draft.district.code) as string[]));
      draft.fields.leadDepartment = this.random.chance(0.5)
        ? draft.industry.department
        : draft.district.code === '150571'
          ? '通辽经济技术开发区管理委员会'
          : `${draft.district.name}人民政府`;
    }
  }

  /**
   * 1+N+9 beyond the key projects (issue 14): most projects have a 包联领导 and a 责任单位 — a city
   * leader by 分管领域 for the big ones, a district leader otherwise; the industry's department or the
   * district's 商务/招商 bureau. Those still in negotiation mostly have none yet. Drawn from a stream of
   * its own, so every other field of the data set stays as it was.
   */
  private assignResponsibilities(drafts: Draft[]): void {
    const r = new Random(((this.options.seed ?? DEMO_DEFAULT_SEED) ^ 0x1_4e5_9) >>> 0);
    for (const draft of drafts) {
      const f = draft.fields;
      if (f.isKeyProject) continue;
      if (!r.chance(f.stage === 'NEGOTIATING' ? 0.3 : 0.92)) continue;
      const cityLevel = draft.amountHundredths >= CITY_LEVEL_WAN * 100;
      if (cityLevel) {
        f.leadOfficial = this.cityLeaders[CITY_LEADER_BY_INDUSTRY[draft.industry.code] ?? 5];
        f.leadDepartment = draft.industry.department;
      } else {
        const [head, investment, projects] = this.districtLeaders.get(draft.district.code) as string[];
        const who = r.weighted({ investment: 6, projects: 3, head: 1 });
        f.leadOfficial = who === 'investment' ? investment : who === 'projects' ? projects : head;
        f.leadDepartment = r.chance(0.75) ? districtBureau(draft.district) : draft.industry.department;
      }
    }
  }

  /** `{regionCode}-{year}-{seq:04}` in the order of entry, per district and year of signing (of entry while in negotiation). */
  private number(ordered: Draft[]): DemoSequence[] {
    const last = new Map<string, number>();
    for (const draft of ordered) {
      const year = Number(dateOf(draft.signedDay ?? draft.enteredDay).slice(0, 4));
      const key = `${draft.district.code}-${year}`;
      const seq = (last.get(key) ?? this.options.lastSeqs?.get(key) ?? 0) + 1;
      last.set(key, seq);
      draft.projectNo = formatProjectNo(draft.district.code, year, seq);
    }
    return [...last].map(([key, lastSeq]) => ({ regionCode: key.slice(0, key.lastIndexOf('-')), year: Number(key.slice(key.lastIndexOf('-') + 1)), lastSeq }));
  }

  private finish(draft: Draft): DemoProject {
    const nowMs = this.now.getTime();
    const createdMs = Math.min(nowMs - 60_000, shanghaiInstant(draft.enteredDay, this.random.int(8 * 60 + 30, 18 * 60)));
    const updatedMs = Math.min(nowMs - 60_000, Math.max(createdMs, shanghaiInstant(draft.lastDay, this.random.int(8 * 60 + 30, 18 * 60))));
    return {
      projectNo: draft.projectNo as string,
      ...draft.fields,
      parentProjectNo: draft.parent?.projectNo ?? null,
      approvals: draft.approvals,
      createdAt: new Date(createdMs).toISOString(),
      updatedAt: new Date(Math.max(createdMs, updatedMs)).toISOString(),
    };
  }
}
