import {
  addMonths,
  type ApprovalKind,
  type ApprovalStatus,
  approvalsCompleteBy,
  CITY_TOTAL_NOTE,
  growthContribution,
  type IndicatorFigures,
  type IndicatorGroupBy,
  type IndicatorQuery,
  type IndicatorResponse,
  type IndicatorRow,
  type IndicatorValues,
  INVESTOR_ORIGINS,
  type InvestorOrigin,
  monthLabel,
  monthOf,
  monthRange,
  originCounts,
  type ProjectStage,
  pull,
  rateOfAmounts,
  rateOfCounts,
  type ReportStatus,
  startedAtOf,
  sumWan,
  TARGET_INDICATORS,
  toCents,
  type TargetIndicator,
  yoyOfAmounts,
  yoyOfCounts,
} from '@zhaoshang/shared/domain';

/**
 * A deliberately naive reference implementation of DOMAIN.md §6, written from the definitions and
 * not from the engine's SQL: plain loops over plain arrays, one question at a time, exact sums in
 * hundredths (sumWan) and the shared rounding functions (rateOfAmounts, rateOfCounts, yoy…, pull,
 * growthContribution) only at the end. The property test compares GET /api/v1/indicators with it.
 */

export interface RefRegion {
  code: string;
  name: string;
  parentCode: string | null;
  sortOrder: number;
}

export interface RefIndustry {
  code: string;
  name: string;
  sortOrder: number;
}

export interface RefProject {
  id: string;
  projectNo: string;
  regionCode: string;
  industryCode: string;
  investorOrigin: InvestorOrigin;
  contractAmountWan: string;
  stage: ProjectStage;
  signedAt: string | null;
  registeredAt: string | null;
  constructionStartedAt: string | null;
  productionStartedAt: string | null;
  terminatedAt: string | null;
  isKeyProject: boolean;
  statsRegistered: boolean;
  statsRegisteredMonth: string | null;
  /** a capital increase (增资): the project it increases; its own contract amount is the increment */
  parentProjectNo: string | null;
}

export interface RefApproval {
  projectId: string;
  kind: ApprovalKind;
  status: ApprovalStatus;
  doneAt: string | null;
}

export interface RefReport {
  projectId: string;
  month: string;
  arrivedEquityWan: string;
  arrivedLoanWan: string;
  arrivedOtherWan: string;
  completedInvestmentWan: string;
  status: ReportStatus;
}

export interface RefFai {
  regionCode: string;
  month: string;
  amountWan: string;
}

export interface RefTarget {
  regionCode: string;
  year: number;
  indicator: TargetIndicator;
  value: string;
}

/** Everything the indicators are computed from. */
export interface RefWorld {
  regions: RefRegion[];
  industries: RefIndustry[];
  projects: RefProject[];
  approvals: RefApproval[];
  reports: RefReport[];
  fai: RefFai[];
  targets: RefTarget[];
}

type ScopeKind = 'CITY' | 'DISTRICT';

/** Who a figure is about: the scope's origin rule and regions, and optionally one industry. */
interface Subject {
  kind: ScopeKind;
  /** the region whose FAI and targets these are (the city or a district) */
  regionCode: string;
  /** the county-level regions whose projects count */
  districts: string[];
  industryCode: string | null;
}

/** The last calendar day of a month, 'YYYY-MM-DD'. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

const firstDayOf = (month: string) => `${month}-01`;
const inPeriod = (date: string | null, from: string, to: string) => date !== null && date >= firstDayOf(from) && date <= lastDayOf(to);
const arrivedOf = (r: RefReport) => sumWan([r.arrivedEquityWan, r.arrivedLoanWan, r.arrivedOtherWan]);
/** §6: a TERMINATED project keeps what it reported up to and including its termination month, nothing after. */
const reportedInTime = (r: RefReport, p: RefProject) => p.terminatedAt === null || r.month <= monthOf(p.terminatedAt);

export class IndicatorReference {
  private readonly projectById: Map<string, RefProject>;
  private readonly city: RefRegion;

  constructor(private readonly world: RefWorld) {
    this.projectById = new Map(world.projects.map((p) => [p.id, p]));
    const city = world.regions.find((r) => r.parentCode === null);
    if (!city) throw new Error('no city in the regions');
    this.city = city;
  }

  compute(query: IndicatorQuery): IndicatorResponse {
    const { from, to } = query;
    const scopeRegion = this.world.regions.find((r) => r.code === (query.region ?? this.city.code));
    if (!scopeRegion) throw new Error(`unknown region ${query.region}`);
    const kind: ScopeKind = scopeRegion.parentCode === null ? 'CITY' : 'DISTRICT';
    const districts = kind === 'CITY' ? this.sortedRegions().filter((r) => r.parentCode === scopeRegion.code) : [scopeRegion];
    const statuses: ReportStatus[] = query.includeUnverified ? ['VERIFIED', 'SUBMITTED'] : ['VERIFIED'];
    const groupBy: IndicatorGroupBy | null = query.groupBy ?? null;
    const scope: Subject = { kind, regionCode: scopeRegion.code, districts: districts.map((d) => d.code), industryCode: null };

    const rows: IndicatorRow[] = [];
    if (groupBy === 'region') {
      // each district in its own scope (its own origin rule, FAI and targets)
      for (const d of districts) {
        const subject: Subject = { kind: 'DISTRICT', regionCode: d.code, districts: [d.code], industryCode: null };
        rows.push({ key: d.code, label: d.name, ...this.values(subject, from, to, statuses, true) });
      }
    } else if (groupBy === 'industry') {
      for (const industry of [...this.world.industries].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code))) {
        // FAI is not split by industry: the row keeps the scope's regions for its FAI (fai() ignores the industry)
        const subject: Subject = { ...scope, industryCode: industry.code };
        rows.push({ key: industry.code, label: industry.name, ...this.values(subject, from, to, statuses, false) });
      }
    } else if (groupBy === 'month') {
      // each month its own one-month period
      for (const month of monthRange(from, to)) {
        rows.push({ key: month, label: monthLabel(month), ...this.values(scope, month, month, statuses, false) });
      }
    }
    const total = this.values(scope, from, to, statuses, true);
    return {
      from,
      to,
      region: scopeRegion.code,
      groupBy,
      includeUnverified: query.includeUnverified ?? false,
      rows,
      total: { ...total, note: kind === 'CITY' && groupBy === 'region' ? CITY_TOTAL_NOTE : null },
    };
  }

  private sortedRegions(): RefRegion[] {
    return [...this.world.regions].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  }

  /** The projects of the subject: in its districts (and its industry, for a row by industry). */
  private projectsOf(s: Subject): RefProject[] {
    return this.world.projects.filter((p) => s.districts.includes(p.regionCode) && (s.industryCode === null || p.industryCode === s.industryCode));
  }

  /** The reports that count (status, and not after a termination month), of the subject's projects. */
  private reportsOf(s: Subject, statuses: ReportStatus[]): { report: RefReport; project: RefProject }[] {
    const mine = new Set(this.projectsOf(s).map((p) => p.id));
    const result: { report: RefReport; project: RefProject }[] = [];
    for (const report of this.world.reports) {
      if (!mine.has(report.projectId) || !statuses.includes(report.status)) continue;
      const project = this.projectById.get(report.projectId) as RefProject;
      if (!reportedInTime(report, project)) continue;
      result.push({ report, project });
    }
    return result;
  }

  /** §6 faiTotalWan: month by month, the city's own figure when the scope is the city and there is one, else Σ the districts'. */
  private fai(s: Subject, from: string, to: string): string {
    const perMonth: string[] = [];
    for (const month of monthRange(from, to)) {
      const own = s.kind === 'CITY' ? this.world.fai.find((f) => f.regionCode === s.regionCode && f.month === month) : undefined;
      if (own) {
        perMonth.push(own.amountWan);
        continue;
      }
      perMonth.push(sumWan(this.world.fai.filter((f) => f.month === month && s.districts.includes(f.regionCode)).map((f) => f.amountWan)));
    }
    return sumWan(perMonth);
  }

  /** The plain figures of a subject and period (what "the same period last year" repeats). */
  figures(s: Subject, from: string, to: string, statuses: ReportStatus[]): IndicatorFigures {
    const end = lastDayOf(to);
    const projects = this.projectsOf(s);
    const signed = projects.filter((p) => inPeriod(p.signedAt, from, to));
    // 开工: the construction date, else the production date (§5)
    const started = projects.filter((p) => inPeriod(startedAtOf(p), from, to));
    const inPeriodReports = this.reportsOf(s, statuses).filter(({ report }) => report.month >= from && report.month <= to);
    const arrived = inPeriodReports.filter(({ project }) => originCounts(project.investorOrigin, s.kind));
    const arrivedByOrigin = {} as Record<InvestorOrigin, string>;
    for (const origin of INVESTOR_ORIGINS) {
      arrivedByOrigin[origin] = sumWan(inPeriodReports.filter(({ project }) => project.investorOrigin === origin).map(({ report }) => arrivedOf(report)));
    }
    // key projects as of the period's end: signed by then, not terminated by then
    const key = projects.filter((p) => p.isKeyProject && p.signedAt !== null && p.signedAt <= end && (p.terminatedAt === null || p.terminatedAt > end));
    // 开复工 by the period's end: started (construction, else production date) by then. A project may reach 竣工投产
    // skipping 开工在建 (§5): it is in production, so it counts. (The engine counted construction_started_at only
    // until 7d6605f: found by this reference.)
    const keyStarted = key.filter((p) => {
      const startedAt = startedAtOf(p);
      return startedAt !== null && startedAt <= end;
    });
    // 手续办结 by the period's end: each item not required, or done on or before that day
    const keyApprovals = key.filter((p) => approvalsCompleteBy(this.world.approvals.filter((a) => a.projectId === p.id), end));
    return {
      signedCount: signed.length,
      signedAmountWan: sumWan(signed.map((p) => p.contractAmountWan)),
      // 千万元以上: contractAmountWan ≥ 1000 万元
      signedCount10m: signed.filter((p) => toCents(p.contractAmountWan) >= toCents('1000')).length,
      startedCount: started.length,
      arrivedFundsWan: sumWan(arrived.map(({ report }) => arrivedOf(report))),
      // 实际利用外资: arrivals of FOREIGN projects
      foreignCapitalWan: sumWan(inPeriodReports.filter(({ project }) => project.investorOrigin === 'FOREIGN').map(({ report }) => arrivedOf(report))),
      faiTotalWan: this.fai(s, from, to),
      arrivedByOrigin,
      keyProjects: { count: key.length, startedCount: keyStarted.length, approvalsCompleteCount: keyApprovals.length },
    };
  }

  private values(s: Subject, from: string, to: string, statuses: ReportStatus[], withTargets: boolean): IndicatorValues {
    const end = lastDayOf(to);
    const figures = this.figures(s, from, to, statuses);
    const lastYear = this.figures(s, addMonths(from, -12), addMonths(to, -12), statuses);
    const projects = this.projectsOf(s);
    const reports = this.reportsOf(s, statuses);

    // 开工率: of the projects signed in the period, the share started (construction, else production) by its last day
    const signed = projects.filter((p) => inPeriod(p.signedAt, from, to));
    const signedStarted = signed.filter((p) => {
      const startedAt = startedAtOf(p);
      return startedAt !== null && startedAt <= end;
    });
    const inPeriodReports = reports.filter(({ report }) => report.month >= from && report.month <= to);

    // 资金到位率: projects signed in the period whose origin counts here; arrived from signing to the period's end
    const counting = signed.filter((p) => originCounts(p.investorOrigin, s.kind));
    const arrivedSinceSigning: string[] = [];
    for (const p of counting) {
      const signedMonth = (p.signedAt as string).slice(0, 7);
      for (const { report } of reports) {
        if (report.projectId === p.id && report.month >= signedMonth && report.month <= to) arrivedSinceSigning.push(arrivedOf(report));
      }
    }
    const arrivalRate = rateOfAmounts(sumWan(arrivedSinceSigning), sumWan(counting.map((p) => p.contractAmountWan)));

    // 入统项目完成投资: completed investment of statistics-registered projects, months from their registration month
    const registeredCompleted = inPeriodReports
      .filter(({ project, report }) => project.statsRegistered && project.statsRegisteredMonth !== null && report.month >= project.statsRegisteredMonth)
      .map(({ report }) => report.completedInvestmentWan);

    // 同比 of every amount and count, written out one by one
    const yoyOrigins = {} as Record<InvestorOrigin, number | null>;
    for (const origin of INVESTOR_ORIGINS) yoyOrigins[origin] = yoyOfAmounts(figures.arrivedByOrigin[origin], lastYear.arrivedByOrigin[origin]);
    const key = figures.keyProjects;
    const lastKey = lastYear.keyProjects;

    // a row by industry has the scope's FAI: these ratios are then the industry's part of the whole (§6)
    const fai = figures.faiTotalWan;
    return {
      ...figures,
      startRate: rateOfCounts(signedStarted.length, signed.length),
      arrivalRate,
      fundsToFaiRatio: rateOfAmounts(figures.arrivedFundsWan, fai),
      registeredFaiShare: rateOfAmounts(sumWan(registeredCompleted), fai),
      growthContribution: growthContribution(figures.arrivedFundsWan, lastYear.arrivedFundsWan, fai, lastYear.faiTotalWan),
      pull: pull(figures.arrivedFundsWan, lastYear.arrivedFundsWan, lastYear.faiTotalWan),
      lastYear,
      yoy: {
        signedCount: yoyOfCounts(figures.signedCount, lastYear.signedCount),
        signedAmountWan: yoyOfAmounts(figures.signedAmountWan, lastYear.signedAmountWan),
        signedCount10m: yoyOfCounts(figures.signedCount10m, lastYear.signedCount10m),
        startedCount: yoyOfCounts(figures.startedCount, lastYear.startedCount),
        arrivedFundsWan: yoyOfAmounts(figures.arrivedFundsWan, lastYear.arrivedFundsWan),
        foreignCapitalWan: yoyOfAmounts(figures.foreignCapitalWan, lastYear.foreignCapitalWan),
        faiTotalWan: yoyOfAmounts(figures.faiTotalWan, lastYear.faiTotalWan),
        arrivedByOrigin: yoyOrigins,
        keyProjects: {
          count: yoyOfCounts(key.count, lastKey.count),
          startedCount: yoyOfCounts(key.startedCount, lastKey.startedCount),
          approvalsCompleteCount: yoyOfCounts(key.approvalsCompleteCount, lastKey.approvalsCompleteCount),
        },
      },
      keyProjects: {
        ...key,
        startRate: rateOfCounts(key.startedCount, key.count),
        approvalsCompleteRate: rateOfCounts(key.approvalsCompleteCount, key.count),
      },
      targetCompletion: withTargets ? this.targetCompletion(s, to, statuses) : {},
    };
  }

  /** Actual from January of `to`'s year to `to`, ÷ the region's annual target, per indicator that has one. */
  private targetCompletion(s: Subject, to: string, statuses: ReportStatus[]): IndicatorValues['targetCompletion'] {
    const year = Number(to.slice(0, 4));
    const actual = this.figures(s, `${year}-01`, to, statuses);
    const result: IndicatorValues['targetCompletion'] = {};
    for (const indicator of TARGET_INDICATORS) {
      const target = this.world.targets.find((t) => t.regionCode === s.regionCode && t.year === year && t.indicator === indicator);
      if (!target) continue;
      const value = actual[indicator];
      result[indicator] = rateOfAmounts(typeof value === 'number' ? `${value}` : value, target.value);
    }
    return result;
  }
}

// ---- comparison ----

/** Where two responses differ: amounts (decimal strings) to 0.01 万元, rates to 0.0001, the rest exactly. */
export function differences(engine: unknown, reference: unknown, path = ''): string[] {
  if (reference === null || engine === null || typeof reference !== 'object' || typeof engine !== 'object') {
    if (typeof reference === 'string' && typeof engine === 'string' && /^-?\d+\.\d\d$/.test(reference) && /^-?\d+(\.\d+)?$/.test(engine)) {
      const diff = toCents(engine) - toCents(reference);
      return diff >= -1n && diff <= 1n ? [] : [`${path}: engine ${engine}, reference ${reference}`];
    }
    if (typeof reference === 'number' && typeof engine === 'number') {
      return Math.abs(engine - reference) <= 0.0001 + 1e-9 ? [] : [`${path}: engine ${engine}, reference ${reference}`];
    }
    return engine === reference ? [] : [`${path}: engine ${JSON.stringify(engine)}, reference ${JSON.stringify(reference)}`];
  }
  if (Array.isArray(reference) !== Array.isArray(engine)) return [`${path}: engine ${JSON.stringify(engine)}, reference ${JSON.stringify(reference)}`];
  const keys = new Set([...Object.keys(engine as object), ...Object.keys(reference as object)]);
  const found: string[] = [];
  if (Array.isArray(reference) && (engine as unknown[]).length !== reference.length) found.push(`${path}.length: engine ${(engine as unknown[]).length}, reference ${reference.length}`);
  for (const key of keys) {
    const e = (engine as Record<string, unknown>)[key];
    const r = (reference as Record<string, unknown>)[key];
    const label = Array.isArray(reference) ? `${path}[${key}${typeof (r as { key?: string })?.key === 'string' ? `=${(r as { key: string }).key}` : ''}]` : path ? `${path}.${key}` : key;
    if (e === undefined && r === undefined) continue;
    if (e === undefined || r === undefined) {
      found.push(`${label}: engine ${JSON.stringify(e)}, reference ${JSON.stringify(r)}`);
      continue;
    }
    found.push(...differences(e, r, label));
  }
  return found;
}
