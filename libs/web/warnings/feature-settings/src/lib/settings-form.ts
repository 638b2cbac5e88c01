import {
  DEFAULT_WARNING_SETTINGS,
  type FieldProblem,
  WARNING_RULES,
  WARNING_SETTING_FIELDS,
  type WarningRule,
  type WarningSettingField,
  type WarningSettings,
} from '@zhaoshang/shared/domain';

/** The form's values: each setting by `RULE.key`; null while a box is empty. */
export type SettingsDraft = Record<string, number | null>;

export const fieldKey = (f: Pick<WarningSettingField, 'rule' | 'key'>): string => `${f.rule}.${f.key}`;

export function fieldsOf(rule: WarningRule): WarningSettingField[] {
  return WARNING_SETTING_FIELDS.filter((f) => f.rule === rule);
}

export function draftOf(settings: WarningSettings): SettingsDraft {
  const values = settings as unknown as Record<WarningRule, Record<string, number>>;
  return Object.fromEntries(WARNING_SETTING_FIELDS.map((f) => [fieldKey(f), values[f.rule][f.key]]));
}

/** The draft as the API's settings object; an empty box stays null, and the validation names it. */
export function settingsOf(draft: SettingsDraft): WarningSettings {
  const out: Record<string, Record<string, number | null>> = {};
  for (const rule of WARNING_RULES) out[rule] = Object.fromEntries(fieldsOf(rule).map((f) => [f.key, draft[fieldKey(f)] ?? null]));
  return out as unknown as WarningSettings;
}

/** `settings.START.redMonthsAfterPlan` (the API's field path) → `START.redMonthsAfterPlan` (the form's key). */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const key = p.field.replace(/^settings\./, '');
    out[key] ??= p.message;
  }
  return out;
}

export function defaultOf(f: WarningSettingField): number {
  return (DEFAULT_WARNING_SETTINGS as unknown as Record<WarningRule, Record<string, number>>)[f.rule][f.key];
}

export function sameDraft(a: SettingsDraft, b: SettingsDraft): boolean {
  return WARNING_SETTING_FIELDS.every((f) => a[fieldKey(f)] === b[fieldKey(f)]);
}
