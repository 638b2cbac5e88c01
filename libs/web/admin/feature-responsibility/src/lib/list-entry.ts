import type { NonNullableFormBuilder } from '@angular/forms';
import { type LeaderDto, levelRegionProblem, type ResponsibilityLevel, type UnitDto } from '@zhaoshang/shared/domain';
import { zsValidators } from '@zhaoshang/web/shared/ui';

/** Which list a dialog or a tab is about: 包联领导 carry a 分管领域 and may be linked to a leader's account. */
export type ListKind = 'leader' | 'unit';

export const LIST_LABELS: Record<ListKind, { noun: string; nameLabel: string; nameHint: string; maxLength: number }> = {
  leader: { noun: '包联领导', nameLabel: '姓名（含职务）', nameHint: '与项目、表格中的写法一致，例如：副市长 张某某', maxLength: 50 },
  unit: { noun: '责任单位', nameLabel: '单位名称', nameHint: '全称，例如：市发展和改革委员会、奈曼旗人民政府', maxLength: 100 },
};

export type ListEntry = LeaderDto | UnitDto;

/** The dialog's target: a new entry of a list (with a suggested sort order) or an existing one. */
export type ListEntryTarget = { kind: ListKind; mode: 'create'; sortOrder: number } | { kind: ListKind; mode: 'edit'; entry: ListEntry };

export function isLeader(entry: ListEntry): entry is LeaderDto {
  return 'portfolio' in entry;
}

/** One form for both lists; `portfolio` and `userId` are sent only for leaders. */
export function listEntryForm(fb: NonNullableFormBuilder) {
  const form = fb.group({
    name: ['', [zsValidators.required('请输入名称')]],
    level: fb.control<ResponsibilityLevel>('CITY'),
    regionCode: fb.control<string | null>(null),
    portfolio: [''],
    userId: fb.control<string | null>(null),
    sortOrder: fb.control<number | null>(null, [zsValidators.required('请输入排序号')]),
    active: [true],
  });
  // the same rule the API applies (levelRegionProblem), shown at the district field
  form.controls.regionCode.addValidators((control) => {
    const problem = levelRegionProblem(form.controls.level.value, control.value as string | null);
    return problem ? { place: problem } : null;
  });
  form.controls.level.valueChanges.subscribe((level) => {
    if (level === 'CITY') form.controls.regionCode.setValue(null);
    form.controls.regionCode.updateValueAndValidity();
  });
  return form;
}

export function nextSortOrder(entries: readonly ListEntry[]): number {
  return entries.reduce((max, entry) => Math.max(max, entry.sortOrder), 0) + 10;
}
