import type { FormArray, FormControl, FormGroup, NonNullableFormBuilder, ValidatorFn } from '@angular/forms';
import { APPROVAL_KINDS, type ApprovalDto, type ApprovalKind, type ApprovalStatus, shanghaiToday } from '@zhaoshang/shared/domain';
import { fromIsoDate, toIsoDate } from '@zhaoshang/web/shared/util';

export type ApprovalRow = FormGroup<{
  kind: FormControl<ApprovalKind>;
  status: FormControl<ApprovalStatus>;
  doneAt: FormControl<Date | null>;
}>;

export type ApprovalsForm = FormGroup<{ rows: FormArray<ApprovalRow> }>;

/** A done approval has its date, and the date has passed (DOMAIN.md §5). */
const doneAtRule: ValidatorFn = (control) => {
  const status: unknown = control.parent?.get('status')?.value;
  const value = control.value as Date | null;
  if (status !== 'DONE') return null;
  if (!value) return { required: '已办结的手续须填写办结日期' };
  const today = shanghaiToday();
  return toIsoDate(value) > today ? { future: `办结日期不能晚于今天（${today}）` } : null;
};

/** The six rows of the checklist, always in the same order, whatever the API sent. */
export function approvalsForm(fb: NonNullableFormBuilder, approvals: readonly ApprovalDto[]): ApprovalsForm {
  const rows = APPROVAL_KINDS.map((kind) => {
    const found = approvals.find((a) => a.kind === kind);
    const row: ApprovalRow = fb.group({
      kind: fb.control<ApprovalKind>(kind),
      status: fb.control<ApprovalStatus>(found?.status ?? 'NOT_STARTED'),
      doneAt: fb.control<Date | null>(fromIsoDate(found?.doneAt), doneAtRule),
    });
    // only a done approval has a date
    row.controls.status.valueChanges.subscribe((status) => {
      if (status !== 'DONE') row.controls.doneAt.setValue(null);
      row.controls.doneAt.updateValueAndValidity();
    });
    return row;
  });
  return fb.group({ rows: fb.array(rows) });
}

export function approvalItems(form: ApprovalsForm): ApprovalDto[] {
  return form.controls.rows.controls.map((row) => {
    const { kind, status, doneAt } = row.getRawValue();
    return { kind, status, doneAt: status === 'DONE' && doneAt ? toIsoDate(doneAt) : null };
  });
}

/** The API's field paths of the request (`items.3.doneAt`, `items[3].doneAt`) → the form's (`rows.3.doneAt`). */
export const APPROVALS_SERVER_FIELDS: Record<string, string> = Object.fromEntries(
  APPROVAL_KINDS.flatMap((_, i) => ['status', 'doneAt'].flatMap((field) => [`items.${i}.${field}`, `items[${i}].${field}`].map((path) => [path, `rows.${i}.${field}`]))),
);
