import { APPROVAL_KINDS, type ApprovalDto, type ApprovalKind, type ApprovalStatus, type ProjectStage } from '@zhaoshang/shared/domain';
import { dateOf, type Random } from './random.js';
import type { DemoIndustry } from './tongliao-vocabulary.js';

export interface ApprovalContext {
  /** the furthest stage of progress the project reached (before it was terminated, if it was) */
  progress: Exclude<ProjectStage, 'TERMINATED'>;
  signedDay: number | null;
  constructionDay: number | null;
  /** nothing is done after this day: today, or the termination */
  lastDay: number;
  plannedWan: number;
  industry: DemoIndustry;
  isCapitalIncrease: boolean;
}

/** Which approvals a project does not need: small projects skip the energy review, a capital increase often builds on its own land. */
function notRequired(random: Random, c: ApprovalContext): Set<ApprovalKind> {
  const skipped = new Set<ApprovalKind>();
  if ((c.plannedWan < 3000 && random.chance(0.7)) || (['CT', 'LG', 'DG'].includes(c.industry) && random.chance(0.4))) skipped.add('ENERGY');
  if (['DG', 'LG', 'CT'].includes(c.industry) && random.chance(0.15)) skipped.add('ENVIRONMENT');
  if (c.isCapitalIncrease && random.chance(0.6)) {
    skipped.add('LAND');
    skipped.add('PLANNING');
  }
  return skipped;
}

/** `count` days in [from, to], in increasing order. */
function sortedDays(random: Random, count: number, from: number, to: number): number[] {
  const hi = Math.max(from, to);
  return Array.from({ length: count }, () => random.int(from, hi)).sort((a, b) => a - b);
}

/**
 * The 手续 checklist of a project (DOMAIN.md §5), worked through in checklist order as far as its
 * stage makes plausible: a project under construction has (nearly) everything done before its start,
 * a newly signed one only the first items, one in negotiation nothing.
 */
export function demoApprovals(random: Random, c: ApprovalContext): ApprovalDto[] {
  const skipped = notRequired(random, c);
  const required = APPROVAL_KINDS.filter((kind) => !skipped.has(kind));
  const status = new Map<ApprovalKind, ApprovalStatus>(APPROVAL_KINDS.map((kind) => [kind, skipped.has(kind) ? 'NOT_REQUIRED' : 'NOT_STARTED']));
  const doneAt = new Map<ApprovalKind, string>();

  const started = c.progress === 'UNDER_CONSTRUCTION' || c.progress === 'IN_PRODUCTION';
  let done: number;
  if (c.signedDay === null) done = 0;
  else if (started) done = required.length;
  else if (c.progress === 'REGISTERED') done = random.int(1, Math.max(1, required.length - 1));
  else done = random.int(0, Math.min(2, required.length));

  const until = started && c.constructionDay !== null ? c.constructionDay : c.lastDay;
  const days = c.signedDay === null ? [] : sortedDays(random, done, c.signedDay, until);
  required.slice(0, done).forEach((kind, i) => {
    status.set(kind, 'DONE');
    doneAt.set(kind, dateOf(days[i]));
  });
  const next = required[done];
  if (next !== undefined && random.chance(c.signedDay === null ? 0.15 : 0.65)) status.set(next, 'IN_PROGRESS');

  // 边建边批: some projects start while an approval is still being handled
  if (started) {
    const lagging = required.filter((kind) => kind !== 'FILING');
    if (lagging.length > 0 && random.chance(c.progress === 'IN_PRODUCTION' ? 0.04 : 0.15)) {
      const kind = random.pick(lagging);
      status.set(kind, 'IN_PROGRESS');
      doneAt.delete(kind);
    }
  }
  return APPROVAL_KINDS.map((kind) => ({ kind, status: status.get(kind) as ApprovalStatus, doneAt: doneAt.get(kind) ?? null }));
}
