import type { Role } from './roles.js';

/** DOMAIN.md §5. The order of the first five is the order of progress. */
export const PROJECT_STAGES = ['NEGOTIATING', 'SIGNED', 'REGISTERED', 'UNDER_CONSTRUCTION', 'IN_PRODUCTION', 'TERMINATED'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];
export const PROGRESS_STAGES = PROJECT_STAGES.slice(0, 5) as readonly Exclude<ProjectStage, 'TERMINATED'>[];

export const STAGE_LABELS: Record<ProjectStage, string> = {
  NEGOTIATING: '在谈',
  SIGNED: '已签约',
  REGISTERED: '已注册落地',
  UNDER_CONSTRUCTION: '开工在建',
  IN_PRODUCTION: '竣工投产',
  TERMINATED: '已终止',
};

export type MilestoneField = 'signedAt' | 'registeredAt' | 'constructionStartedAt' | 'productionStartedAt' | 'terminatedAt';

/** The date each stage records when it is reached; 在谈 has none. */
export const STAGE_MILESTONE: Record<Exclude<ProjectStage, 'NEGOTIATING'>, MilestoneField> = {
  SIGNED: 'signedAt',
  REGISTERED: 'registeredAt',
  UNDER_CONSTRUCTION: 'constructionStartedAt',
  IN_PRODUCTION: 'productionStartedAt',
  TERMINATED: 'terminatedAt',
};

/** The progress milestones in chain order: given dates never decrease along it. */
export const MILESTONE_CHAIN: readonly MilestoneField[] = ['signedAt', 'registeredAt', 'constructionStartedAt', 'productionStartedAt'];

export const MILESTONE_LABELS: Record<MilestoneField, string> = {
  signedAt: '签约日期',
  registeredAt: '注册日期',
  constructionStartedAt: '开工日期',
  productionStartedAt: '投产日期',
  terminatedAt: '终止日期',
};

/** Dates are `YYYY-MM-DD` calendar dates in Asia/Shanghai; as strings they sort as dates. */
export interface Milestones {
  signedAt: string | null;
  registeredAt: string | null;
  constructionStartedAt: string | null;
  productionStartedAt: string | null;
  terminatedAt: string | null;
  terminationReason: string | null;
}

/**
 * 开工 (DOMAIN.md §5): the construction date; a project recorded straight into production without
 * one counts as started at its production date. The one rule for every indicator, warning and
 * screen; the SQL twin is `startedAtSql` (apps/api/src/common/sql/started.ts).
 */
export function startedAtOf(p: Pick<Milestones, 'constructionStartedAt' | 'productionStartedAt'>): string | null {
  return p.constructionStartedAt ?? p.productionStartedAt;
}

export interface FieldProblem {
  field: string;
  message: string;
}

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Where "today" comes from when a test moves the clock; null (the real clock) everywhere else. */
let todayProvider: (() => string | null) | null = null;

/**
 * Lets the API's test clock (ZS_TEST_CLOCK=1, header X-Test-Today) answer "today" for the request
 * being handled; the provider returns null to fall back to the real clock. The browser bundle never
 * sets one. Passing null removes it.
 */
export function setTodayProvider(provider: (() => string | null) | null): void {
  todayProvider = provider;
}

/** Today in Asia/Shanghai (UTC+8, no daylight saving) as `YYYY-MM-DD`. */
export function shanghaiToday(now?: Date): string {
  // an explicit instant is a computation about that instant, never the test clock's
  if (now === undefined && todayProvider !== null) {
    const moved = todayProvider();
    if (moved !== null) return moved;
  }
  return new Date((now ?? new Date()).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function stageIndex(stage: ProjectStage): number {
  return PROJECT_STAGES.indexOf(stage);
}

/**
 * Whether the milestone dates fit the stage (DOMAIN.md §5): the current stage's date is given,
 * a signed project has its signing date, no date of a stage not yet reached, given dates never
 * decrease along the chain, termination not before signing and with a reason, nothing in the future.
 */
export function milestoneProblems(stage: ProjectStage, m: Milestones, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fields: MilestoneField[] = [...MILESTONE_CHAIN, 'terminatedAt'];
  for (const field of fields) {
    const value = m[field];
    if (value !== null && !isCalendarDate(value)) problems.push({ field, message: `${MILESTONE_LABELS[field]}不是有效日期（应为 YYYY-MM-DD）` });
    else if (value !== null && value > today) problems.push({ field, message: `${MILESTONE_LABELS[field]}不能晚于今天（${today}）` });
  }
  if (problems.length > 0) return problems;

  if (stage !== 'NEGOTIATING') {
    const own = STAGE_MILESTONE[stage];
    if (m[own] === null) problems.push({ field: own, message: `项目处于“${STAGE_LABELS[stage]}”阶段，必须填写${MILESTONE_LABELS[own]}` });
  }
  const reached = stage === 'TERMINATED' ? PROGRESS_STAGES.length - 1 : stageIndex(stage);
  if (stage !== 'NEGOTIATING' && stage !== 'TERMINATED' && m.signedAt === null && stage !== 'SIGNED') {
    problems.push({ field: 'signedAt', message: `项目已过签约阶段，必须填写签约日期` });
  }
  MILESTONE_CHAIN.forEach((field, i) => {
    if (i + 1 > reached && m[field] !== null) {
      problems.push({ field, message: `项目尚未到“${STAGE_LABELS[PROGRESS_STAGES[i + 1]]}”阶段，不应填写${MILESTONE_LABELS[field]}` });
    }
  });
  if (stage !== 'TERMINATED') {
    if (m.terminatedAt !== null) problems.push({ field: 'terminatedAt', message: '项目未终止，不应填写终止日期' });
    if (m.terminationReason !== null && m.terminationReason.trim() !== '') problems.push({ field: 'terminationReason', message: '项目未终止，不应填写终止原因' });
  } else if (m.terminationReason === null || m.terminationReason.trim() === '') {
    problems.push({ field: 'terminationReason', message: '终止项目必须填写终止原因' });
  }

  let previous: MilestoneField | null = null;
  for (const field of MILESTONE_CHAIN) {
    const value = m[field];
    if (value === null) continue;
    if (previous !== null && value < (m[previous] as string)) {
      problems.push({ field, message: `${MILESTONE_LABELS[field]}（${value}）不能早于${MILESTONE_LABELS[previous]}（${m[previous]}）` });
    }
    previous = field;
  }
  if (m.terminatedAt !== null && m.signedAt !== null && m.terminatedAt < m.signedAt) {
    problems.push({ field: 'terminatedAt', message: `终止日期（${m.terminatedAt}）不能早于签约日期（${m.signedAt}）` });
  }
  return problems;
}

export type StageMoveKind = 'FORWARD' | 'CORRECTION' | 'TERMINATE' | 'NONE';

/** A move to an earlier stage, or out of 已终止, corrects a mistake; anything else is progress or termination. */
export function stageMoveKind(from: ProjectStage, to: ProjectStage): StageMoveKind {
  if (from === to) return 'NONE';
  if (to === 'TERMINATED') return 'TERMINATE';
  if (from === 'TERMINATED') return 'CORRECTION';
  return stageIndex(to) > stageIndex(from) ? 'FORWARD' : 'CORRECTION';
}

export interface StageMove {
  from: ProjectStage;
  to: ProjectStage;
  role: Role;
  /** required for a correction */
  reason: string | null;
  /** the milestones after the move */
  milestones: Milestones;
}

/** Whether this user may make this move with these dates; empty when allowed. */
export function stageMoveProblems(move: StageMove, today: string): FieldProblem[] {
  const kind = stageMoveKind(move.from, move.to);
  if (kind === 'NONE') return [{ field: 'stage', message: `项目已处于“${STAGE_LABELS[move.to]}”阶段` }];
  if (kind === 'CORRECTION') {
    if (move.role !== 'CITY_STAFF' && move.role !== 'ADMIN') {
      return [{ field: 'stage', message: `从“${STAGE_LABELS[move.from]}”退回“${STAGE_LABELS[move.to]}”属于更正，只有市级人员或管理员可以操作` }];
    }
    if (move.reason === null || move.reason.trim() === '') return [{ field: 'reason', message: '退回阶段（更正）必须填写原因' }];
  }
  return milestoneProblems(move.to, move.milestones, today);
}

/**
 * The milestones after moving to `to`: dates of stages beyond it are cleared (a correction undoes
 * them), the given dates are applied, termination fields cleared unless terminating.
 */
export function milestonesAfterMove(current: Milestones, to: ProjectStage, given: Partial<Milestones>): Milestones {
  const next: Milestones = { ...current, ...given };
  if (to !== 'TERMINATED') {
    const reached = stageIndex(to);
    MILESTONE_CHAIN.forEach((field, i) => {
      if (i + 1 > reached) next[field] = null;
    });
    next.terminatedAt = null;
    next.terminationReason = null;
  }
  return next;
}
