import type { NoticeDto } from '@zhaoshang/shared/domain';
import type { NoticesApi } from '@zhaoshang/web/notices/data-access';
import type { Observable } from 'rxjs';

/** The changes the detail page offers, each with one text (a comment, the feedback, a note, a reason). */
export type NoticeStep = 'sign' | 'return' | 'feedback' | 'close' | 'cancel';

export interface StepText {
  title: string;
  label: string;
  placeholder: string;
  submit: string;
  /** the text must be given (the API says the same) */
  required: boolean;
  danger: boolean;
  done: (notice: NoticeDto) => string;
}

export const STEP_TEXT: Record<NoticeStep, StepText> = {
  sign: { title: '签发', label: '签发意见（可不填）', placeholder: '例如：同意，请抓紧落实', submit: '确认签发', required: false, danger: false, done: (n) => `已签发，文号 ${n.number ?? ''}` },
  return: { title: '退回修改', label: '退回意见', placeholder: '请写明需要修改之处', submit: '退回', required: true, danger: true, done: () => '已退回拟稿人修改' },
  feedback: { title: '填写反馈', label: '办理情况', placeholder: '写明已采取的措施、进展和结果', submit: '提交反馈', required: true, danger: false, done: () => '已提交反馈' },
  close: { title: '办结', label: '办结说明（可不填）', placeholder: '例如：问题已解决，同意办结', submit: '确认办结', required: false, danger: false, done: () => '已办结' },
  cancel: { title: '作废', label: '作废原因', placeholder: '请写明作废原因', submit: '作废', required: true, danger: true, done: () => '已作废' },
};

/** The request a step sends, with the version the page read (a stale page gets 409 and reloads). */
export function stepRequest(api: NoticesApi, step: NoticeStep, n: NoticeDto, text: string): Observable<NoticeDto> {
  const version = n.version;
  switch (step) {
    case 'sign':
      return api.sign(n.id, { ...(text ? { comment: text } : {}), version });
    case 'return':
      return api.return(n.id, { comment: text, version });
    case 'feedback':
      return api.feedback(n.id, { text, version });
    case 'close':
      return api.close(n.id, { ...(text ? { note: text } : {}), version });
    case 'cancel':
      return api.cancel(n.id, { reason: text, version });
  }
}
