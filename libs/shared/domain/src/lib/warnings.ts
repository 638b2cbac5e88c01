import { type FieldProblem, type ProjectStage, startedAtOf } from './lifecycle.js';
import { COMMITMENT_TYPE_LABELS, COMMITMENT_TYPES, type CommitmentType } from './commitments.js';
import { compareWan } from './money.js';
import { addMonths, lastDayOf, monthLabel, monthOf, type ReportStatus, reportingObligationEnd } from './monthly.js';
import { addDays, ISSUE_CATEGORIES, ISSUE_CATEGORY_LABELS, type IssueCategory } from './problems.js';

/**
 * 预警 (DOMAIN.md §6 "Warnings"): five rules, each raising a yellow or a red flag on a project for a
 * given day. The thresholds are settings an admin edits; these pure functions are the reference the
 * API's set-based SQL must agree with (an integration test compares them).
 *
 * Time, precisely:
 * - "N months after date X" is the calendar date X + N months: the same day of the month, clamped to
 *   the month's last day (2025-01-31 + 1 month = 2025-02-28), as PostgreSQL's `date + interval` does.
 * - "N months past month M" (a month, not a date) begins on the first day of month M + N + 1: the
 *   whole of M and the N months after it must have passed (past 2025-03 by 0 months = from 2025-04-01).
 * - A threshold day is itself warned: the level applies from that day on (the day before: not yet).
 *
 * Warnings are evaluated on the project's current facts (stage, dates, reports) for the day D:
 * for those rules a later D never lowers a level. ISSUE reads history instead: a problem counts on
 * day D when it was raised by D and not closed as of D (closed later, or not at all), so a past day
 * shows what was open then, and closing a problem ends its warning. POLICY (issue 15) reads the
 * commitments the same way: recorded by D and neither honoured nor withdrawn by D.
 * Terminated (已终止) and negotiating (在谈) projects get none, whatever their problems.
 */
// POLICY (未兑现优惠政策, issue 15) comes last so the order of the rules known before stays as it was
export const WARNING_RULES = ['START', 'STATS', 'FUNDS', 'REPORT', 'ISSUE', 'POLICY'] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

export const WARNING_RULE_LABELS: Record<WarningRule, string> = {
  START: '未按期开工',
  STATS: '开工未入库',
  FUNDS: '开工后资金未到位',
  REPORT: '月报未报送',
  ISSUE: '问题超期未解决',
  POLICY: '优惠政策逾期未兑现',
};

export const WARNING_LEVELS = ['RED', 'YELLOW'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = { RED: '红色', YELLOW: '黄色' };

export interface WarningSettings {
  START: {
    /** months past 计划开工月份 before yellow (0 = as soon as the month is over) */
    yellowMonthsAfterPlan: number;
    redMonthsAfterPlan: number;
    /** without 计划开工月份: months after signing */
    yellowMonthsAfterSigning: number;
    redMonthsAfterSigning: number;
  };
  STATS: {
    /** only projects whose 计划总投资 is at least this (万元) can be 入库 */
    minPlannedInvestmentWan: number;
    /** months after the start */
    yellowMonths: number;
    redMonths: number;
  };
  FUNDS: {
    /** months after the start, or past the last month with arrived funds, whichever is later */
    yellowMonths: number;
    redMonths: number;
  };
  REPORT: {
    /** yellow after this day of the month following the unsubmitted month */
    yellowDay: number;
    /** red once this many months past the unsubmitted month have ended (1 = after the following month's last day) */
    redMonths: number;
    /** 填报义务: a project owes reports until its production month plus this many months (DOMAIN.md §5) */
    monthsAfterProduction: number;
  };
  ISSUE: {
    /** days after a problem's due date before yellow (0 = on the due date itself) */
    yellowDaysAfterDue: number;
    redDaysAfterDue: number;
  };
  POLICY: {
    /** days after a commitment's due date before yellow (0 = on the due date itself) */
    yellowDaysAfterDue: number;
    redDaysAfterDue: number;
  };
}

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  START: { yellowMonthsAfterPlan: 0, redMonthsAfterPlan: 3, yellowMonthsAfterSigning: 6, redMonthsAfterSigning: 12 },
  STATS: { minPlannedInvestmentWan: 500, yellowMonths: 1, redMonths: 2 },
  FUNDS: { yellowMonths: 3, redMonths: 6 },
  REPORT: { yellowDay: 10, redMonths: 1, monthsAfterProduction: 3 },
  ISSUE: { yellowDaysAfterDue: 0, redDaysAfterDue: 15 },
  POLICY: { yellowDaysAfterDue: 0, redDaysAfterDue: 30 },
};

export interface WarningSettingField {
  rule: WarningRule;
  key: string;
  label: string;
  /** what the number means, for the settings form */
  help: string;
  min: number;
  max: number;
  unit: string;
  /** for a red threshold: the yellow one it must not be below */
  notBelow?: string;
}

/** Every setting with its Chinese name, range and explanation: the form and the validation read this. */
export const WARNING_SETTING_FIELDS: readonly WarningSettingField[] = [
  { rule: 'START', key: 'yellowMonthsAfterPlan', label: '超过计划开工月份后转黄色', help: '有计划开工月份的项目：该月结束后再过几个月仍未开工即为黄色（0 = 该月一结束）', min: 0, max: 60, unit: '个月' },
  { rule: 'START', key: 'redMonthsAfterPlan', label: '超过计划开工月份后转红色', help: '有计划开工月份的项目：该月结束后再过几个月仍未开工即为红色', min: 0, max: 60, unit: '个月', notBelow: 'yellowMonthsAfterPlan' },
  { rule: 'START', key: 'yellowMonthsAfterSigning', label: '签约后转黄色', help: '无计划开工月份的项目：签约满几个月仍未开工即为黄色', min: 1, max: 60, unit: '个月' },
  { rule: 'START', key: 'redMonthsAfterSigning', label: '签约后转红色', help: '无计划开工月份的项目：签约满几个月仍未开工即为红色', min: 1, max: 60, unit: '个月', notBelow: 'yellowMonthsAfterSigning' },
  { rule: 'STATS', key: 'minPlannedInvestmentWan', label: '计划总投资下限', help: '计划总投资不低于此数的项目才可标为统计入库；开工后未入库的即预警', min: 0, max: 10_000_000, unit: '万元' },
  { rule: 'STATS', key: 'yellowMonths', label: '开工后转黄色', help: '开工满几个月仍未入库即为黄色', min: 1, max: 24, unit: '个月' },
  { rule: 'STATS', key: 'redMonths', label: '开工后转红色', help: '开工满几个月仍未入库即为红色', min: 1, max: 24, unit: '个月', notBelow: 'yellowMonths' },
  { rule: 'FUNDS', key: 'yellowMonths', label: '无资金到位转黄色', help: '开工后（或最近一次资金到位的月份结束后）满几个月无资金到位即为黄色', min: 1, max: 36, unit: '个月' },
  { rule: 'FUNDS', key: 'redMonths', label: '无资金到位转红色', help: '开工后（或最近一次资金到位的月份结束后）满几个月无资金到位即为红色', min: 1, max: 36, unit: '个月', notBelow: 'yellowMonths' },
  { rule: 'REPORT', key: 'yellowDay', label: '次月几日后转黄色', help: '某月月报到次月该日仍未报送（无月报、草稿或已退回），次日起为黄色', min: 1, max: 28, unit: '日' },
  { rule: 'REPORT', key: 'redMonths', label: '几个月后转红色', help: '某月结束后再过几个整月仍未报送即为红色（1 = 次月最后一天之后）', min: 1, max: 12, unit: '个月' },
  { rule: 'REPORT', key: 'monthsAfterProduction', label: '投产后继续填报', help: '竣工投产的项目在投产当月之后还须填报几个月；此后未报不再预警（仍可填报，照常统计）', min: 0, max: 60, unit: '个月' },
  { rule: 'ISSUE', key: 'yellowDaysAfterDue', label: '超过办理时限后转黄色', help: '问题过了办理时限再过几天仍未办结（未解决、也未认定无法解决）即为黄色（0 = 到期当日）', min: 0, max: 365, unit: '天' },
  { rule: 'ISSUE', key: 'redDaysAfterDue', label: '超过办理时限后转红色', help: '问题过了办理时限再过几天仍未办结即为红色', min: 0, max: 365, unit: '天', notBelow: 'yellowDaysAfterDue' },
  { rule: 'POLICY', key: 'yellowDaysAfterDue', label: '超过兑现期限后转黄色', help: '承诺的优惠政策过了兑现期限再过几天仍未兑现（未全部兑现、也未认定不再兑现）即为黄色（0 = 到期当日）', min: 0, max: 365, unit: '天' },
  { rule: 'POLICY', key: 'redDaysAfterDue', label: '超过兑现期限后转红色', help: '承诺的优惠政策过了兑现期限再过几天仍未兑现即为红色', min: 0, max: 365, unit: '天', notBelow: 'yellowDaysAfterDue' },
];

/** Problems of a settings object, field paths like `settings.START.redMonthsAfterPlan`, messages naming the field. */
export function warningSettingsProblems(value: unknown): FieldProblem[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ field: 'settings', message: '预警设置应为对象' }];
  const problems: FieldProblem[] = [];
  const input = value as Record<string, unknown>;
  for (const key of Object.keys(input)) {
    if (!(WARNING_RULES as readonly string[]).includes(key)) problems.push({ field: `settings.${key}`, message: `不认识的预警规则：${key}` });
  }
  for (const rule of WARNING_RULES) {
    const group = input[rule];
    const fields = WARNING_SETTING_FIELDS.filter((f) => f.rule === rule);
    if (typeof group !== 'object' || group === null || Array.isArray(group)) {
      problems.push({ field: `settings.${rule}`, message: `缺少“${WARNING_RULE_LABELS[rule]}”的设置` });
      continue;
    }
    const values = group as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      if (!fields.some((f) => f.key === key)) problems.push({ field: `settings.${rule}.${key}`, message: `“${WARNING_RULE_LABELS[rule]}”没有设置项 ${key}` });
    }
    for (const f of fields) {
      const name = `${WARNING_RULE_LABELS[f.rule]}：${f.label}`;
      const v = values[f.key];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < f.min || v > f.max) {
        problems.push({ field: `settings.${rule}.${f.key}`, message: `${name}应为 ${f.min} 至 ${f.max} 之间的整数（${f.unit}）` });
      } else if (f.notBelow !== undefined) {
        const yellow = values[f.notBelow];
        const yellowField = fields.find((y) => y.key === f.notBelow);
        if (typeof yellow === 'number' && v < yellow && yellowField) {
          problems.push({ field: `settings.${rule}.${f.key}`, message: `${name}（${v}）不能小于${yellowField.label}（${yellow}）` });
        }
      }
    }
  }
  return problems;
}

/** Stored settings may predate a newer setting: fill in the defaults. */
export function withDefaultSettings(stored: Partial<{ [R in WarningRule]: Partial<WarningSettings[R]> }> | null | undefined): WarningSettings {
  return {
    START: { ...DEFAULT_WARNING_SETTINGS.START, ...stored?.START },
    STATS: { ...DEFAULT_WARNING_SETTINGS.STATS, ...stored?.STATS },
    FUNDS: { ...DEFAULT_WARNING_SETTINGS.FUNDS, ...stored?.FUNDS },
    REPORT: { ...DEFAULT_WARNING_SETTINGS.REPORT, ...stored?.REPORT },
    // settings saved before the ISSUE rule existed have no such section: the defaults fill it
    ISSUE: { ...DEFAULT_WARNING_SETTINGS.ISSUE, ...stored?.ISSUE },
    POLICY: { ...DEFAULT_WARNING_SETTINGS.POLICY, ...stored?.POLICY },
  };
}

// ——— dates ———

/** The date N calendar months after `date` (same day, clamped to the month's end). */
export function addMonthsToDate(date: string, n: number): string {
  const month = addMonths(monthOf(date), n);
  const day = Math.min(Number(date.slice(8, 10)), Number(lastDayOf(month).slice(8, 10)));
  return `${month}-${String(day).padStart(2, '0')}`;
}

/**
 * The last date whose threshold has come by `day`, the threshold of a date x being x plus `months`
 * calendar months (addMonthsToDate) plus `days` days: for every date x, threshold(x) ≤ day ⇔ x ≤ the
 * date returned. Adding months keeps the order of dates (the month's end clamping included), so the
 * dates that have reached it are all those up to one date. GET /warnings/counts compares each
 * project's stored date with it, computed once, instead of computing every project's threshold
 * (issue 17). E.g. on 2025-02-28 with 1 month: 2025-01-31 (its month later is 2025-02-28).
 */
export function lastDateReaching(day: string, months: number, days = 0): string {
  const by = addDays(day, -days);
  // counting back lands on the answer or, from a month's end, a few days short of it
  let x = addMonthsToDate(by, -months);
  while (addMonthsToDate(addDays(x, 1), months) <= by) x = addDays(x, 1);
  while (addMonthsToDate(x, months) > by) x = addDays(x, -1);
  return x;
}

/** The next calendar day. */
export function dayAfter(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The first day that is N months past month M: `M + N + 1`-01. */
export function firstDayPastMonth(month: string, n: number): string {
  return `${addMonths(month, n + 1)}-01`;
}

// ——— facts and evaluation ———

export interface WarningReportFact {
  month: string;
  status: ReportStatus;
  /** equity + loan + other, 万元 as a decimal string */
  arrivedTotalWan: string;
}

/** A problem of the project (问题诉求) as the ISSUE rule reads it. */
export interface WarningIssueFact {
  category: IssueCategory;
  raisedAt: string;
  dueAt: string;
  /** the day it was resolved or found unresolvable; null while open */
  closedAt: string | null;
}

/** A commitment of the project (优惠政策兑现) as the POLICY rule reads it. */
export interface WarningCommitmentFact {
  type: CommitmentType;
  /** the day it entered the ledger */
  recordedAt: string;
  dueAt: string;
  /** the day it was honoured in full or declared 不再兑现; null while open (未兑现, 部分兑现) */
  closedAt: string | null;
}

/** What the rules read of a project. */
export interface WarningFacts {
  stage: ProjectStage;
  signedAt: string | null;
  plannedStartMonth: string | null;
  constructionStartedAt: string | null;
  productionStartedAt: string | null;
  plannedInvestmentWan: string | null;
  statsRegistered: boolean;
  reports: readonly WarningReportFact[];
  issues: readonly WarningIssueFact[];
  /** absent: none (callers that predate the POLICY rule) */
  commitments?: readonly WarningCommitmentFact[];
}

/**
 * The facts a warning is measured from, enough to write its message: the signing date or planned
 * month (START), the start date (STATS, FUNDS), the last month with arrived funds (FUNDS), the
 * oldest unsubmitted month and how many are unsubmitted (REPORT); the worst problem's due date,
 * category and days past it, and how many problems are past their yellow day (ISSUE).
 */
export interface WarningBasis {
  date?: string | null;
  month?: string | null;
  count?: number | null;
  category?: IssueCategory | null;
  /** POLICY: the type of the worst commitment */
  commitmentType?: CommitmentType | null;
  /** days from `date` to the day evaluated */
  days?: number | null;
}

export interface ProjectWarning {
  rule: WarningRule;
  level: WarningLevel;
  /** the day the current level began */
  since: string;
  message: string;
}

/** The candidate of a rule before the day is applied: when yellow begins, when red begins. */
export interface WarningThresholds {
  rule: WarningRule;
  yellowFrom: string;
  redFrom: string;
  basis: WarningBasis;
}

const STARTED: readonly ProjectStage[] = ['UNDER_CONSTRUCTION', 'IN_PRODUCTION'];
const NOT_STARTED: readonly ProjectStage[] = ['SIGNED', 'REGISTERED'];
const SUBMITTED: readonly ReportStatus[] = ['SUBMITTED', 'VERIFIED'];

/** The last month whose reports the REPORT rule considers on day D: the previous month once its yellow day has passed. */
export function lastReportMonthDue(day: string, settings: WarningSettings): string {
  return Number(day.slice(8, 10)) > settings.REPORT.yellowDay ? addMonths(monthOf(day), -1) : addMonths(monthOf(day), -2);
}

/** Each rule's thresholds for the project on day D (the day matters only to REPORT's range of months). */
export function warningThresholds(f: WarningFacts, settings: WarningSettings, day: string): WarningThresholds[] {
  if (f.stage === 'TERMINATED' || f.stage === 'NEGOTIATING' || f.signedAt === null) return [];
  const out: WarningThresholds[] = [];
  const s = settings;
  if (NOT_STARTED.includes(f.stage)) {
    if (f.plannedStartMonth !== null) {
      out.push({
        rule: 'START',
        yellowFrom: firstDayPastMonth(f.plannedStartMonth, s.START.yellowMonthsAfterPlan),
        redFrom: firstDayPastMonth(f.plannedStartMonth, s.START.redMonthsAfterPlan),
        basis: { month: f.plannedStartMonth },
      });
    } else {
      out.push({
        rule: 'START',
        yellowFrom: addMonthsToDate(f.signedAt, s.START.yellowMonthsAfterSigning),
        redFrom: addMonthsToDate(f.signedAt, s.START.redMonthsAfterSigning),
        basis: { date: f.signedAt },
      });
    }
  }
  const started = startedAtOf(f);
  if (STARTED.includes(f.stage) && started !== null) {
    if (!f.statsRegistered && f.plannedInvestmentWan !== null && compareWan(f.plannedInvestmentWan, String(s.STATS.minPlannedInvestmentWan)) >= 0) {
      out.push({ rule: 'STATS', yellowFrom: addMonthsToDate(started, s.STATS.yellowMonths), redFrom: addMonthsToDate(started, s.STATS.redMonths), basis: { date: started } });
    }
    const arrivals = f.reports.filter((r) => SUBMITTED.includes(r.status) && compareWan(r.arrivedTotalWan, '0') > 0).map((r) => r.month);
    const lastArrival = arrivals.length > 0 ? arrivals.reduce((a, b) => (a > b ? a : b)) : null;
    const later = (a: string, b: string | null) => (b !== null && b > a ? b : a);
    // the later reference gives the later threshold: comparing thresholds compares the references
    const from = (n: number) => later(addMonthsToDate(started, n), lastArrival === null ? null : firstDayPastMonth(lastArrival, n));
    const arrivalDecides = lastArrival !== null && lastArrival >= monthOf(started);
    out.push({ rule: 'FUNDS', yellowFrom: from(s.FUNDS.yellowMonths), redFrom: from(s.FUNDS.redMonths), basis: { date: started, month: arrivalDecides ? lastArrival : null } });
  }
  const due = lastReportMonthDue(day, s);
  const obligationEnd = reportingObligationEnd({ productionStartedAt: f.productionStartedAt, terminatedAt: null }, s.REPORT.monthsAfterProduction);
  const last = obligationEnd !== null && obligationEnd < due ? obligationEnd : due;
  const first = monthOf(f.signedAt);
  if (first <= last) {
    const submitted = new Set(f.reports.filter((r) => SUBMITTED.includes(r.status) && r.month >= first && r.month <= last).map((r) => r.month));
    let oldest: string | null = null;
    let count = 0;
    for (let m = first; m <= last; m = addMonths(m, 1)) {
      if (submitted.has(m)) continue;
      oldest ??= m;
      count += 1;
    }
    if (oldest !== null) {
      out.push({
        rule: 'REPORT',
        yellowFrom: dayAfter(`${addMonths(oldest, 1)}-${String(s.REPORT.yellowDay).padStart(2, '0')}`),
        redFrom: firstDayPastMonth(oldest, s.REPORT.redMonths),
        basis: { month: oldest, count },
      });
    }
  }
  const issue = issueThresholds(f.issues, s, day);
  if (issue) out.push(issue);
  const policy = policyThresholds(f.commitments ?? [], s, day);
  if (policy) out.push(policy);
  return out;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * ISSUE on day D: the problems open on D (raised by D, not closed by D); the worst is the one due
 * first (its thresholds come first), the first category of the list breaking a tie; the count is of
 * those already past their yellow day.
 */
function issueThresholds(issues: readonly WarningIssueFact[], s: WarningSettings, day: string): WarningThresholds | null {
  const open = issues.filter((i) => i.raisedAt <= day && (i.closedAt === null || i.closedAt > day));
  if (open.length === 0) return null;
  const worst = open.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && ISSUE_CATEGORIES.indexOf(b.category) < ISSUE_CATEGORIES.indexOf(a.category)) ? b : a));
  return {
    rule: 'ISSUE',
    yellowFrom: addDays(worst.dueAt, s.ISSUE.yellowDaysAfterDue),
    redFrom: addDays(worst.dueAt, s.ISSUE.redDaysAfterDue),
    basis: {
      date: worst.dueAt,
      category: worst.category,
      days: daysBetween(worst.dueAt, day),
      count: open.filter((i) => addDays(i.dueAt, s.ISSUE.yellowDaysAfterDue) <= day).length,
    },
  };
}

/**
 * POLICY on day D: the commitments open on D (recorded by D, neither honoured in full nor withdrawn by D);
 * the worst is the one due first, the first type of the list breaking a tie; the count is of those
 * already past their yellow day.
 */
function policyThresholds(commitments: readonly WarningCommitmentFact[], s: WarningSettings, day: string): WarningThresholds | null {
  const open = commitments.filter((c) => c.recordedAt <= day && (c.closedAt === null || c.closedAt > day));
  if (open.length === 0) return null;
  const worst = open.reduce((a, b) => (b.dueAt < a.dueAt || (b.dueAt === a.dueAt && COMMITMENT_TYPES.indexOf(b.type) < COMMITMENT_TYPES.indexOf(a.type)) ? b : a));
  return {
    rule: 'POLICY',
    yellowFrom: addDays(worst.dueAt, s.POLICY.yellowDaysAfterDue),
    redFrom: addDays(worst.dueAt, s.POLICY.redDaysAfterDue),
    basis: {
      date: worst.dueAt,
      commitmentType: worst.type,
      days: daysBetween(worst.dueAt, day),
      count: open.filter((c) => addDays(c.dueAt, s.POLICY.yellowDaysAfterDue) <= day).length,
    },
  };
}

/** The level on day D of a rule with these thresholds, and since when; null when none yet. */
export function levelOn(t: Pick<WarningThresholds, 'yellowFrom' | 'redFrom'>, day: string): { level: WarningLevel; since: string } | null {
  if (day >= t.redFrom) return { level: 'RED', since: t.redFrom };
  if (day >= t.yellowFrom) return { level: 'YELLOW', since: t.yellowFrom };
  return null;
}

/** The Chinese sentence for a warning, from its basis and the thresholds in force. */
export function warningMessage(rule: WarningRule, level: WarningLevel, basis: WarningBasis, settings: WarningSettings): string {
  const red = level === 'RED';
  switch (rule) {
    case 'START':
      if (basis.month) {
        const n = red ? settings.START.redMonthsAfterPlan : settings.START.yellowMonthsAfterPlan;
        return `计划开工月份（${monthLabel(basis.month)}）已过${n > 0 ? ` ${n} 个月` : ''}，仍未开工`;
      }
      return `签约（${basis.date}）已满 ${red ? settings.START.redMonthsAfterSigning : settings.START.yellowMonthsAfterSigning} 个月，仍未开工`;
    case 'STATS':
      return `开工（${basis.date}）已满 ${red ? settings.STATS.redMonths : settings.STATS.yellowMonths} 个月，仍未入库`;
    case 'FUNDS': {
      const n = red ? settings.FUNDS.redMonths : settings.FUNDS.yellowMonths;
      return basis.month ? `最近一次资金到位在${monthLabel(basis.month)}，此后已满 ${n} 个月无资金到位` : `开工（${basis.date}）已满 ${n} 个月，无资金到位`;
    }
    case 'REPORT':
      return `${monthLabel(basis.month ?? '')}月报未报送${(basis.count ?? 1) > 1 ? `（共 ${basis.count} 个月未报送）` : ''}`;
    case 'ISSUE': {
      const category = basis.category ? ISSUE_CATEGORY_LABELS[basis.category] : '';
      const days = basis.days ?? 0;
      // the due date itself already warns (yellow after 0 days): "today" rather than "0 days late"
      return days > 0 ? `${basis.count ?? 1}个问题超期未解决，最长超期${days}天（${category}）` : `${basis.count ?? 1}个问题今日到期仍未解决（${category}）`;
    }
    case 'POLICY': {
      const type = basis.commitmentType ? COMMITMENT_TYPE_LABELS[basis.commitmentType] : '';
      const days = basis.days ?? 0;
      return days > 0 ? `${basis.count ?? 1}项优惠政策逾期未兑现，最长逾期${days}天（${type}）` : `${basis.count ?? 1}项优惠政策今日到期仍未兑现（${type}）`;
    }
  }
}

/** The project's warnings on day D, in the order of WARNING_RULES. */
export function evaluateWarnings(f: WarningFacts, settings: WarningSettings, day: string): ProjectWarning[] {
  const warnings: ProjectWarning[] = [];
  for (const t of warningThresholds(f, settings, day)) {
    const at = levelOn(t, day);
    if (at) warnings.push({ rule: t.rule, ...at, message: warningMessage(t.rule, at.level, t.basis, settings) });
  }
  return warnings;
}

// ——— the API's shapes ———

export interface WarningSettingsResponse {
  settings: WarningSettings;
  /** 0 while the defaults have never been saved */
  version: number;
}

export interface WarningSettingsRequest {
  settings: WarningSettings;
  version: number;
}

export interface WarningItem extends ProjectWarning {
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
}

export type WarningLevelCounts = Record<WarningLevel, number>;

/** One region's warnings of a day, by level. */
export type WarningRegionCount = { regionCode: string; regionName: string } & WarningLevelCounts;

export interface WarningCounts {
  byRegion: WarningRegionCount[];
  byRule: Record<WarningRule, WarningLevelCounts>;
}

export interface WarningQuery {
  date?: string;
  regionCode?: string;
  rule?: WarningRule;
  level?: WarningLevel;
  page?: number;
  pageSize?: number;
}

export interface WarningListResponse {
  date: string;
  items: WarningItem[];
  /** the filtered list's size */
  total: number;
  /** the whole day's warnings, whatever the filters */
  counts: WarningCounts;
}

/** GET /warnings/counts: the day's counts alone, as GET /warnings gives them beside its items. */
export interface WarningCountsResponse {
  date: string;
  counts: WarningCounts;
}

export interface ProjectWarningsResponse {
  date: string;
  items: ProjectWarning[];
}

/** GET /warnings/by-projects: each asked project's flags today (projects without any are left out). */
export type WarningFlagsByProject = Record<string, { rule: WarningRule; level: WarningLevel }[]>;

export const WARNING_FLAGS_MAX_IDS = 200;
