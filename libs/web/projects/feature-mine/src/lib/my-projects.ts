import type { ProjectSummary, WarningLevel, WarningRule } from '@zhaoshang/shared/domain';

export type Flags = readonly { rule: WarningRule; level: WarningLevel }[];

/** 0 for a project with a red flag, 1 with a yellow one, 2 with none: the order a leader reads them in. */
export function urgency(flags: Flags | undefined): number {
  if (!flags || flags.length === 0) return 2;
  return flags.some((f) => f.level === 'RED') ? 0 : 1;
}

/** Red flags first, then yellow, then the rest; within each, the bigger signing first (the API's order). */
export function byUrgency<T extends Pick<ProjectSummary, 'id'>>(projects: readonly T[], flagsOf: (id: string) => Flags | undefined): T[] {
  return projects
    .map((project, index) => ({ project, index, rank: urgency(flagsOf(project.id)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((entry) => entry.project);
}
