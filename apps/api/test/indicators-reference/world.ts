import {
  addMonths,
  APPROVAL_KINDS,
  APPROVAL_STATUSES,
  INDICATOR_GROUP_BYS,
  type IndicatorQuery,
  INVESTOR_ORIGINS,
  milestoneProblems,
  monthOf,
  PROJECT_STAGES,
  REPORT_STATUSES,
  reportMonthProblem,
  TARGET_INDICATORS,
} from '@zhaoshang/shared/domain';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { lastDayOf, type RefApproval, type RefFai, type RefIndustry, type RefProject, type RefRegion, type RefReport, type RefTarget, type RefWorld } from './reference.js';

/**
 * Random small data sets for the indicator property test, consistent with the lifecycle rules
 * (DOMAIN.md §5: signed ≤ registered ≤ started ≤ in production, terminated ≥ signed, nothing in the
 * future, skipped stages without a date), reports only for reportable months (reportMonthProblem).
 * The database side (reading the dictionaries, writing a world) is world-db.ts.
 *
 * Fast-check generates plain "specs" (numbers, flags); `buildWorld` turns them into a consistent
 * world deterministically, so a failing case shrinks to a small data set.
 */

/** The first signing day of generated projects; FAI and queries start a little earlier (last year's figures). */
const FIRST_DAY = '2024-01-01';
const LAST_SIGNING_DAY = '2025-12-31';
const FIRST_FAI_MONTH = '2023-01';
const FAI_MONTHS = 42; // 2023-01 … 2026-06
const FIRST_QUERY_MONTH = '2024-01';

const dayNumber = (date: string) => Math.round(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000);
const dateOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const minDate = (a: string, b: string) => (a < b ? a : b);
/** A stable uuid per project number (the same world gives the same ids). */
export const uuidOf = (text: string) => {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export interface ReportSpec {
  keep: boolean;
  status: number;
  equity: number;
  loan: number;
  other: number;
  completed: number;
}

export interface ProjectSpec {
  region: number;
  industry: number;
  origin: number;
  amountCents: number;
  stage: number;
  /** for TERMINATED: the stage reached before (0 = still in talks) */
  reachedBeforeTermination: number;
  signedDay: number;
  gaps: number[];
  skips: boolean[];
  key: boolean;
  statsRegistered: boolean;
  statsDelay: number;
  parent: number | null;
  approvals: number[];
  /** days from signing to each DONE approval's date (some fall after a queried period's end) */
  approvalDelays: number[];
  reports: ReportSpec[];
  /** reports of a TERMINATED project for months after its termination month: written straight into the table, never counted */
  afterTermination: ReportSpec[];
}

export interface FaiSpec {
  region: number;
  month: number;
  amountCents: number;
}

export interface TargetSpec {
  region: number;
  year: number;
  indicator: number;
  valueCents: number;
}

export interface WorldSpec {
  districts: string[];
  industries: string[];
  projects: ProjectSpec[];
  fai: FaiSpec[];
  targets: TargetSpec[];
}

const money = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 1, max: 50_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50_000, max: 2_000_000 }) },
);

const reportSpec: fc.Arbitrary<ReportSpec> = fc.record({
  keep: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  status: fc.nat(REPORT_STATUSES.length - 1),
  equity: money,
  loan: money,
  other: money,
  completed: money,
});

const signingDays = dayNumber(LAST_SIGNING_DAY) - dayNumber(FIRST_DAY);

const projectSpec: fc.Arbitrary<ProjectSpec> = fc.record({
  region: fc.nat(5),
  industry: fc.nat(5),
  origin: fc.nat(INVESTOR_ORIGINS.length - 1),
  // around the 千万元 line, and anything else
  amountCents: fc.oneof(fc.constantFrom(0, 99_999, 100_000, 100_001), fc.integer({ min: 1, max: 1_000_000 })),
  stage: fc.nat(PROJECT_STAGES.length - 1),
  reachedBeforeTermination: fc.nat(4),
  signedDay: fc.nat(signingDays),
  gaps: fc.array(fc.oneof(fc.nat(60), fc.nat(400)), { minLength: 4, maxLength: 4 }),
  skips: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  key: fc.boolean(),
  statsRegistered: fc.boolean(),
  statsDelay: fc.nat(14),
  parent: fc.option(fc.nat(39), { freq: 6 }),
  approvals: fc.oneof(
    fc.array(fc.constantFrom(2, 3), { minLength: 6, maxLength: 6 }), // all done or not required: 手续办结
    fc.array(fc.nat(APPROVAL_STATUSES.length - 1), { minLength: 6, maxLength: 6 }),
  ),
  approvalDelays: fc.array(fc.oneof(fc.nat(60), fc.nat(600)), { minLength: 6, maxLength: 6 }),
  reports: fc.array(reportSpec, { maxLength: 30, size: 'max' }),
  afterTermination: fc.array(reportSpec, { maxLength: 4 }),
});

export function worldSpec(districtCodes: string[], industryCodes: string[]): fc.Arbitrary<WorldSpec> {
  return fc.record({
    districts: fc.shuffledSubarray(districtCodes, { minLength: 2, maxLength: 3 }),
    industries: fc.shuffledSubarray(industryCodes, { minLength: 2, maxLength: 4 }),
    projects: fc.array(projectSpec, { minLength: 5, maxLength: 40 }),
    fai: fc.array(fc.record({ region: fc.nat(3), month: fc.nat(FAI_MONTHS - 1), amountCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000_000 })) }), { maxLength: 120, size: 'max' }),
    targets: fc.array(
      fc.record({ region: fc.nat(3), year: fc.integer({ min: 2024, max: 2026 }), indicator: fc.nat(TARGET_INDICATORS.length - 1), valueCents: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 }).map((n) => n * 100), fc.integer({ min: 1, max: 5_000_000 })) }),
      { maxLength: 12 },
    ),
  });
}

/** Turns specs into a consistent world (the regions and industries are the database's seed). */
export function buildWorld(spec: WorldSpec, regions: RefRegion[], industries: RefIndustry[], today: string): RefWorld {
  const city = regions.find((r) => r.parentCode === null) as RefRegion;
  const projects: RefProject[] = [];
  const approvals: RefApproval[] = [];
  const reports: RefReport[] = [];
  const todayMonth = monthOf(today);
  spec.projects.forEach((s, i) => {
    let regionCode = spec.districts[s.region % spec.districts.length];
    const stage = PROJECT_STAGES[s.stage];
    // how far along the chain the project got: 0 in talks, 1 signed … 4 in production
    const reached = stage === 'TERMINATED' ? s.reachedBeforeTermination : s.stage;
    let signedAt: string | null = reached >= 1 ? minDate(dateOf(dayNumber(FIRST_DAY) + s.signedDay), today) : null;
    // a capital increase (增资): a new project linked to an earlier signed one, in its region, signed on or after it
    let parentProjectNo: string | null = null;
    const parent = s.parent !== null && s.parent < i ? projects[s.parent] : null;
    if (parent && parent.signedAt !== null && signedAt !== null && parent.parentProjectNo === null) {
      parentProjectNo = parent.projectNo;
      regionCode = parent.regionCode;
      if (signedAt < parent.signedAt) signedAt = parent.signedAt;
    }
    const chain: (string | null)[] = [signedAt, null, null, null];
    let last = signedAt;
    for (let k = 1; k <= 3; k++) {
      if (k + 1 > reached || last === null) break;
      const date = minDate(dateOf(dayNumber(last) + s.gaps[k]), today);
      // a skipped stage keeps no date; the stage the project is in always has its own
      if (s.skips[k] && k + 1 < reached) continue;
      if (s.skips[k] && stage === 'TERMINATED' && k + 1 === reached) continue;
      chain[k] = date;
      last = date;
    }
    const terminatedAt = stage === 'TERMINATED' ? minDate(dateOf(dayNumber(last ?? dateOf(dayNumber(FIRST_DAY) + s.signedDay)) + s.gaps[0]), today) : null;
    const projectNo = `${regionCode}-2025-${String(i + 1).padStart(4, '0')}`;
    const project: RefProject = {
      id: uuidOf(projectNo),
      projectNo,
      regionCode,
      industryCode: spec.industries[s.industry % spec.industries.length],
      investorOrigin: INVESTOR_ORIGINS[s.origin],
      contractAmountWan: cents(s.amountCents),
      stage,
      signedAt,
      registeredAt: chain[1],
      constructionStartedAt: chain[2],
      productionStartedAt: chain[3],
      terminatedAt,
      isKeyProject: s.key,
      statsRegistered: s.statsRegistered && signedAt !== null,
      statsRegisteredMonth: s.statsRegistered && signedAt !== null ? minDate(addMonths(monthOf(signedAt), s.statsDelay), todayMonth) : null,
      parentProjectNo,
    };
    const problems = milestoneProblems(stage, { ...project, terminationReason: stage === 'TERMINATED' ? '投资方撤资' : null }, today);
    if (problems.length > 0) throw new Error(`generated an invalid project ${JSON.stringify(project)}: ${JSON.stringify(problems)}`);
    projects.push(project);
    APPROVAL_KINDS.forEach((kind, k) => {
      const status = APPROVAL_STATUSES[s.approvals[k]];
      const doneAt = minDate(dateOf(dayNumber(signedAt ?? '2024-01-02') + s.approvalDelays[k]), today);
      approvals.push({ projectId: project.id, kind, status, doneAt: status === 'DONE' ? doneAt : null });
    });
    if (signedAt !== null) {
      let month = monthOf(signedAt);
      for (const r of s.reports) {
        if (month > todayMonth || reportMonthProblem(project, month, today) !== null) break;
        if (r.keep) {
          reports.push({
            projectId: project.id,
            month,
            arrivedEquityWan: cents(r.equity),
            arrivedLoanWan: cents(r.loan),
            arrivedOtherWan: cents(r.other),
            completedInvestmentWan: cents(r.completed),
            status: REPORT_STATUSES[r.status],
          });
        }
        month = addMonths(month, 1);
      }
    }
    // reports after the termination month: the API refuses them (§5), older data or a direct load may hold some
    if (terminatedAt !== null && signedAt !== null) {
      let month = addMonths(monthOf(terminatedAt), 1);
      for (const r of s.afterTermination) {
        if (month > todayMonth) break;
        reports.push({
          projectId: project.id,
          month,
          arrivedEquityWan: cents(r.equity),
          arrivedLoanWan: cents(r.loan),
          arrivedOtherWan: cents(r.other),
          completedInvestmentWan: cents(r.completed),
          status: REPORT_STATUSES[r.status],
        });
        month = addMonths(month, 1);
      }
    }
  });
  const faiRegions = [...spec.districts, city.code];
  const fai: RefFai[] = [];
  for (const f of spec.fai) {
    const regionCode = faiRegions[f.region % faiRegions.length];
    const month = addMonths(FIRST_FAI_MONTH, f.month);
    if (fai.some((x) => x.regionCode === regionCode && x.month === month)) continue;
    fai.push({ regionCode, month, amountWan: cents(f.amountCents) });
  }
  const targets: RefTarget[] = [];
  for (const t of spec.targets) {
    const regionCode = faiRegions[t.region % faiRegions.length];
    const indicator = TARGET_INDICATORS[t.indicator];
    if (targets.some((x) => x.regionCode === regionCode && x.year === t.year && x.indicator === indicator)) continue;
    targets.push({ regionCode, year: t.year, indicator, value: cents(t.valueCents) });
  }
  return { regions, industries, projects, approvals, reports, fai, targets };
}

export interface QuerySpec {
  from: number;
  length: number;
  region: number;
  groupBy: number;
  includeUnverified: boolean;
}

export const querySpec: fc.Arbitrary<QuerySpec> = fc.record({
  from: fc.nat(26),
  length: fc.oneof(fc.nat(2), fc.nat(14)),
  region: fc.nat(9),
  groupBy: fc.nat(INDICATOR_GROUP_BYS.length),
  includeUnverified: fc.boolean(),
});

/** A query: the city (half the time) or one of the world's districts (or, rarely, another one), any grouping. */
export function buildQuery(spec: QuerySpec, world: WorldSpec, cityCode: string, otherDistrict: string, today: string): IndicatorQuery {
  const from = addMonths(FIRST_QUERY_MONTH, spec.from);
  let to = addMonths(from, spec.length);
  if (to > monthOf(today)) to = monthOf(today);
  const region = spec.region < 5 ? cityCode : spec.region === 9 ? otherDistrict : world.districts[spec.region % world.districts.length];
  const groupBy = spec.groupBy === INDICATOR_GROUP_BYS.length ? undefined : INDICATOR_GROUP_BYS[spec.groupBy];
  return { from: from > to ? to : from, to, region, groupBy, includeUnverified: spec.includeUnverified };
}

export function queryString(q: IndicatorQuery): string {
  const params = new URLSearchParams({ from: q.from, to: q.to });
  if (q.region) params.set('region', q.region);
  if (q.groupBy) params.set('groupBy', q.groupBy);
  if (q.includeUnverified !== undefined) params.set('includeUnverified', String(q.includeUnverified));
  return params.toString();
}

/** A short description of a world, for a failing case's message. */
export function describeWorld(world: RefWorld): string {
  const project = (p: RefProject) =>
    `  ${p.projectNo} ${p.industryCode} ${p.investorOrigin} ${p.contractAmountWan}万 ${p.stage} signed=${p.signedAt} reg=${p.registeredAt} start=${p.constructionStartedAt} prod=${p.productionStartedAt} term=${p.terminatedAt}` +
    `${p.isKeyProject ? ' KEY' : ''}${p.statsRegistered ? ` stats=${p.statsRegisteredMonth}` : ''}${p.parentProjectNo ? ` parent=${p.parentProjectNo}` : ''}`;
  const reports = (p: RefProject) =>
    world.reports
      .filter((r) => r.projectId === p.id)
      .map((r) => `${r.month}:${r.status[0]}:${r.arrivedEquityWan}+${r.arrivedLoanWan}+${r.arrivedOtherWan}/${r.completedInvestmentWan}`)
      .join(' ');
  const approvals = (p: RefProject) =>
    world.approvals
      .filter((x) => x.projectId === p.id)
      .map((x) => `${x.status}${x.doneAt ? `@${x.doneAt}` : ''}`)
      .join(' ');
  return [
    'projects:',
    ...world.projects.map((p) => `${project(p)}\n    reports ${reports(p) || '—'}${p.isKeyProject ? `\n    approvals ${approvals(p)}` : ''}`),
    `fai: ${world.fai.map((f) => `${f.regionCode}@${f.month}=${f.amountWan}`).join(' ') || '—'}`,
    `targets: ${world.targets.map((t) => `${t.regionCode}/${t.year}/${t.indicator}=${t.value}`).join(' ') || '—'}`,
  ].join('\n');
}

export { lastDayOf };
