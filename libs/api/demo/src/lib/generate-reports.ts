import type { ReportStatus } from '@zhaoshang/shared/domain';
import type { DemoDataSet, DemoProject } from './generate-projects.js';
import { ARRIVAL_SEASON, ArrivalTally, type DemoMonthlyOptions, indexOrNull, MonthlyContext, monthIndex, projectSeed } from './monthly-context.js';
import { Random, shanghaiInstant, wan } from './random.js';

/** One generated 月报: the figures as decimal strings of 万元 (built from whole hundredths), its status and times. */
export interface DemoReport {
  projectNo: string;
  month: string;
  arrivedEquityWan: string;
  arrivedLoanWan: string;
  arrivedOtherWan: string;
  completedInvestmentWan: string;
  progress: string | null;
  status: ReportStatus;
  returnReason: string | null;
  /** ISO 8601 instants, never after the `now` of the generation */
  submittedAt: string | null;
  verifiedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Why a city verifier returned a report. */
export const RETURN_REASONS = [
  '到位资金与银行流水不符，请核实后重报',
  '完成投资超过本月工程进度，请核实',
  '银行贷款到位缺少放款凭证，请补充后重报',
  '形象进度描述过于简单，请补充具体内容',
  '自有资金到位金额与验资报告不一致',
  '完成投资与统计联网直报数据不一致，请核对',
] as const;

/** 形象进度 by phase; `{p}` is a percentage of the works done. */
const PROGRESS = {
  SIGNED: ['前期手续办理中', '项目公司注册筹备中', '可研报告编制中', '选址及用地预审中', '与投资方对接细化合作方案'],
  REGISTERED: ['前期手续办理中', '土地摘牌完成，办理规划许可', '环评、能评审批中', '施工图设计中', '场地平整', '施工招标中'],
  EARLY: ['场地平整', '基础施工', '桩基施工', '三通一平完成，基础施工'],
  BUILDING: ['主体施工', '钢结构厂房施工', '主体施工，完成总工程量约{p}%', '厂房主体封顶，附属工程施工'],
  WINTER: ['冬季停工，室内设备安装', '冬季停工，办理后续手续', '冬休期，设备采购中'],
  LATE: ['设备安装', '设备安装调试', '配套设施建设', '设备安装，完成总工程量约{p}%'],
  TRIAL: ['试生产', '设备调试、试生产', '竣工验收，试生产'],
  RUNNING: ['正常生产', '达产达效', '正常生产，产能逐步释放'],
  NE_BUILDING: ['风机基础施工', '风机吊装', '光伏组件安装', '升压站施工', '集电线路施工'],
  NE_RUNNING: ['全容量并网发电', '并网发电', '正常运营'],
  TERMINATED: ['项目终止，停止建设', '项目终止，投资方退出'],
} as const;

/** Inner Mongolia builds little in January and February and most in summer. */
const BUILD_SEASON = [0.15, 0.25, 0.65, 1.05, 1.3, 1.45, 1.45, 1.4, 1.3, 1.1, 0.7, 0.4];

type Phase = 'SIGNED' | 'REGISTERED' | 'CONSTRUCTION' | 'PRODUCTION';

// module constants, not global look-ups in the loop of millions of reports (slow where globals are proxied, as in Jest)
const { round, exp, min, max } = Math;

/**
 * The monthly reports of one project (issue 5): one a month from its signing month (never in a
 * future month; none after its termination month), shaped by its milestones: little money before the
 * start, most of it during construction, a tail after production. Pure and deterministic.
 */
export function projectReports(project: DemoProject, ctx: MonthlyContext, tally?: ArrivalTally): DemoReport[] {
  if (project.signedAt === null) return [];
  const r = new Random(projectSeed(ctx.seed, project.projectNo));
  // months as indices (year × 12 + month − 1)
  const signedMonth = monthIndex(project.signedAt);
  const terminatedMonth = indexOrNull(project.terminatedAt);
  const endMonth = terminatedMonth !== null && terminatedMonth < ctx.thisMonthIndex ? terminatedMonth : ctx.thisMonthIndex;
  if (signedMonth > endMonth) return [];

  const registeredMonth = indexOrNull(project.registeredAt);
  const startMonth = indexOrNull(project.constructionStartedAt);
  const productionMonth = indexOrNull(project.productionStartedAt);
  const contract = round(Number(project.contractAmountWan) * 100);
  const planned = project.plannedInvestmentWan === null ? contract : round(Number(project.plannedInvestmentWan) * 100);
  const bigOne = contract >= 20_000 * 100;
  // construction months expected (the generator's own: 300 or 480 days on median)
  const buildMonths = startMonth !== null && productionMonth !== null ? max(1, productionMonth - startMonth) : bigOne ? 17 : 11;
  // the share of the contract that ever arrives: signed amounts are generous
  let ultimate = min(1, max(0.04, r.logNormal(0.4, 0.55)));
  if (terminatedMonth !== null) ultimate *= 0.3;
  const expectedWeight = 0.25 + 0.9 * buildMonths + 1.2;
  const unit = (ultimate * contract) / expectedWeight;
  const completedUnit = (r.uniform(0.45, 0.7) * ultimate * planned) / (0.95 * buildMonths);
  const equityShare = r.uniform(0.3, 0.75);
  const loanShare = r.uniform(0.5, 0.9);
  const roundFigures = r.chance(0.55);
  const isEnergy = project.industryCode === 'NE';
  const createdMs = Date.parse(project.createdAt);

  const reports: DemoReport[] = [];
  for (let month = signedMonth; month <= endMonth; month++) {
    const calendar = month % 12;
    const phase: Phase =
      productionMonth !== null && productionMonth <= month
        ? 'PRODUCTION'
        : startMonth !== null && startMonth <= month
          ? 'CONSTRUCTION'
          : registeredMonth !== null && registeredMonth <= month
            ? 'REGISTERED'
            : 'SIGNED';
    const k = phase === 'PRODUCTION' ? month - (productionMonth as number) : phase === 'CONSTRUCTION' ? month - (startMonth as number) : 0;

    // 到位资金
    let weight: number;
    let zero: number;
    if (phase === 'SIGNED') [weight, zero] = [0.03, 0.75];
    else if (phase === 'REGISTERED') [weight, zero] = [0.12, 0.45];
    else if (phase === 'CONSTRUCTION') [weight, zero] = [(k < buildMonths ? 1 : 0.85 ** (k - buildMonths + 1)) * ARRIVAL_SEASON[calendar], calendar <= 1 ? 0.35 : 0.1];
    else [weight, zero] = [k < 24 ? 0.6 * 0.75 ** k : 0.01, min(0.85, 0.3 + 0.04 * k)];
    if (month === terminatedMonth) [weight, zero] = [weight * 0.3, 0.7];
    const arrived = r.chance(zero) ? 0 : amount(r, unit * weight * exp(0.45 * r.normal() - 0.1), roundFigures);
    const [equity, loan, other] = split(r, arrived, phase === 'CONSTRUCTION' || phase === 'PRODUCTION' ? equityShare : 1, loanShare, roundFigures);

    // 完成投资
    let completed = 0;
    if (phase === 'CONSTRUCTION' && !(calendar <= 1 && r.chance(0.5))) {
      completed = amount(r, completedUnit * BUILD_SEASON[calendar] * (k < buildMonths ? 1 : 0.8 ** (k - buildMonths + 1)) * exp(0.35 * r.normal() - 0.06), roundFigures);
    } else if (phase === 'PRODUCTION' && k < 3 && r.chance(0.6)) {
      completed = amount(r, completedUnit * 0.3 * 0.6 ** k * exp(0.4 * r.normal()), roundFigures);
    } else if (phase === 'REGISTERED' && r.chance(0.08)) {
      completed = amount(r, completedUnit * 0.1, roundFigures);
    }

    const progress = r.chance(0.08) ? null : progressText(r, phase, k, buildMonths, calendar, isEnergy, month === terminatedMonth);
    const report = withStatus(r, ctx, project, month, createdMs, { arrivedEquityWan: wan(equity), arrivedLoanWan: wan(loan), arrivedOtherWan: wan(other), completedInvestmentWan: wan(completed), progress });
    if (report === null) continue;
    // this month's drafts are no figures yet
    if (month < ctx.thisMonthIndex) tally?.add(project, report.month, report.status, arrived);
    reports.push(report);
  }
  return reports;
}

/** Hundredths of 万元 ≥ 0; round figures to the 万 (to 10 万 when large) as a person would type them. */
function amount(r: Random, hundredths: number, roundFigures: boolean): number {
  const value = max(0, round(hundredths));
  if (value >= 100 * 100 && (roundFigures || r.chance(0.3))) {
    const step = value >= 5000 * 100 ? 1000 : 100;
    return round(value / step) * step;
  }
  return value;
}

/** equity + loan + other = total exactly, each ≥ 0; a loan arrives in some months only. */
function split(r: Random, total: number, equityShare: number, loanShare: number, roundFigures: boolean): [number, number, number] {
  if (total === 0) return [0, 0, 0];
  const step = roundFigures && total % 100 === 0 ? 100 : 1;
  const share = equityShare >= 1 ? 1 : min(1, max(0, equityShare + 0.15 * r.normal()));
  const equity = round((total * share) / step) * step;
  const rest = total - equity;
  const loan = r.chance(0.35) ? 0 : min(rest, round((rest * loanShare) / step) * step);
  return [equity, loan, rest - loan];
}

function progressText(r: Random, phase: Phase, k: number, buildMonths: number, calendar: number, isEnergy: boolean, terminates: boolean): string {
  if (terminates) return r.pick(PROGRESS.TERMINATED);
  let options: readonly string[];
  if (phase === 'SIGNED') options = PROGRESS.SIGNED;
  else if (phase === 'REGISTERED') options = PROGRESS.REGISTERED;
  else if (phase === 'PRODUCTION') options = k < 3 ? PROGRESS.TRIAL : isEnergy ? PROGRESS.NE_RUNNING : PROGRESS.RUNNING;
  else if (calendar <= 1 || calendar === 11) options = PROGRESS.WINTER;
  else if (k < 2) options = PROGRESS.EARLY;
  else if (k >= buildMonths - 3) options = PROGRESS.LATE;
  else options = isEnergy && r.chance(0.7) ? PROGRESS.NE_BUILDING : PROGRESS.BUILDING;
  const done = min(95, max(10, round(((k + 1) / buildMonths) * 100 / 5) * 5));
  return r.pick(options).replace('{p}', String(done));
}

type Figures = Pick<DemoReport, 'arrivedEquityWan' | 'arrivedLoanWan' | 'arrivedOtherWan' | 'completedInvestmentWan' | 'progress'>;

/**
 * The status of a month's report, by how long ago the month was: this month a few drafts; last month
 * mostly submitted, some verified, a few returned, drafts or missing; before that nearly all verified.
 * null = no report (missing).
 */
function withStatus(r: Random, ctx: MonthlyContext, project: DemoProject, month: number, projectCreatedMs: number, figures: Figures): DemoReport | null {
  const age = ctx.thisMonthIndex - month;
  const x = r.next();
  let status: ReportStatus | null;
  if (age === 0) status = x < 0.1 ? 'DRAFT' : null;
  else if (age === 1) status = x < 0.07 ? null : x < 0.13 ? 'DRAFT' : x < 0.17 ? 'RETURNED' : x < 0.4 ? 'VERIFIED' : 'SUBMITTED';
  else if (age === 2) status = x < 0.015 ? null : x < 0.03 ? 'RETURNED' : x < 0.06 ? 'SUBMITTED' : 'VERIFIED';
  else status = x < 0.004 ? null : x < 0.007 ? 'RETURNED' : 'VERIFIED';
  if (status === null) return null;

  // filed in the first ten days of the next month (this month's drafts: since the 1st), checked a few days later
  const fileDay = age === 0 ? ctx.firstDay(month) + r.int(0, max(0, ctx.todayDay - ctx.firstDay(month))) : ctx.firstDay(month + 1) + r.int(0, 9);
  const clamp = (ms: number) => min(ctx.latest, ms);
  const created = clamp(max(projectCreatedMs + 3_600_000, shanghaiInstant(fileDay, r.int(8 * 60 + 30, 17 * 60 + 30))));
  const submitted = status === 'DRAFT' ? null : clamp(created + r.int(10, 3 * 24 * 60) * 60_000);
  const checked = submitted === null || status === 'SUBMITTED' ? null : clamp(submitted + r.int(24 * 60, 8 * 24 * 60) * 60_000);
  const updated = max(created, submitted ?? 0, checked ?? 0);
  const iso = (ms: number | null) => (ms === null ? null : ctx.iso(ms));
  return {
    projectNo: project.projectNo,
    month: ctx.name(month),
    ...figures,
    status,
    returnReason: status === 'RETURNED' ? r.pick(RETURN_REASONS) : null,
    submittedAt: iso(submitted),
    verifiedAt: status === 'VERIFIED' ? iso(checked) : null,
    version: status === 'DRAFT' ? 1 : status === 'SUBMITTED' ? 2 : 3,
    createdAt: iso(created) as string,
    updatedAt: iso(updated) as string,
  };
}

/**
 * The reports of every project of a data set, in chunks of at most `chunkSize` (a project's months
 * may span two chunks): memory stays bounded however many projects there are. Fills `tally`.
 */
export function* demoReportChunks(data: DemoDataSet, options: DemoMonthlyOptions = {}, chunkSize = 5000, tally?: ArrivalTally): Generator<DemoReport[]> {
  const ctx = new MonthlyContext(data, options);
  let chunk: DemoReport[] = [];
  for (const project of data.projects) {
    for (const report of projectReports(project, ctx, tally)) {
      chunk.push(report);
      if (chunk.length >= chunkSize) {
        yield chunk;
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) yield chunk;
  if (tally) tally.complete = true;
}

/** Adds up what the FAI totals need without keeping any report. */
export function tallyArrivals(data: DemoDataSet, options: DemoMonthlyOptions = {}): ArrivalTally {
  const tally = new ArrivalTally();
  const ctx = new MonthlyContext(data, options);
  for (const project of data.projects) projectReports(project, ctx, tally);
  tally.complete = true;
  return tally;
}
