import type { NonNullableFormBuilder } from '@angular/forms';
import { type NoticeComposeResponse, type NoticeDto, type NoticeKind, needsSignature } from '@zhaoshang/shared/domain';
import type { NoticeSubjectRef } from '@zhaoshang/web/notices/data-access';
import { zsValidators } from '@zhaoshang/web/shared/ui';
import { fromIsoDate } from '@zhaoshang/web/shared/util';

/**
 * What the compose dialog is asked to do: a new notice about a subject (a problem, a red warning;
 * `kind` preselected, e.g. the rung 待升级 proposes), or an edit of a draft (待签发 or 已退回).
 */
export type NoticeComposeRequest =
  | { mode: 'create'; subject: NoticeSubjectRef; kind?: NoticeKind; previousNoticeId?: string | null; subjectLabel?: string }
  | { mode: 'edit'; notice: NoticeDto };

export const TITLE_MAX = 100;
export const TEXT_MAX = 2000;

export function composeForm(fb: NonNullableFormBuilder) {
  const form = fb.group({
    kind: fb.control<NoticeKind>('REMINDER'),
    recipientUnitId: fb.control<string | null>(null, [zsValidators.required('请选择主送单位')]),
    title: ['', [zsValidators.required('请输入标题'), zsValidators.maxLength(TITLE_MAX, `标题最多 ${TITLE_MAX} 个字`)]],
    facts: ['', [zsValidators.required('请写明事实（问题或预警的情况）'), zsValidators.maxLength(TEXT_MAX, `最多 ${TEXT_MAX} 个字`)]],
    requirement: ['', [zsValidators.required('请写明办理要求'), zsValidators.maxLength(TEXT_MAX, `最多 ${TEXT_MAX} 个字`)]],
    deadline: fb.control<Date | null>(null, [zsValidators.required('请选择办理时限')]),
    signerLeaderId: fb.control<string | null>(null),
  });
  // 督办单 and 移交函 need a leader to sign them (DOMAIN.md §9): the same rule the API applies
  form.controls.signerLeaderId.addValidators((control) => (needsSignature(form.controls.kind.value) && !control.value ? { required: '督办单、移交函须选择签发领导' } : null));
  form.controls.kind.valueChanges.subscribe(() => form.controls.signerLeaderId.updateValueAndValidity());
  return form;
}

export type ComposeForm = ReturnType<typeof composeForm>;

/** The API's suggestion into the form; what the user already typed in facts and requirement stays. */
export function fillFromSuggestion(form: ComposeForm, s: NoticeComposeResponse, keepTyped: boolean): void {
  const v = form.getRawValue();
  form.patchValue({
    kind: s.kind,
    title: s.title,
    deadline: fromIsoDate(s.deadline),
    recipientUnitId: keepTyped && v.recipientUnitId ? v.recipientUnitId : s.recipientUnitId,
    facts: keepTyped && v.facts.trim() ? v.facts : s.facts,
    requirement: keepTyped && v.requirement.trim() ? v.requirement : s.requirement,
  }, { emitEvent: false });
  form.controls.signerLeaderId.updateValueAndValidity();
}

/** 已下发 通招提〔2026〕1号, or 已提交领导签发 for a draft waiting for the leader. */
export function savedMessage(notice: NoticeDto, mode: 'create' | 'edit'): string {
  if (notice.status === 'ISSUED' && notice.number) return `已下发 ${notice.number}`;
  if (notice.status === 'PENDING_SIGNATURE') return mode === 'edit' ? `已保存，已提交${notice.signerLeaderName ?? '领导'}签发` : '已提交领导签发';
  return '已保存';
}
