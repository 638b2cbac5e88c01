import { WARNING_LEVEL_LABELS, WARNING_RULE_LABELS, type WarningLevel, type WarningRule } from '@zhaoshang/shared/domain';

/** ng-zorro tag colours of the two levels: red, and gold (readable, unlike yellow on white). */
export const LEVEL_TAG_COLORS: Record<WarningLevel, string> = { RED: 'red', YELLOW: 'gold' };

/** One line per flag, for a tooltip: "红色·未按期开工". */
export function flagsText(flags: readonly { rule: WarningRule; level: WarningLevel }[]): string {
  return flags.map((f) => `${WARNING_LEVEL_LABELS[f.level]}·${WARNING_RULE_LABELS[f.rule]}`).join('；');
}

/** Red first: the worst level a project has, or null. */
export function worstLevel(flags: readonly { level: WarningLevel }[] | undefined): WarningLevel | null {
  if (!flags || flags.length === 0) return null;
  return flags.some((f) => f.level === 'RED') ? 'RED' : 'YELLOW';
}
