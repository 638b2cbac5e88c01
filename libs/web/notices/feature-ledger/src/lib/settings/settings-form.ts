import { NOTICE_DAYS_MAX, NOTICE_KINDS, NOTICE_PREFIX_MAX, type NoticeKind, type NoticeSettings, isCalendarDate } from '@zhaoshang/shared/domain';

/** The form's text: one date a line for the two calendars. */
export interface NoticeSettingsDraft {
  prefixes: Record<NoticeKind, string>;
  deadlineWorkingDays: Record<NoticeKind, number | null>;
  holidays: string;
  extraWorkdays: string;
  issuer: string;
}

/** the API's bounds (noticeSettingsProblems) */
export const PREFIX_MAX = NOTICE_PREFIX_MAX;
export const DAYS_MAX = NOTICE_DAYS_MAX;

export function draftOf(s: NoticeSettings): NoticeSettingsDraft {
  return { prefixes: { ...s.prefixes }, deadlineWorkingDays: { ...s.deadlineWorkingDays }, holidays: s.holidays.join('\n'), extraWorkdays: s.extraWorkdays.join('\n'), issuer: s.issuer };
}

/** Dates typed one a line (commas and spaces too), sorted, each once. */
export function datesOf(text: string): string[] {
  return [...new Set(text.split(/[\s,，、;；]+/).map((d) => d.trim()).filter((d) => d !== ''))].sort();
}

/** Problems by field path (prefixes.URGE, holidays…), in Chinese; empty when the draft can be saved. */
export function draftProblems(d: NoticeSettingsDraft): Record<string, string> {
  const out: Record<string, string> = {};
  const prefixes = new Set<string>();
  for (const kind of NOTICE_KINDS) {
    const prefix = d.prefixes[kind].trim();
    if (!prefix) out[`prefixes.${kind}`] = '请输入文号前缀';
    else if (prefix.length > PREFIX_MAX) out[`prefixes.${kind}`] = `最多 ${PREFIX_MAX} 个字`;
    else if (prefixes.has(prefix)) out[`prefixes.${kind}`] = '各类通知的前缀不能相同（文号会重复）';
    prefixes.add(prefix);
    const days = d.deadlineWorkingDays[kind];
    if (days === null || !Number.isInteger(days) || days < 1 || days > DAYS_MAX) out[`deadlineWorkingDays.${kind}`] = `请输入 1–${DAYS_MAX} 的整数`;
  }
  for (const field of ['holidays', 'extraWorkdays'] as const) {
    const bad = datesOf(d[field]).filter((date) => !isCalendarDate(date));
    if (bad.length > 0) out[field] = `不是有效日期（应为 YYYY-MM-DD）：${bad.slice(0, 3).join('、')}`;
  }
  const both = datesOf(d.holidays).filter((date) => datesOf(d.extraWorkdays).includes(date));
  if (both.length > 0) out['extraWorkdays'] = `${both.join('、')} 不能既是节假日又是调休上班日`;
  if (!d.issuer.trim()) out['issuer'] = '请输入落款单位';
  return out;
}

export function settingsOf(d: NoticeSettingsDraft): NoticeSettings {
  const days = {} as Record<NoticeKind, number>;
  const prefixes = {} as Record<NoticeKind, string>;
  for (const kind of NOTICE_KINDS) {
    prefixes[kind] = d.prefixes[kind].trim();
    days[kind] = d.deadlineWorkingDays[kind] ?? 0;
  }
  return { prefixes, deadlineWorkingDays: days, holidays: datesOf(d.holidays), extraWorkdays: datesOf(d.extraWorkdays), issuer: d.issuer.trim() };
}
