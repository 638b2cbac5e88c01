import {
  type FieldProblem,
  MILESTONE_CHAIN,
  type MilestoneField,
  type Milestones,
  PROJECT_STAGES,
  type ProjectStage,
  type Role,
  STAGE_MILESTONE,
  type StageMoveKind,
  type StageMoveRequest,
  milestonesAfterMove,
  stageMoveKind,
  stageMoveProblems,
} from '@zhaoshang/shared/domain';

/** What the dialog asks for one move: the dates it sets and which reason, if any. */
export interface StageMovePlan {
  kind: StageMoveKind;
  /** in chain order; the target's own date is `STAGE_MILESTONE[to]` */
  dates: MilestoneField[];
  reason: 'termination' | 'correction' | null;
}

/**
 * The stages this user may move the project to. Backward moves are corrections, for city staff
 * and admins only: others are not offered them at all.
 */
export function stageTargets(from: ProjectStage, mayCorrect: boolean): ProjectStage[] {
  return PROJECT_STAGES.filter((to) => {
    const kind = stageMoveKind(from, to);
    return kind !== 'NONE' && (kind !== 'CORRECTION' || mayCorrect);
  });
}

/**
 * Exactly what the move needs (DOMAIN.md §5): forward, the target's date and the signing date if
 * the project has none; termination, its date and reason; a correction, its reason, and the
 * target's date only when the project never recorded it (the stage had been skipped).
 */
export function stageMovePlan(from: ProjectStage, to: ProjectStage, current: Milestones): StageMovePlan {
  const kind = stageMoveKind(from, to);
  if (kind === 'NONE') return { kind, dates: [], reason: null };
  if (kind === 'TERMINATE') return { kind, dates: ['terminatedAt'], reason: 'termination' };
  if (to === 'NEGOTIATING') return { kind, dates: [], reason: kind === 'CORRECTION' ? 'correction' : null };

  const own = STAGE_MILESTONE[to];
  const wanted = new Set<MilestoneField>();
  if (kind === 'FORWARD' || current[own] === null) wanted.add(own);
  if (to !== 'SIGNED' && current.signedAt === null) wanted.add('signedAt');
  return {
    kind,
    dates: MILESTONE_CHAIN.filter((field) => wanted.has(field)),
    reason: kind === 'CORRECTION' ? 'correction' : null,
  };
}

export interface StageMoveInput {
  to: ProjectStage;
  /** the asked dates as `YYYY-MM-DD`, null when left empty */
  dates: Partial<Record<MilestoneField, string | null>>;
  reason: string;
}

/** The request for the API: only the dates the plan asked for, the reason where it belongs. */
export function stageMoveRequest(project: { stage: ProjectStage; version: number } & Milestones, input: StageMoveInput): StageMoveRequest {
  const plan = stageMovePlan(project.stage, input.to, project);
  const dates: StageMoveRequest['dates'] = {};
  for (const field of plan.dates) {
    const value = input.dates[field];
    if (value) dates[field as Exclude<MilestoneField, never>] = value;
  }
  const request: StageMoveRequest = { to: input.to, dates, version: project.version };
  const reason = input.reason.trim();
  if (plan.reason === 'termination') request.terminationReason = reason;
  if (plan.reason === 'correction') request.reason = reason;
  return request;
}

/** The API's own rules, run before sending: the same Chinese messages, without the round trip. */
export function stageMoveCheck(project: { stage: ProjectStage } & Milestones, role: Role, request: StageMoveRequest, today: string): FieldProblem[] {
  const given: Partial<Milestones> = { ...request.dates };
  if (request.to === 'TERMINATED') given.terminationReason = request.terminationReason ?? null;
  return stageMoveProblems(
    {
      from: project.stage,
      to: request.to,
      role,
      reason: request.reason ?? null,
      milestones: milestonesAfterMove(project, request.to, given),
    },
    today,
  );
}
