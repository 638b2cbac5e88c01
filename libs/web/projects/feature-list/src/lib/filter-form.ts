import type { FormControl, FormGroup, NonNullableFormBuilder, ValidatorFn } from '@angular/forms';
import { type InvestorOrigin, type ProjectFilter, type ProjectStage, compareWan, moneyProblem } from '@zhaoshang/shared/domain';
import { SEARCH_TEXT_MAX_LENGTH } from '@zhaoshang/web/projects/data-access';
import { zsValidators } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, toIsoDate } from '@zhaoshang/web/shared/util';

export type FilterForm = FormGroup<{
  regionCode: FormControl<string | null>;
  industryCode: FormControl<string | null>;
  stage: FormControl<ProjectStage | null>;
  investorOrigin: FormControl<InvestorOrigin | null>;
  isKeyProject: FormControl<boolean | null>;
  signed: FormControl<Date[] | null>;
  amountMin: FormControl<string>;
  amountMax: FormControl<string>;
  q: FormControl<string>;
  /** 包联领导 and 责任单位 by name (the lists' names are what projects carry), 我的项目 (DOMAIN.md §9) */
  leadOfficial: FormControl<string | null>;
  leadDepartment: FormControl<string | null>;
  mine: FormControl<boolean>;
}>;

export type FilterValue = ReturnType<FilterForm['getRawValue']>;

function amount(label: string): ValidatorFn {
  return (control) => {
    const value = typeof control.value === 'string' ? control.value.trim() : '';
    const problem = value === '' ? null : moneyProblem(label, value);
    return problem ? { money: problem } : null;
  };
}

/** The amount range reads from low to high. */
const rangeInOrder: ValidatorFn = (group) => {
  const { amountMin, amountMax } = (group as FilterForm).getRawValue();
  const min = amountMin.trim();
  const max = amountMax.trim();
  if (min === '' || max === '' || (group as FilterForm).controls.amountMin.invalid || (group as FilterForm).controls.amountMax.invalid) return null;
  return compareWan(min, max) > 0 ? { range: '签约额下限不能大于上限' } : null;
};

export function filterForm(fb: NonNullableFormBuilder): FilterForm {
  return fb.group(
    {
      regionCode: fb.control<string | null>(null),
      industryCode: fb.control<string | null>(null),
      stage: fb.control<ProjectStage | null>(null),
      investorOrigin: fb.control<InvestorOrigin | null>(null),
      isKeyProject: fb.control<boolean | null>(null),
      signed: fb.control<Date[] | null>(null),
      amountMin: fb.control('', amount('签约额下限')),
      amountMax: fb.control('', amount('签约额上限')),
      q: fb.control('', zsValidators.maxLength(SEARCH_TEXT_MAX_LENGTH, `搜索内容最多 ${SEARCH_TEXT_MAX_LENGTH} 个字`)),
      leadOfficial: fb.control<string | null>(null),
      leadDepartment: fb.control<string | null>(null),
      mine: fb.control(false),
    },
    { validators: rangeInOrder },
  );
}

/** The form's picture of a filter (a URL's, say). */
export function filterFormValue(filter: ProjectFilter): FilterValue {
  const signed = filter.signedFrom || filter.signedTo ? [fromIsoDate(filter.signedFrom), fromIsoDate(filter.signedTo)].filter((d): d is Date => d !== null) : null;
  return {
    regionCode: filter.regionCode ?? null,
    industryCode: filter.industryCode ?? null,
    stage: filter.stage ?? null,
    investorOrigin: filter.investorOrigin ?? null,
    isKeyProject: filter.isKeyProject ?? null,
    signed: signed && signed.length === 2 ? signed : null,
    amountMin: filter.amountMin ?? '',
    amountMax: filter.amountMax ?? '',
    q: filter.q ?? '',
    leadOfficial: filter.leadOfficial ?? null,
    leadDepartment: filter.leadDepartment ?? null,
    mine: filter.mine ?? false,
  };
}

/** The filter the form describes; blanks are "any". */
export function filterFromForm(value: FilterValue): ProjectFilter {
  const filter: ProjectFilter = {};
  if (value.regionCode) filter.regionCode = value.regionCode;
  if (value.industryCode) filter.industryCode = value.industryCode;
  if (value.stage) filter.stage = value.stage;
  if (value.investorOrigin) filter.investorOrigin = value.investorOrigin;
  if (value.isKeyProject !== null) filter.isKeyProject = value.isKeyProject;
  const [from, to] = value.signed ?? [];
  if (from) filter.signedFrom = toIsoDate(from);
  if (to) filter.signedTo = toIsoDate(to);
  if (value.amountMin.trim()) filter.amountMin = value.amountMin.trim();
  if (value.amountMax.trim()) filter.amountMax = value.amountMax.trim();
  if (value.q.trim()) filter.q = value.q.trim();
  if (value.leadOfficial) filter.leadOfficial = value.leadOfficial;
  if (value.leadDepartment) filter.leadDepartment = value.leadDepartment;
  if (value.mine) filter.mine = true;
  return filter;
}
