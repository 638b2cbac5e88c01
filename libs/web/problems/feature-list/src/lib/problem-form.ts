import type { NonNullableFormBuilder } from '@angular/forms';
import { ISSUE_CATEGORIES, type IssueCategory, type UnitDto, addDays } from '@zhaoshang/shared/domain';
import { zsValidators } from '@zhaoshang/web/shared/ui';

/** A project the dialog raises a problem for: fixed when opened from the project, picked otherwise. */
export interface ProblemProject {
  id: string;
  projectNo: string;
  name: string;
  regionCode: string;
}

export const CATEGORY_OPTIONS: readonly IssueCategory[] = ISSUE_CATEGORIES;

/** The fields of a problem (提出 and 编辑 share them; 编辑 hides the project). */
export function problemForm(fb: NonNullableFormBuilder) {
  return fb.group({
    projectId: fb.control<string | null>(null, zsValidators.required('请选择项目')),
    category: fb.control<IssueCategory | null>(null, zsValidators.required('请选择问题类别')),
    description: fb.control('', [zsValidators.required('请描述项目遇到的问题'), zsValidators.maxLength(1000, '问题描述最多 1000 个字')]),
    unitId: fb.control<string | null>(null, zsValidators.required('请选择责任单位')),
    dueAt: fb.control<Date | null>(null, zsValidators.required('请选择办理时限')),
  });
}

/** The default due date: the day of raising plus the category's days (问题诉求设置). */
export function defaultDueAt(raisedAt: string, category: IssueCategory, dueDays: Record<IssueCategory, number>): string {
  return addDays(raisedAt, dueDays[category]);
}

/**
 * The units a problem of a project may be given: the city's, and the project's district's own
 * (a 奈曼旗 unit does not handle a 开鲁县 project's problem); the deactivated only when already chosen.
 */
export function unitsForProject(units: readonly UnitDto[], regionCode: string | null, chosen: string | null = null): UnitDto[] {
  return units.filter((u) => (u.active || u.id === chosen) && (u.level === 'CITY' || regionCode === null || u.regionCode === regionCode));
}
