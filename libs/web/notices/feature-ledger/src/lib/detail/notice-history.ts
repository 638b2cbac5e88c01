import type { NoticeDto } from '@zhaoshang/shared/domain';
import { formatDateTime } from '@zhaoshang/web/shared/util';

/** The record's days are dates (签发、下发、反馈、办结日期); its creation and last change are instants. */
function when(at: string | null): string | null {
  if (!at) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : formatDateTime(at);
}

export interface HistoryStep {
  key: string;
  /** what happened, in a few words */
  label: string;
  /** who and when (a date, or a Beijing time for the drafting) */
  by: string | null;
  at: string | null;
  /** the words that came with it: the leader's comment, the feedback, the note */
  text: string | null;
  color: 'blue' | 'green' | 'red' | 'gray' | 'orange';
}

/**
 * The notice's course, from its own record: drafted, returned or signed, issued, answered, closed
 * or cancelled. (Every change is also in the audit log; this is the reader's version of it.)
 */
export function noticeHistory(n: NoticeDto): HistoryStep[] {
  const steps: HistoryStep[] = [{ key: 'drafted', label: n.signerLeaderId ? `拟稿，送${n.signerLeaderName ?? '领导'}签发` : '拟稿', by: n.draftedByName, at: n.createdAt, text: null, color: 'gray' }];
  if (n.status === 'RETURNED') steps.push({ key: 'returned', label: '领导退回修改', by: n.signerLeaderName, at: n.updatedAt, text: n.signComment, color: 'red' });
  if (n.signedAt) steps.push({ key: 'signed', label: '领导签发', by: n.signerLeaderName, at: n.signedAt, text: n.signComment, color: 'green' });
  if (n.issuedAt) steps.push({ key: 'issued', label: `下发${n.number ? ` ${n.number}` : ''}`, by: n.issuedByName, at: n.issuedAt, text: null, color: 'blue' });
  if (n.feedbackAt) steps.push({ key: 'feedback', label: '主送单位反馈', by: n.feedbackByName, at: n.feedbackAt, text: n.feedback, color: 'blue' });
  // a cancelled draft keeps its day and reason in closedAt/closeNote too: 作废, not 办结
  if (n.closedAt && n.status === 'CLOSED') steps.push({ key: 'closed', label: '办结', by: null, at: n.closedAt, text: n.closeNote, color: 'green' });
  if (n.status === 'CANCELLED') steps.push({ key: 'cancelled', label: '作废', by: null, at: n.updatedAt, text: n.closeNote, color: 'gray' });
  if (n.overdue) steps.push({ key: 'overdue', label: `已超过办理时限（${n.deadline}）`, by: null, at: null, text: null, color: 'red' });
  return steps.map((step) => ({ ...step, at: when(step.at) }));
}
