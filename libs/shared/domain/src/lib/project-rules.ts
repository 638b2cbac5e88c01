import { nationalCodeProblem, usccProblem } from './codes.js';
import { type FieldProblem, milestoneProblems } from './lifecycle.js';
import { compareWan, moneyProblem } from './money.js';
import { MONTH_PATTERN, PROJECT_FIELD_LABELS, type ProjectFields } from './projects.js';

/**
 * 入库 (statistics registration) starting point: the statistics bureau's fixed-asset-investment
 * database takes projects with a planned total investment of at least this many 万元. One setting
 * (DOMAIN.md §6: the STATS warning's `minPlannedInvestmentWan`, default 500) decides both who may be
 * marked 入库 and whom the warning chases; null where the caller does not know it (the web form:
 * the API checks it).
 */
export type StatsRegistrationMinWan = number | null;

/** Labels of what a project's change history records beside its fields. */
export const PROJECT_HISTORY_EXTRA_LABELS = {
  /** the reason of a backward stage move (a correction, DOMAIN.md §5) */
  correctionReason: '更正原因',
} as const;

const L = PROJECT_FIELD_LABELS;

const blank = (value: string | null | undefined): boolean => value === null || value === undefined || value.trim() === '';

/**
 * Everything DOMAIN.md §2 and §5 require of a project's own fields, in Chinese naming the field;
 * empty when the project is acceptable. Reference data (whether the region and industry exist,
 * whether a parent project exists) is the caller's to check.
 */
export function projectFieldProblems(p: ProjectFields, today: string, statsMinWan: StatsRegistrationMinWan): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: keyof ProjectFields, message: string | null) => {
    if (message !== null) problems.push({ field, message });
  };
  for (const field of ['name', 'investorName'] as const) {
    if (blank(p[field])) add(field, `${L[field]}不能为空`);
  }
  if (!blank(p.investorUscc)) {
    const problem = usccProblem(p.investorUscc as string);
    add('investorUscc', problem && `投资方${problem}`);
  }
  if (!blank(p.nationalCode)) add('nationalCode', nationalCodeProblem(p.nationalCode as string));
  add('contractAmountWan', moneyProblem(L.contractAmountWan, p.contractAmountWan));
  if (p.plannedInvestmentWan !== null) add('plannedInvestmentWan', moneyProblem(L.plannedInvestmentWan, p.plannedInvestmentWan));
  for (const field of ['plannedStartMonth', 'statsRegisteredMonth'] as const) {
    const value = p[field];
    if (value !== null && !MONTH_PATTERN.test(value)) add(field, `${L[field]}应为 YYYY-MM 格式，例如 2025-06`);
  }
  problems.push(...statsProblems(p, today, statsMinWan));
  problems.push(...milestoneProblems(p.stage, p, today));
  return problems;
}

function statsProblems(p: ProjectFields, today: string, statsMinWan: StatsRegistrationMinWan): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!p.statsRegistered) {
    if (p.statsRegisteredMonth !== null) problems.push({ field: 'statsRegisteredMonth', message: `项目未统计入库，不应填写${L.statsRegisteredMonth}` });
    if (!blank(p.statsCode)) problems.push({ field: 'statsCode', message: `项目未统计入库，不应填写${L.statsCode}` });
    return problems;
  }
  if (p.statsRegisteredMonth === null) {
    problems.push({ field: 'statsRegisteredMonth', message: `统计入库的项目必须填写${L.statsRegisteredMonth}` });
  } else if (MONTH_PATTERN.test(p.statsRegisteredMonth) && p.statsRegisteredMonth > today.slice(0, 7)) {
    problems.push({ field: 'statsRegisteredMonth', message: `${L.statsRegisteredMonth}不能晚于本月（${today.slice(0, 7)}）` });
  }
  if (p.plannedInvestmentWan === null) {
    problems.push({ field: 'plannedInvestmentWan', message: `统计入库的项目必须填写${L.plannedInvestmentWan}` });
  } else if (statsMinWan !== null && moneyProblem(L.plannedInvestmentWan, p.plannedInvestmentWan) === null && compareWan(p.plannedInvestmentWan, String(statsMinWan)) < 0) {
    problems.push({ field: 'statsRegistered', message: `${L.plannedInvestmentWan}不足 ${statsMinWan} 万元的项目不能统计入库` });
  }
  return problems;
}
