import { MILESTONE_CHAIN, type MilestoneField, type Milestones, type ProjectStage, stageIndex } from '@zhaoshang/shared/domain';

export type TimelineState = 'done' | 'skipped' | 'pending' | 'terminated';

export interface TimelineStep {
  field: MilestoneField;
  /** short, for the timeline: 签约 → 注册 → 开工 → 投产 */
  label: string;
  date: string | null;
  state: TimelineState;
  /** the project's current stage is this one */
  current: boolean;
  /** the termination reason */
  note: string | null;
}

const STEP_LABELS: Record<MilestoneField, string> = {
  signedAt: '签约',
  registeredAt: '注册落地',
  constructionStartedAt: '开工',
  productionStartedAt: '竣工投产',
  terminatedAt: '终止',
};

/**
 * The milestones as a reader follows them: each progress step done (with its date), skipped (a
 * later one was reached without it), or not reached yet; a terminated project ends in a red step
 * with its reason.
 */
export function timelineSteps(project: Milestones & { stage: ProjectStage }): TimelineStep[] {
  const terminated = project.stage === 'TERMINATED';
  // how far the chain got: the stage itself, or for a terminated project its last dated milestone
  const reached = terminated
    ? MILESTONE_CHAIN.reduce((last, field, i) => (project[field] !== null ? i + 1 : last), 0)
    : stageIndex(project.stage);
  const steps: TimelineStep[] = MILESTONE_CHAIN.map((field, i) => {
    const date = project[field];
    const state: TimelineState = date !== null ? 'done' : i + 1 < reached ? 'skipped' : i + 1 === reached ? 'done' : 'pending';
    return { field, label: STEP_LABELS[field], date, state, current: !terminated && i + 1 === reached, note: null };
  });
  if (terminated) {
    steps.push({
      field: 'terminatedAt',
      label: STEP_LABELS.terminatedAt,
      date: project.terminatedAt,
      state: 'terminated',
      current: true,
      note: project.terminationReason,
    });
  }
  return steps;
}
