import { INVESTOR_ORIGIN_LABELS, type InvestorOrigin, PROJECT_FIELD_LABELS, type ProjectFields } from './projects.js';
import { type ProjectStage, STAGE_LABELS } from './lifecycle.js';
import { canonicalWan } from './money.js';
import { monthLabel, monthOf } from './monthly.js';

/**
 * DOMAIN.md §5 "Closed periods stay closed": the fields that decide where a project's figures are
 * counted (§6). A change to any of them may be made freely while it alters only open months; one
 * that alters a figure of a closed month is a correction (city staff or admin, with a reason).
 */
export const COUNTING_FIELDS = [
  'signedAt',
  'contractAmountWan',
  'investorOrigin',
  'regionCode',
  'industryCode',
  'isKeyProject',
  'statsRegistered',
  'statsRegisteredMonth',
  'parentProjectNo',
  'registeredAt',
  'constructionStartedAt',
  'productionStartedAt',
  'terminatedAt',
] as const satisfies readonly (keyof ProjectFields)[];
export type CountingField = (typeof COUNTING_FIELDS)[number];
export type CountingFacts = Pick<ProjectFields, CountingField>;

/** A closed month whose figures a change alters, and the changed fields responsible for it. */
export interface TouchedMonth {
  month: string;
  fields: CountingField[];
}

const DATE_FIELDS = ['registeredAt', 'constructionStartedAt', 'productionStartedAt', 'terminatedAt'] as const;

/**
 * Whether a project takes part in any figure month `m` publishes (DOMAIN.md §6: the month and
 * 1–M月累计, each with its 同比 — so the window runs from January of the year before to `m`): signed
 * by the month's end, and signed or started in the window, or with a report in it, or a key project
 * (counted as of the period's end however old). A project signed years ago that only stands there
 * takes part in nothing `m` published, and editing it alters no closed month.
 */
function takesPart(p: CountingFacts, m: string, reportMonths: readonly string[]): boolean {
  if (p.signedAt === null || monthOf(p.signedAt) > m) return false;
  const windowStart = `${Number(m.slice(0, 4)) - 1}-01`;
  const inWindow = (month: string | null) => month !== null && month >= windowStart && month <= m;
  const started = p.constructionStartedAt ?? p.productionStartedAt;
  return inWindow(monthOf(p.signedAt)) || inWindow(started === null ? null : monthOf(started)) || p.isKeyProject || reportMonths.some(inWindow);
}

/**
 * What of a project matters to the figures of month `m` (its footprint), field by field; null when
 * the project takes part in none of them (`takesPart`).
 *
 * Figures are per month (a period is a range of months), so dates matter by their month: re-dating
 * within one month moves no figure. A date after the month's end is the same as none for that month
 * (what the month's figures, and its 1–M月累计, saw); the 入库 month likewise. Everything else that
 * decides a scope (region, industry, origin, key flag, parent) matters to every month after signing,
 * also through the month-range figures (累计, 到位率 since signing, 同比 of the next year).
 */
function footprint(p: CountingFacts, m: string, reportMonths: readonly string[]): Record<CountingField, string> | null {
  if (p.signedAt === null || !takesPart(p, m, reportMonths)) return null;
  const asOf = (date: string | null): string => (date !== null && monthOf(date) <= m ? monthOf(date) : '');
  const registeredAsOf = p.statsRegistered && (p.statsRegisteredMonth === null || p.statsRegisteredMonth <= m);
  const print: Record<CountingField, string> = {
    signedAt: monthOf(p.signedAt),
    contractAmountWan: canonicalWan(p.contractAmountWan),
    investorOrigin: p.investorOrigin,
    regionCode: p.regionCode,
    industryCode: p.industryCode,
    isKeyProject: String(p.isKeyProject),
    parentProjectNo: p.parentProjectNo ?? '',
    statsRegistered: String(registeredAsOf),
    statsRegisteredMonth: registeredAsOf ? (p.statsRegisteredMonth ?? '') : '',
    registeredAt: '',
    constructionStartedAt: '',
    productionStartedAt: '',
    terminatedAt: '',
  };
  for (const field of DATE_FIELDS) print[field] = asOf(p[field]);
  return print;
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
  return norm(a) === norm(b);
}

/** The counting fields whose value differs between the two versions of a project. */
export function changedCountingFields(before: CountingFacts, after: CountingFacts): CountingField[] {
  return COUNTING_FIELDS.filter((field) =>
    field === 'contractAmountWan' ? canonicalWan(before[field]) !== canonicalWan(after[field]) : !sameValue(before[field], after[field]),
  );
}

/**
 * The closed months whose figures change when `before` becomes `after`, with the changed fields
 * responsible for each (in COUNTING_FIELDS order); empty when the change touches only open months.
 * `before` null is a project that did not exist (a new project signed in a closed month alters it).
 * `reportMonths`: the months the project has reports for (none for a new one).
 */
export function closedMonthsTouched(before: CountingFacts | null, after: CountingFacts, closedMonths: readonly string[], reportMonths: readonly string[]): TouchedMonth[] {
  const changed = before === null ? COUNTING_FIELDS.filter((f) => !sameValue(after[f], null) && after[f] !== false) : changedCountingFields(before, after);
  if (changed.length === 0) return [];
  const touched: TouchedMonth[] = [];
  for (const month of [...new Set(closedMonths)].sort()) {
    const was = before === null ? null : footprint(before, month, reportMonths);
    const is = footprint(after, month, reportMonths);
    if (was === null && is === null) continue;
    // taking part on one side only: every changed field may be why (the signing date, a start, the key flag)
    const differing = was === null || is === null ? COUNTING_FIELDS : COUNTING_FIELDS.filter((f) => was[f] !== is[f]);
    const fields = changed.filter((f) => differing.includes(f));
    if (fields.length > 0) touched.push({ month, fields });
  }
  return touched;
}

/** The months and the fields of a list of touched months, each once, in order. */
export function touchedSummary(touched: readonly TouchedMonth[]): { months: string[]; fields: CountingField[] } {
  const fields = new Set(touched.flatMap((t) => t.fields));
  return { months: touched.map((t) => t.month), fields: COUNTING_FIELDS.filter((f) => fields.has(f)) };
}

const MAX_MONTHS_NAMED = 3;

/** 2024年3月、2024年4月 (… 等 N 个月). */
export function monthsText(months: readonly string[]): string {
  const named = months.slice(0, MAX_MONTHS_NAMED).map(monthLabel).join('、');
  return months.length > MAX_MONTHS_NAMED ? `${named}等 ${months.length} 个月` : named;
}

function fieldsText(fields: readonly string[]): string {
  return fields.map((f) => correctionFieldLabel(f)).join('、');
}

/**
 * The 409 PERIOD_CLOSED message for someone who may not correct: which months, which fields, and
 * what to do — e.g. "2024年3月已月结，修改签约日期会改变该月已发布的数据；如需更正请联系市级招商人员".
 */
export function periodClosedMessage(touched: readonly TouchedMonth[]): string {
  const { months, fields } = touchedSummary(touched);
  const which = months.length > 1 ? '这些月份' : '该月';
  return `${monthsText(months)}已月结，修改${fieldsText(fields)}会改变${which}已发布的数据；如需更正请联系市级招商人员`;
}

/** The same for city staff or an admin who gave no reason: the change is allowed as a correction. */
export function correctionReasonMissingMessage(touched: readonly TouchedMonth[]): string {
  const { months, fields } = touchedSummary(touched);
  const which = months.length > 1 ? '这些月份' : '该月';
  return `${monthsText(months)}已月结，修改${fieldsText(fields)}会改变${which}已发布的数据，属于更正：请填写更正原因后重新提交`;
}

/**
 * A new project that alters closed months (a late registration, 补录: signed in a closed month):
 * for district staff (`mayCorrect` false) who cannot, and for city staff or an admin who gave no reason.
 */
export function lateRegistrationMessage(touched: readonly TouchedMonth[], mayCorrect: boolean): string {
  const { months } = touchedSummary(touched);
  const which = months.length > 1 ? '这些月份' : '该月';
  const head = `${monthsText(months)}已月结，补录该项目（签约日期在已月结月份）会改变${which}已发布的数据`;
  return mayCorrect ? `${head}，属于更正：请填写更正原因后重新提交` : `${head}；如需补录请联系市级招商人员`;
}

/** Per field: which closed months its change alters (the `details` of the 409). */
export function touchedByField(touched: readonly TouchedMonth[]): { field: CountingField; months: string[]; message: string }[] {
  const { fields } = touchedSummary(touched);
  return fields.map((field) => {
    const months = touched.filter((t) => t.fields.includes(field)).map((t) => t.month);
    return { field, months, message: `修改${correctionFieldLabel(field)}会改变已月结的${monthsText(months)}的数据` };
  });
}

export const CORRECTION_SOURCES = ['CREATE', 'EDIT', 'STAGE', 'IMPORT'] as const;
export type CorrectionSource = (typeof CORRECTION_SOURCES)[number];
export const CORRECTION_SOURCE_LABELS: Record<CorrectionSource, string> = { CREATE: '补录项目', EDIT: '修改项目', STAGE: '变更阶段', IMPORT: '导入' };

/** One row of the 更正记录 page (GET /api/v1/corrections). */
export interface CorrectionDto {
  id: string;
  at: string;
  actorName: string;
  projectId: string;
  projectNo: string;
  projectName: string;
  regionCode: string;
  regionName: string;
  source: CorrectionSource;
  /** the closed months the correction altered; empty for a backward stage move that touched none */
  months: string[];
  /** the fields responsible (counting fields, and `stage` for a backward move) */
  fields: string[];
  /** the changed fields' values before and after, by field name */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reason: string;
}

export interface CorrectionQuery {
  region?: string;
  /** project number or name, part of it */
  q?: string;
  /** a closed month the correction touched */
  month?: string;
  /** YYYY-MM-DD, the correction's day in Asia/Shanghai, both ends included */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface CorrectionPage {
  items: CorrectionDto[];
  page: number;
  pageSize: number;
  /** the filtered list's size */
  total: number;
}

/** The Chinese name of a field a correction lists. */
export function correctionFieldLabel(field: string): string {
  return (PROJECT_FIELD_LABELS as Record<string, string>)[field] ?? field;
}

/** A value as the 更正记录 page shows it: enums in Chinese, yes/no, empty as "（空）". */
export function correctionValueText(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  const text = String(value);
  if (field === 'investorOrigin' && text in INVESTOR_ORIGIN_LABELS) return INVESTOR_ORIGIN_LABELS[text as InvestorOrigin];
  if (field === 'stage' && text in STAGE_LABELS) return STAGE_LABELS[text as ProjectStage];
  return text;
}

/** "签约日期：2024-03-05 → 2024-05-10" for each field whose value changed. */
export function correctionChangeLines(correction: Pick<CorrectionDto, 'before' | 'after'>): string[] {
  const fields = [...new Set([...Object.keys(correction.before), ...Object.keys(correction.after)])];
  return fields.map(
    (field) => `${correctionFieldLabel(field)}：${correctionValueText(field, correction.before[field])} → ${correctionValueText(field, correction.after[field])}`,
  );
}
