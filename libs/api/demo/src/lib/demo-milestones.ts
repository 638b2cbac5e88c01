import { type Milestones, type ProjectStage } from '@zhaoshang/shared/domain';
import { dateOf, type Random } from './random.js';
import { TERMINATION_REASONS } from './tongliao-vocabulary.js';

export interface SimulatedLife {
  stage: ProjectStage;
  /** the furthest stage of progress reached, before a termination */
  progress: Exclude<ProjectStage, 'TERMINATED' | 'NEGOTIATING'>;
  milestones: Milestones;
  registeredDay: number | null;
  constructionDay: number | null;
  productionDay: number | null;
  terminatedDay: number | null;
  /** how long after signing (or registering) the start was planned or happened, in days */
  plannedStartDelay: number;
}

const exponential = (random: Random, mean: number) => -Math.log(1 - random.next()) * mean;

/**
 * The life of a signed project until today: registration within weeks (skipped by a capital increase
 * and by some investors who build through a company they already have), a start some months later
 * (never, for a stalled one), production a year or two after the start (longer for big ones), and,
 * the older the project the likelier, a termination. Dates never decrease and never pass today.
 */
export function simulateLife(random: Random, signedDay: number, todayDay: number, amountWan: number, isCapitalIncrease: boolean): SimulatedLife {
  const age = todayDay - signedDay;
  const stalled = random.chance(0.12);
  // a stalled project often has not even registered its company
  const unregistered = isCapitalIncrease || random.chance(0.08) || (stalled && random.chance(0.5));
  let registered: number | null = unregistered ? null : signedDay + 5 + Math.round(exponential(random, 40));
  const plannedStartDelay = 20 + Math.round(random.logNormal(130, 0.7));
  const base = registered ?? signedDay;
  let construction: number | null = stalled ? null : Math.max(base, base + plannedStartDelay + Math.round(random.normal() * 20));
  let production: number | null = construction === null ? null : construction + Math.round(random.logNormal(amountWan >= 20_000 ? 480 : 300, 0.45));

  let terminated: number | null = null;
  if (age >= 120 && random.chance(0.012 + (0.018 * age) / 365)) {
    terminated = signedDay + random.int(90, Math.min(age, 1000));
    // most projects that fail never start; a few stop during construction
    if (construction !== null && random.chance(0.8)) construction = null;
  }
  const until = terminated ?? todayDay;
  if (registered !== null && registered > until) registered = null;
  if (construction !== null && construction > until) construction = null;
  if (production !== null && (construction === null || production > until)) production = null;

  const progress = production !== null ? 'IN_PRODUCTION' : construction !== null ? 'UNDER_CONSTRUCTION' : registered !== null ? 'REGISTERED' : 'SIGNED';
  const day = (d: number | null) => (d === null ? null : dateOf(d));
  return {
    stage: terminated !== null ? 'TERMINATED' : progress,
    progress,
    milestones: {
      signedAt: dateOf(signedDay),
      registeredAt: day(registered),
      constructionStartedAt: day(construction),
      productionStartedAt: day(production),
      terminatedAt: day(terminated),
      terminationReason: terminated === null ? null : random.pick(TERMINATION_REASONS),
    },
    registeredDay: registered,
    constructionDay: construction,
    productionDay: production,
    terminatedDay: terminated,
    plannedStartDelay,
  };
}

export const NO_MILESTONES: Milestones = {
  signedAt: null,
  registeredAt: null,
  constructionStartedAt: null,
  productionStartedAt: null,
  terminatedAt: null,
  terminationReason: null,
};
