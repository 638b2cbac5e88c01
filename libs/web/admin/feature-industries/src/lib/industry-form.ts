import type { NonNullableFormBuilder } from '@angular/forms';
import { INDUSTRY_CODE_PATTERN, type IndustryDto } from '@zhaoshang/shared/domain';
import { zsValidators } from '@zhaoshang/web/shared/ui';

export const INDUSTRY_NAME_MAX_LENGTH = 50;
export const INDUSTRY_CODE_RULE = '2–8 位大写字母或数字，以字母开头，例如 NE、AGRI';

function nameValidators() {
  return [
    zsValidators.required('请输入名称'),
    zsValidators.maxLength(INDUSTRY_NAME_MAX_LENGTH, `名称最多 ${INDUSTRY_NAME_MAX_LENGTH} 个字`),
  ];
}

const sortOrderValidators = [
  zsValidators.required('请输入排序号'),
];

/** One form for create (code editable) and edit (code fixed, `active` editable). */
export function industryForm(fb: NonNullableFormBuilder) {
  return fb.group({
    code: ['', [zsValidators.required('请输入代码'), zsValidators.pattern(INDUSTRY_CODE_PATTERN, `代码为${INDUSTRY_CODE_RULE}`)]],
    name: ['', nameValidators()],
    sortOrder: fb.control<number | null>(null, sortOrderValidators),
    active: [true],
  });
}

export type IndustryForm = ReturnType<typeof industryForm>;

export function nextSortOrder(industries: IndustryDto[]): number {
  return industries.reduce((max, industry) => Math.max(max, industry.sortOrder), 0) + 10;
}
