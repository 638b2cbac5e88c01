import type { FormControl, FormGroup, NonNullableFormBuilder, ValidatorFn } from '@angular/forms';
import {
  type CreateProjectRequest,
  type InvestorOrigin,
  MILESTONE_CHAIN,
  type MilestoneField,
  type Milestones,
  PROJECT_FIELD_LABELS,
  type ProjectDto,
  type ProjectFields,
  type ProjectStage,
  type UpdateProjectRequest,
  projectFieldProblems,
  shanghaiToday,
  stageIndex,
} from '@zhaoshang/shared/domain';
import { zsValidators } from '@zhaoshang/web/shared/ui';
import { fromIsoDate, fromIsoMonth, toIsoDate, toIsoMonth } from '@zhaoshang/web/shared/util';

/** The API's length limits (its request DTOs). */
export const LIMITS = {
  name: 200,
  investorName: 200,
  statsCode: 50,
  terminationReason: 500,
  notes: 2000,
} as const;

const L = PROJECT_FIELD_LABELS;

type DateControls = { [K in MilestoneField]: FormControl<Date | null> };

export type ProjectForm = FormGroup<
  DateControls & {
    name: FormControl<string>;
    regionCode: FormControl<string | null>;
    industryCode: FormControl<string | null>;
    stage: FormControl<ProjectStage>;
    isKeyProject: FormControl<boolean>;
    investorName: FormControl<string>;
    investorUscc: FormControl<string>;
    investorOrigin: FormControl<InvestorOrigin | null>;
    contractAmountWan: FormControl<string>;
    plannedInvestmentWan: FormControl<string>;
    plannedStartMonth: FormControl<Date | null>;
    nationalCode: FormControl<string>;
    terminationReason: FormControl<string>;
    statsRegistered: FormControl<boolean>;
    statsRegisteredMonth: FormControl<Date | null>;
    statsCode: FormControl<string>;
    /** names from the lists an admin keeps (DOMAIN.md §9), null for none */
    leadOfficial: FormControl<string | null>;
    leadDepartment: FormControl<string | null>;
    districtContactId: FormControl<string | null>;
    notes: FormControl<string>;
  }
>;

export type ProjectFormValue = ReturnType<ProjectForm['getRawValue']>;

/** The milestones as the form holds them, dates as `YYYY-MM-DD`. */
export function formMilestones(value: Pick<ProjectFormValue, MilestoneField | 'terminationReason'>): Milestones {
  const date = (d: Date | null) => (d ? toIsoDate(d) : null);
  return {
    signedAt: date(value.signedAt),
    registeredAt: date(value.registeredAt),
    constructionStartedAt: date(value.constructionStartedAt),
    productionStartedAt: date(value.productionStartedAt),
    terminatedAt: date(value.terminatedAt),
    terminationReason: orNull(value.terminationReason),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The project the form describes, as the API will see it (trimmed, '' as null, codes upper-case). */
export function formFields(value: ProjectFormValue, parentProjectNo: string | null = null): ProjectFields {
  const stats = value.statsRegistered;
  return {
    name: value.name.trim(),
    regionCode: value.regionCode ?? '',
    industryCode: value.industryCode ?? '',
    investorName: value.investorName.trim(),
    investorUscc: orNull(value.investorUscc.toUpperCase()),
    investorOrigin: value.investorOrigin as InvestorOrigin,
    contractAmountWan: value.contractAmountWan.trim(),
    plannedInvestmentWan: orNull(value.plannedInvestmentWan),
    stage: value.stage,
    plannedStartMonth: value.plannedStartMonth ? toIsoMonth(value.plannedStartMonth) : null,
    isKeyProject: value.isKeyProject,
    leadOfficial: value.leadOfficial || null,
    leadDepartment: value.leadDepartment || null,
    districtContactId: value.districtContactId || null,
    nationalCode: orNull(value.nationalCode),
    statsRegistered: stats,
    statsRegisteredMonth: stats && value.statsRegisteredMonth ? toIsoMonth(value.statsRegisteredMonth) : null,
    statsCode: stats ? orNull(value.statsCode) : null,
    notes: orNull(value.notes),
    parentProjectNo,
    ...formMilestones(value),
  };
}

/**
 * The API's own check of a project (`projectFieldProblems` of the shared lib: uscc, money, months,
 * statistics registration, the milestones along the lifecycle), its messages under the field they name.
 * The 入库 threshold is a setting the API checks (its 400 names the field); the form does not guess it.
 */
function domainRule(field: keyof ProjectFields): ValidatorFn {
  return (control) => {
    const form = control.parent as ProjectForm | null;
    if (!form) return null;
    const problems = projectFieldProblems(formFields(form.getRawValue()), shanghaiToday(), null).filter((p) => p.field === field);
    return problems.length > 0 ? { rule: problems.map((p) => p.message).join('；') } : null;
  };
}

const required = (field: keyof typeof L) => zsValidators.required(`${L[field]}不能为空`);
const maxLength = (field: keyof typeof LIMITS & keyof typeof L) => zsValidators.maxLength(LIMITS[field], `${L[field]}最多 ${LIMITS[field]} 个字`);

/** The controls the domain rule checks; each value change re-checks them all (dates depend on each other and on the stage). */
const RULED = [
  'name',
  'investorName',
  'investorUscc',
  'nationalCode',
  'contractAmountWan',
  'plannedInvestmentWan',
  'plannedStartMonth',
  'statsRegistered',
  'statsRegisteredMonth',
  'statsCode',
  ...MILESTONE_CHAIN,
  'terminatedAt',
  'terminationReason',
] as const satisfies readonly (keyof ProjectFields)[];

/**
 * The dates a project at `stage` shows: those of the stages reached (a skipped one may stay empty);
 * a terminated one its signing and termination dates and whatever else it recorded.
 */
export function milestoneFieldsFor(stage: ProjectStage, recorded: Partial<Milestones> = {}): MilestoneField[] {
  if (stage === 'TERMINATED') {
    return [...MILESTONE_CHAIN.filter((field) => field === 'signedAt' || (recorded[field] ?? null) !== null), 'terminatedAt'];
  }
  return MILESTONE_CHAIN.slice(0, stageIndex(stage));
}

/** Whether the field must be filled at this stage (the stage's own date; the signing date once past it). */
export function milestoneRequired(stage: ProjectStage, field: MilestoneField): boolean {
  if (stage === 'NEGOTIATING') return false;
  if (stage === 'TERMINATED') return field === 'terminatedAt';
  return field === MILESTONE_CHAIN[stageIndex(stage) - 1] || field === 'signedAt';
}

export function projectForm(fb: NonNullableFormBuilder): ProjectForm {
  const date = (field: MilestoneField) => fb.control<Date | null>(null, domainRule(field));
  const form: ProjectForm = fb.group({
    name: ['', [domainRule('name'), maxLength('name')]],
    regionCode: fb.control<string | null>(null, required('regionCode')),
    industryCode: fb.control<string | null>(null, required('industryCode')),
    stage: fb.control<ProjectStage>('SIGNED'),
    isKeyProject: [false],
    investorName: ['', [domainRule('investorName'), maxLength('investorName')]],
    investorUscc: ['', domainRule('investorUscc')],
    investorOrigin: fb.control<InvestorOrigin | null>(null, required('investorOrigin')),
    contractAmountWan: ['', [required('contractAmountWan'), domainRule('contractAmountWan')]],
    plannedInvestmentWan: ['', domainRule('plannedInvestmentWan')],
    plannedStartMonth: fb.control<Date | null>(null, domainRule('plannedStartMonth')),
    nationalCode: ['', domainRule('nationalCode')],
    signedAt: date('signedAt'),
    registeredAt: date('registeredAt'),
    constructionStartedAt: date('constructionStartedAt'),
    productionStartedAt: date('productionStartedAt'),
    terminatedAt: date('terminatedAt'),
    terminationReason: ['', [domainRule('terminationReason'), maxLength('terminationReason')]],
    statsRegistered: fb.control(false, domainRule('statsRegistered')),
    statsRegisteredMonth: fb.control<Date | null>(null, domainRule('statsRegisteredMonth')),
    statsCode: ['', [domainRule('statsCode'), maxLength('statsCode')]],
    leadOfficial: fb.control<string | null>(null),
    leadDepartment: fb.control<string | null>(null),
    districtContactId: fb.control<string | null>(null),
    notes: ['', maxLength('notes')],
  });
  linkRules(form);
  return form;
}

function linkRules(form: ProjectForm): void {
  const c = form.controls;
  // one field's value can make another right or wrong (a date before the signing date, the planned
  // investment of a registered project): every change re-checks all of them, quietly
  form.valueChanges.subscribe(() => {
    for (const field of RULED) c[field].updateValueAndValidity({ emitEvent: false });
  });
  c.stage.valueChanges.subscribe((stage) => {
    // dates of stages the project has not reached are not kept
    const shown = new Set<string>(milestoneFieldsFor(stage, formMilestones(form.getRawValue())));
    for (const field of [...MILESTONE_CHAIN, 'terminatedAt' as const]) {
      if (!shown.has(field) && c[field].value !== null) c[field].setValue(null, { emitEvent: false });
    }
    if (stage !== 'TERMINATED') c.terminationReason.setValue('', { emitEvent: false });
  });
  c.statsRegistered.valueChanges.subscribe((registered) => {
    if (!registered) {
      c.statsRegisteredMonth.setValue(null, { emitEvent: false });
      c.statsCode.setValue('', { emitEvent: false });
    }
  });
}

/** The form filled from a project (to edit it, or as the start of its capital increase). */
export function projectFormValue(project: ProjectDto): ProjectFormValue {
  return {
    name: project.name,
    regionCode: project.regionCode,
    industryCode: project.industryCode,
    stage: project.stage,
    isKeyProject: project.isKeyProject,
    investorName: project.investorName,
    investorUscc: project.investorUscc ?? '',
    investorOrigin: project.investorOrigin,
    contractAmountWan: project.contractAmountWan,
    plannedInvestmentWan: project.plannedInvestmentWan ?? '',
    plannedStartMonth: fromIsoMonth(project.plannedStartMonth),
    nationalCode: project.nationalCode ?? '',
    signedAt: fromIsoDate(project.signedAt),
    registeredAt: fromIsoDate(project.registeredAt),
    constructionStartedAt: fromIsoDate(project.constructionStartedAt),
    productionStartedAt: fromIsoDate(project.productionStartedAt),
    terminatedAt: fromIsoDate(project.terminatedAt),
    terminationReason: project.terminationReason ?? '',
    statsRegistered: project.statsRegistered,
    statsRegisteredMonth: fromIsoMonth(project.statsRegisteredMonth),
    statsCode: project.statsCode ?? '',
    leadOfficial: project.leadOfficial,
    leadDepartment: project.leadDepartment,
    districtContactId: project.districtContactId,
    notes: project.notes ?? '',
  };
}

/**
 * A capital increase (增资) starts from its parent: same region, industry and investor, its own
 * (empty) amount and dates, linked by parentProjectNo.
 */
export function capitalIncreaseValue(parent: ProjectDto): Partial<ProjectFormValue> {
  return {
    name: `${parent.name}（增资）`,
    regionCode: parent.regionCode,
    industryCode: parent.industryCode,
    stage: 'SIGNED',
    isKeyProject: parent.isKeyProject,
    investorName: parent.investorName,
    investorUscc: parent.investorUscc ?? '',
    investorOrigin: parent.investorOrigin,
    contractAmountWan: '',
    leadOfficial: parent.leadOfficial,
    leadDepartment: parent.leadDepartment,
    districtContactId: parent.districtContactId,
  };
}

export function toCreateRequest(value: ProjectFormValue, parentProjectNo: string | null, confirmLookAlike = false): CreateProjectRequest {
  return { ...formFields(value, parentProjectNo), ...(confirmLookAlike ? { confirmLookAlike: true } : {}) };
}

export function toUpdateRequest(value: ProjectFormValue, version: number): UpdateProjectRequest {
  // the stage moves through its own dialog; the region and the parent are fixed once registered
  const { stage: _stage, regionCode: _region, parentProjectNo: _parent, ...fields } = formFields(value);
  return { ...fields, version };
}
