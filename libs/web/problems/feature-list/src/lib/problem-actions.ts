import { type IssueStatus, ISSUE_STATUS_LABELS, ISSUE_TRANSITIONS, type ProjectIssueDto, type Role, can, canEditRegion, isClosedIssue } from '@zhaoshang/shared/domain';

export interface ProblemViewer {
  role: Role;
  regionCode: string | null;
}

/** What a user may do with a problem (DOMAIN.md §7): the buttons shown are the ones the API allows. */
export interface ProblemRights {
  /** 编辑 and 改变状态: staff, district staff only of their region's projects */
  edit: boolean;
  /** 填写进展 (staff of the region) or 填写意见 (leaders) */
  comment: boolean;
  /** the 三单一函's first rung, for city staff on an overdue problem */
  notice: boolean;
}

export function problemRights(user: ProblemViewer | null | undefined, issue: Pick<ProjectIssueDto, 'regionCode' | 'overdue'>): ProblemRights {
  if (!user) return { edit: false, comment: false, notice: false };
  const edit = can(user.role, 'problems:edit') && canEditRegion(user, issue.regionCode);
  const comment = can(user.role, 'problems:comment') && (user.role === 'LEADER' || canEditRegion(user, issue.regionCode));
  const notice = (user.role === 'CITY_STAFF' || user.role === 'ADMIN') && issue.overdue;
  return { edit, comment, notice };
}

export interface StatusMove {
  to: IssueStatus;
  label: string;
  /** a note is required: closing, and taking a closed problem up again */
  needsNote: boolean;
}

/** The moves a problem may make from its status, in words (重新办理 for a closed one taken up again). */
export function statusMoves(status: IssueStatus): StatusMove[] {
  return ISSUE_TRANSITIONS[status].map((to) => ({
    to,
    label: to === 'IN_PROGRESS' ? (isClosedIssue(status) ? '重新办理' : '开始办理') : `标为${ISSUE_STATUS_LABELS[to]}`,
    needsNote: isClosedIssue(to) || isClosedIssue(status),
  }));
}
