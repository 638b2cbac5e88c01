import { type EscalationItem, type NoticeCounts, type NoticeDto, type NoticeListResponse } from '@zhaoshang/shared/domain';

// Fixtures of the specs (not exported by the lib's index, so no page bundles them).

export function noticeFixture(over: Partial<NoticeDto> = {}): NoticeDto {
  return {
    id: 'n-1', kind: 'SUPERVISE', status: 'PENDING_SIGNATURE', number: null, subjectType: 'ISSUE', projectId: 'p-1', projectNo: '150523-2026-0001',
    projectName: '开鲁县光伏项目', regionCode: '150523', regionName: '开鲁县', issueId: 'i-1', issueCategory: 'LAND', warningRule: null, commitmentId: null,
    previousNoticeId: null, recipientUnitId: 'u-1', recipientUnitName: '开鲁县人民政府', title: '关于督办开鲁县光伏项目用地问题的通知',
    facts: '项目用地指标尚未落实。', requirement: '请于时限内落实。', deadline: '2026-12-10', draftedByName: '市局甲',
    signerLeaderId: 'l-1', signerLeaderName: '常务副市长', signedAt: null, signComment: null, issuedAt: null, issuedByName: null, feedback: null,
    feedbackAt: null, feedbackByName: null, closedAt: null, closeNote: null, overdue: false, version: 3, createdAt: '2026-12-05T02:00:00.000Z',
    updatedAt: '2026-12-05T02:00:00.000Z', ...over,
  };
}

export const COUNTS: NoticeCounts = { total: 12, pendingSignature: 1, live: 6, overdue: 2, closed: 5, closedOnTime: 4 };

export function listOf(items: NoticeDto[], counts: NoticeCounts = COUNTS): NoticeListResponse {
  return { items, page: 1, pageSize: 20, counts };
}

export function escalationFixture(over: Partial<EscalationItem> = {}): EscalationItem {
  return {
    subjectType: 'ISSUE', projectId: 'p-1', projectNo: '150523-2026-0001', projectName: '开鲁县光伏项目', regionCode: '150523', regionName: '开鲁县',
    issueId: 'i-1', warningRule: null, commitmentId: null, summary: '用地指标未落实', latestNoticeId: 'n-0', latestKind: 'REMINDER',
    latestNumber: '通招提〔2026〕1号', deadline: '2026-12-01', recipientUnitId: 'u-1', recipientUnitName: '开鲁县人民政府', workingDaysOverdue: 3,
    proposedKind: 'URGE', ...over,
  };
}
